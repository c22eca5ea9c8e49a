"""LaTeX math rendered with matplotlib's mathtext into QImages, cached by text, colour, size and pixel ratio."""

from __future__ import annotations

import functools
import io

from PySide6.QtGui import QImage


@functools.lru_cache(maxsize=512)
def formula_image(latex: str, color: str, font_pt: float, pixel_ratio: float = 1.0) -> QImage:
    """Render ``latex`` (math, without the surrounding ``$``) to a transparent image.

    matplotlib is imported here, not at start-up: it costs a few hundred milliseconds.
    Raises ValueError if mathtext cannot parse the formula.
    """
    from matplotlib import rc_context
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import math_to_image

    buffer = io.BytesIO()
    with rc_context({"mathtext.fontset": "cm"}):
        try:
            math_to_image(
                f"${latex}$",
                buffer,
                prop=FontProperties(size=font_pt),
                dpi=int(96 * pixel_ratio),
                format="png",
                color=color,
            )
        except ValueError as exc:
            raise ValueError(f"cannot render formula {latex!r}: {exc}") from None
    image = QImage.fromData(buffer.getvalue(), "PNG")
    image.setDevicePixelRatio(pixel_ratio)
    return image
