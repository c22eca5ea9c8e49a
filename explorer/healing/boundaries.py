"""The prompt tokenised alone versus inside a longer text: where token boundaries disagree."""

from __future__ import annotations

from dataclasses import dataclass

from .tokenization import TextTokenizer, Token


@dataclass(frozen=True)
class InContext:
    """Both tokenisations plus the disagreement, all in prompt-relative character positions.

    ``offset`` is where the prompt starts inside ``context``; ``boundaries_*`` are the
    token ends strictly inside the prompt span plus its end when a token ends there;
    ``straddling`` are the context tokens that cross the prompt's right edge.
    """

    prompt: str
    context: str
    offset: int
    alone: tuple[Token, ...]
    in_context: tuple[Token, ...]
    boundaries_alone: frozenset[int]
    boundaries_in_context: frozenset[int]
    straddling: tuple[Token, ...]

    @property
    def mismatched(self) -> list[int]:
        """Boundary positions present in one tokenisation but not the other, sorted."""
        return sorted(self.boundaries_alone ^ self.boundaries_in_context)


def tokenise_in_context(prompt: str, context_text: str, tokenizer: TextTokenizer) -> InContext:
    """Tokenise ``prompt`` alone and as part of ``context_text`` (first occurrence)."""
    if not prompt:
        raise ValueError("prompt is empty")
    offset = context_text.find(prompt)
    if offset < 0:
        raise ValueError(f"{prompt!r} does not occur in {context_text!r}")
    alone = tokenizer.encode(prompt)
    inside = tokenizer.encode(context_text)
    end = offset + len(prompt)
    return InContext(
        prompt=prompt,
        context=context_text,
        offset=offset,
        alone=tuple(alone),
        in_context=tuple(inside),
        boundaries_alone=frozenset(t.end for t in alone),
        boundaries_in_context=frozenset(t.end - offset for t in inside if offset < t.end <= end),
        straddling=tuple(t for t in inside if t.start < end < t.end),
    )
