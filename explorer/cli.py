"""The command line: open the window, or render one tab headless to a PNG.

Every bad argument ends with one line on stderr and exit code 2; a computation that fails ends with exit code 1.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import NoReturn

from explorer import __version__
from explorer.registry import TOPICS, topic
from explorer.theme import THEMES

PROG = "spaces-explorer"
DEFAULT_SIZE = (1280, 800)
MAX_SIDE = 8000
RENDER_TIMEOUT_S = 180.0


class UsageError(Exception):
    """Bad command-line input: reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Interactive tabs for posts from Su Jianlin's blog 科学空间 (kexue.fm).",
        epilog="Example: spaces-explorer --tab spacetime --set beta=0.8 --screenshot out.png --scale 2",
    )
    parser.add_argument("--tab", metavar="ID", help="open this tab (see --list-tabs)")
    parser.add_argument(
        "--set", metavar="NAME=VALUE", action="append", default=[], help="set a parameter (repeatable)"
    )
    parser.add_argument("--state", metavar="FILE", help="load a saved tab state (JSON)")
    parser.add_argument("--screenshot", metavar="PNG", help="render the tab headless to PNG and exit")
    parser.add_argument("--size", metavar="WxH", default=None, help="screenshot size in pixels (default 1280x800)")
    parser.add_argument("--scale", metavar="N", default="1", help="screenshot pixel scale, 1 to 4 (default 1)")
    parser.add_argument("--theme", choices=sorted(THEMES), help="light or dark")
    parser.add_argument("--presentation", action="store_true", help="start in presentation mode")
    parser.add_argument("--list-tabs", action="store_true", help="list the tabs and exit")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise UsageError(f"--size expects WIDTHxHEIGHT such as 1280x800, got {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= MAX_SIDE and 240 <= height <= MAX_SIDE):
        raise UsageError(f"--size {width}x{height} is out of range (320x240 to {MAX_SIDE}x{MAX_SIDE})")
    return width, height


def parse_scale(text: str) -> float:
    try:
        scale = float(text)
    except ValueError:
        raise UsageError(f"--scale expects a number from 1 to 4, got {text!r}") from None
    if not 1 <= scale <= 4:
        raise UsageError(f"--scale must be from 1 to 4, got {text}")
    return scale


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(build_parser().parse_args(argv))
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug, but the user still gets one line, not a traceback
        print(f"{PROG}: error: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.list_tabs:
        for entry in TOPICS:
            print(f"{entry.id:<12} {entry.title}  ({entry.post_url})")
        return 0
    if args.tab is not None:
        try:
            topic(args.tab)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    if (args.size is not None or args.scale != "1") and args.screenshot is None:
        raise UsageError("--size and --scale apply to --screenshot")
    size = parse_size(args.size) if args.size else DEFAULT_SIZE
    scale = parse_scale(args.scale)
    if args.screenshot is not None:
        from explorer.export import ExportError, check_writable

        if Path(args.screenshot).suffix.lower() != ".png":
            raise UsageError(f"--screenshot writes PNG: the file name must end in .png, got {args.screenshot!r}")
        try:
            check_writable(args.screenshot)
        except ExportError as exc:
            raise UsageError(f"--screenshot: {exc}") from None
    elif not _display_available():
        raise UsageError("no display to open a window on; use --screenshot PNG to render headless")

    from explorer.app import prepare_environment

    prepare_environment(headless=args.screenshot is not None)
    from explorer import state
    from explorer.app import create_app

    app = create_app()
    payload = None
    if args.state:
        try:
            payload = state.read(args.state)
        except state.StateError as exc:
            raise UsageError(f"--state: {exc}") from None
    tab_id = args.tab or (payload["tab"] if payload else None) or _default_tab(args)
    if payload is not None and payload["tab"] not in {t.id for t in TOPICS}:
        raise UsageError(f"--state: {Path(args.state).name} is for an unknown tab '{payload['tab']}'")
    params = _requested_params(tab_id, payload, args)

    if args.screenshot is not None:
        return _screenshot(app, tab_id, params, args, size, scale)
    return _open_window(app, tab_id, params, args)


def _display_available() -> bool:
    """A window can be shown: a display exists, or the user chose a Qt platform (e.g. offscreen, vnc) on purpose."""
    import os

    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _default_tab(args: argparse.Namespace) -> str:
    if args.screenshot is not None:
        return TOPICS[0].id
    from PySide6.QtCore import QSettings

    last = QSettings().value("last_tab", TOPICS[0].id, type=str)
    return last if last in {t.id for t in TOPICS} else TOPICS[0].id


def _requested_params(tab_id: str, payload, args) -> dict | None:
    """Validate --state and --set against the tab's specs before anything is shown."""
    from explorer import state
    from explorer.params import parse_assignment

    specs = topic(tab_id).tab_class().specs
    params: dict = {}
    view: dict = {}
    if payload is not None:
        try:
            loaded = state.validate(payload, tab_id, specs, Path(args.state).name)
        except state.StateError as exc:
            raise UsageError(f"--state: {exc}") from None
        params, view = loaded.params, loaded.view
    for assignment in args.set:
        try:
            name, value = parse_assignment(specs, assignment)
        except ValueError as exc:
            raise UsageError(f"--set: {exc}") from None
        params[name] = value
    args.view_state = view
    return params or None


def _screenshot(app, tab_id: str, params, args, size, scale) -> int:
    from PySide6.QtCore import QCoreApplication

    from explorer import export
    from explorer.app import apply_app_theme
    from explorer.theme import theme_named
    from widgets.explanation import set_pixel_ratio_floor

    theme = theme_named(args.theme or "light").presenting(args.presentation)
    apply_app_theme(app, theme)
    set_pixel_ratio_floor(scale)
    tab = topic(tab_id).tab_class()(theme)
    tab.apply_theme(theme)
    if params:
        tab.set_params(params)
    if args.view_state:
        tab.apply_view_state(args.view_state)
    tab.resize(*size)
    tab.show()
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    while not tab.is_idle():
        if time.monotonic() > deadline:
            message = f"the {tab_id} tab did not finish computing in {RENDER_TIMEOUT_S:.0f} s"
            print(f"{PROG}: error: {message}", file=sys.stderr)
            tab.shutdown()
            return 1
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()
    if tab.error_label.isVisible():
        print(f"{PROG}: error: {tab.error_label.text()}", file=sys.stderr)
        tab.shutdown()
        return 1
    try:
        path = export.save_png(tab, args.screenshot, scale, background=theme.surface)
    except export.ExportError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    finally:
        tab.shutdown()
    print(path)
    return 0


def _open_window(app, tab_id, params, args) -> int:
    from explorer.window import MainWindow

    window = MainWindow(theme_name=args.theme, presentation=args.presentation or None)
    tab = window.select(tab_id)
    if params:
        tab.set_params(params)
    if args.view_state:
        tab.apply_view_state(args.view_state)
    window.show()
    return app.exec()
