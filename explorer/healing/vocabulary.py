"""The curated "large vocabulary": whole words and whole import lines as single tokens.

Log-probabilities are estimated from the corpus: count how often forward maximum
matching uses each piece, then add-one smooth so every piece (and every single
character, the fallback) has a finite score.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from .corpus import PLACES

# Words beyond the city and landmark names.  白云 and 机场 are deliberately words
# too: that is what lets 广州的白云 end on the token 白云 while 白云机场 is one token.
EXTRA_WORDS: tuple[str, ...] = (
    "白云",
    "机场",
    "首都",
    "浦东",
    "天上",
    "山上",
    "蓝天",
    "今天",
    "明天",
    "天气",
    "我们",
    "喜欢",
    "有名",
    "哪里",
    "周末",
    "看看",
    "很多",
    "很好",
    "棉花",
    "几朵",
    "飘着",
    "见面",
    "人很多",
)
CODE_PIECES: tuple[str, ...] = (
    "import numpy as np",
    "import pandas as pd",
    "import matplotlib.pyplot as plt",
    "import torch.nn as nn",
    "import",
    "from",
    " import",
    " numpy",
    " pandas",
    " torch",
    " os",
    " sys",
    " json",
    " math",
    " collections",
    " Counter",
    " array",
    " zeros",
    " linspace",
    " DataFrame",
    " as",
    " np",
    " pd",
    " = ",
    "np.",
    "zeros",
    "ones",
    "arange",
)


def curated_words() -> list[str]:
    """Every multi-character piece of the curated vocabulary, sorted."""
    words = set(PLACES) | {p for places in PLACES.values() for p in places}
    return sorted(words | set(EXTRA_WORDS) | set(CODE_PIECES))


def _forward_max_match(line: str, pieces: set[str], longest: int) -> list[str]:
    """Greedy longest-match segmentation (the classic dictionary segmenter)."""
    out, i = [], 0
    while i < len(line):
        for j in range(min(len(line), i + longest), i, -1):
            if line[i:j] in pieces or j == i + 1:
                out.append(line[i:j])
                i = j
                break
    return out


def curated_scores(lines: Iterable[str]) -> dict[str, float]:
    """Log-probability of every curated word and every corpus character."""
    lines = list(lines)
    alphabet = set("".join(lines))
    words = curated_words()
    missing = {w for w in words if not set(w) <= alphabet}
    if missing:
        raise ValueError(f"curated words use characters absent from the corpus: {sorted(missing)}")
    pieces = set(words) | alphabet
    longest = max(map(len, pieces))
    counts = Counter(p for line in lines for p in _forward_max_match(line, pieces, longest))
    total = sum(counts.values()) + len(pieces)
    return {p: math.log((counts[p] + 1) / total) for p in sorted(pieces)}
