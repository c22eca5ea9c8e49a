"""Random segmentation for training: Su's Viterbi sampling (kexue.fm/archives/9768) and BPE-dropout."""

from __future__ import annotations

import math

import numpy as np

from .tokenization import TextTokenizer, Token


def _sigmoid(x: float) -> float:
    # Split by sign so exp never overflows for large |alpha * gap|.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _spans(pieces: list[tuple[int, str]]) -> list[Token]:
    out, pos = [], 0
    for token_id, text in pieces:
        out.append(Token(token_id, text, pos, pos + len(text)))
        pos += len(text)
    return out


def viterbi_sample(text: str, tokenizer: TextTokenizer, alpha: float, rng: np.random.Generator) -> list[Token]:
    """Random segmentation of ``text`` by the sigmoid acceptance rule.

    Viterbi decoding keeps, at each end position, the best-scoring path.  Here the
    candidate edges ending at a position are visited in order of their start
    (longest token first); each one replaces the current best with probability
    ``sigmoid(alpha * (score_new - score_current))``.  ``alpha = inf`` is the
    deterministic max-probability segmentation; small ``alpha`` splits more often.
    """
    if tokenizer.scores is None:
        raise ValueError(f"Viterbi sampling needs a Unigram tokeniser with scores; {tokenizer.name} has none")
    if not (alpha > 0):
        raise ValueError(f"alpha must be positive (use math.inf for the deterministic limit), got {alpha}")
    if not text:
        raise ValueError("cannot segment an empty text")
    tokenizer.check_text(text)
    n = len(text)
    edges: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]  # end -> [(start, id)]
    for start in range(n):
        for end, token_id in tokenizer.trie.matches_at(text, start):
            edges[end].append((start, token_id))
    best = [0.0] + [-math.inf] * n
    back: list[tuple[int, int] | None] = [None] * (n + 1)
    for end in range(1, n + 1):
        for start, token_id in edges[end]:  # starts ascend: longest token first
            score = best[start] + tokenizer.scores[token_id]
            if back[end] is None:
                accept = True
            elif math.isinf(alpha):
                accept = score > best[end]
            else:
                accept = rng.random() < _sigmoid(alpha * (score - best[end]))
            if accept:
                best[end], back[end] = score, (start, token_id)
    pieces, end = [], n
    while end > 0:
        start, token_id = back[end]
        pieces.append((token_id, text[start:end]))
        end = start
    return _spans(pieces[::-1])


def bpe_dropout(text: str, tokenizer: TextTokenizer, p: float, rng: np.random.Generator) -> list[Token]:
    """BPE-dropout (Provilkov et al. 2020): replay the merges, skipping each candidate merge with probability ``p``.

    At every step the applicable merges are tried in rank order (leftmost first on
    ties) and the first one that survives dropout is applied; when all are dropped
    the word is final.  ``p = 0`` reproduces plain BPE.
    """
    if tokenizer.merges is None:
        raise ValueError(f"BPE-dropout needs a BPE tokeniser; {tokenizer.name} has no merges")
    if not 0.0 <= p < 1.0:
        raise ValueError(f"dropout probability must be in [0, 1), got {p}")
    if not text:
        raise ValueError("cannot segment an empty text")
    tokenizer.check_text(text)
    ranks = {pair: r for r, pair in enumerate(tokenizer.merges)}
    symbols = list(text)
    while len(symbols) > 1:
        candidates = sorted(
            (ranks[pair], i) for i, pair in enumerate(zip(symbols, symbols[1:], strict=False)) if pair in ranks
        )
        chosen = next((i for _, i in candidates if p == 0.0 or rng.random() >= p), None)
        if chosen is None:
            break
        symbols[chosen : chosen + 2] = [symbols[chosen] + symbols[chosen + 1]]
    return _spans([(tokenizer.token_to_id[s], s) for s in symbols])
