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
from explorer.i18n import LANGUAGES
from explorer.registry import TOPICS, specs_for, topic, view_specs_for
from explorer.theme import THEMES

PROG = "spaces-explorer"
DEFAULT_SIZE = (1280, 800)
MAX_SIDE = 8000
MAX_PIXELS = 80_000_000  # per PNG (size × scale²): 320 MB of image memory; 8000x8000 at scale 4 needed 4.8 GB
RENDER_TIMEOUT_S = 180.0


class UsageError(Exception):
    """Bad command-line input: reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        if message.endswith("expected one argument"):
            # argparse reads a value starting with "-" (other than a plain negative number) as the next option:
            # "--size -5x600" said only that --size had no value.
            message += " (a value that starts with '-' is written as --OPTION=VALUE)"
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
    parser.add_argument("--size", metavar="WxH", default=None,
                        help="window size in logical pixels; the PNG is this times --scale (default 1280x800)")
    parser.add_argument("--scale", metavar="N", default="1",
                        help="pixels per logical pixel, a number from 1 to 4 (default 1)")
    parser.add_argument("--theme", choices=sorted(THEMES), help="light or dark")
    parser.add_argument("--presentation", action="store_true", help="start in presentation mode")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="user-interface language (default: the system's)")
    parser.add_argument("--lesson", metavar="FILE", help="open a lesson (JSON), or export it with --export-dir")
    parser.add_argument("--export-dir", metavar="DIR", help="render every scene of --lesson to numbered PNGs and exit")
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
    _check_lesson_arguments(args)
    headless = args.screenshot is not None or args.export_dir is not None
    if (args.size is not None or args.scale != "1") and not headless:
        raise UsageError("--size and --scale apply to --screenshot and --export-dir")
    size = parse_size(args.size) if args.size else DEFAULT_SIZE
    scale = parse_scale(args.scale)
    pixels = round(size[0] * scale) * round(size[1] * scale)
    if pixels > MAX_PIXELS:
        raise UsageError(f"--size {size[0]}x{size[1]} at --scale {args.scale} makes a {pixels / 1e6:.0f}-megapixel "
                         f"image; the most is {MAX_PIXELS / 1e6:.0f}")
    if args.screenshot is not None:
        from explorer.export import ExportError, check_writable

        if Path(args.screenshot).suffix.lower() != ".png":
            raise UsageError(f"--screenshot writes PNG: the file name must end in .png, got {args.screenshot!r}")
        try:
            check_writable(args.screenshot)
        except ExportError as exc:
            raise UsageError(f"--screenshot: {exc}") from None
    elif args.export_dir is not None:
        if Path(args.export_dir).exists() and not Path(args.export_dir).is_dir():
            raise UsageError(f"--export-dir: {args.export_dir} is a file, not a folder")
    elif not _display_available():
        raise UsageError("no display to open a window on; use --screenshot PNG to render headless")

    from explorer.app import prepare_environment

    prepare_environment(headless=headless)
    from explorer import i18n, state
    from explorer.app import create_app

    app = create_app()
    i18n.install(app, args.lang or _default_language(headless))
    if args.lesson is not None:
        lesson = _read_lesson(args.lesson)
        if args.export_dir is not None:  # made only now: a lesson that does not read leaves no empty folder
            names = _figure_names(lesson)
            return _export_lesson(app, lesson, _prepare_export_dir(args.export_dir, names), names, args, size, scale)
        return _open_window(app, None, None, args, lesson)
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


def _check_lesson_arguments(args: argparse.Namespace) -> None:
    if args.export_dir is not None and args.lesson is None:
        raise UsageError("--export-dir needs --lesson FILE")
    if args.lesson is not None:
        clashing = [flag for flag, value in (("--tab", args.tab), ("--state", args.state), ("--set", args.set),
                                             ("--screenshot", args.screenshot)) if value]
        if clashing:
            raise UsageError(f"--lesson cannot be combined with {', '.join(clashing)}")


def _figure_names(lesson) -> list[str]:
    return [f"{number:02d}-{_slug(scene.title or scene.tab)}.png" for number, scene in enumerate(lesson.scenes, 1)]


def _prepare_export_dir(directory: str, names: list[str]) -> Path:
    """The folder, made if need be. Figures of another export there would mix with these under one index: refused
    (this lesson's own figures are simply replaced)."""
    path = Path(directory)
    others = sorted(p.name for p in path.glob("[0-9][0-9]-*.png") if p.name not in names) if path.is_dir() else []
    if others:
        raise UsageError(f"--export-dir: {directory} holds other figures ({others[0]}"
                         f"{f' and {len(others) - 1} more' if len(others) > 1 else ''}); choose an empty folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--export-dir: cannot create {directory}: {exc.strerror or exc}") from None
    from explorer.export import ExportError, check_writable

    try:
        check_writable(str(path / "index.md"))
    except ExportError as exc:
        raise UsageError(f"--export-dir: {exc}") from None
    return path


def _default_language(headless: bool) -> str:
    from explorer.i18n import system_language

    if headless:
        return system_language()
    from PySide6.QtCore import QSettings

    stored = QSettings().value("language", "", type=str)
    return stored if stored in LANGUAGES else system_language()


def _read_lesson(path: str):
    from explorer import lesson
    from explorer.state import StateError

    try:
        return lesson.validate_lesson(lesson.read_lesson(path), specs_for, Path(path).name, view_specs_for)
    except StateError as exc:  # LessonError is one
        raise UsageError(f"--lesson: {exc}") from None


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

    tab_class = topic(tab_id).tab_class()
    specs = tab_class.specs
    params: dict = {}
    view: dict = {}
    if payload is not None:
        try:
            loaded = state.validate(payload, tab_id, specs, Path(args.state).name, tab_class.view_specs)
        except state.StateError as exc:
            raise UsageError(f"--state: {exc}") from None
        params, view = loaded.params, loaded.view
    assigned = set()
    for assignment in args.set:
        try:
            name, value = parse_assignment(specs, assignment)
        except ValueError as exc:
            raise UsageError(f"--set: {exc}") from None
        if name in assigned:  # which of two values was meant cannot be told
            raise UsageError(f"--set: {name} is given twice")
        assigned.add(name)
        params[name] = value
    args.view_state = view
    return params or None


def _apply_requested(tab, params: dict | None, view: dict) -> None:
    """What --state and --set asked of the tab."""
    if params:
        tab.set_params(params)
    if view:
        tab.apply_view_state(view)


def _screenshot(app, tab_id: str, params, args, size, scale) -> int:
    theme = _headless_theme(app, args, size, scale)
    tab = topic(tab_id).tab_class()(theme)
    tab.apply_theme(theme)
    _apply_requested(tab, params, args.view_state)
    error = _render(tab, Path(args.screenshot), size, scale, theme)
    if error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0


def _export_lesson(app, lesson, directory: Path, names: list[str], args, size, scale) -> int:
    """Every scene to ``NN-title.png`` (``names``) and an ``index.md`` with the titles and captions."""
    from explorer.i18n import translate

    theme = _headless_theme(app, args, size, scale)
    entries = []
    for number, (scene, name) in enumerate(zip(lesson.scenes, names), start=1):
        title = translate("Lesson", scene.title) or topic(scene.tab).title
        tab = topic(scene.tab).tab_class()(theme)
        tab.apply_theme(theme)
        tab.apply_scene(scene)
        error = _render(tab, directory / name, size, scale, theme)
        if error:
            print(f"{PROG}: error: scene {number} ({title}): {error}", file=sys.stderr)
            return 1
        entries.append((number, title, translate("Lesson", scene.caption), name, scene.tab))
        print(directory / name)
    index = directory / "index.md"
    index.write_text(_lesson_index(translate("Lesson", lesson.title), entries), encoding="utf-8")
    print(index)
    return 0


def _lesson_index(title: str, entries) -> str:
    lines = [f"# {title}", ""]
    for number, scene_title, caption, name, tab_id in entries:
        entry = topic(tab_id)
        lines += [f"## {number}. {scene_title}", "", f"![{scene_title}]({name})", ""]
        if caption:
            lines += [caption, ""]
        lines += [f"*{entry.post_title}*: <{entry.post_url}>", ""]
    return "\n".join(lines)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return slug or "scene"


def _headless_theme(app, args, size, scale):
    from explorer.app import apply_app_theme
    from explorer.theme import theme_named
    from widgets.explanation import set_pixel_ratio_floor

    theme = theme_named(args.theme or "light").presenting(args.presentation, size)
    apply_app_theme(app, theme)
    set_pixel_ratio_floor(scale)
    return theme


def _render(tab, path: Path, size, scale, theme) -> str:
    """Show ``tab`` offscreen, wait for its computation and write the PNG; an error message, or "" on success."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from explorer import export

    tab.resize(*size)
    tab.show()
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    try:
        while not tab.is_idle():
            if time.monotonic() > deadline:
                return f"the {tab.topic_id} tab did not finish computing in {RENDER_TIMEOUT_S:.0f} s"
            QCoreApplication.processEvents()
            time.sleep(0.005)
        for again in (False, True):
            if again:
                # A window grows to a minimum that is larger while its plots are first drawn (axes widen to labels
                # that are then replaced), and keeps that size: asked again, it takes the size, or today's minimum.
                tab.resize(*size)
            for _ in range(5):
                # A label that wraps onto another line at the last moment relays out its parents over several rounds.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                QCoreApplication.processEvents()
        if tab.error_label.isVisible():
            return tab.error_label.text()
        if (tab.width(), tab.height()) != tuple(size):
            print(f"{PROG}: note: the {tab.topic_id} tab needs at least {tab.width()}x{tab.height()}; "
                  f"{path.name} has that size instead of {size[0]}x{size[1]}", file=sys.stderr)
        try:
            export.save_png(tab, str(path), scale, background=theme.surface)
        except export.ExportError as exc:
            return str(exc)
        return ""
    finally:
        tab.shutdown()
        tab.close()
        tab.deleteLater()


def _open_window(app, tab_id, params, args, lesson=None) -> int:
    from explorer.window import MainWindow

    window = MainWindow(theme_name=args.theme, presentation=args.presentation or None, language=args.lang)
    if lesson is not None:
        window.start_lesson(lesson)
    else:
        _apply_requested(window.select(tab_id), params, args.view_state)
    window.show()
    return app.exec()
