"""Compression ratio (characters per token) of the tokenisers, and of BPE against vocabulary size."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .corpus import load_corpus
from .tokenization import TextTokenizer, bpe_tokenizer


@dataclass(frozen=True)
class CompressionPoint:
    """One BPE run: requested and actual vocabulary size and characters per token."""

    requested_vocab_size: int
    vocab_size: int
    chars_per_token: float


def compression_ratio(tokenizer: TextTokenizer, lines: Iterable[str]) -> float:
    """Total characters divided by total tokens over ``lines``."""
    lines = [line for line in lines if line]
    if not lines:
        raise ValueError("need at least one non-empty line")
    return sum(map(len, lines)) / sum(len(tokenizer.encode(line)) for line in lines)


def compression_curve(vocab_sizes: Sequence[int], lines: Sequence[str] | None = None) -> list[CompressionPoint]:
    """Train BPE at each size on ``lines`` (default: the bundled corpus) and measure compression."""
    lines = load_corpus() if lines is None else list(lines)
    points = []
    for size in vocab_sizes:
        tok = bpe_tokenizer(lines, int(size))
        points.append(CompressionPoint(int(size), tok.vocab_size, compression_ratio(tok, lines)))
    return points
