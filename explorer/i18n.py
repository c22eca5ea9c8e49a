"""English and Chinese through Qt's translation system: ``tr()``/``translate()`` and compiled ``.qm`` files.

Source strings are English. ``lupdate`` collects them into ``assets/translations/*_zh_CN.ts`` (see
``tools/update_translations.py``), translators fill those in, ``lrelease`` compiles the ``.qm`` files loaded here.
Strings defined outside a QObject method (parameter specs, explanations, registry titles) are marked with
:func:`QT_TRANSLATE_NOOP` and translated where they are shown, in the context they were marked with.

Importing this module does not import Qt, so Qt-free modules may mark their strings too.
"""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path

LANGUAGES = {"en": "English", "zh": "中文"}
DEFAULT_LANGUAGE = "en"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "assets" / "translations"
_QT_LOCALES = {"zh": "zh_CN"}

_installed: list = []  # translators owned here, so switching language removes exactly these
_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for ``lupdate`` under ``context``; translate it later with :func:`translate`."""
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the current language (itself when untranslated, or before a QApplication exists)."""
    if not text or "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def current_language() -> str:
    return _current


def system_language() -> str:
    """``zh`` when the system locale is Chinese, otherwise ``en``."""
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QLocale

        name = QLocale.system().name()
    else:
        name = os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "zh" if name.lower().startswith("zh") else "en"


def parse_language(value: str) -> str:
    """Validate a ``--lang`` value or a stored preference."""
    if value not in LANGUAGES:
        raise ValueError(f"unknown language '{value}'; choose one of {', '.join(LANGUAGES)}")
    return value


def install(app, language: str) -> None:
    """Make ``language`` current: remove this module's translators, load the app's and Qt's own for ``language``.

    Widgets built afterwards come out in ``language``; the window rebuilds its menus and tabs on a switch.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    global _current
    language = parse_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = language
    QLocale.setDefault(QLocale(_QT_LOCALES.get(language, "en_US")))
    if language == DEFAULT_LANGUAGE:
        return
    suffix = _QT_LOCALES[language]
    files = sorted(TRANSLATIONS_DIR.glob(f"*_{suffix}.qm"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in [*files, Path(qt_dir) / f"qtbase_{suffix}.qm"]:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
