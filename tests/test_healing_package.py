"""Package hygiene: no Qt or torch, re-exports, module names, build speed, presets."""

import ast
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import explorer.healing as healing
from explorer.healing import build_demo, cached_demo, continue_text, heal, tokenise_in_context

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "explorer" / "healing"
SOURCES = [p for p in sorted(PKG.glob("*.py")) if p.name != "view.py"]
FORBIDDEN = ("PySide6", "PySide2", "PyQt5", "PyQt6", "pyqtgraph", "torch")


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or "")


def test_no_qt_or_torch_imports_in_sources():
    for path in SOURCES:
        for mod in imported_modules(path):
            assert mod.split(".")[0] not in FORBIDDEN, f"{path.name} imports {mod}"
            assert not mod.lstrip(".").startswith("view"), f"{path.name} imports the view"


def test_importing_the_package_loads_no_qt_or_torch():
    code = (
        "import sys, json, explorer.healing; "
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert json.loads(out.stdout) == []


def test_module_names_do_not_shadow_libraries():
    for path in SOURCES:
        if path.stem != "__init__":
            assert importlib.util.find_spec(path.stem) is None, f"{path.name} is named like a library"


def test_public_api_is_exported():
    for name in healing.__all__:
        assert getattr(healing, name) is not None


def test_build_is_fast_and_cached():
    demo = build_demo(0)
    assert demo.build_seconds < 3.0
    assert cached_demo(0) is cached_demo(0)
    assert set(demo.lms) == {"char", "curated", "bpe", healing.SAMPLED}


def test_presets_work():
    demo = cached_demo(0)
    for p in demo.presets:
        tok, lm = demo.tokenizers[p.tokenizer], demo.lms[p.tokenizer]
        result = heal(p.prompt, tok, lm, p.back_off)
        assert result.candidates
        out = continue_text(p.prompt, tok, lm, back_off=p.back_off)
        assert out.text.startswith(p.prompt)
        assert tokenise_in_context(p.prompt, p.context, tok).offset >= 0
