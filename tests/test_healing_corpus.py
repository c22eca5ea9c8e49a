"""The bundled corpus is reproducible from its generator and holds the post's examples."""

import subprocess
import sys
from pathlib import Path

import pytest

from explorer.healing import corpus_path, generate_corpus, load_corpus, write_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_file_equals_regenerated_corpus():
    assert corpus_path() == ROOT / "assets" / "healing" / "corpus.txt"
    assert load_corpus() == generate_corpus()


def test_script_writes_the_same_file(tmp_path):
    out = tmp_path / "corpus.txt"
    subprocess.run(
        [sys.executable, "-m", "explorer.healing.corpus", str(out)], cwd=ROOT, check=True, capture_output=True
    )
    assert out.read_bytes() == corpus_path().read_bytes()


def test_generator_is_deterministic_and_seeded():
    assert generate_corpus(3, 200) == generate_corpus(3, 200)
    assert generate_corpus(3, 200) != generate_corpus(4, 200)
    assert len(generate_corpus(0, 57)) == 57


def test_corpus_contains_the_examples():
    text = "\n".join(load_corpus())
    for needle in (
        "广州的白云机场",
        "广州的白云山",
        "北京的天安门",
        "上海的外滩",
        "天上的白云",
        "import numpy as np",
        "import pandas as pd",
    ):
        assert needle in text
    assert all(line and line == line.strip() for line in load_corpus())


def test_write_corpus_roundtrip(tmp_path):
    path = write_corpus(tmp_path / "c.txt", seed=5, n_lines=30)
    assert load_corpus(path) == generate_corpus(5, 30)


def test_bad_arguments():
    with pytest.raises(ValueError):
        generate_corpus(0, 0)
    with pytest.raises(FileNotFoundError):
        load_corpus(Path("/nonexistent/corpus.txt"))
