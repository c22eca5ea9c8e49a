"""Prompt tokenised alone vs in context, and compression ratios."""

import pytest

from explorer.healing import cached_demo, compression_curve, compression_ratio, tokenise_in_context

DEMO = cached_demo(0)
CURATED = DEMO.tokenizers["curated"]


def test_post_example_boundaries():
    r = tokenise_in_context("广州的白云", "我们明天去广州的白云机场", CURATED)
    assert r.offset == 5
    assert [t.text for t in r.alone] == ["广州", "的", "白云"]
    assert [(t.text, t.start, t.end) for t in r.straddling] == [("白云机场", 8, 12)]
    assert r.boundaries_alone == {2, 3, 5}
    assert r.boundaries_in_context == {2, 3}  # 白云机场 runs past the prompt's end
    assert r.mismatched == [5]


def test_agreeing_tokenisations_have_no_mismatch():
    r = tokenise_in_context("广州的白云", "广州的白云很白", CURATED)
    assert r.mismatched == [] and r.straddling == ()
    char = tokenise_in_context("广州的白云", "广州的白云机场", DEMO.tokenizers["char"])
    assert char.mismatched == [] and char.straddling == ()


def test_code_example_boundaries():
    r = tokenise_in_context("import numpy", "import numpy as np", CURATED)
    assert [t.text for t in r.in_context] == ["import numpy as np"]
    assert r.mismatched == [6, 12]


def test_spans_cover_the_texts():
    r = tokenise_in_context("西湖", "杭州的西湖很有名", CURATED)
    assert "".join(r.context[t.start : t.end] for t in r.in_context) == r.context
    assert "".join(r.prompt[t.start : t.end] for t in r.alone) == r.prompt


def test_bad_context_inputs():
    with pytest.raises(ValueError):
        tokenise_in_context("", "广州", CURATED)
    with pytest.raises(ValueError):
        tokenise_in_context("北京", "广州的白云", CURATED)
    with pytest.raises(ValueError):
        tokenise_in_context("广州", "广州！", CURATED)


def test_compression_ratios():
    lines = [line for line in DEMO.lines if line]
    chars = sum(map(len, lines))
    assert compression_ratio(DEMO.tokenizers["char"], lines) == 1.0
    tokens = sum(len(CURATED.encode(line)) for line in lines)
    assert compression_ratio(CURATED, lines) == pytest.approx(chars / tokens)
    assert compression_ratio(CURATED, lines) > 2.0
    with pytest.raises(ValueError):
        compression_ratio(CURATED, [])


def test_bpe_compression_grows_with_vocabulary():
    sizes = [160, 200, 300, 400, 600]
    curve = compression_curve(sizes, DEMO.lines)
    assert [p.requested_vocab_size for p in curve] == sizes
    assert all(p.vocab_size <= p.requested_vocab_size for p in curve)
    ratios = [p.chars_per_token for p in curve]
    assert ratios == sorted(ratios) and ratios[0] >= 1.0 and ratios[-1] > 3 * ratios[0]
