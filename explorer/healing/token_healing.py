"""Su's remedy (kexue.fm/archives/9762): back off the prompt's last token(s) and let the
first generated token re-cover the removed text.

``hard``: keep only vocabulary tokens that start with the removed text and
renormalise the LM's distribution over them (the post's method).
``soft``: multiply those tokens' probabilities by ``exp(bias)`` and renormalise over
the whole vocabulary (a logit bias, as in common "token healing" implementations).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ngram_lm import NGramLM
from .tokenization import TextTokenizer, Token

MODES = ("hard", "soft")
DEFAULT_BIAS = 10.0  # the sequence bias transformers' token healing uses


@dataclass(frozen=True)
class Candidate:
    """A prefix-consistent first token with its LM probability before and after healing."""

    id: int
    text: str
    raw_prob: float
    healed_prob: float


@dataclass(frozen=True, eq=False)
class HealResult:
    """Everything about one healing step.

    ``plain_distribution`` is P(next | all prompt tokens) (what happens without healing),
    ``raw_distribution`` is P(next | kept tokens), ``healed_distribution`` the healed one.
    ``candidates`` are sorted by healed probability, highest first.
    """

    prompt: str
    tokens: tuple[Token, ...]
    kept: tuple[Token, ...]
    removed_text: str
    mode: str
    bias: float
    candidates: tuple[Candidate, ...]
    plain_distribution: np.ndarray
    raw_distribution: np.ndarray
    healed_distribution: np.ndarray

    @property
    def kept_text(self) -> str:
        """The prompt without the removed text."""
        return self.prompt[: len(self.prompt) - len(self.removed_text)]

    @property
    def candidate_mass(self) -> float:
        """How much of P(next | kept) the LM already put on prefix-consistent tokens."""
        return float(sum(c.raw_prob for c in self.candidates))


def check_compatible(tokenizer: TextTokenizer, lm: NGramLM) -> None:
    """Raise ValueError unless ``lm`` was trained over ``tokenizer``'s vocabulary."""
    if (lm.vocab_size, lm.bos_id, lm.eos_id) != (tokenizer.vocab_size, tokenizer.bos_id, tokenizer.eos_id):
        raise ValueError(f"language model does not match the {tokenizer.name} vocabulary")


def encode_prompt(prompt: str, tokenizer: TextTokenizer) -> list[Token]:
    """Tokens of a non-empty prompt; ValueError for empty or unencodable prompts."""
    if not isinstance(prompt, str) or not prompt:
        raise ValueError("prompt must be a non-empty string")
    return tokenizer.encode(prompt)


def heal(
    prompt: str,
    tokenizer: TextTokenizer,
    lm: NGramLM,
    back_off: int = 1,
    mode: str = "hard",
    bias: float = DEFAULT_BIAS,
) -> HealResult:
    """Back off ``back_off`` tokens and constrain (hard) or bias (soft) the first new token.

    ``bias`` (a log-probability bonus) is used by the soft mode only.
    """
    check_compatible(tokenizer, lm)
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if not (0.0 <= bias < np.inf):
        raise ValueError(f"bias must be finite and non-negative, got {bias}")
    tokens = encode_prompt(prompt, tokenizer)
    if isinstance(back_off, bool) or not isinstance(back_off, int) or back_off < 1:
        raise ValueError(f"back_off must be a positive integer, got {back_off!r}")
    if back_off > len(tokens):
        raise ValueError(f"back_off={back_off} is longer than the prompt ({len(tokens)} tokens)")
    kept, removed = tokens[:-back_off], tokens[-back_off:]
    removed_text = prompt[removed[0].start :]
    ids = tokenizer.trie.extensions(removed_text)
    if not ids:
        raise ValueError(f"no vocabulary token starts with {removed_text!r}; use a smaller back_off")
    raw = lm.distribution([t.id for t in kept])
    mask = np.zeros(tokenizer.vocab_size, dtype=bool)
    mask[ids] = True
    if mode == "hard":
        healed = np.where(mask, raw, 0.0)
    else:
        # exp(bias * (mask - 1)) is exp(bias) relative to the rest, without overflow.
        healed = raw * np.exp(bias * (mask - 1.0))
    healed = healed / healed.sum()
    candidates = sorted(
        (Candidate(i, tokenizer.vocab[i], float(raw[i]), float(healed[i])) for i in ids),
        key=lambda c: (-c.healed_prob, c.id),
    )
    return HealResult(
        prompt=prompt,
        tokens=tuple(tokens),
        kept=tuple(kept),
        removed_text=removed_text,
        mode=mode,
        bias=float(bias),
        candidates=tuple(candidates),
        plain_distribution=lm.distribution([t.id for t in tokens]),
        raw_distribution=raw,
        healed_distribution=healed,
    )
