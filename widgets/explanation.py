"""The explanation panel: the post's idea with rendered formulas, a "what to try" list and a link to the post."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from PySide6.QtCore import QSize, QTimer, QUrl, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.i18n import translate
from explorer.runner import Job, Runner
from explorer.theme import Theme
from widgets.formula import formula_image, formula_mask

# $$display$$ first, then $inline$; a literal dollar is written \$.
_FORMULA = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.S)
_SHORTEST_LINES = 8  # the explanation never shrinks below this many lines of text
# Formulas are rasterised at the screen's pixel ratio, or higher for a headless export at a larger scale.
# Not always at 2x: Qt scales images down without smoothing, which drops thin strokes such as the bar of a "+".
_pixel_ratio_floor = 1.0


def set_pixel_ratio_floor(ratio: float) -> None:
    """Rasterise formulas at least at ``ratio`` (headless rendering at ``--scale``); affects panels shown later."""
    global _pixel_ratio_floor
    _pixel_ratio_floor = ratio


@dataclass(frozen=True)
class Explanation:
    """Text of a tab's explanation. ``body`` is simple HTML with ``$…$`` and ``$$…$$`` math."""

    title: str
    post_title: str
    post_url: str
    body: str
    what_to_try: tuple[str, ...] = ()

    def translated(self, context: str) -> Explanation:
        """The texts in the current language; they were marked with ``QT_TRANSLATE_NOOP(context, …)``."""
        return replace(
            self,
            title=translate(context, self.title),
            body=translate(context, self.body),
            what_to_try=tuple(translate(context, item) for item in self.what_to_try),
        )


class ExplanationPanel(QTextBrowser):
    """Rich text whose formulas are rasterised in a worker once the panel is first shown.

    Until then the LaTeX source stands in, so the window paints at once and never waits for matplotlib.
    """

    def __init__(self, explanation: Explanation, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self._explanation = explanation
        self._theme = theme
        self._rendered = False
        self._requested = False
        self._runner = Runner(self, name="formulas")
        self._runner.result.connect(self._on_masks)
        self.setOpenExternalLinks(True)
        self.setObjectName("explanation")
        self.setHtml(self._html(with_images=False))

    @property
    def rendered(self) -> bool:
        return self._rendered

    def minimumSizeHint(self) -> QSize:
        # Tall enough for a paragraph: where the controls fill the column it scrolls instead of shrinking to its
        # heading (presentation mode at 1280×720).
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().lineSpacing() * _SHORTEST_LINES)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._rendered = self._requested = False
        if self.isVisible():
            self.render_formulas()

    def shutdown(self) -> None:
        self._runner.shutdown()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._requested:
            # Only after the first paint: importing matplotlib in the worker competes with the GUI thread.
            QTimer.singleShot(0, self.render_formulas)

    @Slot()
    def render_formulas(self) -> None:
        """Ask the worker for the formulas' masks at the current theme's sizes."""
        if self._rendered or self._requested:
            return
        self._requested = True
        dpi = round(96 * max(self.devicePixelRatioF(), _pixel_ratio_floor))
        sizes = [(_display_style(latex) if display else latex, self._theme.font_pt * (1.3 if display else 1.12))
                 for latex, display in self._formulas()]
        self._runner.submit(_render_masks, sizes, dpi)

    @Slot(int, object)
    def _on_masks(self, _generation: int, masks: list) -> None:
        ratio = max(self.devicePixelRatioF(), _pixel_ratio_floor)
        document = self.document()
        for index, mask in enumerate(masks):
            image = formula_image(mask, self._theme.foreground, ratio)
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
        what_to_try, source = self.tr("What to try"), self.tr("From 科学空间:")
        return (
            f'<div style="color:{theme.foreground}; font-size:{theme.font_pt:.1f}pt">'
            f'<h3 style="margin-bottom:4px">{html.escape(text.title)}</h3>'
            f"{body}"
            + (f"<p><b>{what_to_try}</b></p><ul style='margin-left:-20px'>{tries}</ul>" if tries else "")
            + f'<p style="color:{theme.muted}">{source} <a style="color:{theme.accent}" '
            f'href="{text.post_url}">{html.escape(text.post_title)}</a></p></div>'
        )


def _display_style(latex: str) -> str:
    """A displayed formula's fractions at full size, as LaTeX sets display math: mathtext sets every \\frac in
    text style, and sampling's dx/dσ came out smaller than the text around it."""
    return re.sub(r"\\frac(?![A-Za-z])", r"\\dfrac", latex)


def _render_masks(sizes: list[tuple[str, float]], dpi: int, job: Job) -> list:
    return [formula_mask(latex, size, dpi) for latex, size in sizes]
