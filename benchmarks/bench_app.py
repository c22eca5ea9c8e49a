"""App benchmarks: start-up against the bare-window floor, and each tab's update against matplotlib (Agg).

    python benchmarks/bench_app.py [--repeats 7] [--tabs spacetime,topk]

Prints a Markdown table of medians and spreads (min–max). Everything is measured side by side in one run, since
these machines are noisy and absolute times drift. Never run by the test suite.

* Start-up: wall time from launching a fresh Python process to the window's first paint event, for the app and for
  the floor (a bare QMainWindow holding one pyqtgraph plot). Runs alternate so drift hits both equally.
* Update: for one parameter per tab, the time from the change to the repainted plots (worker compute, the throttled
  redraw, and Qt's own repaint of what changed, observed as paint events on the plot viewports). The matplotlib
  figure has the same subplots and the same curves; its update is the same compute plus ``set_data`` on existing
  lines and ``canvas.draw()``, what a careful matplotlib user would write. Each change, on both sides, follows the
  same idle gap (a user's single change comes after one; and the first milliseconds after idling run slower).
* Drag: the same slider swept across its range at 60 changes a second, each change timed to its repaint (drawn
  without antialiasing, as during a real drag); plus issue #3's case, Top-k with n = 1000 while τ is dragged. Then
  the same sweep free-running, changes arriving on time whatever the app does: how many results it draws a second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Idle time before each single change, for the app and for matplotlib alike. A CPU that idled runs the next
# milliseconds of work up to twice as slowly (caches, clocks), so both sides must be measured after the same gap.
_IDLE_S = 0.25
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_NUM_THREADS", "1")

_PROBE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            QApplication.instance().removeEventFilter(self)
        return False

if sys.argv[1] == "app":
    from explorer.app import create_app, prepare_environment
    prepare_environment(headless=False)
    app = create_app()
    from explorer.window import MainWindow
    window = MainWindow()
else:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(pg.PlotWidget())
    window.resize(1360, 860)
probe = FirstPaint()
app.installEventFilter(probe)
window.show()
app.exec()
"""


def startup_once(kind: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _PROBE, kind], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError(f"{kind} start-up probe did not paint")
    return elapsed


def summary(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms ({min(samples) * 1000:.1f}–{max(samples) * 1000:.1f})"


def bench_startup(repeats: int) -> list[str]:
    app_times, floor_times = [], []
    for _ in range(repeats):
        floor_times.append(startup_once("floor"))
        app_times.append(startup_once("app"))
    ratio = statistics.median(app_times) / statistics.median(floor_times)
    return [f"| start-up to first paint | {summary(app_times)} | floor: {summary(floor_times)} | {ratio:.2f}× floor |"]


def _wait(tab) -> None:
    _pump_until(tab.is_idle, 120.0)


def _benchmark_parameter(tab):
    """The first slider parameter and two values to alternate between."""
    spec = next(s for s in tab.specs if s.kind in ("float", "int"))
    low = spec.validate(spec.default)
    span = spec.maximum - spec.minimum
    high = spec.validate(min(spec.maximum, low + span / 10) if spec.kind == "float" else min(spec.maximum, low + 1))
    if high == low:
        high = spec.validate(max(spec.minimum, low - span / 10) if spec.kind == "float" else low - 1)
    return spec, (low, high)


def bench_tab(topic, repeats: int) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from explorer import export
    from explorer.theme import LIGHT

    tab = topic.tab_class()(LIGHT)
    tab.resize(1280, 800)
    tab.show()
    _wait(tab)
    spec, values = _benchmark_parameter(tab)
    paints = _PaintCounter([panel.viewport() for panel in tab.plot_panels()])
    qt_times = []
    for index in range(repeats * 4):
        # A single change, not a drag: past the redraw throttle and the streaming window, so the plots are drawn
        # crisp (antialiased) at once and no settle timer is pending.
        time.sleep(_IDLE_S)
        seen = paints.count
        start = time.perf_counter()
        tab.set_params({spec.name: values[index % 2]})
        _wait(tab)
        _pump_until(lambda seen=seen: paints.count > seen)
        qt_times.append(time.perf_counter() - start)

    figure, lines = _matplotlib_twin(tab, export)
    params = tab.params()
    mpl_times = []
    for index in range(repeats * 4):
        params[spec.name] = values[index % 2]
        time.sleep(_IDLE_S)  # the same idle gap as the app's measurement gets
        start = time.perf_counter()
        result = type(tab).compute(dict(params), _NoJob())
        computing = time.perf_counter() - start
        # Untimed: let the tab turn the result into plotted arrays, so both libraries draw exactly the same data.
        tab.show_result(result)
        series = export.plotted_series(tab.plot_panels())
        start = time.perf_counter()
        for line, (_, x, y) in zip(lines, series):
            line.set_data(x, y)
        figure.canvas.draw()
        mpl_times.append(computing + time.perf_counter() - start)
    tab.shutdown()
    qt, mpl = statistics.median(qt_times), statistics.median(mpl_times)
    return (
        f"| {topic.id}: change `{spec.name}` | {summary(qt_times)} | matplotlib: {summary(mpl_times)} "
        f"| {mpl / qt:.1f}× faster |"
    )


def bench_drag(topic, repeats: int, setup: dict | None = None, name: str | None = None, path=None) -> str:
    """A slider dragged: a change arrives every display frame (1/60 s), as a drag delivers them, and each is timed
    from the change to its repainted plots. The tab draws these without antialiasing, as it does during a drag.

    By default the tab's benchmark parameter sweeps its range and back; issue #3 names Top-k with n = 1000 and τ.
    """
    import numpy as np

    from explorer.theme import LIGHT

    tab = topic.tab_class()(LIGHT)
    tab.resize(1280, 800)
    tab.show()
    tab.set_params(setup or {})
    _wait(tab)
    if name is None:
        spec, _ = _benchmark_parameter(tab)
        name = spec.name
        values = np.linspace(spec.minimum, spec.maximum, 60)
        if spec.kind == "int":
            values = np.unique(np.round(values).astype(int))
        forth = [spec.validate(v.item()) for v in values]
        path = forth + forth[::-1]
    paints = _PaintCounter([panel.viewport() for panel in tab.plot_panels()])
    frame_s = 1 / 60
    times = []
    for _ in range(repeats):
        for value in path:
            seen = paints.count
            start = time.perf_counter()
            tab.set_params({name: value})
            _pump_until(lambda seen=seen: _drawn(tab) and paints.count > seen)
            times.append(time.perf_counter() - start)
            _pump_until(lambda start=start: time.perf_counter() - start >= frame_s)  # the next change, next frame
        _wait(tab)
    rate = _free_running_rate(tab, name, path * repeats)
    tab.shutdown()
    within = sum(t <= frame_s for t in times) / len(times)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    what = ", ".join(f"{k} = {v}" for k, v in (setup or {}).items() if k != "source")
    return (f"| {topic.id}: drag `{name}`{' with ' + what if what else ''} ({len(times)} changes) "
            f"| {summary(times)}; 95th percentile {p95 * 1000:.1f} ms | {within:.0%} within one frame (16.7 ms) "
            f"| {rate:.0f} |")


def _free_running_rate(tab, name: str, path) -> float:
    """Results drawn per second while changes arrive at 60 a second whatever the app does, as from a mouse: the
    worker computes the next while the GUI draws the last (latest wins, so slower draws skip values)."""
    drawn = []
    show = tab.show_result

    def counted(result):
        show(result)
        drawn.append(time.perf_counter())

    tab.show_result = counted  # the tab calls self.show_result: this instance's wrapper counts the draws
    start = time.perf_counter()
    for index, value in enumerate(path):
        _pump_until(lambda due=start + index / 60: time.perf_counter() >= due)
        tab.set_params({name: value})
    _wait(tab)
    del tab.show_result
    return (len(drawn) - 1) / (drawn[-1] - drawn[0])  # one interval fewer than draws: a perfect app scores 60


def topk_drag_path():
    """Issue #3's drag: τ along a log sweep from 0.05 to 20 and back."""
    import numpy as np

    sweep = [float(f"{tau:.4g}") for tau in np.geomspace(0.05, 20.0, 60)]
    return sweep + sweep[::-1]


def _drawn(tab) -> bool:
    """The latest change is computed and drawn (a drag's settle timer may still be pending)."""
    return not tab.runner.busy and not tab._has_latest and not tab._redraw.isActive()


class _PaintCounter:
    """Counts paint events of the plot viewports: the update is done when Qt has really repainted."""

    def __init__(self, viewports):
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        for viewport in viewports:
            viewport.installEventFilter(self._filter)


def _pump_until(condition, timeout_s: float = 1.0) -> None:
    """Run the event loop until ``condition()``. It sleeps between events as the app's own loop does: spinning
    would hold the GIL and slow the worker threads being measured."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    tick = QTimer()
    tick.start(1)  # wakes the wait below to check the condition and the deadline
    deadline = time.perf_counter() + timeout_s
    while not condition() and time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    tick.stop()
    QCoreApplication.processEvents()


class _NoJob:
    cancelled = False

    def check(self) -> None:
        pass

    def progress(self, fraction: float, message: str = "") -> None:
        pass


def _matplotlib_twin(tab, export):
    """A matplotlib figure with one axes per pyqtgraph plot and one line per plotted series."""
    import matplotlib.pyplot as plt

    panels = tab.plot_panels()
    plots = [plot for panel in panels for plot in panel.plots()]
    columns = 3 if len(plots) > 4 else 2
    rows = -(-len(plots) // columns)
    figure, axes = plt.subplots(rows, columns, figsize=(12.8, 8.0), dpi=100, squeeze=False)
    lines = []
    series = export.plotted_series(panels)
    plot_titles = [plot.titleLabel.text for plot in plots]
    for label, x, y in series:
        title = label.split(" / ")[0]
        index = plot_titles.index(title) if title in plot_titles else 0
        ax = axes.flat[index]
        (line,) = ax.plot(x, y, lw=1.5)
        ax.set_title(title)
        lines.append(line)
    figure.canvas.draw()
    return figure, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--tabs", default="", help="comma-separated tab ids (default: all)")
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()

    from explorer.app import create_app
    from explorer.registry import TOPICS

    rows = ["| measurement | this app: median (min–max) | baseline: median (min–max) | ratio |", "|---|---|---|---|"]
    if not args.skip_startup:
        rows += bench_startup(args.repeats)
    create_app()
    wanted = set(filter(None, args.tabs.split(",")))
    for topic in TOPICS:
        if not wanted or topic.id in wanted:
            rows.append(bench_tab(topic, args.repeats))
    drags = max(1, args.repeats // 3)
    rows += ["", "| slider dragged | each change to its repaint: median (min–max) | smooth? | drawn per second, "
                 "free-running |", "|---|---|---|---|"]
    for topic in TOPICS:
        if not wanted or topic.id in wanted:
            if topic.id == "topk":  # τ, the slider the tab is about (most of k's range is past n = 4: no change)
                rows.append(bench_drag(topic, drags, None, "tau", topk_drag_path()))
                rows.append(bench_drag(topic, drags, {"source": "random", "n": 1000}, "tau", topk_drag_path()))
            else:
                rows.append(bench_drag(topic, drags))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
