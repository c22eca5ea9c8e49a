"""Shared test set-up: offscreen Qt, one torch thread, and preferences isolated per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_NUM_THREADS", "1")
# The UI's language follows the system locale; tests expect English whatever the machine's locale is.
os.environ["LC_ALL"] = "C.UTF-8"

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# The same examples on every run, so a CI result does not depend on luck; HYPOTHESIS_PROFILE=explore searches afresh.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Every test gets its own QSettings folder, so no test sees another's (or the user's) preferences."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def app(qapp):
    """The QApplication configured as the app configures it."""
    from explorer.app import apply_app_theme, create_app
    from explorer.theme import LIGHT

    application = create_app()
    apply_app_theme(application, LIGHT)
    return application


@pytest.fixture
def window(qtbot, app):
    """The main window, shown, in English; closed after the test."""
    from explorer.window import MainWindow

    win = MainWindow(language="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
