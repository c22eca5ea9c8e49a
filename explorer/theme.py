"""The one theme object: colours by role, font and line scales. Light and dark; presentation mode scales both."""

from __future__ import annotations

from dataclasses import dataclass, replace

# Okabe-Ito based series colours: distinguishable with the common colour-vision deficiencies.
_LIGHT_SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#555555")
_DARK_SERIES = ("#56B4E9", "#FF8C42", "#2FD3A0", "#E89AC7", "#F0C44C", "#8FB8FF", "#C9A86A", "#BBBBBB")

PRESENTATION_FONT_SCALE = 1.4
PRESENTATION_LINE_SCALE = 1.8
# The smallest screen the full font enlargement fits (every tab's minimum at 1.4x is within it). A smaller screen,
# such as a 1024x768 projector, gets a proportionally smaller one: at 1.4x the tabs cut off titles and tables there.
PRESENTATION_ROOM = (1280, 800)


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    foreground: str
    muted: str
    grid: str
    accent: str
    warning: str
    cone: str
    series: tuple[str, ...]
    font_scale: float = 1.0
    line_scale: float = 1.0
    base_font_pt: float = 10.0

    def color(self, role: str) -> str:
        """Colour by role: ``c0``..``c7`` (series), or a field name such as ``foreground``, ``muted``, ``accent``."""
        if role.startswith("c") and role[1:].isdigit():
            return self.series[int(role[1:]) % len(self.series)]
        if role.startswith("#"):
            return role
        return getattr(self, role)

    @property
    def font_pt(self) -> float:
        return self.base_font_pt * self.font_scale

    def presenting(self, on: bool, room: tuple[int, int] | None = None) -> Theme:
        """Presentation mode's larger fonts and thicker lines. ``room`` is the screen's (or the render's) size in
        logical pixels: below PRESENTATION_ROOM the fonts grow less, never below normal size."""
        return replace(
            self,
            font_scale=presentation_font_scale(room) if on else 1.0,
            line_scale=PRESENTATION_LINE_SCALE if on else 1.0,
        )

    def zoomed(self, steps: int) -> Theme:
        return replace(self, base_font_pt=max(6.0, min(28.0, 10.0 + steps)))


def presentation_font_scale(room: tuple[int, int] | None = None) -> float:
    if room is None:
        return PRESENTATION_FONT_SCALE
    fit = min(1.0, room[0] / PRESENTATION_ROOM[0], room[1] / PRESENTATION_ROOM[1])
    return max(1.0, PRESENTATION_FONT_SCALE * fit)


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    surface="#F4F5F7",
    foreground="#1E1E1E",
    muted="#6B6F76",
    grid="#C8CBD0",
    accent="#0072B2",
    warning="#C0392B",
    cone="#E0A100",
    series=_LIGHT_SERIES,
)

DARK = Theme(
    name="dark",
    background="#15171A",
    surface="#202328",
    foreground="#E8E8E8",
    muted="#9AA0A8",
    grid="#3A3F46",
    accent="#56B4E9",
    warning="#FF6B5B",
    cone="#F0C44C",
    series=_DARK_SERIES,
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def theme_named(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; choose one of: {', '.join(THEMES)}") from None
