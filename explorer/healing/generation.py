"""Continuing a prompt with an n-gram LM, with or without (hard or soft) token healing."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ngram_lm import NGramLM
from .token_healing import DEFAULT_BIAS, check_compatible, encode_prompt
from .token_healing import heal as heal_prompt
from .tokenization import TextTokenizer


@dataclass(frozen=True)
class Step:
    """One generated token and the probability it had when chosen."""

    id: int
    text: str
    prob: float


@dataclass(frozen=True)
class Continuation:
    """A continuation.  ``text`` starts with ``prompt`` unless soft healing let a first token that does not
    re-cover the removed text win (then the removed text is replaced)."""

    prompt: str
    text: str
    healed: bool
    removed_text: str
    kept_tokens: tuple[str, ...]
    steps: tuple[Step, ...]
    stopped_at_eos: bool

    @property
    def recovered(self) -> bool:
        """Whether the whole prompt survives: always without healing and with hard healing."""
        return self.text.startswith(self.prompt)

    @property
    def new_text(self) -> str:
        """What was added after the prompt, or after the kept text when the removed text was replaced."""
        kept_chars = len(self.prompt) - len(self.removed_text)
        return self.text[len(self.prompt) if self.recovered else kept_chars :]


def _choose(probs: np.ndarray, greedy: bool, rng: np.random.Generator) -> int:
    if greedy:
        return int(np.argmax(probs))  # ties go to the lowest id: deterministic
    support = np.flatnonzero(probs)
    if len(support) == 1:
        # A forced token draws no random number: healing a one-character token forces that character, and a draw
        # for it put every later draw one behind the plain run's, so the same seed sampled a different text.
        return int(support[0])
    cdf = np.cumsum(probs)
    # side="right" never lands on a zero-probability token.
    return min(int(np.searchsorted(cdf, rng.random() * cdf[-1], side="right")), len(probs) - 1)


def continue_text(
    prompt: str,
    tokenizer: TextTokenizer,
    lm: NGramLM,
    heal: bool = True,
    back_off: int = 1,
    mode: str = "hard",
    bias: float = DEFAULT_BIAS,
    greedy: bool = True,
    seed: int = 0,
    max_tokens: int = 20,
) -> Continuation:
    """Generate up to ``max_tokens`` tokens after ``prompt`` (greedy, or sampled with ``seed``).

    With ``heal`` the last ``back_off`` tokens are removed and the first token is drawn from the
    ``mode``-healed distribution (``bias`` is soft mode's; see :func:`token_healing.heal`): hard, it
    always re-covers the removed text; soft, any token may win.
    """
    check_compatible(tokenizer, lm)
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise ValueError(f"max_tokens must be a positive integer, got {max_tokens!r}")
    if heal:
        result = heal_prompt(prompt, tokenizer, lm, back_off, mode, bias)
        context, removed, first = [t.id for t in result.kept], result.removed_text, result.healed_distribution
    else:
        context, removed = [t.id for t in encode_prompt(prompt, tokenizer)], ""
        first = lm.distribution(context)
    kept_ids = list(context)
    rng = np.random.default_rng(seed)
    steps, at_eos, probs = [], False, first
    for _ in range(max_tokens):
        token_id = _choose(probs, greedy, rng)
        if token_id == tokenizer.eos_id:
            at_eos = True
            break
        steps.append(Step(token_id, tokenizer.vocab[token_id], float(probs[token_id])))
        context.append(token_id)
        probs = lm.distribution(context)
    # Hard-healed, EOS has zero probability at the first step, so a candidate (which starts
    # with the removed text) is always generated and the prompt is re-covered.
    text = tokenizer.decode(kept_ids + [s.id for s in steps])
    return Continuation(prompt, text, heal, removed, tuple(tokenizer.vocab[i] for i in kept_ids), tuple(steps), at_eos)
