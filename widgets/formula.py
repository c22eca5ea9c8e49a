"""LaTeX math rendered with matplotlib's mathtext.

The expensive half (parsing and rasterising, a few hundred ms the first time) is Qt-free and runs in a worker;
the GUI thread only colours the cached coverage mask into a QImage, so a theme change never re-parses.
"""

from __future__ import annotations

import functools
import math
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
    """Colour a mask into a transparent image with the given device pixel ratio (GUI thread).

    The image is padded to a whole number of logical pixels: rich text lays an image out in whole logical pixels
    and rescales the rest, and at 2× a 27-row formula squeezed into 26 rows lost the top bar of its "=" (x = x₀
    read x − x₀)."""
    rows, columns = (_whole_logical_pixels(side, pixel_ratio) for side in mask.shape)
    mask = np.pad(mask, ((0, rows - mask.shape[0]), (0, columns - mask.shape[1])))
    rgba = np.empty((rows, columns, 4), dtype=np.uint8)
    qcolor = QColor(color)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = qcolor.red(), qcolor.green(), qcolor.blue()
    rgba[..., 3] = mask
    image = QImage(rgba.data, columns, rows, 4 * columns, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(pixel_ratio)
    return image


def _whole_logical_pixels(side: int, pixel_ratio: float) -> int:
    """The fewest device pixels, at least ``side``, that make a whole number of logical pixels (at 1.5 an even
    number of them); for a ratio with no such small multiple, just ``side``."""
    logical = math.ceil(side / pixel_ratio - 1e-9)
    for candidate in range(logical, logical + 8):
        device = candidate * pixel_ratio
        if abs(device - round(device)) < 1e-6:
            return round(device)
    return side
