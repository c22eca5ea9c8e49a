"""Formulas rendered with mathtext keep every pixel when rich text lays them out."""

import numpy as np
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument

from widgets.explanation import _display_style
from widgets.formula import formula_image, formula_mask


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0, 3.0])
def test_a_formula_image_is_a_whole_number_of_logical_pixels_with_its_mask_intact(app, ratio):
    mask = formula_mask(r"x = x_0 + \sigma\varepsilon", 11.2, round(96 * ratio))
    image = formula_image(mask, "#000000", ratio)
    assert (image.width() / ratio).is_integer() and (image.height() / ratio).is_integer()
    alpha = _alpha(image)
    np.testing.assert_array_equal(alpha[: mask.shape[0], : mask.shape[1]], mask)
    assert not alpha[mask.shape[0]:].any() and not alpha[:, mask.shape[1]:].any()  # padding is transparent


def test_rich_text_at_2x_draws_the_formula_pixel_for_pixel(app):
    """A 27-row formula was squeezed into 26 rows at 2×: the top bar of its "=" vanished (x = x₀ read x − x₀)."""
    mask = formula_mask(r"x = x_0 + \sigma\varepsilon", 11.2, 192)
    assert mask.shape[0] % 2 == 1  # the case that broke
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("formula:0"),
                         formula_image(mask, "#000000", 2.0))
    document.setHtml('<img src="formula:0">')
    page = QImage(400, 120, QImage.Format.Format_ARGB32)
    page.setDevicePixelRatio(2.0)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    document.drawContents(painter)
    painter.end()
    ink = 255 - np.frombuffer(page.constBits(), np.uint8).reshape(120, 400, 4)[..., 1].astype(int)
    rows, columns = np.nonzero(ink)
    drawn = ink[rows.min(): rows.max() + 1, columns.min(): columns.max() + 1]
    rows, columns = np.nonzero(mask)
    expected = mask[rows.min(): rows.max() + 1, columns.min(): columns.max() + 1].astype(int)
    assert drawn.shape == expected.shape
    assert np.abs(drawn - expected).max() <= 2


def test_displayed_fractions_are_set_at_full_size():
    assert _display_style(r"\frac{dx}{d\sigma} = \frac12 + \tfrac{1}{2} + \dfrac{a}{b}") == (
        r"\dfrac{dx}{d\sigma} = \dfrac12 + \tfrac{1}{2} + \dfrac{a}{b}")
    text_style, display = formula_mask(r"\frac{dx}{d\sigma}", 13, 96), formula_mask(r"\dfrac{dx}{d\sigma}", 13, 96)
    assert display.shape[0] > 1.3 * text_style.shape[0]


def _alpha(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)[..., 3]
