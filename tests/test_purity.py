"""Topic math modules import without Qt (and without torch, which the app loads lazily)."""

import importlib.util
import subprocess
import sys

import pytest

from explorer.registry import TOPICS

CORE = ["explorer.params", "explorer.state", "explorer.lesson", "explorer.transition", "explorer.i18n",
        "explorer.registry"]
PACKAGES = [t.view.rsplit(".", 1)[0].split(":")[0] for t in TOPICS]


@pytest.mark.parametrize("module", CORE + PACKAGES)
def test_imports_without_qt_or_torch(module):
    assert importlib.util.find_spec(module) is not None
    code = (
        f"import sys, {module}; "
        "bad = sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'pyqtgraph', 'superqt', 'torch'}); "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"{module} imports {out.stdout.strip()}"
