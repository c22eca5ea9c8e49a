"""LaTeX math rendered with matplotlib's mathtext.

The expensive half (parsing and rasterising, a few hundred ms the first time) is Qt-free and runs in a worker;
the GUI thread only colours the cached coverage mask into a QImage, so a theme change never re-parses.
"""

from __future__ import annotations

import functools
import threading

import numpy as np
from PySide6.QtGui import QColor, QImage

_MATHTEXT_LOCK = threading.Lock()  # mathtext's parser and font caches are shared state


@functools.lru_cache(maxsize=512)
def formula_mask(latex: str, font_pt: float, dpi: int) -> np.ndarray:
    """Coverage mask (uint8, rows × columns) of ``latex`` (math without the ``$``). ValueError if unparsable."""
    from matplotlib import rc_context
    from matplotlib.font_manager import FontProperties
    from matplotlib.mathtext import MathTextParser

    with _MATHTEXT_LOCK, rc_context({"mathtext.fontset": "cm"}):
        try:
            parsed = MathTextParser("agg").parse(f"${latex}$", dpi=dpi, prop=FontProperties(size=font_pt))
        except ValueError as exc:
            raise ValueError(f"cannot render formula {latex!r}: {exc}") from None
    mask = np.array(parsed.image, dtype=np.uint8)
    mask.setflags(write=False)
    return mask


def formula_image(mask: np.ndarray, color: str, pixel_ratio: float) -> QImage:
    """Colour a mask into a transparent image with the given device pixel ratio (GUI thread)."""
    rows, columns = mask.shape
    rgba = np.empty((rows, columns, 4), dtype=np.uint8)
    qcolor = QColor(color)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = qcolor.red(), qcolor.green(), qcolor.blue()
    rgba[..., 3] = mask
    image = QImage(rgba.data, columns, rows, 4 * columns, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(pixel_ratio)
    return image
