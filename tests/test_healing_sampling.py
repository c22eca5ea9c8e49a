"""Viterbi sampling (sigmoid acceptance rule) and BPE-dropout."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.healing import bpe_dropout, cached_demo, sampled_segmentations, viterbi_sample

DEMO = cached_demo(0)
LINES = list(DEMO.lines)
CURATED, BPE, CHAR = (DEMO.tokenizers[k] for k in ("curated", "bpe", "char"))


def score(tokens):
    return sum(CURATED.scores[t.id] for t in tokens)


def test_infinite_alpha_is_the_max_probability_segmentation():
    rng = np.random.default_rng(0)
    for line in set(LINES):
        assert viterbi_sample(line, CURATED, math.inf, rng) == CURATED.encode(line)


@settings(max_examples=40, deadline=None)
@given(line=st.sampled_from(LINES), seed=st.integers(0, 2**32 - 1))
def test_large_alpha_reaches_the_best_score(line, seed):
    got = viterbi_sample(line, CURATED, 1e4, np.random.default_rng(seed))
    assert score(got) == pytest.approx(score(CURATED.encode(line)), abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(line=st.sampled_from(LINES), alpha=st.floats(0.01, 5.0), seed=st.integers(0, 2**32 - 1))
def test_samples_are_valid_segmentations(line, alpha, seed):
    toks = viterbi_sample(line, CURATED, alpha, np.random.default_rng(seed))
    assert "".join(t.text for t in toks) == line
    for t in toks:
        assert CURATED.vocab[t.id] == t.text == line[t.start : t.end]


def test_two_way_split_follows_the_sigmoid_rule():
    # "机场" has two segmentations.  Edges ending at 2 are visited longest first, so
    # 机场 is accepted, then 机/场 replaces it with probability sigmoid(alpha * gap).
    s = {w: CURATED.scores[CURATED.token_to_id[w]] for w in ("机场", "机", "场")}
    gap = s["机"] + s["场"] - s["机场"]
    assert gap < 0
    alpha = 0.85 / abs(gap)
    expected = 1.0 / (1.0 + math.exp(-alpha * gap))
    rng = np.random.default_rng(1)
    n = 4000
    splits = sum(len(viterbi_sample("机场", CURATED, alpha, rng)) == 2 for _ in range(n))
    sd = math.sqrt(expected * (1 - expected) / n)
    assert abs(splits / n - expected) < 5 * sd


def test_smaller_alpha_splits_more():
    def mean_len(alpha):
        rng = np.random.default_rng(0)
        return np.mean([len(viterbi_sample(line, CURATED, alpha, rng)) for line in LINES[:300]])

    assert mean_len(0.05) > mean_len(0.5) > len([t for line in LINES[:300] for t in CURATED.encode(line)]) / 300


def test_sampling_is_deterministic_for_a_seed():
    a = sampled_segmentations(LINES[:100], CURATED, 0.2, 3, np.random.default_rng(7))
    b = sampled_segmentations(LINES[:100], CURATED, 0.2, 3, np.random.default_rng(7))
    assert a == b and len(a) == 300


def test_character_vocabulary_has_one_segmentation():
    rng = np.random.default_rng(0)
    assert [t.text for t in viterbi_sample("广州的白云", CHAR, 0.01, rng)] == list("广州的白云")


def test_bpe_dropout_zero_reproduces_bpe():
    rng = np.random.default_rng(0)
    for line in set(LINES):
        assert bpe_dropout(line, BPE, 0.0, rng) == BPE.encode(line)


@settings(max_examples=40, deadline=None)
@given(line=st.sampled_from(LINES), p=st.floats(0.0, 0.9), seed=st.integers(0, 2**32 - 1))
def test_bpe_dropout_gives_valid_segmentations(line, p, seed):
    toks = bpe_dropout(line, BPE, p, np.random.default_rng(seed))
    assert "".join(t.text for t in toks) == line
    assert all(BPE.vocab[t.id] == t.text for t in toks)


def test_bpe_dropout_splits_more_with_higher_p():
    def mean_len(p):
        rng = np.random.default_rng(0)
        return np.mean([len(bpe_dropout(line, BPE, p, rng)) for line in LINES[:200]])

    assert mean_len(0.5) > mean_len(0.1) > mean_len(0.0)


@pytest.mark.parametrize("alpha", [0.0, -1.0, float("nan")])
def test_viterbi_bad_alpha(alpha):
    with pytest.raises(ValueError):
        viterbi_sample("广州", CURATED, alpha, np.random.default_rng(0))


def test_bad_inputs():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError):
        viterbi_sample("", CURATED, 1.0, rng)
    with pytest.raises(ValueError):
        viterbi_sample("广州!", CURATED, 1.0, rng)
    with pytest.raises(ValueError):
        viterbi_sample("广州", BPE, 1.0, rng)
    with pytest.raises(ValueError):
        bpe_dropout("广州", CURATED, 0.1, rng)
    with pytest.raises(ValueError):
        bpe_dropout("广州", BPE, 1.0, rng)
    with pytest.raises(ValueError):
        bpe_dropout("", BPE, 0.1, rng)
    with pytest.raises(ValueError):
        sampled_segmentations(LINES, CURATED, 0.2, 0, rng)
