"""Token n-gram language model with interpolated Kneser-Ney smoothing.

For the top order (raw counts c) and each lower order (continuation counts
N1+(. h w)), with discount D:

    P(w | h) = max(c(h w) - D, 0) / c(h)  +  gamma(h) * P(w | h[1:]),
    gamma(h) = D * N1+(h .) / c(h),

falling straight through to P(w | h[1:]) when c(h) = 0; the recursion ends in a
uniform distribution over every token except BOS.  Consequence used by the tests:
if no continuation in a set S was ever counted after h, then P(S | h) <= gamma(h).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np


class NGramLM:
    """Deterministic interpolated Kneser-Ney n-gram model over token ids."""

    def __init__(
        self,
        sequences: Iterable[Sequence[int]],
        vocab_size: int,
        bos_id: int,
        eos_id: int,
        order: int = 4,
        discount: float = 0.75,
    ):
        if order < 1:
            raise ValueError(f"order must be at least 1, got {order}")
        if not 0.0 < discount < 1.0:
            raise ValueError(f"discount must be in (0, 1), got {discount}")
        self.vocab_size, self.bos_id, self.eos_id = vocab_size, bos_id, eos_id
        self.order, self.discount = order, discount
        pad = [bos_id] * (order - 1)
        top: Counter = Counter()
        for seq in sequences:
            seq = [int(i) for i in seq]
            if any(not 0 <= i < vocab_size or i == bos_id for i in seq):
                raise ValueError("training sequences must hold non-BOS ids inside the vocabulary")
            padded = pad + seq + [eos_id]
            top.update(tuple(padded[i : i + order]) for i in range(len(padded) - order + 1))
        if not top:
            raise ValueError("cannot train a language model on no sequences")
        # counts[n][h] = (ids, counts) of what followed context h (length n-1) at order n.
        self._tables: list[dict[tuple, tuple[np.ndarray, np.ndarray]]] = [{} for _ in range(order + 1)]
        grams = top
        for n in range(order, 0, -1):
            by_context: dict[tuple, dict[int, int]] = defaultdict(dict)
            for gram, count in grams.items():
                by_context[gram[:-1]][gram[-1]] = count
            self._tables[n] = {
                h: (np.fromiter(f.keys(), int, len(f)), np.fromiter(f.values(), float, len(f)))
                for h, f in by_context.items()
            }
            # Next order down counts distinct left extensions (Kneser-Ney continuation counts).
            grams = Counter(gram[1:] for gram in grams)
        self._uniform = np.full(vocab_size, 1.0 / (vocab_size - 1))
        self._uniform[bos_id] = 0.0

    def distribution(self, context: Sequence[int]) -> np.ndarray:
        """P(next token | context) over the whole vocabulary; sums to 1, BOS gets 0."""
        context = [self.bos_id] * (self.order - 1) + [int(i) for i in context]
        if any(not 0 <= i < self.vocab_size for i in context):
            raise ValueError("context holds ids outside the vocabulary")
        probs = self._uniform.copy()
        for n in range(1, self.order + 1):
            h = tuple(context[len(context) - n + 1 :]) if n > 1 else ()
            entry = self._tables[n].get(h)
            if entry is None:
                continue  # unseen context: this order passes the lower one through
            ids, counts = entry
            total = counts.sum()
            gamma = self.discount * len(ids) / total
            probs *= gamma
            probs[ids] += np.maximum(counts - self.discount, 0.0) / total
        return probs
