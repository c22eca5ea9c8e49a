"""Training the token LMs: on the deterministic segmentation or on Viterbi-sampled ones."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .ngram_lm import NGramLM
from .sampling import viterbi_sample
from .tokenization import TextTokenizer

DEFAULT_ORDER = 4


def train_lm(
    lines: Iterable[str], tokenizer: TextTokenizer, order: int = DEFAULT_ORDER, discount: float = 0.75
) -> NGramLM:
    """n-gram LM on the tokeniser's own (deterministic) segmentation of ``lines``."""
    sequences = [[t.id for t in tokenizer.encode(line)] for line in lines if line]
    return NGramLM(sequences, tokenizer.vocab_size, tokenizer.bos_id, tokenizer.eos_id, order, discount)


def sampled_segmentations(
    lines: Iterable[str], tokenizer: TextTokenizer, alpha: float, n_samples: int, rng: np.random.Generator
) -> list[list[int]]:
    """``n_samples`` Viterbi-sampled segmentations (token ids) of every non-empty line."""
    if n_samples < 1:
        raise ValueError(f"n_samples must be positive, got {n_samples}")
    return [
        [t.id for t in viterbi_sample(line, tokenizer, alpha, rng)] for line in lines if line for _ in range(n_samples)
    ]


def train_sampled_lm(
    lines: Iterable[str],
    tokenizer: TextTokenizer,
    alpha: float,
    n_samples: int,
    rng: np.random.Generator,
    order: int = DEFAULT_ORDER,
    discount: float = 0.75,
) -> NGramLM:
    """n-gram LM on randomly segmented text (Su's training-time remedy, kexue.fm/archives/9768)."""
    sequences = sampled_segmentations(lines, tokenizer, alpha, n_samples, rng)
    return NGramLM(sequences, tokenizer.vocab_size, tokenizer.bos_id, tokenizer.eos_id, order, discount)
