"""The command line as a user runs it: one-line errors with exit code 2, and real PNGs."""

import pytest
from helpers import ROOT, has_colour_near, image_stats, run_cli

from explorer import __version__
from explorer.registry import TOPICS
from explorer.theme import DARK, LIGHT


def assert_one_line_error(result, fragment):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert fragment in lines[0]


def test_list_tabs_and_version():
    result = run_cli("--list-tabs")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [t.id for t in TOPICS]
    result = run_cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--tab", "nosuch"], "unknown tab 'nosuch'"),
        (["--tab", "spacetime", "--set", "beta=2", "--screenshot", "x.png"], "beta: 2 is outside"),
        (["--tab", "spacetime", "--set", "warp=9", "--screenshot", "x.png"], "unknown parameter 'warp'"),
        (["--tab", "spacetime", "--set", "beta", "--screenshot", "x.png"], "NAME=VALUE"),
        (["--tab", "spacetime", "--set", "beta=0.1", "--set", "beta=0.2", "--screenshot", "x.png"], "given twice"),
        (["--screenshot", "x.png", "--size", "big"], "--size expects"),
        (["--screenshot", "x.png", "--size", "10x10"], "out of range"),
        (["--screenshot", "x.png", "--size", "-5x600"], "is written as --OPTION=VALUE"),
        (["--screenshot", "x.png", "--size=-5x600"], "--size expects WIDTHxHEIGHT"),
        (["--screenshot", "x.png", "--scale", "9"], "--scale must be from 1 to 4"),
        (["--screenshot", "x.png", "--size", "8000x8000", "--scale", "4"], "1024-megapixel image; the most is 80"),
        (["--screenshot", "/no/such/folder/x.png"], "does not exist"),
        (["--size", "800x600"], "apply to --screenshot"),
        (["--theme", "pink"], "invalid choice"),
        (["--frobnicate"], "unrecognized arguments"),
        (["--tab", "spacetime", "--screenshot", "out.jpg"], "must end in .png"),
        (["--screenshot", ""], "must end in .png"),
    ],
)
def test_bad_arguments(args, fragment):
    assert_one_line_error(run_cli(*args), fragment)


def test_no_display_and_no_screenshot_is_an_error():
    import os
    import subprocess
    import sys

    from helpers import ROOT, isolated_env

    env = {k: v for k, v in isolated_env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, timeout=60,
                            env=env, cwd=os.fspath(ROOT))
    assert_one_line_error(result, "no display")


def test_a_lesson_export_leaves_no_folder_for_a_bad_lesson_and_mixes_no_figures(tmp_path):
    missing = tmp_path / "made"
    assert_one_line_error(run_cli("--lesson", tmp_path / "none.json", "--export-dir", missing), "none.json")
    assert not missing.exists(), "a lesson that does not read left a folder behind"
    used = tmp_path / "used"
    used.mkdir()
    (used / "01-another-lessons-figure.png").write_bytes(b"")
    lesson = ROOT / "assets" / "lessons" / "abc.json"
    assert_one_line_error(run_cli("--lesson", lesson, "--export-dir", used), "holds other figures")
    assert [p.name for p in used.iterdir()] == ["01-another-lessons-figure.png"]


def test_bad_state_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"app": "scientific-spaces-explorer", "version": 1, "tab": "spacetime", "params": {"beta": 7}}')
    assert_one_line_error(run_cli("--state", bad, "--screenshot", tmp_path / "x.png"), "beta: 7 is outside")
    bad.write_text("{{{")
    assert_one_line_error(run_cli("--state", bad, "--screenshot", tmp_path / "x.png"), "not valid JSON")
    bad.write_text('{"app": "scientific-spaces-explorer", "version": 1, "tab": "abc", "view": {"page": "zz"}}')
    assert_one_line_error(run_cli("--state", bad, "--screenshot", tmp_path / "x.png"),
                          "view: page: expected one of ab, pq, range; got 'zz'")
    bad.write_text('{"app": "scientific-spaces-explorer", "version": 1, "tab": "sampling", "view": {"frame": 1e308}}')
    assert_one_line_error(run_cli("--state", bad, "--screenshot", tmp_path / "x.png"), "view: frame: ")


@pytest.mark.parametrize("topic", [t.id for t in TOPICS])
def test_screenshot_of_every_tab(tmp_path, topic):
    out = tmp_path / f"{topic}.png"
    result = run_cli("--tab", topic, "--screenshot", out, "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "a successful render prints nothing on stderr"
    width, height, colours, _ = image_stats(out)
    assert (width, height) == (1000, 700)
    assert colours > 30, "the picture is nearly blank"
    assert has_colour_near(out, LIGHT.series[0]), "no plotted series colour in the picture"


def test_screenshot_scale_and_dark_theme(tmp_path):
    out = tmp_path / "dark@2x.png"
    result = run_cli("--tab", "spacetime", "--screenshot", out, "--size", "900x600", "--scale", "2", "--theme", "dark")
    assert result.returncode == 0, result.stderr
    width, height, _, dark_fraction = image_stats(out)
    assert (width, height) == (1800, 1200)
    assert dark_fraction > 0.5, "a dark-theme picture should be mostly dark"
    assert has_colour_near(out, DARK.series[0])
