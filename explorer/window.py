"""The main window: one tab per registered topic (built on first view), menus, shortcuts, status and preferences."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QSettings, Qt, QTimer, QUrl, QVariantAnimation, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedLayout,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer import __version__, export, i18n, state, transition
from explorer import lesson as lessons
from explorer.app import apply_app_theme, release_long_lived, set_aside_long_lived
from explorer.i18n import translate
from explorer.registry import TOPICS, Topic, specs_for, topic, view_specs_for
from explorer.scene_dialog import SceneDialog
from explorer.state import TabState
from explorer.tab import TopicTab
from explorer.theme import Theme, theme_named

LESSONS_DIR = Path(__file__).resolve().parents[1] / "assets" / "lessons"
_GLIDE_MS = 700  # a scene change slow enough to follow, quick enough not to wait for
_SET_ASIDE_MS = 1000  # after a tab is built, this long (and until it is idle) before its objects are set aside

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
        self.pending_scene: TabState | None = None  # applied when the tab is next built (after a language switch)
        self.handed_over: object = None  # what the tab rebuilt after a language switch takes over (TopicTab.take_over)
        self._layout = QStackedLayout(self)


class MainWindow(QMainWindow):
    def __init__(self, theme_name: str | None = None, presentation: bool | None = None, language: str | None = None):
        super().__init__()
        self._settings = QSettings()
        stored_language = self._settings.value("language", "", type=str)
        self._language = language or (stored_language if stored_language in i18n.LANGUAGES else i18n.system_language())
        i18n.install(QApplication.instance(), self._language)
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
            self.tabs.addTab(page, "")
            self.tabs.setTabToolTip(self.tabs.count() - 1, f"{page.topic.post_title} — {page.topic.post_url}")
        self.caption_bar = QLabel()
        self.caption_bar.setObjectName("caption")
        self.caption_bar.setWordWrap(True)
        self.caption_bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_bar.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.caption_bar)
        self.setCentralWidget(central)

        self._status = QLabel()
        self._progress = QProgressBar()
        self._progress.setMaximumWidth(200)
        self._progress.setRange(0, 1000)
        self._progress.hide()
        self.statusBar().addWidget(self._status, 1)
        self.statusBar().addPermanentWidget(self._progress)

        # Lessons: the one being shown, and the scenes saved this session (File → Save Lesson writes them).
        self._lesson: lessons.Lesson | None = None
        self._scene_index = 0
        self._presenting_before_lesson = False
        self.saved_scenes: list[TabState] = []
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(_GLIDE_MS)
        self._glide.setStartValue(0.0)
        self._glide.setEndValue(1.0)
        self._glide.setEasingCurve(QEasingCurve.Type.Linear)  # transition.interpolate eases
        self._glide.valueChanged.connect(self._on_glide)
        self._glide.finished.connect(self._on_glide_finished)
        self._glide_from: dict = {}
        self._glide_scene: TabState | None = None
        self._shortcuts_dialog: QDialog | None = None
        # A new tab's objects are set aside from garbage collection once it has settled (its first result drawn,
        # its formulas rendered, the libraries that takes imported): see app.set_aside_long_lived.
        self._set_aside = QTimer(self)
        self._set_aside.setSingleShot(True)
        self._set_aside.setInterval(_SET_ASIDE_MS)
        self._set_aside.timeout.connect(self._set_aside_when_idle)

        self._menu_actions: list[QAction] = []
        self._build_actions()
        self._retranslate()
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
            if page.pending_scene is not None:
                page.tab.take_over(page.handed_over)
                page.tab.apply_scene(page.pending_scene)
                page.pending_scene = page.handed_over = None
            self._set_aside.start()
        return page.tab

    @Slot()
    def _set_aside_when_idle(self) -> None:
        if all(tab.is_idle() for tab in self.built_tabs()):
            set_aside_long_lived()
        else:
            self._set_aside.start()

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
        return self._base_theme.zoomed(self._zoom).presenting(self._presenting, self._screen_room())

    def _screen_room(self) -> tuple[int, int]:
        """The size of the screen the window is on, less task bars: presentation mode's fonts grow to fit it."""
        room = self.screen().availableGeometry().size()
        return room.width(), room.height()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The native window exists from the first show on; a unique connection makes later shows no-ops.
        self.windowHandle().screenChanged.connect(self._on_screen_changed, Qt.ConnectionType.UniqueConnection)

    @Slot()
    def _on_screen_changed(self) -> None:
        if self._presenting:  # a projector and a laptop screen differ in size
            self._apply_theme()

    def set_theme(self, name: str) -> None:
        self._base_theme = theme_named(name)
        self._settings.setValue("theme", name)
        self._apply_theme()

    @Slot()
    def toggle_dark(self) -> None:
        self.set_theme("light" if self._base_theme.name == "dark" else "dark")

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
        self._dark_action.setChecked(theme.name == "dark")
        self.caption_bar.setStyleSheet(
            f"background: {theme.background}; color: {theme.foreground}; padding: 10px 24px;"
            f"font-size: {theme.font_pt * 1.35:.1f}pt; border-top: 1px solid {theme.muted};"
        )

    # ----- language -----
    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch the whole UI; every built tab is rebuilt in the new language with its scene kept."""
        language = i18n.parse_language(language)
        self._settings.setValue("language", language)
        if language == self._language:
            return
        self._language = language
        i18n.install(QApplication.instance(), language)
        self._glide.stop()
        release_long_lived()
        for page in self._pages:
            if page.tab is not None:
                page.pending_scene = page.tab.scene()
                page.handed_over = page.tab.handed_over()
                page.tab.shutdown()
                page._layout.removeWidget(page.tab)
                page.tab.deleteLater()
                page.tab = None
        self._build_actions()
        self._retranslate()
        self._apply_theme()
        self.current_tab()
        self._show_caption()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Scientific Spaces Explorer"))
        for index, page in enumerate(self._pages):
            self.tabs.setTabText(index, translate("Topic", page.topic.title))
        for action in self._language_actions:
            action.setChecked(action.data() == self._language)

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
        self._menu_actions.append(action)
        return action

    def menu_actions(self) -> list[QAction]:
        """Every command in the menus (each has a shortcut; F1 lists them)."""
        return list(self._menu_actions)

    def _build_actions(self) -> None:
        """(Re)build the menus in the current language."""
        for action in self._menu_actions:
            self.removeAction(action)
            action.deleteLater()
        self._menu_actions = []
        bar = self.menuBar()
        for menu in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            menu.deleteLater()
        bar.clear()

        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open State or Scene…"), self.open_state, QKeySequence.StandardKey.Open,
                     self.tr("Load a tab's saved state or scene"))
        self._action(file_menu, self.tr("&Save Scene…"), self.save_scene, "Ctrl+Shift+S",
                     self.tr("Save this tab's scene with a title and caption; it is also added to the lesson draft"))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Export &PNG…"), lambda: self.export_png(1), QKeySequence.StandardKey.Save,
                     self.tr("Save this tab as a PNG"))
        self._action(file_menu, self.tr("Export PNG at &2×…"), lambda: self.export_png(2), "Ctrl+Alt+S",
                     self.tr("Save this tab as a PNG at twice the resolution"))
        self._action(file_menu, self.tr("Export S&VG…"), self.export_svg, "Ctrl+Alt+V",
                     self.tr("Save the plots as SVG (best effort)"))
        self._action(file_menu, self.tr("Export plotted &data (CSV)…"), self.export_csv, "Ctrl+E",
                     self.tr("Save every plotted curve as CSV"))
        self._action(file_menu, self.tr("&Copy Image"), self.copy_image, "Ctrl+Shift+C",
                     self.tr("Copy this tab as an image"))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")

        tab_menu = bar.addMenu(self.tr("&Tab"))
        self._action(tab_menu, self.tr("&Reset"), self.reset_tab, "Ctrl+R", self.tr("Restore this tab's defaults"))
        self._action(tab_menu, self.tr("&Play / Pause"), self.toggle_play, "Space",
                     self.tr("Play or pause this tab's animation"))
        self._action(tab_menu, self.tr("S&tep"), self.step, "Right", self.tr("Advance the animation one frame"))
        self._action(tab_menu, self.tr("Next Tab"), lambda: self._cycle(1), "Ctrl+Tab")
        self._action(tab_menu, self.tr("Previous Tab"), lambda: self._cycle(-1), "Ctrl+Shift+Tab")

        lesson_menu = bar.addMenu(self.tr("&Lesson"))
        self._action(lesson_menu, self.tr("&Open Lesson…"), self.open_lesson, "Ctrl+L",
                     self.tr("Show a lesson: a sequence of scenes across tabs"))
        for path in shipped_lessons():
            number = next(i for i, t in enumerate(TOPICS, start=1) if t.id == path.stem)  # stable as lessons are added
            title = translate("Topic", topic(path.stem).title)
            self._action(lesson_menu, self.tr("Lesson: {title}").format(title=title),
                         lambda _c=False, p=path: self.load_lesson_file(str(p)), f"Ctrl+Alt+{number}",
                         self.tr("The lesson shipped with this tab: the post's story, scene by scene"))
        lesson_menu.addSeparator()
        self._next_scene_action = self._action(lesson_menu, self.tr("&Next Scene"), lambda: self.go_to_scene(1),
                                               "PgDown", self.tr("Next scene (a presenter's clicker sends PgDown)"))
        self._previous_scene_action = self._action(lesson_menu, self.tr("P&revious Scene"),
                                                   lambda: self.go_to_scene(-1), "PgUp")
        self._leave_lesson_action = self._action(lesson_menu, self.tr("&Leave Lesson"), self.leave_lesson, "Esc")
        lesson_menu.addSeparator()
        self._action(lesson_menu, self.tr("&Save Lesson…"), self.save_lesson, "Ctrl+Alt+Shift+S",
                     self.tr("Save the scenes saved so far (File → Save Scene) as a lesson"))
        self._update_lesson_actions()

        view_menu = bar.addMenu(self.tr("&View"))
        self._dark_action = self._action(view_menu, self.tr("&Dark Theme"), self.toggle_dark, "Ctrl+Shift+D",
                                         self.tr("Switch between the light and the dark theme"), checkable=True)
        self._dark_action.setChecked(self._base_theme.name == "dark")
        self._presentation_action = self._action(
            view_menu, self.tr("&Presentation Mode"), lambda on: self.set_presentation(on), "F5",
            self.tr("Bigger fonts, thicker lines, no chrome"), checkable=True,
        )
        self._presentation_action.setChecked(self._presenting)
        zoom_in = self._action(view_menu, self.tr("Zoom &In"), lambda: self.zoom(1))
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)])
        self._action(view_menu, self.tr("Zoom &Out"), lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self._action(view_menu, self.tr("&Actual Size"), lambda: self.zoom(0), "Ctrl+0")
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self._language_actions = []
        for key, (code, name) in zip(("Ctrl+Alt+E", "Ctrl+Alt+C"), i18n.LANGUAGES.items()):
            # Each language is named in itself, so a reader of either can find their way back.
            action = self._action(language_menu, name, lambda _c=False, c=code: self.set_language(c), key,
                                  checkable=True)
            action.setData(code)
            self._language_actions.append(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, self.tr("&Read This Tab's Post"), self.read_post, "Ctrl+Shift+P",
                     self.tr("Open the blog post behind this tab in the browser"))
        self._action(help_menu, self.tr("&About"), self.show_about, "Shift+F1")
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

    # ----- state and scene files -----
    @Slot()
    def open_state(self) -> None:
        path = self._ask_open_path(self.tr("Open State or Scene"), self.tr("State or scene (*.json);;All files (*)"))
        if path:
            self.load_state_file(path)

    def load_state_file(self, path: str) -> bool:
        """Apply a state or scene file to its tab; on any problem show a message and change nothing."""
        try:
            payload = state.read(path)
            if payload["tab"] not in {page.topic.id for page in self._pages}:
                raise state.StateError(f"{Path(path).name} is for an unknown tab '{payload['tab']}'")
            tab = self.tab(payload["tab"])
            loaded = state.validate(payload, tab.topic_id, tab.specs, Path(path).name, tab.view_specs)
        except state.StateError as exc:
            QMessageBox.warning(self, self.tr("Cannot open state"), str(exc))
            return False
        self.select(loaded.tab)
        tab.apply_scene(loaded)
        self._status.setText(self.tr("Loaded {name}").format(name=Path(path).name))
        return True

    @Slot()
    def save_scene(self) -> None:
        """Ask for a title, a caption and controls to hide; save the scene to a file and add it to the draft."""
        tab = self.current_tab()
        dialog = SceneDialog(tab.specs, type(tab).__name__, tab.panel.hidden(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        scene = tab.scene()
        scene = TabState(scene.tab, scene.params, scene.view, dialog.title(), dialog.caption(), dialog.hidden(),
                         scene.ranges)
        tab.panel.set_hidden(scene.hidden)
        path = self._ask_path(self.tr("Save Scene"), f"{_file_stem(scene.title, tab.topic_id)}.json",
                              self.tr("Scene (*.json)"))
        if path:
            try:
                state.save(path, scene.tab, tab.specs, scene.params, scene.view, title=scene.title,
                           caption=scene.caption, hidden=scene.hidden, ranges=scene.ranges)
            except state.StateError as exc:
                QMessageBox.warning(self, self.tr("Cannot save scene"), str(exc))
                return
        self.saved_scenes.append(scene)
        self._update_lesson_actions()
        self._status.setText(
            self.tr("Scene {number} added to the lesson draft (Lesson → Save Lesson writes it)").format(
                number=len(self.saved_scenes)
            )
        )

    @Slot()
    def save_lesson(self) -> None:
        if not self.saved_scenes:
            QMessageBox.information(self, self.tr("Save Lesson"),
                                    self.tr("Save a scene first (File → Save Scene, Ctrl+Shift+S)."))
            return
        path = self._ask_path(self.tr("Save Lesson"), "lesson.json", self.tr("Lesson (*.json)"))
        if path:
            try:
                lessons.save_lesson(path, Path(path).stem, self.saved_scenes, specs_for)
            except state.StateError as exc:
                QMessageBox.warning(self, self.tr("Cannot save lesson"), str(exc))
                return
            self._status.setText(self.tr("Saved {name}").format(name=path))

    # ----- lessons -----
    @Slot()
    def open_lesson(self) -> None:
        path = self._ask_open_path(self.tr("Open Lesson"), self.tr("Lesson (*.json);;All files (*)"))
        if path:
            self.load_lesson_file(path)

    def load_lesson_file(self, path: str) -> bool:
        try:
            loaded = lessons.validate_lesson(lessons.read_lesson(path), specs_for, Path(path).name, view_specs_for)
        except state.StateError as exc:
            QMessageBox.warning(self, self.tr("Cannot open lesson"), str(exc))
            return False
        self.start_lesson(loaded)
        return True

    @property
    def lesson(self) -> lessons.Lesson | None:
        return self._lesson

    @property
    def scene_index(self) -> int:
        return self._scene_index

    def start_lesson(self, loaded: lessons.Lesson) -> None:
        """Lesson mode: presentation on, the first scene shown, PgDown/PgUp step, Esc leaves."""
        if self._lesson is None:
            self._presenting_before_lesson = self._presenting
        self._lesson = loaded
        self._update_lesson_actions()
        self.set_presentation(True)
        self._show_scene(0, glide=False)

    @Slot()
    def leave_lesson(self) -> None:
        if self._lesson is None:
            return
        self._finish_glide()
        self._lesson = None
        self._update_lesson_actions()
        self.caption_bar.hide()
        self.set_presentation(self._presenting_before_lesson)

    def go_to_scene(self, delta: int) -> None:
        if self._lesson is None:
            return
        index = max(0, min(len(self._lesson.scenes) - 1, self._scene_index + delta))
        if index != self._scene_index:
            self._show_scene(index, glide=True)

    def _show_scene(self, index: int, glide: bool) -> None:
        self._finish_glide()
        self._scene_index = index
        scene = self._lesson.scenes[index]
        same_tab = self.current_tab().topic_id == scene.tab
        tab = self.select(scene.tab)
        self._show_caption()
        if glide and same_tab and transition.is_animated(tab.specs, tab.params(), scene.params):
            self._glide_from = tab.params()
            self._glide_scene = scene
            tab.panel.set_hidden(scene.hidden)
            self._on_glide(0.0)  # switches and choices change at once
            self._glide.start()
        else:
            tab.apply_scene(scene)

    @Slot(object)
    def _on_glide(self, fraction) -> None:
        if self._glide_scene is None:
            return
        tab = self.tab(self._glide_scene.tab)
        tab.set_params(transition.interpolate(tab.specs, self._glide_from, self._glide_scene.params, float(fraction)))

    @Slot()
    def _on_glide_finished(self) -> None:
        scene, self._glide_scene = self._glide_scene, None
        if scene is not None:
            self.tab(scene.tab).apply_scene(scene)

    def _finish_glide(self) -> None:
        """Jump to the end of a running glide, so the next scene starts from exact values."""
        if self._glide_scene is not None:
            self._glide.stop()
            self._on_glide_finished()

    def _show_caption(self) -> None:
        if self._lesson is None:
            return
        scene = self._lesson.scenes[self._scene_index]
        title = translate("Lesson", scene.title) or translate("Topic", topic(scene.tab).title)
        caption = translate("Lesson", scene.caption)
        count = len(self._lesson.scenes)
        self.caption_bar.setText(
            f"<b>{self._scene_index + 1}/{count} · {html.escape(title)}</b>"
            + (f" — {html.escape(caption)}" if caption else "")
        )
        self.caption_bar.show()
        self.setWindowTitle(f"{translate('Lesson', self._lesson.title)} — {self.tr('Scientific Spaces Explorer')}")

    def _update_lesson_actions(self) -> None:
        showing = self._lesson is not None
        for action in (self._next_scene_action, self._previous_scene_action, self._leave_lesson_action):
            action.setEnabled(showing)  # disabled, PgUp/PgDown/Esc go back to the focused control

    # ----- export -----
    def _ask_open_path(self, title: str, pattern: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, self._folder(), pattern)
        if path:
            self._remember_folder(path)
        return path

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
        path = self._ask_path(self.tr("Export PNG"), f"{tab.topic_id}{'@2x' if scale == 2 else ''}.png", "PNG (*.png)")
        if path:
            self._report(lambda: export.save_png(tab, path, scale))

    @Slot()
    def export_svg(self) -> None:
        tab = self.current_tab()
        panels = tab.plot_panels()
        path = self._ask_path(self.tr("Export SVG"), f"{tab.topic_id}.svg", "SVG (*.svg)")
        if path and panels:
            self._report(lambda: export.save_svg(panels[0], path))

    @Slot()
    def export_csv(self) -> None:
        tab = self.current_tab()
        path = self._ask_path(self.tr("Export plotted data"), f"{tab.topic_id}.csv", "CSV (*.csv)")
        if path:
            self._report(lambda: export.save_csv(tab.plot_panels(), path))

    @Slot()
    def copy_image(self) -> None:
        export.copy_to_clipboard(self.current_tab())
        self._status.setText(self.tr("Copied the tab to the clipboard"))

    def _report(self, action) -> None:
        try:
            path = action()
        except export.ExportError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self._status.setText(self.tr("Saved {name}").format(name=path))

    # ----- help -----
    @Slot()
    def show_shortcuts(self) -> None:
        """Every command's keys, grouped by menu; non-modal, so it can stay open beside the tab."""
        if self._shortcuts_dialog is None or self._shortcuts_dialog.property("language") != self._language:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
            dialog.setProperty("language", self._language)
            browser = QTextBrowser()
            browser.setHtml(self.shortcuts_html())
            column = QVBoxLayout(dialog)
            column.addWidget(browser)
            dialog.resize(520, 640)
            self._shortcuts_dialog = dialog
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()

    def shortcuts_html(self) -> str:
        rows = []
        for menu in self.menuBar().findChildren(QMenu):
            actions = [a for a in menu.actions() if a in self._menu_actions]
            if not actions:
                continue
            rows.append(f"<tr><td colspan=2><br><b>{html.escape(_plain(menu.title()))}</b></td></tr>")
            for action in actions:
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                text = _plain(action.text())
                rows.append(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(text)}</td></tr>")
        extra = (
            (self.tr("Esc"), self.tr("Leave the lesson, then presentation mode")),
            (self.tr("Tab / Shift+Tab"), self.tr("Move between controls")),
            (self.tr("Arrows, PgUp/PgDown, Home/End"), self.tr("Change the focused slider")),
            (self.tr("Alt + underlined letter"), self.tr("Open a menu")),
        )
        everywhere = self.tr("Everywhere")
        rows.append(f"<tr><td colspan=2><br><b>{everywhere}</b></td></tr>")
        rows += [f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>" for k, t in extra]
        return "<table cellpadding=3>" + "".join(rows) + "</table>"

    @Slot()
    def read_post(self) -> None:
        page = self._pages[self.tabs.currentIndex()]
        QDesktopServices.openUrl(QUrl(page.topic.post_url))

    @Slot()
    def show_about(self) -> None:
        links = "".join(
            f'<li><a href="{t.post_url}">{t.post_title}</a> — {html.escape(translate("Topic", t.title))}</li>'
            for t in TOPICS
        )
        name = self.tr("Scientific Spaces Explorer")
        blurb = self.tr("Interactive tabs for posts from Su Jianlin’s blog 科学空间 (kexue.fm).")
        QMessageBox.about(
            self,
            self.tr("About Scientific Spaces Explorer"),
            f"<h3>{name} {__version__}</h3><p>{blurb}</p><ul>{links}</ul>",
        )

    # ----- status -----
    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        self._status.setText(self.tr("computing…") if busy else self.tr("ready"))
        if not busy:
            self._progress.hide()

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        self._progress.show()
        self._progress.setValue(round(fraction * 1000))
        if message:
            self._status.setText(self.tr("computing… {message}").format(message=message))

    @Slot(str)
    def _on_message(self, message: str) -> None:
        self._status.setText(message)

    def closeEvent(self, event) -> None:
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.sync()
        QApplication.instance().removeEventFilter(self)
        self._glide.stop()
        for tab in self.built_tabs():
            tab.shutdown()
        super().closeEvent(event)


def shipped_lessons() -> list[Path]:
    """The lessons in ``assets/lessons`` named after a tab, in the tabs' order."""
    return [LESSONS_DIR / f"{t.id}.json" for t in TOPICS if (LESSONS_DIR / f"{t.id}.json").is_file()]




def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def _file_stem(title: str, fallback: str) -> str:
    stem = re.sub(r"[^\w-]+", "-", title).strip("-")[:60]
    return stem or fallback
