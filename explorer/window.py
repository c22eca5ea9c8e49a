"""The main window: one tab per registered topic (built on first view), menus, shortcuts, status and preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedLayout,
    QTabWidget,
    QWidget,
)

from explorer import __version__, export, state
from explorer.app import apply_app_theme
from explorer.registry import TOPICS, Topic
from explorer.tab import TopicTab
from explorer.theme import Theme, theme_named

_ZOOM_LIMIT = 12
# A focused control keeps its own keys: Space and the arrows must not trigger Play/Step while it has focus.
_KEYS_CONTROLS_KEEP = {Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Left}
_CONTROLS_KEEPING_KEYS = (QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractButton)


class _Page(QWidget):
    """Holds a topic's tab, built the first time the page is shown."""

    def __init__(self, topic: Topic):
        super().__init__()
        self.topic = topic
        self.tab: TopicTab | None = None
        self._layout = QStackedLayout(self)


class MainWindow(QMainWindow):
    def __init__(self, theme_name: str | None = None, presentation: bool | None = None):
        super().__init__()
        self.setWindowTitle("Scientific Spaces Explorer")
        self._settings = QSettings()
        theme_name = theme_name or self._settings.value("theme", "light", type=str)
        try:
            base = theme_named(theme_name)
        except ValueError:
            base = theme_named("light")
        self._base_theme = base
        self._presenting = (
            presentation if presentation is not None else self._settings.value("presentation", False, type=bool)
        )
        self._zoom = max(-_ZOOM_LIMIT, min(_ZOOM_LIMIT, self._settings.value("zoom", 0, type=int)))

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._pages = [_Page(topic) for topic in TOPICS]
        for page in self._pages:
            self.tabs.addTab(page, page.topic.title)
            self.tabs.setTabToolTip(self.tabs.count() - 1, f"{page.topic.post_title} — {page.topic.post_url}")
        self.setCentralWidget(self.tabs)

        self._status = QLabel()
        self._progress = QProgressBar()
        self._progress.setMaximumWidth(200)
        self._progress.setRange(0, 1000)
        self._progress.hide()
        self.statusBar().addWidget(self._status, 1)
        self.statusBar().addPermanentWidget(self._progress)

        self._build_actions()
        self._apply_theme()
        geometry = self._settings.value("geometry", None)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 860)
        last = self._settings.value("last_tab", TOPICS[0].id, type=str)
        self.tabs.setCurrentIndex(next((i for i, page in enumerate(self._pages) if page.topic.id == last), 0))
        self.tabs.currentChanged.connect(self._on_current_changed)
        # The first tab is built right after the window's first paint, so the window appears at once.
        self._first_paint_seen = False
        QApplication.instance().installEventFilter(self)

    # ----- tabs -----
    def current_tab(self) -> TopicTab:
        return self._ensure_tab(self.tabs.currentIndex())

    def tab(self, topic_id: str) -> TopicTab:
        for index, page in enumerate(self._pages):
            if page.topic.id == topic_id:
                return self._ensure_tab(index)
        raise ValueError(f"unknown tab {topic_id!r}")

    def select(self, topic_id: str) -> TopicTab:
        tab = self.tab(topic_id)
        self.tabs.setCurrentIndex(next(i for i, p in enumerate(self._pages) if p.topic.id == topic_id))
        return tab

    def built_tabs(self) -> list[TopicTab]:
        return [page.tab for page in self._pages if page.tab is not None]

    def _ensure_tab(self, index: int) -> TopicTab:
        page = self._pages[index]
        if page.tab is None:
            page.tab = page.topic.tab_class()(self.theme)
            page.tab.busy_changed.connect(self._on_busy)
            page.tab.progress_changed.connect(self._on_progress)
            page.tab.message.connect(self._on_message)
            page._layout.addWidget(page.tab)
        return page.tab

    @Slot()
    def _build_current(self) -> None:
        self._on_current_changed(self.tabs.currentIndex())

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        if index < 0:
            return
        tab = self._ensure_tab(index)
        self._settings.setValue("last_tab", self._pages[index].topic.id)
        self._on_busy(tab.runner.busy)

    # ----- theme -----
    @property
    def theme(self) -> Theme:
        return self._base_theme.zoomed(self._zoom).presenting(self._presenting)

    def set_theme(self, name: str) -> None:
        self._base_theme = theme_named(name)
        self._settings.setValue("theme", name)
        self._apply_theme()

    def set_presentation(self, on: bool) -> None:
        self._presenting = on
        self._settings.setValue("presentation", on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        self.tabs.tabBar().setVisible(not on)
        self._presentation_action.setChecked(on)
        self._apply_theme()

    def zoom(self, steps: int) -> None:
        self._zoom = 0 if steps == 0 else max(-_ZOOM_LIMIT, min(_ZOOM_LIMIT, self._zoom + steps))
        self._settings.setValue("zoom", self._zoom)
        self._apply_theme()

    def _apply_theme(self) -> None:
        theme = self.theme
        apply_app_theme(QApplication.instance(), theme)
        for tab in self.built_tabs():
            tab.apply_theme(theme)
        for action in self._theme_actions.actions():
            action.setChecked(action.data() == theme.name)

    # ----- actions -----
    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts keep working when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open State…", self.open_state, QKeySequence.StandardKey.Open, "Load a tab's state")
        self._action(file_menu, "&Save State…", self.save_state, "Ctrl+Shift+S", "Save this tab's state as JSON")
        file_menu.addSeparator()
        self._action(file_menu, "Export &PNG…", lambda: self.export_png(1), QKeySequence.StandardKey.Save,
                     "Save this tab as a PNG")
        self._action(file_menu, "Export PNG at &2×…", lambda: self.export_png(2), "Ctrl+Alt+S",
                     "Save this tab as a PNG at twice the resolution")
        self._action(file_menu, "Export S&VG…", self.export_svg, None, "Save the plots as SVG (best effort)")
        self._action(file_menu, "Export plotted &data (CSV)…", self.export_csv, "Ctrl+E",
                     "Save every plotted curve as CSV")
        self._action(file_menu, "&Copy Image", self.copy_image, "Ctrl+Shift+C", "Copy this tab as an image")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        tab_menu = bar.addMenu("&Tab")
        self._action(tab_menu, "&Reset", self.reset_tab, "Ctrl+R", "Restore this tab's defaults")
        self._action(tab_menu, "&Play / Pause", self.toggle_play, "Space", "Play or pause this tab's animation")
        self._action(tab_menu, "S&tep", self.step, "Right", "Advance the animation one frame")
        self._action(tab_menu, "Next Tab", lambda: self._cycle(1), "Ctrl+Tab")
        self._action(tab_menu, "Previous Tab", lambda: self._cycle(-1), "Ctrl+Shift+Tab")

        view_menu = bar.addMenu("&View")
        self._theme_actions = QActionGroup(self)
        for name, label in (("light", "&Light Theme"), ("dark", "&Dark Theme")):
            action = self._action(view_menu, label, lambda _c=False, n=name: self.set_theme(n), checkable=True)
            action.setData(name)
            self._theme_actions.addAction(action)
        view_menu.addSeparator()
        self._presentation_action = self._action(
            view_menu, "&Presentation Mode", lambda on: self.set_presentation(on), "F5",
            "Bigger fonts, thicker lines, no chrome", checkable=True,
        )
        self._presentation_action.setChecked(self._presenting)
        zoom_in = self._action(view_menu, "Zoom &In", lambda: self.zoom(1))
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)])
        self._action(view_menu, "Zoom &Out", lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self._action(view_menu, "&Actual Size", lambda: self.zoom(0), "Ctrl+0")

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard Shortcuts", self.show_shortcuts, "F1")
        for topic in TOPICS:
            self._action(help_menu, f"Read: {topic.post_title}",
                         lambda _c=False, url=topic.post_url: QDesktopServices.openUrl(QUrl(url)))
        self._action(help_menu, "&About", self.show_about)
        if self._presenting:
            self.menuBar().setVisible(False)
            self.statusBar().setVisible(False)
            self.tabs.tabBar().setVisible(False)

    @Slot()
    def reset_tab(self) -> None:
        self.current_tab().reset()

    @Slot()
    def toggle_play(self) -> None:
        bar = self.current_tab().play_bar
        if bar is not None:
            bar.toggle()

    @Slot()
    def step(self) -> None:
        bar = self.current_tab().play_bar
        if bar is not None:
            bar.pause()
            bar.step()

    def _cycle(self, delta: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + delta) % self.tabs.count())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._first_paint_seen and watched is self and event.type() == QEvent.Type.Paint:
            self._first_paint_seen = True
            QTimer.singleShot(0, self, self._build_current)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, _CONTROLS_KEEPING_KEYS)
            and event.key() in _KEYS_CONTROLS_KEEP
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
        return False

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self._presenting:
            self.set_presentation(False)
            return
        super().keyPressEvent(event)

    # ----- state files -----
    @Slot()
    def open_state(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open State", self._folder(), "State (*.json);;All files (*)")
        if path:
            self._remember_folder(path)
            self.load_state_file(path)

    def load_state_file(self, path: str) -> bool:
        """Apply a state file to its tab; on any problem show a message and change nothing."""
        try:
            payload = state.read(path)
            topic_ids = [page.topic.id for page in self._pages]
            if payload["tab"] not in topic_ids:
                raise state.StateError(f"{Path(path).name} is for an unknown tab '{payload['tab']}'")
            tab = self.tab(payload["tab"])
            loaded = state.validate(payload, tab.topic_id, tab.specs, Path(path).name)
        except state.StateError as exc:
            QMessageBox.warning(self, "Cannot open state", str(exc))
            return False
        self.select(loaded.tab)
        tab.set_params(loaded.params)
        tab.apply_view_state(loaded.view)
        self._status.setText(f"Loaded {Path(path).name}")
        return True

    @Slot()
    def save_state(self) -> None:
        tab = self.current_tab()
        path = self._ask_path("Save State", f"{tab.topic_id}.json", "State (*.json)")
        if path:
            try:
                state.save(path, tab.topic_id, tab.specs, tab.params(), tab.view_state())
            except state.StateError as exc:
                QMessageBox.warning(self, "Cannot save state", str(exc))

    # ----- export -----
    def _ask_path(self, title: str, suggestion: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(self._folder()) / suggestion), pattern)
        if path:
            self._remember_folder(path)
        return path

    def _folder(self) -> str:
        """The folder of the last file opened or saved, so dialogs start where the user works."""
        return self._settings.value("last_folder", str(Path.home()), type=str)

    def _remember_folder(self, path: str) -> None:
        self._settings.setValue("last_folder", str(Path(path).parent))

    def export_png(self, scale: int) -> None:
        tab = self.current_tab()
        path = self._ask_path("Export PNG", f"{tab.topic_id}{'@2x' if scale == 2 else ''}.png", "PNG (*.png)")
        if path:
            self._report(lambda: export.save_png(tab, path, scale))

    @Slot()
    def export_svg(self) -> None:
        tab = self.current_tab()
        panels = tab.plot_panels()
        path = self._ask_path("Export SVG", f"{tab.topic_id}.svg", "SVG (*.svg)")
        if path and panels:
            self._report(lambda: export.save_svg(panels[0], path))

    @Slot()
    def export_csv(self) -> None:
        tab = self.current_tab()
        path = self._ask_path("Export plotted data", f"{tab.topic_id}.csv", "CSV (*.csv)")
        if path:
            self._report(lambda: export.save_csv(tab.plot_panels(), path))

    @Slot()
    def copy_image(self) -> None:
        export.copy_to_clipboard(self.current_tab())
        self._status.setText("Copied the tab to the clipboard")

    def _report(self, action) -> None:
        try:
            path = action()
        except export.ExportError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
            return
        self._status.setText(f"Saved {path}")

    # ----- help -----
    @Slot()
    def show_shortcuts(self) -> None:
        rows = []
        for action in self.actions():
            if not action.shortcut().isEmpty():
                text = action.text().replace("&", "")
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append(f"<tr><td><b>{keys}</b></td><td>{text}</td></tr>")
        rows.append("<tr><td><b>Esc</b></td><td>Leave presentation mode</td></tr>")
        QMessageBox.information(self, "Keyboard shortcuts", "<table cellpadding=3>" + "".join(rows) + "</table>")

    @Slot()
    def show_about(self) -> None:
        links = "".join(f'<li><a href="{t.post_url}">{t.post_title}</a> — {t.title}</li>' for t in TOPICS)
        QMessageBox.about(
            self,
            "About Scientific Spaces Explorer",
            f"<h3>Scientific Spaces Explorer {__version__}</h3>"
            f"<p>Interactive tabs for posts from Su Jianlin's blog 科学空间 (kexue.fm).</p><ul>{links}</ul>",
        )

    # ----- status -----
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self._status.setText("computing…" if busy else "ready")
        if not busy:
            self._progress.hide()

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self._progress.show()
        self._progress.setValue(round(fraction * 1000))
        if message:
            self._status.setText(f"computing… {message}")

    @Slot(str)
    def _on_message(self, message: str) -> None:
        self._status.setText(message)

    def closeEvent(self, event) -> None:
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.sync()
        QApplication.instance().removeEventFilter(self)
        for tab in self.built_tabs():
            tab.shutdown()
        super().closeEvent(event)
