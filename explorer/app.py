"""QApplication set-up: platform, theme, fonts, pyqtgraph options and the torch thread count."""

from __future__ import annotations

import gc
import os
import sys

ORGANISATION = "ScientificSpaces"
APPLICATION = "Explorer"

# torch defaults to one thread per core; on a 2-core machine that starves the GUI thread. torch reads this
# when it is first imported (lazily, in a worker), so setting it here costs nothing at start-up.
TORCH_THREADS = "1"

# Harmless notices of Qt's offscreen platform, printed on every headless render; other messages pass through.
_IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_garbage_collector = None  # created with the application, kept for its lifetime


def prepare_environment(headless: bool) -> None:
    """Before the QApplication exists: pick a platform that works without a display."""
    os.environ.setdefault("OMP_NUM_THREADS", TORCH_THREADS)
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith(
        "linux"
    )
    if headless or no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def create_app(argv: list[str] | None = None):
    import pyqtgraph as pg
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    _install_message_filter()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    if app.property("explorer_configured") is None:
        # setStyle replaces (and deletes) the style and repolishes every widget: once per process is enough.
        app.setStyle("Fusion")
        _collect_garbage_in_gui_thread()
        app.setProperty("explorer_configured", True)
    pg.setConfigOptions(antialias=True, imageAxisOrder="row-major")
    return app


def _collect_garbage_in_gui_thread() -> None:
    """Python's cycle collector runs in whichever thread happens to allocate. In a worker it can free Qt objects
    that belong to the GUI thread (seen as hangs in tests). pyqtgraph's GarbageCollector turns automatic
    collection off and collects from a timer in the GUI thread instead."""
    global _garbage_collector
    from pyqtgraph.util.garbage_collector import GarbageCollector

    _garbage_collector = GarbageCollector(interval=0.5)


def set_aside_long_lived() -> None:
    """Collect, then keep what is alive out of later collections (``gc.freeze``). Modules, widgets and plot items
    live as long as the window, and a full collection walked them all: some 200,000 objects, 40 ms in the GUI
    thread, a hitch in the middle of a drag. Called once a newly built tab has settled (one such collection then,
    instead of one every minute or so)."""
    gc.collect()
    gc.freeze()


def release_long_lived() -> None:
    """Undo :func:`set_aside_long_lived` before dropping objects it set aside (tabs rebuilt in another language):
    their reference cycles are collectable again."""
    gc.unfreeze()


def _install_message_filter() -> None:
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler

    if QCoreApplication.instance() is not None:
        return  # installed with the application, or the host (e.g. a test runner) owns message handling

    def handler(mode, context, message: str) -> None:
        if message not in _IGNORED_QT_MESSAGES:
            previous(mode, context, message) if previous is not None else print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def apply_app_theme(app, theme) -> None:
    """Widget palette and font for ``theme`` (plots restyle themselves through their panels)."""
    from PySide6.QtGui import QColor, QFont, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    palette.setColor(roles.Window, QColor(theme.surface))
    palette.setColor(roles.WindowText, QColor(theme.foreground))
    palette.setColor(roles.Base, QColor(theme.background))
    palette.setColor(roles.AlternateBase, QColor(theme.surface))
    palette.setColor(roles.Text, QColor(theme.foreground))
    palette.setColor(roles.Button, QColor(theme.surface))
    palette.setColor(roles.ButtonText, QColor(theme.foreground))
    palette.setColor(roles.ToolTipBase, QColor(theme.background))
    palette.setColor(roles.ToolTipText, QColor(theme.foreground))
    palette.setColor(roles.Highlight, QColor(theme.accent))
    palette.setColor(roles.HighlightedText, QColor(theme.background))
    palette.setColor(roles.Link, QColor(theme.accent))
    palette.setColor(roles.PlaceholderText, QColor(theme.muted))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(theme.font_pt)
    app.setFont(font)


def repolish_style_sheets(root) -> None:
    """Widgets with a style sheet (superqt's slider labels, fields marked invalid) keep the palette they were
    polished with; setting the sheet again makes them take the new one. Scoped to ``root``: walking
    ``QApplication.allWidgets()`` instead crashed in CI on widgets of closed tabs awaiting deletion."""
    from PySide6.QtWidgets import QWidget

    for widget in root.findChildren(QWidget):
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
