"""Scenes and lessons: saving a scene, lesson mode (PgDown/PgUp, glides, captions, Esc) and headless export."""

import json
from pathlib import Path

import pytest
from helpers import image_stats, run_cli
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from explorer import lesson, state
from explorer.registry import TOPICS, specs_for, view_specs_for
from explorer.scene_dialog import SceneDialog
from explorer.window import shipped_lessons

ROOT = Path(__file__).resolve().parents[1]




def scene(tab, title, caption="", params=None, hidden=(), view=None):
    return state.TabState(tab=tab, params=params or {}, view=view or {}, title=title, caption=caption,
                          hidden=tuple(hidden))


LESSON = {
    "app": state.APP_ID, "version": 1, "kind": "lesson", "title": "Boosts",
    "scenes": [
        {"tab": "spacetime", "title": "Slow frame", "caption": "Barely tilted axes.", "params": {"beta": 0.1},
         "hidden": ["twin_beta", "twin_distance"]},
        {"tab": "spacetime", "title": "Fast frame", "caption": "Axes close in on the light cone.",
         "params": {"beta": 0.9, "grid": False}},
        {"tab": "abc", "title": "Another tab", "params": {"N": "130"}},
    ],
}


@pytest.fixture
def lesson_file(tmp_path):
    path = tmp_path / "boosts.json"
    path.write_text(json.dumps(LESSON), encoding="utf-8")
    return path


def test_lesson_mode_steps_glides_and_leaves(window, lesson_file, qtbot):
    assert not window._next_scene_action.isEnabled()  # PgDown belongs to the focused control outside lessons
    assert window.load_lesson_file(str(lesson_file))
    tab = window.current_tab()
    assert tab.topic_id == "spacetime" and tab.params()["beta"] == 0.1
    assert window._presenting and not window.menuBar().isVisible()
    assert "1/3 · Slow frame" in window.caption_bar.text() and "Barely tilted" in window.caption_bar.text()
    assert tab.panel.hidden() == ("twin_beta", "twin_distance")

    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.scene_index == 1
    assert tab.params()["grid"] is False  # switches change at once
    window._glide.pause()  # step the glide by hand: the path, not the frame rate, is under test
    path = []
    for ms in (100, 350, 600):
        window._glide.setCurrentTime(ms)
        path.append(tab.params()["beta"])
    assert 0.1 < path[0] < path[1] < path[2] < 0.9
    assert path[1] == pytest.approx(0.5, abs=1e-3)  # eased: halfway in time is halfway in value
    window._glide.resume()
    qtbot.waitUntil(lambda: window._glide_scene is None, timeout=5_000)
    assert tab.params()["beta"] == 0.9 and tab.panel.hidden() == ()
    assert "2/3 · Fast frame" in window.caption_bar.text()

    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # another tab: shown at once
    assert window.current_tab().topic_id == "abc" and window.current_tab().params()["N"] == 130
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # past the end: stays
    assert window.scene_index == 2
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.scene_index == 1 and window.current_tab().topic_id == "spacetime"
    assert window.current_tab().params()["beta"] == 0.9

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.lesson is None and not window.caption_bar.isVisible()
    assert not window._presenting and window.menuBar().isVisible()


def test_save_scene_then_lesson_round_trips(window, tmp_path, monkeypatch, qtbot):
    tab = window.select("spacetime")
    tab.set_params({"beta": -0.3})

    def accept(dialog):
        dialog.title_field.setText("Negative β")
        dialog.caption_field.setPlainText("The frame moves left.\n  Axes tilt the other way.")
        for row in range(dialog.hidden_list.count()):
            item = dialog.hidden_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == "extent":
                item.setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SceneDialog, "exec", accept)
    targets = iter([tmp_path / "scene.json", tmp_path / "lesson.json"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    window.save_scene()
    saved = state.validate(state.read(tmp_path / "scene.json"), "spacetime", tab.specs)
    assert saved.title == "Negative β" and saved.caption == "The frame moves left. Axes tilt the other way."
    assert saved.params["beta"] == -0.3 and saved.hidden == ("extent",)
    assert tab.panel.hidden() == ("extent",) and len(window.saved_scenes) == 1

    window.save_lesson()
    loaded = lesson.validate_lesson(lesson.read_lesson(tmp_path / "lesson.json"), specs_for)
    assert [s.title for s in loaded.scenes] == ["Negative β"] and loaded.scenes[0].params == saved.params
    tab.reset()
    assert window.load_state_file(str(tmp_path / "scene.json"))
    assert tab.params()["beta"] == -0.3


def test_bad_lesson_warns_and_changes_nothing(window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    before = window.current_tab().params()
    bad = dict(LESSON, scenes=[*LESSON["scenes"], {"tab": "spacetime", "title": "Too fast", "params": {"beta": 3}}])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert not window.load_lesson_file(str(path))
    assert "scene 4" in warnings[0] and "beta" in warnings[0]
    assert window.lesson is None and window.current_tab().params() == before


def test_every_tab_ships_a_valid_lesson():
    paths = shipped_lessons()
    assert [p.stem for p in paths] == [t.id for t in TOPICS]
    for path in paths:
        loaded = lesson.validate_lesson(lesson.read_lesson(path), specs_for, path.name, view_specs_for)
        assert 4 <= len(loaded.scenes) <= 8, path.name
        assert {s.tab for s in loaded.scenes} == {path.stem}
        assert all(s.title and s.caption for s in loaded.scenes), path.name


def test_cli_exports_a_lesson_with_an_index(tmp_path, lesson_file):
    out = tmp_path / "figures"
    result = run_cli("--lesson", lesson_file, "--export-dir", out, "--size", "1000x640", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == ["01-slow-frame.png", "02-fast-frame.png", "03-another-tab.png"]
    for name in pngs:
        width, height, colours, _ = image_stats(out / name)
        assert (width, height) == (1000, 640) and colours > 20
    index = (out / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Boosts") and "## 2. Fast frame" in index and "(02-fast-frame.png)" in index
    assert "Axes close in on the light cone." in index and "https://kexue.fm/archives/1602" in index


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--export-dir", "{tmp}/x"], "--export-dir needs --lesson"),
        (["--lesson", "{lesson}", "--tab", "topk"], "cannot be combined with --tab"),
        (["--lesson", "{tmp}/missing.json", "--export-dir", "{tmp}/x"], "no such file"),
        (["--lesson", "{lesson}", "--export-dir", "{tmp}/x", "--lang", "fr"], "invalid choice: 'fr'"),
    ],
)
def test_cli_lesson_errors_are_one_line(tmp_path, lesson_file, args, fragment):
    result = run_cli(*[a.format(tmp=tmp_path, lesson=lesson_file) for a in args])
    assert result.returncode == 2
    assert fragment in result.stderr and len(result.stderr.strip().splitlines()) == 1
