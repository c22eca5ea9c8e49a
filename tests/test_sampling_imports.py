"""The package stays light: no Qt anywhere in the model code, no torch at import time."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "explorer" / "sampling"


def test_no_qt_imports_in_model_code():
    for path in PACKAGE.glob("*.py"):
        if path.name == "view.py":  # the Qt tab is the one place Qt belongs
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.split(".")[0].startswith(("PySide", "PyQt", "pyqtgraph", "qtpy")), (path, name)


def test_package_import_does_not_load_torch_or_qt():
    code = (
        "import sys, explorer.sampling as s; "
        "bad = [m for m in sys.modules if m == 'torch' or m.startswith(('PySide', 'PyQt', 'pyqtgraph'))]; "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PACKAGE.parents[1]
    )
    assert out.stdout.strip() == ""
