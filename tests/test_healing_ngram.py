"""Interpolated Kneser-Ney n-gram LM: normalisation and hand-computed values."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.healing import NGramLM, cached_demo, train_lm

BOS, EOS, A, B, C = range(5)


def toy():
    # Three sentences: a b, a b, a c; bigram model with discount 1/2.
    return NGramLM([[A, B], [A, B], [A, C]], vocab_size=5, bos_id=BOS, eos_id=EOS, order=2, discount=0.5)


def test_hand_computed_bigram_values():
    # Continuation counts: a<-{<s>}, b<-{a}, c<-{a}, </s><-{b, c}: total 5, 4 types,
    # so P1 = (N - 1/2)/5 + (1/2 * 4/5) * 1/4  ->  a, b, c: 0.2; </s>: 0.4; <s>: 0.
    lm = toy()
    p1 = np.array([0.0, 0.4, 0.2, 0.2, 0.2])
    np.testing.assert_allclose(lm.distribution([EOS]), p1)  # </s> never a context: falls through
    # After a: c(a)=3, followers {b: 2, c: 1}, gamma = 1/2 * 2/3.
    np.testing.assert_allclose(lm.distribution([A]), [0, 4 / 30, 2 / 30, 17 / 30, 7 / 30])
    # Sentence start: c(<s>)=3, followers {a: 3}, gamma = 1/6.
    np.testing.assert_allclose(lm.distribution([]), [0, 2 / 30, 26 / 30, 1 / 30, 1 / 30])


def test_unigram_model_is_smoothed_counts():
    lm = NGramLM([[A, B], [A]], vocab_size=5, bos_id=BOS, eos_id=EOS, order=1, discount=0.5)
    # Raw counts a:2, b:1, </s>:2 (total 5, 3 types); gamma = 0.5 * 3 / 5 spread over 4 tokens.
    g = 0.3 / 4
    np.testing.assert_allclose(lm.distribution([A, B]), [0, 1.5 / 5 + g, 1.5 / 5 + g, 0.5 / 5 + g, g])


DEMO = cached_demo(0)


@pytest.mark.parametrize("key", sorted(DEMO.lms))
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_distributions_are_normalised(key, data):
    lm = DEMO.lms[key]
    context = data.draw(st.lists(st.integers(0, lm.vocab_size - 1), max_size=6))
    p = lm.distribution(context)
    assert p.shape == (lm.vocab_size,)
    assert np.all(p >= 0) and p[lm.bos_id] == 0
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(p[np.arange(lm.vocab_size) != lm.bos_id] > 0)


def test_training_is_deterministic():
    tok = DEMO.tokenizers["curated"]
    a, b = train_lm(DEMO.lines, tok), train_lm(DEMO.lines, tok)
    ctx = [t.id for t in tok.encode("我们明天去广州的")]
    np.testing.assert_array_equal(a.distribution(ctx), b.distribution(ctx))


def test_bad_arguments():
    with pytest.raises(ValueError):
        NGramLM([[A]], 5, BOS, EOS, order=0)
    with pytest.raises(ValueError):
        NGramLM([[A]], 5, BOS, EOS, discount=1.0)
    with pytest.raises(ValueError):
        NGramLM([], 5, BOS, EOS)
    with pytest.raises(ValueError):
        NGramLM([[A, 9]], 5, BOS, EOS)
    with pytest.raises(ValueError):
        toy().distribution([7])
