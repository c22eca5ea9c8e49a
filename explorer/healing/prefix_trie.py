"""Character prefix trie over a token vocabulary."""

from __future__ import annotations

from collections.abc import Iterable


class PrefixTrie:
    """Maps token strings to ids; answers prefix and match queries in time ~ token length."""

    def __init__(self, tokens: Iterable[tuple[str, int]]):
        self._root: dict = {}
        for text, token_id in tokens:
            if not text:
                raise ValueError("cannot insert an empty token into the trie")
            node = self._root
            for ch in text:
                node = node.setdefault(ch, {})
            node[None] = token_id  # None never collides with a one-character key

    def extensions(self, prefix: str) -> list[int]:
        """Ids of every token that starts with ``prefix`` (including ``prefix`` itself)."""
        node = self._root
        for ch in prefix:
            if ch not in node:
                return []
            node = node[ch]
        found, stack = [], [node]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key is None:
                    found.append(child)
                else:
                    stack.append(child)
        return sorted(found)

    def matches_at(self, text: str, start: int) -> list[tuple[int, int]]:
        """``(end, id)`` for every token equal to ``text[start:end]``, shortest first."""
        node, found = self._root, []
        for end in range(start, len(text)):
            node = node.get(text[end])
            if node is None:
                break
            if None in node:
                found.append((end + 1, node[None]))
        return found
