"""Collect the UI's strings into the Chinese ``.ts`` files and compile them to ``.qm``.

    python tools/update_translations.py [AREA ...]     (areas: core, the topic packages, lesson_<name>)

Run it after adding or changing a marked string (``tr()``, ``translate()``, ``QT_TRANSLATE_NOOP``) or a shipped
lesson's text, translate the entries it leaves ``unfinished`` (Qt Linguist, or by hand in the XML), and run it again.
One ``.ts`` per area keeps edits to different tabs apart. ``tests/test_i18n.py`` fails while a file is stale or has an
unfinished entry. Shipped lessons (``assets/lessons/*.json``) go through the same system in the context ``Lesson``,
one ``lesson_<name>`` area each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "assets" / "translations"
LESSONS = ROOT / "assets" / "lessons"
LOCALE = "zh_CN"
TOPICS = ("topk", "ab_plus_c", "sampling", "spacetime", "healing")


def areas() -> dict[str, list[Path]]:
    """Each ``.ts`` file's name and the Python sources whose strings it holds."""
    found = {"core": sorted([*ROOT.glob("explorer/*.py"), *ROOT.glob("widgets/*.py")])}
    for topic in TOPICS:
        found[topic] = sorted(ROOT.glob(f"explorer/{topic}/*.py"))
    return found


def lesson_strings(path: Path) -> list[str]:
    """A lesson's title and its scenes' titles and captions, in file order."""
    lesson = json.loads(path.read_text(encoding="utf-8"))
    strings = [lesson["title"]]
    for scene in lesson["scenes"]:
        strings += [scene.get("title", ""), scene.get("caption", "")]
    return [text for text in dict.fromkeys(strings) if text]


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:1])} failed: {result.stderr.strip() or result.stdout.strip()}")


def update(directory: Path = TRANSLATIONS, only: tuple[str, ...] = ()) -> list[Path]:
    """Refresh the ``.ts`` files in ``directory`` (those named in ``only``, or all) and compile them."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        sources = areas()
        for lesson in sorted(LESSONS.glob("*.json")):
            # lupdate reads Python, not JSON: hand it the lesson's texts as marked strings.
            marked = Path(scratch) / f"{lesson.stem}.py"
            texts = (json.dumps(text, ensure_ascii=False) for text in lesson_strings(lesson))
            marked.write_text("".join(f"QT_TRANSLATE_NOOP('Lesson', {text})\n" for text in texts), encoding="utf-8")
            sources[f"lesson_{lesson.stem}"] = [marked]
        unknown = set(only) - set(sources)
        if unknown:
            raise SystemExit(f"unknown area {', '.join(sorted(unknown))}; areas: {', '.join(sources)}")
        for name, files in sources.items():
            if only and name not in only:
                continue
            ts = directory / f"{name}_{LOCALE}.ts"
            # No locations: line numbers would make every edit of a view a change of its translation file.
            _run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", LOCALE,
                  *map(str, files), "-ts", str(ts)])
            _run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))])
            written.append(ts)
    return written


def unfinished(ts: Path) -> list[str]:
    """Source texts in ``ts`` that have no finished translation."""
    import xml.etree.ElementTree as ElementTree

    missing = []
    for message in ElementTree.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(message.findtext("source", ""))
    return missing


if __name__ == "__main__":
    for ts in update(only=tuple(sys.argv[1:])):
        left = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(left)} unfinished" if left else f"{ts.relative_to(ROOT)}: complete")
