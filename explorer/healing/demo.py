"""Everything the tab needs, built once: corpus, tokenisers, LMs and presets."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from explorer.i18n import QT_TRANSLATE_NOOP

from .corpus import load_corpus
from .ngram_lm import NGramLM
from .tokenization import TextTokenizer, bpe_tokenizer, char_tokenizer, curated_tokenizer
from .training import train_lm, train_sampled_lm

DEFAULT_ALPHA = 0.2
DEFAULT_SAMPLES = 8
DEFAULT_BPE_SIZE = 400
SAMPLED = "curated-sampled"  # LM trained on Viterbi-sampled segmentations of the curated vocabulary


@dataclass(frozen=True)
class Preset:
    """A prompt worth showing, which tokeniser to use, how far to back off, and a longer text containing it."""

    prompt: str
    tokenizer: str
    back_off: int
    context: str
    note: str  # marked for translation in the tab's context


PRESETS: tuple[Preset, ...] = (
    Preset(
        "广州的白云",
        "curated",
        1,
        "广州的白云机场很有名",
        QT_TRANSLATE_NOOP(
            "HealingTab",
            "Su's example: the prompt ends on 白云, but training only saw 白云机场 / 白云山 as single tokens",
        ),
    ),
    Preset(
        "杭州的西",
        "curated",
        1,
        "杭州的西湖很有名",
        QT_TRANSLATE_NOOP(
            "HealingTab",
            "a dangling character: healing picks 西湖 over 西安 from the context",
        ),
    ),
    Preset(
        "import numpy",
        "curated",
        2,
        "import numpy as np",
        QT_TRANSLATE_NOOP(
            "HealingTab",
            "'import numpy as np' is one token; both prompt tokens must be backed off",
        ),
    ),
    Preset(
        "import numpy",
        "bpe",
        4,
        "import numpy as np",
        QT_TRANSLATE_NOOP("HealingTab", "BPE splits the prompt mid-token; back off to 'import numpy'"),
    ),
    Preset(
        "广州的白云",
        "char",
        1,
        "广州的白云机场很有名",
        QT_TRANSLATE_NOOP(
            "HealingTab",
            "character vocabulary: the removed character is the only candidate, so healing changes nothing",
        ),
    ),
)


@dataclass(frozen=True, eq=False)
class HealingDemo:
    """Built objects.  ``lms`` has one LM per tokeniser key plus ``SAMPLED`` (curated vocabulary)."""

    seed: int
    alpha: float
    n_samples: int
    lines: tuple[str, ...]
    tokenizers: dict[str, TextTokenizer]
    lms: dict[str, NGramLM]
    presets: tuple[Preset, ...]
    build_seconds: float

    def tokenizer_for(self, lm_key: str) -> TextTokenizer:
        """The tokeniser an LM was trained over."""
        if lm_key not in self.lms:
            raise ValueError(f"unknown language model {lm_key!r}; choose from {sorted(self.lms)}")
        return self.tokenizers["curated" if lm_key == SAMPLED else lm_key]


def build_demo(
    seed: int = 0,
    alpha: float = DEFAULT_ALPHA,
    n_samples: int = DEFAULT_SAMPLES,
    bpe_vocab_size: int = DEFAULT_BPE_SIZE,
) -> HealingDemo:
    """Build tokenisers and LMs from the bundled corpus; ``seed`` drives the random segmentation."""
    start = time.perf_counter()
    lines = load_corpus()
    tokenizers = {
        "char": char_tokenizer(lines),
        "curated": curated_tokenizer(lines),
        "bpe": bpe_tokenizer(lines, bpe_vocab_size),
    }
    lms = {key: train_lm(lines, tok) for key, tok in tokenizers.items()}
    lms[SAMPLED] = train_sampled_lm(lines, tokenizers["curated"], alpha, n_samples, np.random.default_rng(seed))
    return HealingDemo(seed, alpha, n_samples, tuple(lines), tokenizers, lms, PRESETS, time.perf_counter() - start)


@lru_cache(maxsize=4)
def cached_demo(seed: int = 0) -> HealingDemo:
    """``build_demo(seed)`` with default settings, built once per process."""
    return build_demo(seed)
