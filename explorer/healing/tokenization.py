"""Tokenisers built with Hugging Face ``tokenizers`` behind one small wrapper.

Three kinds: single characters, the curated large vocabulary with max-probability
(Unigram/Viterbi) segmentation, and BPE trained on the corpus.  Spaces are ordinary
characters (no pre-tokeniser) and the ``Fuse`` decoder concatenates tokens, so
``decode(encode(s)) == s`` exactly and a token may span several words, as
"import numpy as np" does in the post.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from tokenizers import Tokenizer, decoders, models, trainers

from .prefix_trie import PrefixTrie
from .vocabulary import curated_scores

BOS, EOS = "<s>", "</s>"
SPECIALS = (BOS, EOS)


@dataclass(frozen=True)
class Token:
    """One token of an encoding: id, text and its character span ``[start, end)``."""

    id: int
    text: str
    start: int
    end: int


class TextTokenizer:
    """Uniform view of a HF tokenizer: encode/decode, vocab and id<->string maps."""

    def __init__(self, name: str, kind: str, hf: Tokenizer):
        self.name, self.kind, self._hf = name, kind, hf
        by_id = sorted(hf.get_vocab(with_added_tokens=True).items(), key=lambda kv: kv[1])
        if [i for _, i in by_id] != list(range(len(by_id))):
            raise ValueError(f"{name}: token ids are not contiguous")
        self.vocab: list[str] = [t for t, _ in by_id]
        self.token_to_id: dict[str, int] = dict(by_id)
        self.bos_id, self.eos_id = self.token_to_id[BOS], self.token_to_id[EOS]
        self.special_ids = frozenset((self.bos_id, self.eos_id))
        self.alphabet = frozenset(t for i, t in enumerate(self.vocab) if len(t) == 1 and i not in self.special_ids)
        self.trie = PrefixTrie((t, i) for i, t in enumerate(self.vocab) if i not in self.special_ids)
        model = json.loads(hf.to_str())["model"]
        # Unigram log-probs drive Viterbi sampling; BPE merges drive BPE-dropout.
        self.scores: np.ndarray | None = None
        self.merges: list[tuple[str, str]] | None = None
        if model["type"] == "Unigram":
            self.scores = np.array([s for _, s in model["vocab"]], dtype=float)
            self.scores[list(self.special_ids)] = -math.inf
        else:
            self.merges = [tuple(m) for m in model["merges"]]  # pairs; spaces make the "a b" string form ambiguous

    @property
    def id_to_token(self) -> list[str]:
        """Token string of each id (same list as ``vocab``)."""
        return self.vocab

    @property
    def vocab_size(self) -> int:
        return len(self.vocab)

    def check_text(self, text: str) -> None:
        """Raise ValueError naming any character the vocabulary cannot encode."""
        bad = sorted(set(text) - self.alphabet)
        if bad:
            raise ValueError(f"characters outside the {self.name} vocabulary: {''.join(bad)!r}")

    def encode(self, text: str) -> list[Token]:
        """Tokens of ``text`` with character offsets."""
        self.check_text(text)
        if not text:
            return []
        enc = self._hf.encode(text)
        return [Token(i, t, s, e) for i, t, (s, e) in zip(enc.ids, enc.tokens, enc.offsets, strict=True)]

    def decode(self, ids: Sequence[int]) -> str:
        """Text of ``ids``; BOS/EOS are dropped."""
        ids = [int(i) for i in ids]
        bad = [i for i in ids if not 0 <= i < self.vocab_size]
        if bad:
            raise ValueError(f"token ids outside the {self.name} vocabulary: {bad}")
        return self._hf.decode(ids, skip_special_tokens=True)

    def __repr__(self) -> str:
        return f"TextTokenizer({self.name!r}, kind={self.kind!r}, vocab_size={self.vocab_size})"


def _finish(hf: Tokenizer) -> Tokenizer:
    hf.decoder = decoders.Fuse()
    hf.add_special_tokens(list(SPECIALS))
    return hf


def _unigram(name: str, kind: str, scores: dict[str, float]) -> TextTokenizer:
    pieces = [(s, 0.0) for s in SPECIALS] + sorted(scores.items())
    return TextTokenizer(name, kind, _finish(Tokenizer(models.Unigram(pieces, None, False))))


def char_tokenizer(lines: Iterable[str]) -> TextTokenizer:
    """One token per character (scores: add-one smoothed character log-frequencies)."""
    counts = Counter("".join(lines))
    total = sum(counts.values()) + len(counts)
    return _unigram("char", "char", {c: math.log((n + 1) / total) for c, n in counts.items()})


def curated_tokenizer(lines: Iterable[str]) -> TextTokenizer:
    """The curated large vocabulary with max-probability (Viterbi) segmentation."""
    return _unigram("curated", "unigram", curated_scores(lines))


def bpe_tokenizer(lines: Iterable[str], vocab_size: int) -> TextTokenizer:
    """BPE trained on ``lines`` up to ``vocab_size`` tokens (specials and alphabet included)."""
    lines = list(lines)
    alphabet = sorted(set("".join(lines)))
    smallest = len(alphabet) + len(SPECIALS)
    if vocab_size < smallest:
        raise ValueError(f"vocab_size must be at least {smallest} (alphabet + specials), got {vocab_size}")
    hf = Tokenizer(models.BPE())
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=list(SPECIALS), initial_alphabet=alphabet, show_progress=False
    )
    hf.train_from_iterator(lines, trainer)
    return TextTokenizer(f"bpe-{vocab_size}", "bpe", _finish(hf))
