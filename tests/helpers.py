"""Test helpers: run the command line, inspect PNGs."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, timeout=240):
    env = isolated_env()
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT,
    )


def isolated_env():
    """Environment for a child process: offscreen, one thread, and preferences in a throwaway folder."""
    import tempfile

    config = tempfile.mkdtemp(prefix="explorer-settings-")
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", OMP_NUM_THREADS="1", XDG_CONFIG_HOME=config)


def image_stats(path):
    """(width, height, number of distinct colours, fraction of dark pixels) of a PNG, sampled."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    colours, dark, total = set(), 0, 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            r, g, b = rgb >> 16, (rgb >> 8) & 255, rgb & 255
            dark += (r + g + b) < 150
            total += 1
    return image.width(), image.height(), len(colours), dark / total


def has_colour_near(path, hex_colour, tolerance=40, step=3):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    target = int(hex_colour.lstrip("#"), 16)
    tr, tg, tb = target >> 16, (target >> 8) & 255, target & 255
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y)
            r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
            if abs(r - tr) + abs(g - tg) + abs(b - tb) <= tolerance:
                return True
    return False


def edge_values(spec):
    """What tests/test_tabs_common.py computes of every parameter: the ends and middle of a range, every choice."""
    if spec.kind in ("float", "int"):
        middle = (spec.minimum + spec.maximum) / 2
        values = [spec.minimum, spec.maximum, round(middle) if spec.kind == "int" else middle]
        return [spec.validate(v) for v in values]
    if spec.kind == "bool":
        return [not spec.default, spec.default]
    if spec.kind == "choice":
        return list(spec.choices)
    if spec.kind == "multi":
        return [spec.choices[:1], spec.choices, spec.default]
    return [spec.default]


def settle(qtbot, tab, timeout_s=120):
    """Wait until the tab has computed, drawn and rendered its formulas."""
    assert tab.runner.wait_idle(timeout_s), f"{tab.topic_id} did not finish computing"
    qtbot.waitUntil(tab.is_idle, timeout=10_000)


@contextlib.contextmanager
def presenting(qtbot, app, tab_class, room, params=None):
    """A tab in presentation mode on a screen of ``room`` (its fonts as the window would choose them), computed and
    drawn; shut down, with the app's theme back to normal, afterwards."""
    from explorer.app import apply_app_theme
    from explorer.theme import LIGHT

    theme = LIGHT.presenting(True, room)
    apply_app_theme(app, theme)
    tab = tab_class(theme)
    qtbot.addWidget(tab)
    try:
        tab.apply_theme(theme)
        tab.set_params(params or {})
        tab.resize(*room)
        tab.show()
        qtbot.waitExposed(tab)
        settle(qtbot, tab)
        qtbot.wait(50)  # late relayouts of wrapped labels
        yield tab
    finally:
        apply_app_theme(app, LIGHT)
        tab.shutdown()


@contextlib.contextmanager
def built_in_chinese(app, build):
    """The tab ``build()`` makes with the UI in Chinese; it is shut down and the UI is English again afterwards."""
    from explorer import i18n

    i18n.install(app, "zh")
    tab = None
    try:
        tab = build()
        yield tab
    finally:
        i18n.install(app, "en")
        if tab is not None:
            tab.shutdown()


def open_tab(qtbot, tab_class, theme=None, size=(1280, 800)):
    """A tab shown offscreen at ``size`` with its first result drawn; closed by qtbot after the test."""
    from explorer.theme import LIGHT

    tab = tab_class(theme or LIGHT)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    qtbot.waitExposed(tab)
    settle(qtbot, tab)
    return tab
