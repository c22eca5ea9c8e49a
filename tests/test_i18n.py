"""English and Chinese: the translation files are complete and current, and the UI switches at run time."""

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from helpers import isolated_env

from explorer import i18n
from explorer.registry import TOPICS

ROOT = Path(__file__).resolve().parents[1]
TS_FILES = sorted((ROOT / "assets" / "translations").glob("*.ts"))


def _tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path):
    for context in ElementTree.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


@pytest.fixture
def chinese(app):
    i18n.install(app, "zh")
    yield app
    i18n.install(app, "en")


def test_every_area_has_a_translation_file():
    names = {path.stem.removesuffix("_zh_CN") for path in TS_FILES}
    assert set(_tool().areas()) <= names
    lessons = {f"lesson_{path.stem}" for path in (ROOT / "assets" / "lessons").glob("*.json")}
    assert lessons <= names


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_translations_are_finished_and_keep_placeholders_and_formulas(ts):
    for context, source, translation in messages(ts):
        assert translation is not None and translation.get("type") != "unfinished", f"{context}: {source!r}"
        text = translation.text or ""
        assert text.strip(), f"{context}: {source!r} has an empty translation"
        # A renamed placeholder would raise KeyError in .format(); a changed formula would show other math.
        assert sorted(re.findall(r"\{\w*\}", text)) == sorted(re.findall(r"\{\w*\}", source)), source
        formulas = re.compile(r"\$\$.+?\$\$|(?<!\\)\$.+?(?<!\\)\$", re.S)
        assert sorted(formulas.findall(text)) == sorted(formulas.findall(source)), source


def test_translation_files_are_current(tmp_path):
    """Running the update tool on a copy changes nothing: every marked string is in a .ts, every .qm is compiled."""
    copy = tmp_path / "translations"
    shutil.copytree(ROOT / "assets" / "translations", copy)
    _tool().update(copy)
    for fresh in sorted(copy.iterdir()):
        committed = ROOT / "assets" / "translations" / fresh.name
        assert committed.exists(), f"{fresh.name} is missing: run python tools/update_translations.py"
        assert fresh.read_bytes() == committed.read_bytes(), f"{fresh.name} is stale: run tools/update_translations.py"


def test_install_switches_qt_lookups(chinese):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert i18n.translate("Topic", TOPICS[0].title) != TOPICS[0].title
    i18n.install(chinese, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.parse_language("fr")


@pytest.fixture
def english_window(qtbot, app):
    """A main window in English, closed and the app back in English afterwards."""
    from explorer.window import MainWindow

    window = MainWindow(language="en")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    i18n.install(app, "en")


def test_window_switches_language_and_keeps_each_tab_scene(english_window):
    window = english_window
    tab = window.select("spacetime")
    tab.set_params({"beta": -0.42})
    titles = [menu.title() for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))]
    assert "&File" in titles
    window.set_language("zh")
    assert window.tabs.tabText(window.tabs.currentIndex()) == i18n.translate("Topic", "Spacetime symmetry")
    assert window.menu_actions()[0].text().startswith("打开")
    rebuilt = window.current_tab()
    assert rebuilt is not tab and rebuilt.params()["beta"] == -0.42
    assert rebuilt.reset_button.text() == "重置"
    window.set_language("en")
    assert window.current_tab().params()["beta"] == -0.42
    assert window.current_tab().reset_button.text() == "Reset"


def test_default_language_follows_the_system_locale():
    code = "from PySide6.QtCore import QCoreApplication; from explorer import i18n; print(i18n.system_language())"
    for lang, expected in (("zh_CN.UTF-8", "zh"), ("en_GB.UTF-8", "en")):
        env = {**isolated_env(), "LANG": lang, "LC_ALL": "", "LANGUAGE": ""}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        assert out.stdout.strip() == expected, out.stderr


def test_a_language_switch_keeps_networks_retrained_this_session_and_says_if_it_stopped_a_training(qtbot,
                                                                                                   english_window):
    """The rebuilt sampling tab went back to the shipped weights, and dropped a running training, without a word."""
    window = english_window
    tab = window.select("sampling")
    tab.train_steps.setValue(10)
    tab.train_again()
    qtbot.waitUntil(lambda: not tab.trainer.busy and "Retrained" in tab.network_status.text(), timeout=60_000)
    window.set_language("zh")
    rebuilt = window.current_tab()
    assert rebuilt is not tab and rebuilt._networks.keys() == tab._networks.keys() == {"ring8"}
    assert rebuilt.network_status.text() == i18n.translate(
        "SamplingTab", "Retrained this session: {steps} steps, final loss {loss}.").format(
        steps=10, loss=f"{tab._networks['ring8'].final_loss:.3f}")
    rebuilt.train_steps.setValue(20000)
    rebuilt.train_again()
    window.set_language("en")
    again = window.current_tab()
    assert again.network_status.text() == "The language switch stopped the training; press Train again."
    assert again.train_steps.value() == 20000  # the length asked for is kept too
    again.set_params({"preset": "two_moons"})  # the stopped training was ring8's: two moons has shipped weights
    assert again.network_status.text() == "Shipped weights (3000 training steps)."
