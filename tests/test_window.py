"""The main window: tabs, menus, shortcuts, persistence, state files and exports."""

import json
import re

import numpy as np
import pytest
from helpers import isolated_env
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from explorer import state
from explorer.registry import TOPICS
from explorer.scene_dialog import SceneDialog
from explorer.window import MainWindow


def test_tabs_follow_the_registry(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [t.title for t in TOPICS]


def test_current_tab_is_built_after_the_first_paint(qtbot, app):
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.built_tabs() == []
    win.show()
    qtbot.waitUntil(lambda: len(win.built_tabs()) == 1, timeout=10_000)
    assert win.built_tabs()[0].topic_id == TOPICS[win.tabs.currentIndex()].id
    win.close()


def test_no_torch_before_the_window_shows():
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from explorer.app import create_app; app = create_app();"
        "from explorer.window import MainWindow; w = MainWindow(); w.show();"
        "print('torch' in sys.modules, 'matplotlib' in sys.modules); app.processEvents();"
        "print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=isolated_env())
    # matplotlib (formulas) loads only after the first paint; torch only when a tab needs it.
    assert out.stdout.split() == ["False", "False", "False"], out.stderr


def test_theme_presentation_and_zoom_persist(qtbot, app):
    first = MainWindow()
    qtbot.addWidget(first)
    first.set_theme("dark")
    first.set_presentation(True)
    assert not first.menuBar().isVisible()
    first.zoom(2)
    first.select(TOPICS[-1].id)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.theme.name == "dark"
    assert second._presenting is True
    assert second.theme.base_font_pt == 12
    assert second.tabs.currentIndex() == len(TOPICS) - 1
    qtbot.keyClick(second, Qt.Key.Key_Escape)
    assert second._presenting is False
    second.close()


def test_switching_theme_restyles_everything(window, qtbot):
    from explorer.theme import DARK, LIGHT

    tab = window.select("spacetime")
    qtbot.waitUntil(tab.is_idle, timeout=30_000)
    slider_label = tab.panel.control("beta")._label
    legend_label = tab.minkowski.legend.items[0][1]
    for theme in (DARK, LIGHT, DARK):
        window.set_theme(theme.name)
        assert slider_label.palette().text().color().name().lower() == theme.foreground.lower()
        assert f"color:{theme.foreground.lower()}" in legend_label.item.toHtml().replace(" ", "").lower()
        assert tab.diagram_panel.backgroundBrush().color().name().lower() == theme.background.lower()


def test_state_round_trip_through_files(window, tmp_path, monkeypatch, qtbot):
    tab = window.current_tab()
    spec = next(s for s in tab.specs if s.kind == "float")
    tab.set_params({spec.name: spec.maximum})
    path = tmp_path / "saved.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(SceneDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    window.save_scene()
    saved = json.loads(path.read_text())
    assert saved["tab"] == tab.topic_id and saved["params"][spec.name] == spec.maximum
    tab.reset()
    assert window.load_state_file(str(path))
    assert tab.params()[spec.name] == spec.maximum


def test_bad_state_file_warns_and_changes_nothing(window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    tab = window.current_tab()
    before = tab.params()
    view_before = tab.view_state()
    scene = {"app": state.APP_ID, "version": 1, "tab": tab.topic_id, "params": {}}
    first = tab.view_specs[0]
    for text in ("{oops", json.dumps({"app": state.APP_ID, "version": 1, "tab": "nowhere", "params": {}}),
                 json.dumps({"app": state.APP_ID, "version": 1, "tab": tab.topic_id, "params": {"zz": 1}}),
                 json.dumps({**scene, "view": {first.name: -99999999}}),
                 json.dumps({**scene, "view": {"zoom": 2}})):
        path = tmp_path / "bad.json"
        path.write_text(text)
        assert not window.load_state_file(str(path))
    assert len(warnings) == 5
    assert "not valid JSON" in warnings[0] and "unknown tab" in warnings[1] and "unknown parameter" in warnings[2]
    assert f"view: {first.name}: -99999999 is outside the allowed range [0, " in warnings[3]
    known = ", ".join(spec.name for spec in tab.view_specs)
    assert f"view: unknown entry 'zoom'; this tab's are: {known}" in warnings[4]
    assert tab.params() == before and tab.view_state() == view_before


def test_exports(window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtGui import QGuiApplication, QImage

    tab = window.current_tab()
    assert tab.runner.wait_idle(60)
    targets = iter([tmp_path / "a.png", tmp_path / "a@2x.png", tmp_path / "a.csv", tmp_path / "a.svg"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    window.export_png(1)
    window.export_png(2)
    window.export_csv()
    window.export_svg()
    one, two = QImage(str(tmp_path / "a.png")), QImage(str(tmp_path / "a@2x.png"))
    assert (two.width(), two.height()) == (2 * one.width(), 2 * one.height())
    rows = (tmp_path / "a.csv").read_text().splitlines()
    assert rows[0] == "series,x,y" and len(rows) > 10
    assert (tmp_path / "a.svg").read_text().lstrip().startswith("<?xml")
    window.copy_image()
    assert not QGuiApplication.clipboard().image().isNull()


def test_export_to_bad_path_warns(window, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("/no/such/dir/x.png", ""))
    window.export_png(1)
    assert warnings and "does not exist" in warnings[0]


def test_reset_shortcut(window, qtbot):
    tab = window.current_tab()
    spec = next(s for s in tab.specs if s.kind == "float")
    tab.set_params({spec.name: spec.maximum})
    window.reset_tab()
    assert tab.params()[spec.name] == spec.default


def test_close_while_computing(qtbot, app):
    win = MainWindow()
    win.show()
    tab = win.current_tab()
    spec = next(s for s in tab.specs if s.kind == "float")
    for value in (spec.minimum, spec.maximum):
        tab.set_params({spec.name: value})
    win.close()
    assert not tab.runner.busy or tab.runner._closed


def test_csv_holds_data_values_on_log_axes(qtbot, app, tmp_path):
    import pyqtgraph as pg

    from explorer import export
    from explorer.theme import LIGHT
    from widgets.plot_panel import PlotPanel

    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0, "decay", log_x=True, log_y=True)
    curve = panel.curve(plot, name="curve")
    curve.setData([1.0, 10.0, 100.0], [1e-3, 1e-2, 1e-1])
    assert isinstance(curve, pg.PlotDataItem)
    # A marker is placed in the view's units, log10 on a log axis: abc's race markers were exported so (2.11 for
    # N = 130).
    marker = panel.scatter(plot, label="marker")
    marker.setData([np.log10(130.0)], [np.log10(3.0)])
    (_, x, y), (_, marker_x, marker_y) = export.plotted_series([panel])
    assert list(x) == [1.0, 10.0, 100.0] and list(y) == [1e-3, 1e-2, 1e-1]
    assert marker_x == pytest.approx([130.0]) and marker_y == pytest.approx([3.0])


def test_csv_holds_bar_charts_upright_and_sideways(qtbot, app):
    """Top-k's outputs and healing's probabilities are bars: the CSV left them out."""
    from explorer import export
    from explorer.theme import LIGHT
    from widgets.plot_panel import PlotPanel

    panel = PlotPanel(LIGHT)
    qtbot.addWidget(panel)
    plot = panel.add_plot(0, 0, "bars")
    upright = panel.bars(plot, label="upright")
    upright.setOpts(x=np.array([0.0, 1.0]), height=np.array([0.7, 0.3]))
    sideways = panel.bars(plot, name="sideways")
    sideways.setOpts(x0=np.zeros(2), y=np.array([2.0, 3.0]), width=np.array([26.4, 20.4]), height=0.4)
    assert [(label, list(x), list(y)) for label, x, y in export.plotted_series([panel])] == [
        ("bars / upright", [0.0, 1.0], [0.7, 0.3]), ("bars / sideways", [26.4, 20.4], [2.0, 3.0])]


def test_csv_holds_the_page_shown_not_pages_left_with_older_results(qtbot, app):
    """abc keeps one plot panel a page: after a visit to the (p, q) page and a new N, the CSV held that page's
    curves for the old N, under the same names as current data."""
    from helpers import open_tab, settle

    from explorer import export
    from explorer.ab_plus_c.view import PAGES, AbcTab

    tab = open_tab(qtbot, AbcTab)
    tab.apply_view_state({"page": PAGES[1]})
    settle(qtbot, tab)
    tab.apply_view_state({"page": PAGES[0]})
    tab.set_params({"N": 1000})
    settle(qtbot, tab)
    labels = [label for label, _, _ in export.plotted_series(tab.plot_panels())]
    shown = next(panel for panel in tab.plot_panels() if panel.isVisible())
    titles = [plot.titleLabel.text for plot in shown.plots()]
    assert labels and all(any(label.startswith(f"{title} / ") for title in titles) for label in labels), labels
    tab.shutdown()


@pytest.mark.parametrize("topic_id", ["topk", "abc", "healing"])
def test_exported_data_names_every_series(qtbot, app, topic_id):
    """A CSV column of "series 7" says nothing (sampling's and spacetime's own tests check theirs)."""
    from helpers import open_tab

    from explorer import export
    from explorer.registry import topic

    tab = open_tab(qtbot, topic(topic_id).tab_class())
    labels = [label for label, _, _ in export.plotted_series(tab.plot_panels())]
    assert labels and not [label for label in labels if "/ series " in label]
    tab.shutdown()


def test_every_command_has_its_own_shortcut_and_f1_lists_them_all(window, qtbot):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QTextBrowser

    owners = {}
    for action in window.menu_actions():
        keys = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]
        assert keys, f"{action.text()!r} has no shortcut"
        for key in keys:
            assert key not in owners, f"{key} is both {owners[key]!r} and {action.text()!r}"
            owners[key] = action.text()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dialog.findChild(QTextBrowser).toPlainText()
    for action in window.menu_actions():
        assert re.sub(r"\(&\w\)", "", action.text()).replace("&", "") in listed
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in listed
    dialog.close()
