"""Tokenisers: the post's segmentation, exact round trips, offsets, max-probability decoding."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.healing import PrefixTrie, bpe_tokenizer, cached_demo

DEMO = cached_demo(0)
LINES = list(DEMO.lines)
TOKS = DEMO.tokenizers
CURATED = TOKS["curated"]
ALPHABET = sorted(set("".join(LINES)))


def texts(tok, s):
    return [t.text for t in tok.encode(s)]


def test_post_example_segmentation():
    assert texts(CURATED, "广州的白云") == ["广州", "的", "白云"]
    assert texts(CURATED, "广州的白云机场") == ["广州", "的", "白云机场"]
    assert texts(CURATED, "广州的白云山") == ["广州", "的", "白云山"]
    assert texts(CURATED, "import numpy as np") == ["import numpy as np"]
    assert texts(CURATED, "import numpy") == ["import", " numpy"]


def test_character_tokeniser_is_one_token_per_character():
    for line in LINES[:50]:
        assert texts(TOKS["char"], line) == list(line)


@pytest.mark.parametrize("key", ["char", "curated", "bpe"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_round_trip_and_offsets_on_corpus_lines(key, data):
    tok = TOKS[key]
    line = data.draw(st.sampled_from(LINES))
    enc = tok.encode(line)
    assert tok.decode([t.id for t in enc]) == line
    assert "".join(t.text for t in enc) == line
    for t in enc:
        assert line[t.start : t.end] == t.text == tok.vocab[t.id]
        assert tok.token_to_id[t.text] == t.id
    assert [t.start for t in enc[1:]] == [t.end for t in enc[:-1]]


@pytest.mark.parametrize("key", ["char", "curated", "bpe"])
@settings(max_examples=60, deadline=None)
@given(s=st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_round_trip_on_arbitrary_in_vocabulary_text(key, s):
    tok = TOKS[key]
    assert tok.decode([t.id for t in tok.encode(s)]) == s


def test_round_trip_every_corpus_line():
    for tok in TOKS.values():
        for line in set(LINES):
            assert tok.decode([t.id for t in tok.encode(line)]) == line


def test_specials_are_dropped_by_decode_and_maps_agree():
    for tok in TOKS.values():
        ids = [t.id for t in tok.encode("广州的白云")]
        assert tok.decode([tok.bos_id, *ids, tok.eos_id]) == "广州的白云"
        assert len(tok.vocab) == tok.vocab_size == len(tok.token_to_id)
        assert all(tok.token_to_id[s] == i for i, s in enumerate(tok.id_to_token))


def _segmentations(text, pieces):
    """Every way to write ``text`` as a sequence of ``pieces`` (brute force)."""
    if not text:
        yield []
        return
    for k in range(1, len(text) + 1):
        if text[:k] in pieces:
            for rest in _segmentations(text[k:], pieces):
                yield [text[:k], *rest]


SCORE = {CURATED.vocab[i]: s for i, s in enumerate(CURATED.scores) if math.isfinite(s)}


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_curated_encoding_is_max_probability(data):
    line = data.draw(st.sampled_from(LINES))
    start = data.draw(st.integers(0, len(line) - 1))
    text = line[start : start + data.draw(st.integers(1, 9))]
    best = max(sum(SCORE[p] for p in seg) for seg in _segmentations(text, SCORE))
    got = sum(SCORE[t.text] for t in CURATED.encode(text))
    assert got == pytest.approx(best, abs=1e-9)


def test_bpe_training_is_deterministic_and_sized():
    a, b = bpe_tokenizer(LINES, 300), bpe_tokenizer(LINES, 300)
    assert a.vocab == b.vocab and a.merges == b.merges
    assert a.vocab_size == 300
    assert set(ALPHABET) <= set(a.vocab)


def test_prefix_trie_matches_brute_force():
    vocab = [t for i, t in enumerate(CURATED.vocab) if i not in CURATED.special_ids]
    for prefix in ["白", "白云", "白云机", "import", " n", "x", "西", "镇"]:
        expected = sorted(CURATED.token_to_id[t] for t in vocab if t.startswith(prefix))
        assert CURATED.trie.extensions(prefix) == expected
    trie = PrefixTrie([("ab", 0), ("abc", 1), ("b", 2)])
    assert trie.matches_at("zabcd", 1) == [(3, 0), (4, 1)]
    assert trie.extensions("") == [0, 1, 2]


def test_bad_inputs():
    for tok in TOKS.values():
        with pytest.raises(ValueError, match="outside"):
            tok.encode("广州的白云！")
        with pytest.raises(ValueError):
            tok.decode([tok.vocab_size])
    assert CURATED.encode("") == []
    with pytest.raises(ValueError):
        bpe_tokenizer(LINES, 10)
    with pytest.raises(ValueError):
        PrefixTrie([("", 0)])
