"""The explanation panel: the post's idea with rendered formulas, a "what to try" list and a link to the post."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QTimer, QUrl, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.theme import Theme
from widgets.formula import formula_image

# $$display$$ first, then $inline$; a literal dollar is written \$.
_FORMULA = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.S)
# Formulas are rendered at least at this pixel ratio so 2x exports stay sharp.
_MIN_PIXEL_RATIO = 2.0


@dataclass(frozen=True)
class Explanation:
    """Text of a tab's explanation. ``body`` is simple HTML with ``$…$`` and ``$$…$$`` math."""

    title: str
    post_title: str
    post_url: str
    body: str
    what_to_try: tuple[str, ...] = ()


class ExplanationPanel(QTextBrowser):
    """Rich text with formulas rendered lazily (after first show) so start-up stays fast."""

    def __init__(self, explanation: Explanation, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._explanation = explanation
        self._theme = theme
        self._rendered = False
        self.setOpenExternalLinks(True)
        self.setObjectName("explanation")
        self.setHtml(self._html(with_images=False))

    @property
    def rendered(self) -> bool:
        return self._rendered

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._rendered = False
        if self.isVisible():
            self.render_formulas()
        else:
            self.setHtml(self._html(with_images=False))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._rendered:
            QTimer.singleShot(0, self.render_formulas)

    @Slot()
    def render_formulas(self) -> None:
        if self._rendered:
            return
        ratio = max(self.devicePixelRatioF(), _MIN_PIXEL_RATIO)
        document = self.document()
        for index, (latex, display) in enumerate(self._formulas()):
            size = self._theme.font_pt * (1.3 if display else 1.12)
            image = formula_image(latex, self._theme.foreground, size, ratio)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"formula:{index}"), image)
        self._rendered = True
        scroll = self.verticalScrollBar().value()
        self.setHtml(self._html(with_images=True))
        self.verticalScrollBar().setValue(scroll)

    def _formulas(self) -> list[tuple[str, bool]]:
        return [(m.group(1) or m.group(2), m.group(1) is not None) for m in _FORMULA.finditer(self._explanation.body)]

    def _html(self, with_images: bool) -> str:
        theme, text = self._theme, self._explanation
        counter = iter(range(10**6))

        def formula(match: re.Match) -> str:
            index = next(counter)
            latex, display = match.group(1) or match.group(2), match.group(1) is not None
            inner = (
                f'<img src="formula:{index}" style="vertical-align: middle">'
                if with_images
                else f"<code>{html.escape(latex)}</code>"
            )
            return f'<p align="center">{inner}</p>' if display else inner

        body = _FORMULA.sub(formula, text.body).replace("\\$", "$")
        tries = "".join(f"<li>{item}</li>" for item in text.what_to_try)
        return (
            f'<div style="color:{theme.foreground}; font-size:{theme.font_pt:.1f}pt">'
            f'<h3 style="margin-bottom:4px">{html.escape(text.title)}</h3>'
            f"{body}"
            + (f"<p><b>What to try</b></p><ul style='margin-left:-20px'>{tries}</ul>" if tries else "")
            + f'<p style="color:{theme.muted}">From 科学空间: <a style="color:{theme.accent}" '
            f'href="{text.post_url}">{html.escape(text.post_title)}</a></p></div>'
        )
