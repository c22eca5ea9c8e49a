"""A grid of pyqtgraph plots that follows the theme: items remember their colour roles and restyle on change."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy

from explorer.theme import Theme

# A plot's data area is never squeezed below this (pixels): a smaller window is refused (its minimum size), and a
# render asked to be smaller is made at the tab's minimum size, with a note.
_SMALLEST_DATA_AREA = (90, 60)
_SMALLEST_LEGEND = 0.6  # a legend inside a plot shrinks to fit it down to this scale, then is cut
_LEGEND_COLUMNS = 4  # entries side by side in a legend below its plot, where the panel is wide enough
_SMALLEST_TITLE = 0.7  # a title shrinks to fit its plot down to this fraction of its size, then is cut
_TITLE_MARGIN = 4  # pixels either side: the title's text item has this margin
_TITLE_SLACK = 1.05  # laid out as HTML, a title is a little wider than the font's metrics say
_LABEL_GAP = 3  # pixels at least between two tick labels, or one of them is left out


@dataclass(frozen=True)
class Style:
    """Colour roles (see :meth:`Theme.color`) and widths; widths scale with presentation mode."""

    color: str = "c0"
    width: float = 1.5
    dash: bool = False
    fill: str | None = None
    fill_alpha: int = 60
    symbol_color: str | None = None
    alpha: int = 255
    # A translucent line that lies on the bare background (a grid under the data) is drawn opaque, in the colour
    # its alpha shows there: Qt's raster engine blends a translucent line pixel by pixel, and spacetime's boosted
    # grid alone cost 3 ms of every frame of a drag.
    over_background: bool = False


def _qcolor(theme: Theme, role: str, alpha: int = 255) -> QColor:
    color = QColor(theme.color(role))
    color.setAlpha(alpha)
    return color


def opaque_over(color: QColor, background: QColor) -> QColor:
    """The opaque colour a translucent one shows over an opaque background."""
    a = color.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in zip(
        (color.redF(), color.greenF(), color.blueF()), (background.redF(), background.greenF(), background.blueF()))))


def make_pen(theme: Theme, style: Style, pixel_ratio: float = 1.0) -> pg.QtGui.QPen:
    """A cosmetic pen for ``style``. Qt draws a cosmetic width in device pixels whatever the device pixel ratio:
    ``pixel_ratio`` widens it to keep its weight on a high-density screen or in an image exported at 2×."""
    color = _qcolor(theme, style.color, style.alpha)
    if style.over_background:
        color = opaque_over(color, QColor(theme.background))
    pen = pg.mkPen(color, width=style.width * theme.line_scale * pixel_ratio)
    pen.setCosmetic(True)
    if style.dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def make_brush(theme: Theme, role: str, alpha: int) -> pg.QtGui.QBrush:
    return pg.mkBrush(_qcolor(theme, role, alpha))


def set_data(item, *args, **kwargs) -> bool:
    """``item.setData(*args, **kwargs)`` unless the data equal the last call's; True if it updated.

    An unchanged item then stays clean, and Qt repaints only the plots that really changed.
    """
    fingerprint = (args, kwargs)
    previous = getattr(item, "_explorer_data", None)
    if previous is not None and _same(previous, fingerprint):
        return False
    item._explorer_data = _frozen(fingerprint)
    item.setData(*args, **kwargs)
    _paint_only_with_points(item)
    return True


def _paint_only_with_points(item) -> None:
    """pyqtgraph paints an item with no points anyway (an empty scatter costs 0.16 ms a repaint, and tabs keep
    dozens for layers not shown); flagged as having no contents, Qt skips it."""
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    if isinstance(item, pg.ScatterPlotItem):
        item.setFlag(no_contents, len(item.data) == 0)
    elif isinstance(item, pg.PlotDataItem):
        empty = item.xData is None or len(item.xData) == 0
        item.curve.setFlag(no_contents, empty)
        item.scatter.setFlag(no_contents, empty)


def set_ticks(axis: pg.AxisItem, levels: list | None = None, spacing: tuple[float, float] | None = None) -> bool:
    """Give ``axis`` these tick levels (None: automatic) and major/minor spacing (None: automatic), unless it has
    them already; True if it changed. pyqtgraph redraws an axis, about 1 ms, on every setTicks or setTickSpacing
    call, and abc set four axes' ticks again on every frame of a drag."""
    wanted = (levels, spacing)
    if getattr(axis, "_explorer_ticks", (None, None)) == wanted:
        return False
    axis._explorer_ticks = wanted
    axis.setTicks(levels)
    axis.setTickSpacing(*(spacing or ()))
    return True


def set_range(plot: pg.PlotItem, x_range=None, y_range=None, padding: float = 0.02) -> None:
    """Give ``plot`` the tab's own range (None leaves that axis), unless the user or a scene zoomed it (see
    ``PlotPanel.view_ranges``): a zoom restored from a scene was overwritten by the first result in three tabs.

    Only when the range changes, or something (Reset, a scene without zoom) switched the plot to automatic range,
    which would fit the data instead: a range change regenerates the axes, the costliest repaint.
    """
    if PlotPanel.is_zoomed(plot):
        return
    automatic = plot.getViewBox().state["autoRange"]
    wanted = (x_range, y_range, padding)
    if getattr(plot, "_explorer_range", None) == wanted and not any(
        automatic[axis] for axis, given in enumerate((x_range, y_range)) if given is not None
    ):
        return
    plot._explorer_range = wanted
    # One call: an aspect-locked plot then shows both ranges whole (set one after the other, the second shrank the
    # first to keep the aspect).
    plot.setRange(xRange=x_range, yRange=y_range, padding=padding)


def set_text(item: pg.TextItem, text: str, x: float, y: float) -> None:
    """Move and relabel a text item only if something changed (see :func:`set_data`)."""
    if getattr(item, "_explorer_text", None) != (text, x, y):
        item._explorer_text = (text, x, y)
        item.setPos(x, y)
        if text != item.toPlainText():
            item.setText(text)  # laid out again where it now is
        else:
            item.updateTextPos()  # slides in from its new place


class ViewText(pg.TextItem):
    """A text in data coordinates that stays inside its plot, where the view's clipping cut it off: near an edge it
    slides in (abc's label left of the naive point lost its start in a narrow plot), and one wider than the plot
    wraps onto more lines."""

    def updateTextPos(self) -> None:
        view = self.getViewBox()
        area = None if view is None else view.sceneBoundingRect()
        if area is not None:
            self._wrap_within(area.width())
        super().updateTextPos()
        if area is None:
            return
        text = self.textItem.mapRectToScene(self.textItem.boundingRect())
        shift = QPointF(_slide(text.left(), text.right(), area.left(), area.right()),
                        _slide(text.top(), text.bottom(), area.top(), area.bottom()))
        if not shift.isNull():  # the text's own units are scene pixels (pyqtgraph undoes the view's scaling)
            self.textItem.setPos(self.textItem.pos() + shift)

    def _wrap_within(self, room: float) -> None:
        """A text wider than its plot wraps onto more lines: cut off at the edge, abc's "S* + 974" read "S* + 9"."""
        inner = self.textItem
        width = -1.0 if self._natural_width() <= room else max(room, 1.0)
        if inner.textWidth() != width:
            inner.setTextWidth(width)

    def setFont(self, *args) -> None:
        self._natural = None, 0.0  # measured again in the new font
        super().setFont(*args)

    def _natural_width(self) -> float:
        """The unwrapped text's width, from the font's metrics: laying the text out again costs ten times more."""
        inner = self.textItem
        text = inner.toPlainText()
        if getattr(self, "_natural", (None, 0.0))[0] != text:
            metrics = QFontMetricsF(inner.font())
            widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            self._natural = text, widest + 2 * inner.document().documentMargin() + 1  # 1: rounding in the layout
        return self._natural[1]


def _slide(low: float, high: float, start: float, end: float) -> float:
    """How far to move [low, high] to lie inside [start, end]; one too long starts at ``start``."""
    if low < start or high - low > end - start:
        return start - low
    return min(0.0, end - high)


def set_note(item: pg.TextItem, text: str, x: float, y: float) -> None:
    """:func:`set_text` for a text that is often empty: hidden then, since an empty item still paints its box."""
    set_text(item, text, x, y)
    item.setVisible(bool(text))


def _frozen(value):
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _same(a, b) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _let_title_shrink(label: pg.LabelItem) -> None:
    """A title's width is otherwise its plot's minimum width, and a narrow window clips whole plots instead; and
    its preferred width, so a title shrunk to fit (PlotPanel._show_title) would narrow its column, shrink again...

    pyqtgraph recomputes a label's size hints (``updateMin``, kept in ``_sizeHint``) on every text change and
    resize; this wraps that one label's method so the width parts of the minimum and preferred sizes stay zero.
    """
    recompute = label.updateMin

    def update_min() -> None:
        recompute()
        label.setMinimumWidth(0)
        hints = getattr(label, "_sizeHint", None)
        if isinstance(hints, dict):
            for which in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
                if which in hints:
                    hints[which] = (0, hints[which][1])
            label.updateGeometry()

    label.updateMin = update_min
    update_min()


def _legend_below(plot: pg.PlotItem) -> None:
    """A legend in a row of its own under the x axis, for plots whose data fill every corner: inside, it would
    cover some. The plot's items named later join it as usual (PlotItem adds them to ``plot.legend``)."""
    legend = pg.LegendItem(offset=None, verSpacing=-4)
    legend.setColumnCount(_LEGEND_COLUMNS)
    legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)  # as wide as its entries
    plot.layout.addItem(legend, 4, 1, alignment=Qt.AlignmentFlag.AlignHCenter)
    plot.legend = legend
    plot._explorer_legend_below = True


def _natural_width(text: str, point_size: float) -> float:
    """The width a title or axis label of plain ``text`` takes at ``point_size`` (laid out as HTML, a little more
    than the font's metrics say)."""
    font = QFont()
    font.setPointSizeF(point_size)
    return QFontMetricsF(font).horizontalAdvance(text) * _TITLE_SLACK


def _size_to_fit(text: str, point_size: float, room: float) -> float:
    """``point_size``, or smaller so that ``text`` fits ``room`` pixels, down to _SMALLEST_TITLE of it."""
    natural = _natural_width(text, point_size)
    return point_size if natural <= room else max(point_size * room / natural, point_size * _SMALLEST_TITLE)


def _anchor_legend(legend: pg.LegendItem) -> None:
    """Pin a legend to the corner of its plot that its offset names, as pyqtgraph does when it is made."""
    offset = legend.opts["offset"]
    corner = (1 if offset[0] <= 0 else 0, 1 if offset[1] <= 0 else 0)
    legend.anchor(itemPos=corner, parentPos=corner, offset=offset)


class _GridAxis(pg.AxisItem):
    """An axis whose grid lines are opaque. pyqtgraph draws them in the axis colour with alpha, and Qt's raster
    engine blends a translucent vertical line pixel by pixel: some 40 times slower than an opaque one, 5–9 ms per
    axis at every change of range. The grid lies under the data, on the plot's opaque background, so the blended
    colour is known: drawing it opaque gives the same pixels."""

    def __init__(self, orientation: str, background: str):
        super().__init__(orientation)
        self._background = QColor(background)
        self._opaque_pens: dict[int, pg.QtGui.QPen] = {}

    def set_background(self, background: str) -> None:
        self._background = QColor(background)
        self._opaque_pens.clear()
        self.picture = None  # pyqtgraph's cached drawing of the axis
        self.update()

    def setMinimumWidth(self, width: float) -> None:
        """pyqtgraph widens an axis to its labels while painting it, after the layout: the panel measures its plots
        again. Healing's token names widened its plots past the window, cutting the Compression chart off."""
        changed = width != self.minimumWidth()
        super().setMinimumWidth(width)
        views = self.scene().views() if changed and self.scene() is not None else []
        for view in views:
            if isinstance(view, PlotPanel):
                view.plots_resized()

    def generateDrawSpecs(self, p):
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        ticks = [(self._opaque(pen), start, end) for pen, start, end in tick_specs]
        return axis_spec, ticks, _spaced_out(text_specs, self.orientation in ("top", "bottom"))

    def _opaque(self, pen: pg.QtGui.QPen) -> pg.QtGui.QPen:
        color = pen.color()
        if color.alpha() == 255:
            return pen
        key = color.rgba()
        if key not in self._opaque_pens:
            opaque = pg.QtGui.QPen(pen)
            opaque.setColor(opaque_over(color, self._background))
            self._opaque_pens[key] = opaque
        return self._opaque_pens[key]


def _spaced_out(text_specs: list, horizontal: bool) -> list:
    """Every label, or every second, third, ... where they would run together. pyqtgraph draws all of its top
    level's labels: Top-k's scores on a narrow axis read "0.640.5361.3", abc's a axis "9101112"."""
    def extent(spec):
        rect = spec[0]
        return (rect.left(), rect.right()) if horizontal else (rect.top(), rect.bottom())

    ordered = sorted(text_specs, key=extent)
    for stride in range(1, len(ordered) + 1):
        kept = ordered[::stride]
        if all(extent(a)[1] + _LABEL_GAP <= extent(b)[0] for a, b in zip(kept, kept[1:])):
            return kept
    return ordered[:1]


class PlotPanel(pg.GraphicsLayoutWidget):
    """Plots laid out in a grid, with factory methods for themed items."""

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self._theme = theme
        self._plots: list[pg.PlotItem] = []
        self._styled: list[tuple[object, Style]] = []
        self._texts: list[tuple[pg.TextItem, str]] = []
        self._cached: list[QGraphicsItem] = []  # see draw_from_pixmap
        self._legend_entries: dict[pg.PlotItem, list] = {}  # named items per plot, in the order they were made
        self._antialias = True
        self._pen_ratio = 1.0  # device pixels per logical pixel that the pens are made for
        self._least_width: float | None = None  # the plots' minimum width with every legend at one column
        self._smallest_size = QSize(0, 0)  # see set_smallest_size
        self._refit = QTimer(self, singleShot=True, interval=0)  # see plots_resized
        self._refit.timeout.connect(self._refit_plots)
        self.setBackground(theme.background)
        self.ci.layout.setSpacing(8)
        self.ci.setContentsMargins(6, 6, 6, 6)

    @property
    def theme(self) -> Theme:
        return self._theme

    def plots(self) -> list[pg.PlotItem]:
        return list(self._plots)

    @staticmethod
    def is_zoomed(plot: pg.PlotItem) -> bool:
        """The user (or a scene) zoomed or panned ``plot``: a tab that ranges its plots itself should leave it."""
        return getattr(plot.getViewBox(), "_explorer_manual", False)

    def view_ranges(self) -> list[tuple | None]:
        """Per plot, ``((x0, x1), (y0, y1))`` if the user zoomed or panned it, else None (the tab's own range)."""
        ranges = []
        for plot in self._plots:
            box = plot.getViewBox()
            manual = getattr(box, "_explorer_manual", False) and not any(box.state["autoRange"])
            ranges.append(tuple(tuple(float(v) for v in axis) for axis in box.viewRange()) if manual else None)
        return ranges

    def set_view_ranges(self, ranges) -> None:
        """Apply :meth:`view_ranges` output; None undoes a user's zoom (auto range), other plots keep their range."""
        for plot, view_range in zip(self._plots, ranges):
            box = plot.getViewBox()
            if view_range is None:
                if box._explorer_manual:  # a plot the tab ranges itself is left alone
                    box._explorer_manual = False
                    # Back to the tab's own range (see set_range), which the next result may not set again.
                    own, plot._explorer_range = getattr(plot, "_explorer_range", None), None
                    for axis, given in zip((box.XAxis, box.YAxis), own or (None, None)):
                        if given is None:  # an axis the tab leaves to pyqtgraph
                            box.enableAutoRange(axis=axis)
                    if own is not None:
                        set_range(plot, *own)
            else:
                box.setRange(xRange=view_range[0], yRange=view_range[1], padding=0)
                box._explorer_manual = True

    def add_plot(
        self,
        row: int,
        col: int,
        title: str = "",
        x_label: str = "",
        y_label: str = "",
        rowspan: int = 1,
        colspan: int = 1,
        legend: bool | tuple[int, int] | str = False,
        equal_aspect: bool = False,
        log_x: bool = False,
        log_y: bool = False,
    ) -> pg.PlotItem:
        axes = {side: _GridAxis(side, self._theme.background) for side in ("left", "bottom", "right", "top")}
        plot = self.addPlot(row=row, col=col, rowspan=rowspan, colspan=colspan, axisItems=axes)
        plot.hideAxis("top")  # shown by pyqtgraph, as axes passed in are
        plot.hideAxis("right")
        for side in ("left", "bottom", "right", "top"):
            # Axes change far less often than curves: repainting them from a pixmap keeps updates cheap.
            self.draw_from_pixmap(plot.getAxis(side))
            # Ticks in the axis's own units: pyqtgraph's "(x0.001)" beside the label was read past (spacetime's
            # twins at 0.5 ly read as 500), and on a log axis or an axis of exact integers it only confuses.
            plot.getAxis(side).enableAutoSIPrefix(False)
            # Below the data (pyqtgraph puts axes, and so the grid lines, above it): a grid line must not cross
            # a value label or a marker.
            plot.getAxis(side).setZValue(-1)
        plot.setMenuEnabled(True)
        plot.hideButtons()
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setLogMode(x=log_x, y=log_y)
        if equal_aspect:
            plot.setAspectLocked(True)
        plot._explorer_labels = (title, x_label, y_label)  # re-applied with theme colours and fonts
        _let_title_shrink(plot.titleLabel)
        plot.geometryChanged.connect(self._on_plot_resized)
        if legend == "below":
            _legend_below(plot)
        elif legend:
            # ``legend`` may be an offset: negative numbers anchor it to the right / bottom edge.
            plot.addLegend(offset=legend if isinstance(legend, tuple) else (8, 8))
        self._least_width = None  # the plots' minimum width is measured again when asked
        box = plot.getViewBox()
        box._explorer_plot = plot
        box.sigResized.connect(self._on_view_resized)
        box.setMinimumSize(*_SMALLEST_DATA_AREA)
        box._explorer_manual = False
        box.sigRangeChangedManually.connect(self._on_manual_range)
        self._plots.append(plot)
        self._style_plot(plot)
        return plot

    def plots_resized(self) -> None:
        """A plot's minimum size changed outside the panel's knowledge (an axis widened to its labels): fit the
        legends below to the room again and let the window make room, once control returns to the event loop (this
        is called while the axis is painted)."""
        self._refit.start()

    @Slot()
    def _refit_plots(self) -> None:
        self._least_width = None  # measured again when the layout asks
        if self._minimum_width() > self.viewport().width():
            self._fit_legends()
        else:
            self.updateGeometry()

    def set_smallest_data_area(self, plot: pg.PlotItem, width: float, height: float) -> None:
        """Keep ``plot``'s data area at least ``width`` × ``height`` pixels (instead of _SMALLEST_DATA_AREA); the
        panel's minimum size, and so its tab's, grows to match."""
        plot.getViewBox().setMinimumSize(width, height)
        self._least_width = None
        self.updateGeometry()

    def set_smallest_size(self, width: int, height: int) -> None:
        """Keep the panel at least this size, and larger where its plots need it. (Qt's setMinimumSize would replace
        the plots' own minimum instead of adding to it: healing's 520 px hid that its legends needed 569, and a
        window of that size cut its last plot off.)"""
        self._smallest_size = QSize(width, height)
        self.updateGeometry()

    @Slot()
    def _on_manual_range(self) -> None:
        self.sender()._explorer_manual = True

    # Items. Each factory adds the item to ``plot`` and remembers its style for theme changes.
    # ``name`` puts an item in its plot's legend; ``label`` only names it in exported data (CSV).
    def curve(
        self, plot: pg.PlotItem, style: Style = Style(), name: str | None = None, label: str | None = None, **kwargs
    ) -> pg.PlotDataItem:
        item = pg.PlotDataItem(name=name, **kwargs)
        item._explorer_label = label or name
        self._add_named(plot, item, name)
        return self._remember(item, style)

    def scatter(
        self,
        plot: pg.PlotItem,
        style: Style = Style(),
        size: float = 8,
        symbol: str = "o",
        name: str | None = None,
        label: str | None = None,
    ) -> pg.ScatterPlotItem:
        item = pg.ScatterPlotItem(size=size, symbol=symbol, name=name)
        item._explorer_label = label or name
        self._add_named(plot, item, name)
        return self._remember(item, style)

    def line(self, plot: pg.PlotItem, pos: float = 0.0, angle: float = 90, style: Style = Style("muted", 1.0, True)):
        item = pg.InfiniteLine(pos=pos, angle=angle, movable=False)
        plot.addItem(item, ignoreBounds=True)
        return self._remember(item, style)

    def bars(
        self, plot: pg.PlotItem, style: Style = Style(), width: float = 0.8, name: str | None = None,
        label: str | None = None,
    ):
        item = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=width, name=name)
        item._explorer_label = label or name
        self._add_named(plot, item, name)
        return self._remember(item, style)

    def fill_between(self, plot: pg.PlotItem, upper: pg.PlotDataItem, lower: pg.PlotDataItem, style: Style):
        item = pg.FillBetweenItem(upper, lower)
        plot.addItem(item)
        return self._remember(item, style)

    def text(self, plot: pg.PlotItem, color: str = "foreground", anchor=(0, 0), backdrop: bool = True) -> pg.TextItem:
        """A text in data coordinates; ``backdrop`` paints a box behind it, readable over lines but covering what
        lies close (a bar's value label next to the neighbouring bar wants none)."""
        item = ViewText(anchor=anchor)
        item._explorer_backdrop = backdrop
        plot.addItem(item, ignoreBounds=True)
        self._texts.append((item, color))
        self._style_text(item, color)
        return item

    def image(self, plot: pg.PlotItem, colormap: str = "viridis") -> pg.ImageItem:
        item = pg.ImageItem(axisOrder="row-major")
        item.setColorMap(pg.colormap.get(colormap))
        plot.addItem(item)
        return item

    def draw_from_pixmap(self, *items) -> None:
        """Paint ``items`` from a pixmap of themselves until they change or their view moves. For items that stay put
        while a cursor moves over them: Top-k's τ sweeps were drawn again, 2000 points each, on every step of a τ drag.
        """
        for item in items:
            for target in (item.curve, item.scatter) if isinstance(item, pg.PlotDataItem) else (item,):
                target.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self._cached.append(target)

    def set_pixmaps_used(self, used: bool) -> None:
        """Let the items of :meth:`draw_from_pixmap` paint from their pixmaps, or draw them afresh. An export draws
        afresh: a pixmap is at the screen's resolution, and a 2× figure had its axis labels scaled up, blurred."""
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if used else QGraphicsItem.CacheMode.NoCache
        for item in self._cached:
            item.setCacheMode(mode)

    def set_labels(
        self, plot: pg.PlotItem, title: str | None = None, x_label: str | None = None, y_label: str | None = None
    ) -> None:
        """Change a plot's title or axis labels (None keeps one); they stay themed across theme changes."""
        old = plot._explorer_labels
        new = tuple(old_text if text is None else text for old_text, text in zip(old, (title, x_label, y_label)))
        if new != old:
            plot._explorer_labels = new
            self._style_plot(plot)

    def restyle(self, item, style: Style) -> None:
        """Change an item's style (e.g. a highlighted series) and keep it across theme changes."""
        for index, (known, _) in enumerate(self._styled):
            if known is item:
                self._styled[index] = (item, style)
                break
        else:
            self._styled.append((item, style))
        self._apply_style(item, style)

    def set_listed(self, item, listed: bool) -> None:
        """Name ``item`` in its plot's legend or leave it out (a layer switched off draws nothing, and a figure should
        not name it). A hidden item is left out whatever this says; entries keep the order the items were made in."""
        item._explorer_listed = listed
        self._relist(item)

    def _add_named(self, plot: pg.PlotItem, item, name: str | None) -> None:
        plot.addItem(item)  # PlotItem lists a named item in plot.legend
        self._least_width = None
        if name and plot.legend is not None:
            item._explorer_legend = (plot, name)
            self._legend_entries.setdefault(plot, []).append(item)
            item.visibleChanged.connect(self._on_visibility_changed)

    @Slot()
    def _on_visibility_changed(self) -> None:
        self._relist(self.sender())

    def _relist(self, item) -> None:
        plot, _ = item._explorer_legend
        wanted = [(entry, entry._explorer_legend[1]) for entry in self._legend_entries[plot]
                  if getattr(entry, "_explorer_listed", True) and entry.isVisible()]
        legend = plot.legend
        if [(sample.item, label.text) for sample, label in legend.items] != wanted:
            legend.clear()
            for entry, name in wanted:
                legend.addItem(entry, name)
            self._fit_inside_legend(plot)
            self.resizeEvent(None)

    def resizeEvent(self, event) -> None:
        # Legends first: pyqtgraph then sizes the plots to the view, which they can fill only once narrow enough.
        # (pyqtgraph itself calls this with None to re-apply the size: so do the legend changes below.)
        self._fit_legends()
        super().resizeEvent(event)

    def _fit_legends(self) -> None:
        """Legends below their plots put up to _LEGEND_COLUMNS entries side by side; where the panel is too narrow
        for all of its plots, the widest legends take fewer columns (more rows). A legend sets its plot's minimum
        width, and plots wider than the panel were cut off at its edge (presentation mode at 1280×800)."""
        legends = self._legends_below()
        if not legends:
            self.updateGeometry()  # the plots' minimum may have changed all the same
            return
        for legend in legends:
            legend.setColumnCount(_LEGEND_COLUMNS)
        room = self.viewport().width()
        while self._minimum_width() > room:
            narrowable = [legend for legend in legends if legend.columnCount > 1 and legend.isVisible()]
            if not narrowable:
                break
            widest = max(narrowable, key=lambda legend: legend.effectiveSizeHint(Qt.SizeHint.MinimumSize).width())
            widest.setColumnCount(widest.columnCount - 1)
        least = self._least_plots_width()
        if least != self._least_width:
            self._least_width = least
            self.updateGeometry()

    def _legends_below(self) -> list[pg.LegendItem]:
        plots = getattr(self, "_plots", ())  # pyqtgraph resizes the view while it is being built
        return [plot.legend for plot in plots if getattr(plot, "_explorer_legend_below", False)]

    def _least_plots_width(self) -> float:
        """The plots' minimum width with every legend below at one column: the narrowest they can be laid out."""
        legends = self._legends_below()
        fitted = [legend.columnCount for legend in legends]
        for legend in legends:
            legend.setColumnCount(1)
        least = self._minimum_width()
        for legend, columns in zip(legends, fitted):
            legend.setColumnCount(columns)
        # Else the grid keeps the one-column minimum, and the next resize made it that tall, below the view's edge:
        # sampling's x axes were cut off at 900×600.
        self.ci.layout.invalidate()
        return least

    def minimumSizeHint(self) -> QSize:
        """As small as the plots can be laid out (axes, titles, legends at one column): pyqtgraph shows a smaller
        view only in part, cutting plots off at its edge."""
        if not hasattr(self, "_plots"):  # Qt asks while pyqtgraph builds the view
            return super().minimumSizeHint()
        if self._least_width is None:
            self._least_width = self._least_plots_width()
        height = self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        return QSize(math.ceil(self._least_width), math.ceil(height)).expandedTo(self._smallest_size)

    def _minimum_width(self) -> float:
        self.ci.layout.invalidate()  # the grid keeps its size hints until its next layout pass otherwise
        return self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()

    def settle_ranges(self) -> None:
        """Apply the plots' pending auto ranges now. pyqtgraph defers them to the next paint, and the range it sets
        there dirties the plot once more: every update was painted twice."""
        self.scene().prepareForPaint()

    @property
    def antialias(self) -> bool:
        return self._antialias

    def set_antialias(self, on: bool) -> None:
        """Antialiasing doubles the cost of a repaint: tabs turn it off while updates stream in, then back on."""
        if on == self._antialias:
            return
        self._antialias = on
        for plot in self._plots:
            for item in plot.items:
                for target in (item, getattr(item, "curve", None)):
                    options = getattr(target, "opts", None)
                    if isinstance(options, dict) and "antialias" in options:
                        options["antialias"] = on
        for item in self._cached:
            item.update()  # their pixmaps were drawn with the old setting
        self.viewport().update()

    @property
    def pen_ratio(self) -> float:
        return self._pen_ratio

    def set_pen_ratio(self, ratio: float) -> None:
        """Make the pens for ``ratio`` device pixels per logical pixel: the screen's, or an export's scale."""
        if ratio == self._pen_ratio:
            return
        self._pen_ratio = ratio
        for item, style in self._styled:
            self._apply_style(item, style)

    def event(self, event) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.DevicePixelRatioChange):
            self.set_pen_ratio(self.devicePixelRatioF())  # moved to a screen of another density
        return super().event(event)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setBackground(theme.background)
        for plot in self._plots:
            self._style_plot(plot)
        for item, style in self._styled:
            self._apply_style(item, style)
        for item, color in self._texts:
            self._style_text(item, color)
        self.resizeEvent(None)

    def _remember(self, item, style: Style):
        self._styled.append((item, style))
        self._apply_style(item, style)
        return item

    def _style_text(self, item: pg.TextItem, color: str) -> None:
        item.setColor(_qcolor(self._theme, color))
        item.fill = make_brush(self._theme, "background", 190 if item._explorer_backdrop else 0)
        font = QFont()
        font.setPointSizeF(self._theme.font_pt * 0.95)
        item.setFont(font)

    def _style_plot(self, plot: pg.PlotItem) -> None:
        theme = self._theme
        title, x_label, y_label = plot._explorer_labels
        tick_font = QFont()
        tick_font.setPointSizeF(theme.font_pt * 0.9)
        label_style = {"color": theme.foreground, "font-size": f"{theme.font_pt:.1f}pt"}
        for side in ("left", "bottom", "right", "top"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(theme.muted))
            axis.setTextPen(pg.mkPen(theme.foreground))
            axis.setTickFont(tick_font)
            axis.set_background(theme.background)
        plot._explorer_x_label = None  # new colours and fonts: shown again
        self._keep_room_for_x_label(plot)
        self._show_x_label(plot)
        if y_label:
            plot.setLabel("left", y_label, **label_style)
        self._show_title(plot)
        if plot.legend is not None:
            plot.legend.setLabelTextColor(theme.foreground)
            plot.legend.setLabelTextSize(f"{theme.font_pt * 0.9:.1f}pt")
            for _sample, label in plot.legend.items:
                label.setText(label.text)  # existing labels only take the new colour and size when re-rendered
            plot.legend.setBrush(make_brush(theme, "surface", 200))
            plot.legend.setPen(pg.mkPen(theme.grid))
            self._fit_inside_legend(plot)  # new fonts, a new size

    @Slot()
    def _on_view_resized(self) -> None:
        self._fit_inside_legend(self.sender()._explorer_plot)

    @staticmethod
    def _fit_inside_legend(plot: pg.PlotItem) -> None:
        """A legend inside a plot too small for it shrinks to fit: the view clips it, and on a projector sampling's
        lost its line samples and spacetime's the start of its names."""
        legend = plot.legend
        if legend is None or getattr(plot, "_explorer_legend_below", False):
            return
        view, own = plot.getViewBox().boundingRect(), legend.boundingRect()
        if own.width() <= 0 or own.height() <= 0:
            return
        offset = legend.opts["offset"]
        room = (view.width() - 2 * abs(offset[0]), view.height() - 2 * abs(offset[1]))
        scale = max(_SMALLEST_LEGEND, min(1.0, room[0] / own.width(), room[1] / own.height()))
        if abs(legend.scale() - scale) > 1e-3:
            legend.setScale(scale)
            _anchor_legend(legend)

    def move_legend(self, plot: pg.PlotItem, offset: tuple[int, int]) -> None:
        """Move a legend inside its plot to the corner ``offset`` names (negative: from the right or bottom edge),
        for data that move into the corner it had."""
        if tuple(plot.legend.opts["offset"]) != tuple(offset):
            plot.legend.opts["offset"] = offset
            _anchor_legend(plot.legend)

    @Slot()
    def _on_plot_resized(self) -> None:
        self._show_title(self.sender())
        self._show_x_label(self.sender())

    def _keep_room_for_x_label(self, plot: pg.PlotItem) -> None:
        """The data area is never narrower than the x label at its smallest (see _show_x_label): at 900×600, Top-k's
        "τ (dashed: asymptote)" was cut at the panel's edge, the tab's minimum size being too small for it."""
        text = plot._explorer_labels[1]
        least = _natural_width(text, self._theme.font_pt * _SMALLEST_TITLE) + 2 * _TITLE_MARGIN if text else 0.0
        axis = plot.getAxis("bottom")
        if axis.minimumWidth() != least:
            axis.setMinimumWidth(least)
            self._least_width = None
            self.updateGeometry()

    def _show_x_label(self, plot: pg.PlotItem) -> None:
        """The x label centred under the data in the theme's size; where it is wider than the plot leaves room for
        there, shrunk down to _SMALLEST_TITLE of its size (past that it is cut). Top-k's "xᵢ, ranks 43–58 of 1000,
        largest first" ran on under the next plot and into its label."""
        text = plot._explorer_labels[1]
        if not text:
            return
        size = self._theme.font_pt
        centre, width = plot.getAxis("bottom").geometry().center().x(), plot.geometry().width()
        room = 2 * min(centre, width - centre) - 2 * _TITLE_MARGIN
        if room > 0:
            size = _size_to_fit(text, size, room)
        shown = (text, self._theme.foreground, f"{size:.1f}pt")
        if getattr(plot, "_explorer_x_label", None) != shown:  # a new label re-lays out the plot
            plot._explorer_x_label = shown
            plot.setLabel("bottom", text, color=shown[1], **{"font-size": shown[2]})

    def _show_title(self, plot: pg.PlotItem) -> None:
        """The title centred over the data in the theme's size. Where the plot is too narrow for that (a projector's
        window, in presentation mode, cut titles off mid-word) it ends at the data's right edge and reaches over
        the axis, and if need be shrinks, down to _SMALLEST_TITLE of its size; past that it is cut."""
        title = plot._explorer_labels[0]
        if not title:
            return
        size, justify = self._theme.font_pt * 1.1, "center"
        cell = plot.titleLabel.geometry()
        if cell.width() > 0:
            centre = cell.x() + cell.width() / 2
            if _natural_width(title, size) > 2 * min(centre, plot.geometry().width() - centre) - 2 * _TITLE_MARGIN:
                justify = "right"
                size = _size_to_fit(title, size, cell.x() + cell.width() - 2 * _TITLE_MARGIN)
        shown = (title, self._theme.foreground, f"{size:.1f}pt", justify)
        if getattr(plot, "_explorer_title", None) != shown:  # a new title re-lays out the plot
            plot._explorer_title = shown
            plot.setTitle(title, color=shown[1], size=shown[2], justify=justify)

    def _apply_style(self, item, style: Style) -> None:
        # Lines and bar edges are drawn at the device pixel ratio's width; symbols are not, as pyqtgraph renders
        # each symbol at the device's resolution itself.
        theme, ratio = self._theme, self._pen_ratio
        pen = make_pen(theme, style, ratio)
        fill = make_brush(theme, style.fill, style.fill_alpha) if style.fill else None
        if isinstance(item, pg.PlotDataItem):
            item.setPen(pen if style.width > 0 else None)
            if fill is not None:
                item.setFillBrush(fill)
            symbol_role = style.symbol_color or style.color
            item.setSymbolBrush(make_brush(theme, symbol_role, style.alpha))
            item.setSymbolPen(pg.mkPen(theme.background, width=0.8))
        elif isinstance(item, pg.ScatterPlotItem):
            item.setBrush(make_brush(theme, style.color, style.alpha))
            item.setPen(pg.mkPen(theme.color(style.symbol_color) if style.symbol_color else theme.background, width=1))
        elif isinstance(item, pg.BarGraphItem):
            edge = pg.mkPen(theme.background, width=0.5 * ratio)
            item.setOpts(brush=make_brush(theme, style.color, style.alpha), pen=edge)
        elif isinstance(item, pg.FillBetweenItem):
            item.setBrush(fill if fill is not None else make_brush(theme, style.color, style.fill_alpha))
        elif isinstance(item, pg.InfiniteLine):
            item.setPen(pen)
        else:
            item.setPen(pen)
