"""Export: PNG at any scale (rendered, not grabbed, so the scale is exact), SVG best-effort, clipboard, CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QWidget

from widgets.plot_panel import PlotPanel


class ExportError(ValueError):
    """An export that could not be written; the message says why."""


def render_image(widget: QWidget, scale: float = 1.0, background: str | None = None) -> QImage:
    """Render ``widget`` into an image of exactly ``size × scale`` pixels, sharp at that scale."""
    size: QSize = widget.size()
    image = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(background) if background else widget.palette().window().color())
    panels = _plot_panels(widget)
    # Plots drawn fast during a drag or an animation are drawn without antialiasing: a figure is always crisp.
    drafts = [panel for panel in panels if not panel.antialias]
    for panel in drafts:
        panel.set_antialias(True)
    screen_ratios = [panel.pen_ratio for panel in panels]
    for panel in panels:
        panel.set_pen_ratio(scale)  # lines as heavy at 2× as at 1×: Qt draws pen widths in device pixels
        panel.set_pixmaps_used(False)  # drawn at the image's resolution
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        widget.render(painter, QPoint())
    finally:
        painter.end()
        for panel in drafts:
            panel.set_antialias(False)
        for panel, ratio in zip(panels, screen_ratios):
            panel.set_pen_ratio(ratio)
            panel.set_pixmaps_used(True)
    return image


def _plot_panels(widget: QWidget) -> list[PlotPanel]:
    return ([widget] if isinstance(widget, PlotPanel) else []) + widget.findChildren(PlotPanel)


def check_writable(path: str | Path) -> Path:
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder, not a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"folder {parent} does not exist")
    return path


def save_png(widget: QWidget, path: str | Path, scale: float = 1.0, background: str | None = None) -> Path:
    path = check_writable(path)
    image = render_image(widget, scale, background)
    if not image.save(str(path), "PNG"):
        raise ExportError(f"cannot write {path}")
    return path


def copy_to_clipboard(widget: QWidget, scale: float = 1.0) -> None:
    QGuiApplication.clipboard().setImage(render_image(widget, scale))


def save_svg(panel: PlotPanel, path: str | Path) -> Path:
    """SVG of a plot panel (pyqtgraph's exporter; images inside plots become bitmaps)."""
    from pyqtgraph.exporters import SVGExporter

    path = check_writable(path)
    try:
        SVGExporter(panel.scene()).export(str(path))
    except Exception as exc:  # noqa: BLE001 - third-party exporter; report, never crash
        raise ExportError(f"SVG export failed: {exc}") from None
    return path


def plotted_series(panels: list[PlotPanel]) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Every named or unnamed curve, scatter and bar chart currently plotted: (label, x, y) in data units."""
    series = []
    for panel_index, panel in enumerate(panels):
        if not _shown_in_its_window(panel):
            continue  # a page not shown (abc's) holds the data of an earlier result
        for plot_index, plot in enumerate(panel.plots()):
            title = plot.titleLabel.text or f"plot {panel_index + 1}.{plot_index + 1}"
            for item_index, item in enumerate(plot.items):
                values = _data_of(plot, item) if item.isVisible() else None  # a layer switched off is not plotted
                if values is None or values[0] is None or len(values[0]) == 0:
                    continue
                name = getattr(item, "name", lambda: None)() or getattr(item, "_explorer_label", None)
                label = f"{_plain(title)} / {name or f'series {item_index + 1}'}"
                series.append((label, np.asarray(values[0], float), np.asarray(values[1], float)))
    return series


def _shown_in_its_window(widget: QWidget) -> bool:
    """Not hidden inside its window (as a stacked page that is not the current one is), shown or not itself."""
    while widget.parentWidget() is not None:
        if widget.isHidden():
            return False
        widget = widget.parentWidget()
    return True


def _data_of(plot: pg.PlotItem, item):
    """An item's (x, y) in data units, or None for an item that plots no data (lines, texts, images)."""
    if isinstance(item, pg.PlotDataItem):
        return item.getOriginalDataset()  # getData() is log10 of the data on log axes
    if isinstance(item, pg.ScatterPlotItem):
        x, y = item.getData()  # in view units: on a log axis, log10 of the data (abc's race markers were)
        return _unlogged(plot, "bottom", x), _unlogged(plot, "left", y)
    if isinstance(item, pg.BarGraphItem):
        opts = item.opts
        if opts.get("x0") is not None and opts.get("y") is not None:  # horizontal bars from x0: lengths at rows
            return np.broadcast_to(opts["width"], np.shape(opts["y"])), opts["y"]
        if opts.get("x") is not None and opts.get("height") is not None:
            return opts["x"], np.broadcast_to(opts["height"], np.shape(opts["x"]))
    return None


def _unlogged(plot: pg.PlotItem, side: str, values):
    return None if values is None else (10.0 ** np.asarray(values, float) if plot.getAxis(side).logMode else values)


def save_csv(panels: list[PlotPanel], path: str | Path) -> Path:
    """Long-format CSV (series, x, y) of everything plotted, so curves of any length fit one table."""
    path = check_writable(path)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["series", "x", "y"])
    for label, xs, ys in plotted_series(panels):
        for x, y in zip(xs, ys):
            writer.writerow([label, repr(float(x)), repr(float(y))])
    try:
        path.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).strip()
