"""The Token healing tab: a prompt that ends mid-token, the next-token distribution with and without healing,
continuations side by side, random segmentation, and why vocabularies are large (compression)."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from explorer.healing import (
    PRESETS,
    SAMPLED,
    InContext,
    compression_curve,
    compression_ratio,
    continue_text,
    heal,
    load_corpus,
    tokenise_in_context,
    viterbi_sample,
)
from explorer.healing.demo import DEFAULT_ALPHA, DEFAULT_SAMPLES, cached_demo
from explorer.healing.token_healing import DEFAULT_BIAS
from explorer.i18n import QT_TRANSLATE_NOOP, translate
from explorer.params import ParamSpec
from explorer.runner import Job
from explorer.tab import TopicTab
from explorer.theme import Theme
from widgets.explanation import Explanation
from widgets.plot_panel import PlotPanel, Style, set_range, set_ticks
from widgets.steady_label import SteadyLabel

DEMO_SEED = 0  # seed of the random segmentation the sampled LM was trained on (fixed: a rebuild costs ~0.6 s)
MAX_PROMPT_CHARS = 40
TOP_TOKENS = 8  # bars per distribution chart
MIN_SLOTS = 6  # a chart with few rows still has bars of a sensible thickness
PLOTS_MINIMUM_WIDTH, PLOTS_MINIMUM_HEIGHT = 520, 250  # the three charts, in pixels
EXPECTED_SHOWN = 3  # at most this many "would continue the removed text" tokens forced into the plain chart
SEGMENTATION_DRAWS = 400
SEGMENTATION_ROWS = 4
CONTEXT_LINES_TRIED = 40  # most frequent training lines searched for one that splits the prompt's last token
BPE_CURVE_SIZES = (148, 155, 165, 180, 200, 225, 250, 300, 350, 400, 450, 500, 550, 600, 650, 710)
TOKEN_ROLES = ("c0", "c1", "c2", "c3")  # alternating token backgrounds
TOKEN_TINT = 0.32  # share of the series colour in a token's background
LABEL_CHARS = 11  # longer token strings are shortened on the chart axes
TOKEN_GAP = "\u2009"  # a thin unstyled space between token boxes, where a split must be seen
VALUE_OFFSET = 0.02  # value labels sit this share of the x range right of their bar

TOKENIZERS = ("char", "curated", "bpe")
TOKENIZER_LABELS = (
    QT_TRANSLATE_NOOP("HealingTab", "single characters"),
    QT_TRANSLATE_NOOP("HealingTab", "curated words (large)"),
    QT_TRANSLATE_NOOP("HealingTab", "BPE, 400 tokens"),
)
TOKENIZER_NAMES = dict(zip(TOKENIZERS, (
    QT_TRANSLATE_NOOP("HealingTab", "characters"),
    QT_TRANSLATE_NOOP("HealingTab", "curated words"),
    "BPE-400",
)))  # translate where shown


# ----- Qt-free helpers (run in the worker) -----
@lru_cache(maxsize=1)
def corpus_alphabet() -> frozenset[str]:
    """Every character of the training corpus: all three tokenisers share exactly this alphabet."""
    return frozenset("".join(load_corpus()))


def check_prompt(text: str) -> None:
    """Cheap validation without building a tokeniser: non-empty, short, and inside the corpus alphabet."""
    if not text:
        raise ValueError(translate("HealingTab", "the prompt is empty; type a few characters, e.g. 广州的白云"))
    if len(text) > MAX_PROMPT_CHARS:
        raise ValueError(translate("HealingTab", "the prompt has {count} characters; keep it to {limit}").format(
            count=len(text), limit=MAX_PROMPT_CHARS))
    alphabet = corpus_alphabet()
    unknown = "".join(sorted(set(text) - alphabet))
    if unknown:
        raise ValueError(translate(
            "HealingTab",
            "{unknown} is not in the vocabulary: the toy corpus has only {count} characters "
            "(Chinese sentences about cities and Python import lines)",
        ).format(unknown=repr(unknown), count=len(alphabet)))


def usable_back_off(prompt: str, tokens: list, trie, requested: int) -> tuple[int, str]:
    """The largest back-off up to ``requested`` for which some token starts with the removed text, and why it
    was reduced ("" when it was not). Healing only looks forward, so after 广州/的/白云 nothing re-covers 的白云."""
    largest = min(requested, len(tokens))
    back_off = next(k for k in range(largest, 0, -1) if trie.extensions(prompt[tokens[-k].start:]))  # k = 1 always
    if back_off < largest:
        note = translate("HealingTab", "back-off {requested} → {used}: no token starts with “{text}”")
        return back_off, note.format(requested=requested, used=back_off, text=prompt[tokens[-largest].start:])
    if back_off < requested:
        if len(tokens) == 1:
            note = translate("HealingTab", "back-off {requested} → {used}: the prompt has only 1 token")
        else:
            note = translate("HealingTab", "back-off {requested} → {used}: the prompt has only {count} tokens")
        return back_off, note.format(requested=requested, used=back_off, count=len(tokens))
    return back_off, ""


@lru_cache(maxsize=128)
def training_context(prompt: str, tokenizer_key: str) -> InContext | None:
    """The prompt inside a training sentence that continues it: preferably the most frequent one whose
    tokenisation crosses the prompt's end (that boundary is what the model never saw), else the most frequent."""
    demo = cached_demo(DEMO_SEED)
    tokenizer = demo.tokenizers[tokenizer_key]
    counts = Counter(line for line in demo.lines if 0 <= line.find(prompt) < len(line) - len(prompt))
    lines = sorted(counts, key=lambda line: (-counts[line], line))[:CONTEXT_LINES_TRIED]
    found = [tokenise_in_context(prompt, line, tokenizer) for line in lines]
    return next((c for c in found if c.straddling), found[0] if found else None)


@lru_cache(maxsize=1)
def compression_summary() -> dict[str, Any]:
    """BPE compression against vocabulary size (trained once, ~0.25 s) and the three tokenisers' points."""
    demo = cached_demo(DEMO_SEED)
    curve = compression_curve(BPE_CURVE_SIZES, demo.lines)
    sizes, ratios = [], []
    for point in curve:  # BPE stops growing once every line is one token: drop the repeats
        if not sizes or point.vocab_size > sizes[-1]:
            sizes.append(point.vocab_size)
            ratios.append(point.chars_per_token)
    points = {key: (tok.vocab_size, compression_ratio(tok, demo.lines)) for key, tok in demo.tokenizers.items()}
    return {"sizes": np.array(sizes, float), "ratios": np.array(ratios), "points": points}


def continuation_starts(result, tokenizer) -> list[int]:
    """Tokens that would carry the removed text on into a likely candidate (机场 and 山 after 白云)."""
    ids: list[int] = []
    for candidate in result.candidates[:EXPECTED_SHOWN]:
        rest = candidate.text[len(result.removed_text):]
        if rest:
            first = tokenizer.encode(rest)[0].id
            if first not in ids:
                ids.append(first)
    return ids


def plain_rows(distribution: np.ndarray, expected: list[int], vocab: list[str]) -> list[tuple[str, float, bool]]:
    """The top tokens of P(next | whole prompt), always including the expected continuations, highest first."""
    top = [int(i) for i in np.argsort(-distribution, kind="stable")[: TOP_TOKENS]]
    missing = [i for i in expected if i not in top]
    ids = top[: TOP_TOKENS - len(missing)] + missing
    ids.sort(key=lambda i: -distribution[i])
    return [(vocab[i], float(distribution[i]), i in expected) for i in ids]


def healed_rows(result, vocab: list[str]) -> list[tuple[str, float, float, bool]]:
    """(token, raw, healed, is candidate): the candidates when hard, the top of the healed distribution when soft."""
    if result.mode == "hard":
        return [(c.text, c.raw_prob, c.healed_prob, True) for c in result.candidates[:TOP_TOKENS]]
    candidate_ids = {c.id for c in result.candidates}
    ids = np.argsort(-result.healed_distribution, kind="stable")[:TOP_TOKENS]
    return [
        (vocab[i], float(result.raw_distribution[i]), float(result.healed_distribution[i]), int(i) in candidate_ids)
        for i in ids
    ]


@lru_cache(maxsize=64)
def segmentation_table(prompt: str, alpha: float, seed: int) -> tuple[tuple[tuple[str, ...], float], ...]:
    """The most frequent Viterbi-sampled segmentations of ``prompt`` over the curated vocabulary, with their
    share of the draws (cached: the draws are most of an update's cost)."""
    tokenizer = cached_demo(DEMO_SEED).tokenizers["curated"]
    rng = np.random.default_rng(seed)
    draws = Counter(
        tuple(t.text for t in viterbi_sample(prompt, tokenizer, alpha, rng)) for _ in range(SEGMENTATION_DRAWS)
    )
    ranked = sorted(draws.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
    return tuple((pieces, count / SEGMENTATION_DRAWS) for pieces, count in ranked[:SEGMENTATION_ROWS])


def continuation_pieces(continuation) -> dict[str, Any]:
    """A continuation as (text, generated?) pieces whose concatenation is its text."""
    pieces = [(text, False) for text in continuation.kept_tokens] + [(s.text, True) for s in continuation.steps]
    first = continuation.steps[0] if continuation.steps else None
    return {
        "text": continuation.text,
        "pieces": pieces,
        "n_new": len(continuation.steps),
        "eos": continuation.stopped_at_eos,
        "first": (first.text, first.prob) if first else None,
        "removed": continuation.removed_text,
        # Soft healing may let a token that does not start with the removed text win.
        "first_recovers": bool(first) and first.text.startswith(continuation.removed_text),
    }


def percent(p: float) -> str:
    if p <= 0:
        return "0%"
    if p < 1e-4:
        return "<0.01%"
    return f"{100 * p:.3g}%"


def shown_token(text: str, limit: int = LABEL_CHARS) -> str:
    """A token as a chart label: visible spaces; long ones keep both ends ("import numpy as np" and
    "import numpy " share their start)."""
    text = text.replace(" ", "␣")
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head):]


SPECS = (
    ParamSpec("prompt", "text", "广州的白云", QT_TRANSLATE_NOOP("HealingTab", "prompt"),
              QT_TRANSLATE_NOOP("HealingTab", "Text to continue. Only characters of the toy corpus exist: "
                                "Chinese city sentences and Python imports."),
              check=check_prompt),
    ParamSpec("tokenizer", "choice", "curated", QT_TRANSLATE_NOOP("HealingTab", "tokeniser"),
              QT_TRANSLATE_NOOP("HealingTab", "Vocabulary of both the tokeniser and its 4-gram language model"),
              choices=TOKENIZERS, choice_labels=TOKENIZER_LABELS),
    ParamSpec("back_off", "int", 1, QT_TRANSLATE_NOOP("HealingTab", "back off (tokens)"),
              QT_TRANSLATE_NOOP("HealingTab", "How many prompt tokens to remove before generating "
                                "(reduced when no token could re-cover them)"),
              minimum=1, maximum=4),
    ParamSpec("mode", "choice", "hard", QT_TRANSLATE_NOOP("HealingTab", "healing"),
              QT_TRANSLATE_NOOP("HealingTab", "hard: keep only tokens that start with the removed text and "
                                "renormalise (Su); soft: add a log-probability bonus to them"),
              choices=("hard", "soft"),
              choice_labels=(QT_TRANSLATE_NOOP("HealingTab", "hard: keep prefix matches"),
                             QT_TRANSLATE_NOOP("HealingTab", "soft: bias prefix matches"))),
    ParamSpec("bias", "float", DEFAULT_BIAS, QT_TRANSLATE_NOOP("HealingTab", "soft bias (nats)"),
              QT_TRANSLATE_NOOP("HealingTab", "Soft healing multiplies the matching tokens' probabilities by "
                                "exp(bias)"),
              minimum=0.0, maximum=20.0, step=0.5, decimals=1),
    ParamSpec("decoding", "choice", "greedy", QT_TRANSLATE_NOOP("HealingTab", "decoding"),
              QT_TRANSLATE_NOOP("HealingTab", "Greedy (most likely token) or seeded sampling"),
              choices=("greedy", "sample"),
              choice_labels=(QT_TRANSLATE_NOOP("HealingTab", "greedy"),
                             QT_TRANSLATE_NOOP("HealingTab", "sample (seeded)"))),
    ParamSpec("seed", "int", 0, QT_TRANSLATE_NOOP("HealingTab", "seed"),
              QT_TRANSLATE_NOOP("HealingTab", "Seed of sampled decoding and of the random segmentations"),
              minimum=0, maximum=99),
    ParamSpec("max_tokens", "int", 12, QT_TRANSLATE_NOOP("HealingTab", "max new tokens"),
              QT_TRANSLATE_NOOP("HealingTab", "Continuations stop here or at the end-of-sentence token"),
              minimum=1, maximum=30),
    ParamSpec("alpha", "float", DEFAULT_ALPHA, QT_TRANSLATE_NOOP("HealingTab", "segmentation α"),
              QT_TRANSLATE_NOOP("HealingTab", "Viterbi sampling keeps a competing split with probability "
                                "σ(α·Δ log p): small α splits often, large α is the deterministic segmentation"),
              minimum=0.02, maximum=50.0, log=True),
)


class _Explanation(Explanation):
    """Fills in the sampled LM's settings after translation: a marked string must be one literal."""

    def translated(self, context: str) -> Explanation:
        done = super().translated(context)
        body = done.body.replace("{samples}", str(DEFAULT_SAMPLES)).replace("{alpha}", f"{DEFAULT_ALPHA:g}")
        return replace(done, body=body)


EXPLANATION = _Explanation(
    title=QT_TRANSLATE_NOOP("HealingTab", "Token healing"),
    post_title="大词表语言模型在续写任务上的一个问题及对策",
    post_url="https://kexue.fm/archives/9762",
    body=QT_TRANSLATE_NOOP(
        "HealingTab",
        "<p>A large vocabulary makes 白云机场 and 白云山 single tokens. The prompt 广州的白云 is then tokenised "
        "广州 / 的 / 白云, but in training the token 白云 was (almost) never followed by 机场 or 山: those words "
        "were always inside one bigger token. Continuing a prompt that ends mid-token, the model has little mass "
        "left for the obvious continuation.</p>"
        "<p><b>Su's remedy.</b> Back off the last token(s), whose text is $s$, and let the first new token "
        "re-cover $s$: keep only the tokens $V_s$ that start with $s$ and renormalise</p>"
        "$$q(t)=\\frac{p(t\\mid c)}{\\sum_{t'\\in V_s}p(t'\\mid c)},\\quad t\\in V_s$$"
        "<p>where $c$ are the kept tokens. <i>Soft</i> healing (as in the guidance library's token healing) "
        "only biases them: $q(t)\\propto p(t\\mid c)\\,e^{b\\,[t\\in V_s]}$.</p>"
        "<p><b>Training remedy</b> (follow-up post 9768): segment the training text at random, so the model "
        "also sees 白云 / 机场. Viterbi sampling replaces the best split ending at a position by a competitor "
        "with probability</p>"
        "$$\\sigma(\\alpha\\,(\\log p_{new}-\\log p_{best}))$$"
        "<p>The third continuation comes from a model trained on {samples} such segmentations per line "
        "(α = {alpha}). Why large vocabularies at all? More characters per token: shorter sequences, "
        "faster generation (right-hand chart).</p>"
        "<p>The models are 4-gram Kneser-Ney LMs on a small bundled corpus, so the effect is exact and "
        "instant rather than statistical.</p>",
    ),
    what_to_try=(
        QT_TRANSLATE_NOOP("HealingTab", "Default: without healing 机场 and 山 get well under 1% and greedy decoding "
                          "just stops; healed, 白云山 and 白云机场 share all the mass."),
        QT_TRANSLATE_NOOP("HealingTab", "Switch the tokeniser to single characters: the prompt ends on a token "
                          "boundary, nothing needs healing."),
        QT_TRANSLATE_NOOP("HealingTab", "Preset “import numpy” with BPE: the prompt is cut into ‘import ’, ‘nu’, "
                          "‘mp’, ‘y’; back off 4 tokens."),
        QT_TRANSLATE_NOOP("HealingTab", "Set healing to soft and drag the bias to 0: the healed chart falls back "
                          "to P(next | kept tokens)."),
        QT_TRANSLATE_NOOP("HealingTab", "Lower α: the random segmentations split 白云 into 白 / 云 more often."),
        QT_TRANSLATE_NOOP("HealingTab", "Type a prompt with a character such as ж: the tab says why and keeps "
                          "the last plots."),
    ),
)


class HealingTab(TopicTab):
    topic_id = "healing"
    specs = SPECS
    view_specs = (ParamSpec("preset", "int", 0, minimum=0, maximum=len(PRESETS) - 1),)
    explanation = EXPLANATION

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        self._last_result: dict[str, Any] | None = None
        super().__init__(theme, parent)

    # ----- building -----
    def build_controls(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        self.preset_combo = QComboBox()
        self.preset_combo.setToolTip(self.tr("Set prompt, tokeniser and back-off to an example worth seeing"))
        for preset in PRESETS:
            self.preset_combo.addItem(self.tr("{prompt} · {tokenizer} · back off {back_off}").format(
                prompt=preset.prompt, tokenizer=self.tr(TOKENIZER_NAMES[preset.tokenizer]), back_off=preset.back_off
            ))
        self.preset_combo.activated.connect(self.apply_preset)
        self.preset_note = SteadyLabel(word_wrap=True)
        heading = QLabel("<b>{}</b>".format(self.tr("Presets")))
        layout.addWidget(heading)
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.preset_note)
        self._show_preset_note()
        return box

    def build_plots(self) -> QWidget:
        self.token_strip = _rich_label()
        self.token_strip.setObjectName("token_strip")

        panel = self.plot_panel = PlotPanel(self.theme)
        # Smaller, the charts' token names overlap: the tab's minimum size keeps them readable (a window, or a
        # headless render, asked to be smaller gets this size).
        panel.set_smallest_size(PLOTS_MINIMUM_WIDTH, PLOTS_MINIMUM_HEIGHT)
        # Titles are short: a title's width is a minimum width of its plot.
        self.plain_plot = panel.add_plot(
            0, 0, self.tr("Without healing"), self.tr("P(next | whole prompt), %"), legend="below"
        )
        self.healed_plot = panel.add_plot(
            0, 1, self.tr("With healing"), self.tr("P(first | kept tokens), %"), legend="below"
        )
        for plot in (self.plain_plot, self.healed_plot):
            plot.showGrid(x=True, y=False, alpha=0.25)
            plot.setMouseEnabled(x=False, y=False)
        # Legend names are short: a legend wider than its chart would be cut off.
        self.plain_bars = panel.bars(self.plain_plot, Style("c0"), name=self.tr("other tokens"))
        self.expected_bars = panel.bars(self.plain_plot, Style("c1"), name=self.tr("expected next"))
        self.raw_bars = panel.bars(self.healed_plot, Style("muted", alpha=130), name=self.tr("before healing"))
        self.candidate_bars = panel.bars(self.healed_plot, Style("c2"), name=self.tr("after healing"))
        self.other_healed_bars = panel.bars(self.healed_plot, Style("c0"), name=self.tr("after, not matching"))
        panel.set_listed(self.other_healed_bars, False)  # soft mode only: in the legend then
        def value_labels(plot, colour, count):
            # No backdrop: a label's box would cover the start of the bar next to it.
            return [panel.text(plot, colour, anchor=(0, 0.5), backdrop=False) for _ in range(count)]

        self.plain_values = value_labels(self.plain_plot, "foreground", TOP_TOKENS)
        # The expected continuations' bars are too thin to see: their values are printed in their colour instead.
        self.expected_values = value_labels(self.plain_plot, "c1", EXPECTED_SHOWN)
        self.raw_values = value_labels(self.healed_plot, "muted", TOP_TOKENS)
        self.healed_values = value_labels(self.healed_plot, "foreground", TOP_TOKENS)

        self.compression_plot = panel.add_plot(
            0, 2, self.tr("Compression"), self.tr("vocabulary size"), self.tr("characters per token"), legend="below"
        )
        self.compression_plot.setMouseEnabled(x=False, y=False)
        self.compression_curve = panel.curve(self.compression_plot, Style("c0", 2.0), "BPE",
                                             symbol="o", symbolSize=5)
        self.compression_points = {
            key: panel.scatter(self.compression_plot, Style(role), size=11, symbol=symbol, name=name)
            for key, role, symbol, name in (
                ("char", "c1", "o", self.tr("characters")),
                ("curated", "c2", "s", self.tr("curated")),
                ("bpe", "c0", "d", "BPE-400"),
            )
        }
        self.selected_ring = panel.scatter(
            self.compression_plot, Style("background", alpha=0, symbol_color="foreground"), size=22,
            label="selected tokeniser",
        )
        panel.ci.layout.setColumnStretchFactor(0, 4)
        panel.ci.layout.setColumnStretchFactor(1, 4)
        panel.ci.layout.setColumnStretchFactor(2, 3)

        self.continuation_rows = {}
        self.continuation_headers = {}
        continuations = QFrame()
        grid = QGridLayout(continuations)
        grid.setContentsMargins(8, 2, 8, 2)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.continuation_heading = _rich_label()
        grid.addWidget(self.continuation_heading, 0, 0, 1, 3)
        for row, (key, title, tip) in enumerate((
            ("plain", self.tr("plain"), self.tr("The prompt's own tokens, no healing")),
            ("healed", *self._healed_header(self.params()["mode"], self.params()["bias"])),
            ("sampled", self.tr("random-seg. LM"), self.tr("Curated vocabulary, LM trained on Viterbi-sampled "
                                                           "segmentations; the prompt is not healed")),
        ), start=1):
            header = QLabel(f"<b>{title}</b>")
            header.setToolTip(tip)
            self.continuation_headers[key] = header
            text_label, note = _rich_label(), _rich_label()
            text_label.setObjectName(f"continuation_{key}")
            grid.addWidget(header, row, 0)
            grid.addWidget(text_label, row, 1)
            grid.addWidget(note, row, 2)
            self.continuation_rows[key] = (text_label, note)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(4, 1)
        self.plain_continuation = self.continuation_rows["plain"][0]
        self.healed_continuation = self.continuation_rows["healed"][0]
        self.sampled_continuation = self.continuation_rows["sampled"][0]
        self.segmentation_label = _rich_label()
        self.segmentation_label.setObjectName("segmentations")
        self.segmentation_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        bottom = QGridLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(continuations, 0, 0)
        bottom.addWidget(self.segmentation_label, 0, 1)
        bottom.setColumnStretch(0, 3)
        bottom.setColumnStretch(1, 2)

        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.token_strip)
        layout.addWidget(panel, 5)
        layout.addLayout(bottom, 2)
        return area

    def _healed_header(self, mode: str, bias: float) -> tuple[str, str]:
        """Title and tooltip of the healed continuation, which is healed like the chart."""
        if mode == "hard":
            return self.tr("hard-healed"), self.tr("Last token(s) backed off, first token constrained to re-cover them")
        tip = self.tr("Last token(s) backed off; for the first token, those that re-cover them get a bias of "
                      "{bias} nats, so another token may replace them")
        return self.tr("soft-healed"), tip.format(bias=f"{bias:g}")

    # ----- computing (worker thread) -----
    @staticmethod
    def compute(params: dict[str, Any], job: Job) -> dict[str, Any]:
        job.progress(0.0, translate("HealingTab", "building tokenisers and n-gram language models"))
        demo = cached_demo(DEMO_SEED)
        job.progress(0.4, translate("HealingTab", "training BPE at several vocabulary sizes"))
        compression = compression_summary()
        job.check()
        prompt, key = params["prompt"], params["tokenizer"]
        tokenizer, lm = demo.tokenizers[key], demo.lms[key]
        check_prompt(prompt)
        tokens = tokenizer.encode(prompt)
        back_off, back_off_note = usable_back_off(prompt, tokens, tokenizer.trie, params["back_off"])
        healed = heal(prompt, tokenizer, lm, back_off, params["mode"], params["bias"])
        expected = continuation_starts(healed, tokenizer)
        decoding = {"greedy": params["decoding"] == "greedy", "seed": params["seed"],
                    "max_tokens": params["max_tokens"]}
        continuations = {
            "plain": continue_text(prompt, tokenizer, lm, heal=False, **decoding),
            "healed": continue_text(prompt, tokenizer, lm, heal=True, back_off=back_off, mode=params["mode"],
                                    bias=params["bias"], **decoding),
            "sampled": continue_text(prompt, demo.tokenizers["curated"], demo.lms[SAMPLED], heal=False, **decoding),
        }
        job.check()
        return {
            "prompt": prompt,
            "tokenizer": key,
            "vocab_size": tokenizer.vocab_size,
            "tokens": [t.text for t in tokens],
            "kept": [t.text for t in healed.kept],
            "removed": healed.removed_text,
            "back_off_note": back_off_note,
            "mode": params["mode"],
            "bias": params["bias"],
            "candidate_mass": healed.candidate_mass,
            "n_candidates": len(healed.candidates),
            "plain_rows": plain_rows(healed.plain_distribution, expected, tokenizer.vocab),
            "healed_rows": healed_rows(healed, tokenizer.vocab),
            "context": training_context(prompt, key),
            "continuations": {name: continuation_pieces(c) for name, c in continuations.items()},
            "decoding": params["decoding"],
            "seed": params["seed"],
            "alpha": params["alpha"],
            "segmentations": segmentation_table(prompt, params["alpha"], params["seed"]),
            "compression": compression,
        }

    # ----- drawing (GUI thread) -----
    def show_result(self, r: dict[str, Any]) -> None:
        self._last_result = r
        self._show_texts(r)
        self._show_plain(r["plain_rows"])
        self._show_healed(r["healed_rows"])
        self._show_compression(r["compression"], r["tokenizer"])
        self._show_preset_note()

    def _show_plain(self, rows: list[tuple[str, float, bool]]) -> None:
        y = _row_positions(len(rows))
        probs = np.array([p for _, p, _ in rows])
        expected = np.array([e for *_, e in rows], bool)
        _set_hbars(self.plain_bars, y[~expected], 100 * probs[~expected], 0.7)
        _set_hbars(self.expected_bars, y[expected], 100 * probs[expected], 0.7)
        _set_row_ticks(self.plain_plot, y, [token for token, *_ in rows])
        x_max = _fit_rows(self.plain_plot, 100 * probs.max(initial=0.0), len(rows))
        _place_values(self.plain_values, [percent(p) for p in probs[~expected]], 100 * probs[~expected], y[~expected],
                      x_max)
        _place_values(self.expected_values, [percent(p) for p in probs[expected]], 100 * probs[expected], y[expected],
                      x_max)

    def _show_healed(self, rows: list[tuple[str, float, float, bool]]) -> None:
        y = _row_positions(len(rows))
        raw = np.array([r for _, r, _, _ in rows])
        healed = np.array([h for _, _, h, _ in rows])
        candidate = np.array([c for *_, c in rows], bool)
        _set_hbars(self.raw_bars, y + 0.2, 100 * raw, 0.36)
        _set_hbars(self.candidate_bars, y[candidate] - 0.2, 100 * healed[candidate], 0.36)
        _set_hbars(self.other_healed_bars, y[~candidate] - 0.2, 100 * healed[~candidate], 0.36)
        _set_row_ticks(self.healed_plot, y, [token for token, *_ in rows])
        x_max = _fit_rows(self.healed_plot, 100 * max(raw.max(initial=0.0), healed.max(initial=0.0)), len(rows))
        _place_values(self.raw_values, [percent(p) for p in raw], 100 * raw, y + 0.2, x_max)
        _place_values(self.healed_values, [percent(p) for p in healed], 100 * healed, y - 0.2, x_max)
        # Through the panel, which fits its legends to the room again: added directly, the third entry widened
        # the legend past it and pushed the Compression chart out of the window.
        self.plot_panel.set_listed(self.other_healed_bars, bool((~candidate).any()))

    def _show_compression(self, summary: dict[str, Any], selected: str) -> None:
        self.compression_curve.setData(summary["sizes"], summary["ratios"])
        for key, item in self.compression_points.items():
            size, ratio = summary["points"][key]
            item.setData(x=[size], y=[ratio])
        size, ratio = summary["points"][selected]
        self.selected_ring.setData(x=[size], y=[ratio])

    def _show_texts(self, r: dict[str, Any]) -> None:
        theme = self.theme
        self.token_strip.setText(_token_strip_html(r, theme))
        if r["decoding"] == "greedy":
            note = self.tr("(greedy, coloured: new tokens)")
        else:
            note = self.tr("(sampled, seed {seed}, coloured: new tokens)").format(seed=r["seed"])
        title = self.tr("Continuations")
        self.continuation_heading.setText(f"<b>{title}</b> <span style='color:{theme.muted}'>{note}</span>")
        healed_title, healed_tip = self._healed_header(r["mode"], r["bias"])
        self.continuation_headers["healed"].setText(f"<b>{healed_title}</b>")
        self.continuation_headers["healed"].setToolTip(healed_tip)
        for key, (text_label, note) in self.continuation_rows.items():
            continuation = r["continuations"][key]
            text_label.setText(_continuation_html(continuation, theme, healed=key == "healed"))
            note.setText(_continuation_note(continuation, theme))
        self.segmentation_label.setText(_segmentation_html(r, theme))

    def on_theme(self, theme: Theme) -> None:
        if self._last_result is not None:  # token colours and axis widths depend on the theme
            self.show_result(self._last_result)

    # ----- presets and view state -----
    @Slot(int)
    def apply_preset(self, index: int) -> None:
        if not 0 <= index < len(PRESETS):
            return
        preset = PRESETS[index]
        self.preset_combo.setCurrentIndex(index)
        self.set_params({"prompt": preset.prompt, "tokenizer": preset.tokenizer, "back_off": preset.back_off})
        self._show_preset_note()

    def _show_preset_note(self) -> None:
        """The chosen preset's note; the combo follows the parameters when they match another preset."""
        values = self.params()
        current = (values["prompt"], values["tokenizer"], values["back_off"])
        matching = [i for i, p in enumerate(PRESETS) if (p.prompt, p.tokenizer, p.back_off) == current]
        if matching and self.preset_combo.currentIndex() not in matching:
            self.preset_combo.setCurrentIndex(matching[0])
        preset = PRESETS[self.preset_combo.currentIndex()]
        edited = "" if matching else " <i>{}</i>".format(self.tr("(edited since)"))
        self.preset_note.setText(html.escape(self.tr(preset.note), quote=False) + edited)

    def view_state(self) -> dict[str, Any]:
        return {"preset": self.preset_combo.currentIndex()}

    def apply_view_state(self, view: dict[str, Any]) -> None:
        index = view.get("preset", 0)
        valid = isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(PRESETS)
        self.preset_combo.setCurrentIndex(index if valid else 0)
        self._show_preset_note()


# ----- drawing helpers (GUI thread) -----
def _rich_label() -> QLabel:
    label = SteadyLabel(word_wrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def _row_positions(n: int) -> np.ndarray:
    """Bars top to bottom in the order given: the first row is the highest."""
    return np.arange(n - 1, -1, -1, dtype=float)


def _set_hbars(item, y: np.ndarray, widths: np.ndarray, height: float) -> None:
    item.setOpts(x0=np.zeros(len(y)), y=np.asarray(y, float), width=np.asarray(widths, float), height=height)


def _set_row_ticks(plot, y: np.ndarray, tokens: list[str]) -> None:
    labels = [shown_token(token) for token in tokens]
    axis = plot.getAxis("left")
    if not set_ticks(axis, [list(zip(map(float, y), labels)), []]):
        return  # the same rows: the axis and its width stay as they are (a new width re-lays out the plots)
    # Left to itself the axis widens only after a paint, so the first picture (and every screenshot) would drop
    # the longer labels: size it to them now.
    metrics = QFontMetrics(axis.style["tickFont"] or QFont())
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
    axis.setWidth(widest + axis.style["tickTextOffset"][0] + max(0, axis.style["tickLength"]) + 4)


def _fit_rows(plot, largest: float, n_rows: int, room: float = 1.4) -> float:
    """x from 0 with room for the value labels, y with a row for each bar (its legend is below the plot).
    Returns the x range's end."""
    x_max = max(largest, 0.1) * room
    slots = max(n_rows, MIN_SLOTS)
    set_range(plot, (0, x_max), (n_rows - slots - 0.4, n_rows - 0.4), padding=0)
    return x_max


def _place_values(labels: list, texts: list[str], x: np.ndarray, y: np.ndarray, x_max: float) -> None:
    """Put each text just right of its bar; labels beyond the texts are emptied."""
    for index, label in enumerate(labels):
        if index < len(texts):
            label.setText(texts[index])
            label.setPos(float(x[index]) + VALUE_OFFSET * x_max, float(y[index]))
        else:
            label.setText("")


def _tint(theme: Theme, role: str, share: float = TOKEN_TINT) -> str:
    colour, background = QColor(theme.color(role)), QColor(theme.background)
    mixed = [round(share * a + (1 - share) * b) for a, b in zip(colour.getRgb()[:3], background.getRgb()[:3])]
    return QColor(*mixed).name()


def _escape(text: str) -> str:
    return html.escape(text).replace(" ", "&nbsp;")


def _token_span(text: str, index: int, theme: Theme, extra: str = "") -> str:
    background = _tint(theme, TOKEN_ROLES[index % len(TOKEN_ROLES)])
    return f"<span style='background-color:{background};{extra}'>{_escape(text)}</span>"


def _tokens_html(tokens: list[str] | tuple[str, ...], theme: Theme, gap: str = TOKEN_GAP) -> str:
    return gap.join(_token_span(text, index, theme) for index, text in enumerate(tokens))


def _context_html(context: InContext, theme: Theme) -> str:
    """The training sentence's tokens with the prompt underlined and its end marked (red when mid-token)."""
    end = context.offset + len(context.prompt)
    marker_colour = theme.warning if context.straddling else theme.muted
    marker = f"<span style='color:{marker_colour}; font-weight:bold'>┃</span>"
    parts = []
    for index, token in enumerate(context.in_context):
        cut = min(max(end, token.start), token.end)
        inside, outside = token.text[: cut - token.start], token.text[cut - token.start:]
        underline = "text-decoration:underline;" if token.start >= context.offset else ""
        if index:
            parts.append(TOKEN_GAP)
        if inside:
            parts.append(_token_span(inside, index, theme, underline))
        if token.start < end < token.end:
            parts.append(marker)
        if outside:
            parts.append(_token_span(outside, index, theme))
        if token.end == end:
            parts.append(marker)
    return "".join(parts)


def _token_strip_html(r: dict[str, Any], theme: Theme) -> str:
    size = theme.font_pt * 1.25
    muted = f"color:{theme.muted}; font-size:{theme.font_pt:.1f}pt"
    kept = _tokens_html(r["kept"], theme) if r["kept"] else "<i>{}</i>".format(translate("HealingTab", "nothing"))
    back_off = translate("HealingTab", "{tokenizer} ({size} tokens): back off → {kept} + removed “{removed}”").format(
        tokenizer=translate("HealingTab", TOKENIZER_NAMES[r["tokenizer"]]), size=r["vocab_size"], kept=kept,
        removed=_escape(r["removed"]),
    )
    if r["n_candidates"] == 1:
        held = translate("HealingTab", "1 token starts with it; it held {mass} of P(next | kept)")
    else:
        held = translate("HealingTab", "{count} tokens start with it; they held {mass} of P(next | kept)")
    held = held.format(count=r["n_candidates"], mass=percent(r["candidate_mass"]))
    back_off += f"<br><span style='{muted}'>{held}</span>"
    if r["back_off_note"]:
        warning = f"color:{theme.warning}; font-size:{theme.font_pt:.1f}pt"
        note = translate("HealingTab", "({note})").format(note=_escape(r["back_off_note"]))
        back_off += f" <span style='{warning}'>{note}</span>"
    rows = [(translate("HealingTab", "prompt"), _tokens_html(r["tokens"], theme), back_off)]
    context = r["context"]
    in_training = translate("HealingTab", "in training")
    if context is None:
        missing = translate("HealingTab", "no training sentence continues this prompt")
        rows.append((in_training, f"<span style='{muted}'>{missing}</span>", ""))
    else:
        if context.straddling:
            verdict = translate(
                "HealingTab", "the prompt ends inside “{token}”: a boundary the model never saw in training"
            ).format(token=_escape(context.straddling[0].text))
            verdict = f"<span style='color:{theme.warning}'>{verdict}</span>"
        else:
            verdict = translate("HealingTab", "the prompt ends on a token boundary here too")
            verdict = f"<span style='color:{theme.muted}'>{verdict}</span>"
        rows.append((in_training, _context_html(context, theme), verdict))
    cells = "".join(
        f"<tr><td style='{muted}; padding-right:8px'>{title}</td>"
        f"<td style='font-size:{size:.1f}pt; padding-right:14px'>{tokens}</td>"
        f"<td style='font-size:{theme.font_pt:.1f}pt'>{note}</td></tr>"
        for title, tokens, note in rows
    )
    return f"<table cellspacing='2' style='color:{theme.foreground}'>{cells}</table>"


def _continuation_html(continuation: dict[str, Any], theme: Theme, healed: bool) -> str:
    size = theme.font_pt * 1.15
    parts, generated = [], 0
    for text, is_new in continuation["pieces"]:
        if is_new:
            bold = "font-weight:bold;" if healed and generated == 0 else ""
            parts.append(_token_span(text, generated, theme, bold))
            generated += 1
        else:
            parts.append(f"<span style='color:{theme.foreground}'>{_escape(text)}</span>")
    return f"<span style='font-size:{size:.1f}pt'>{''.join(parts)}</span>"


def _unbroken(text: str) -> str:
    """A token's text, escaped, that a line never breaks inside (word joiners): the note broke 珠江 across two
    lines, as if it were two tokens."""
    return _escape("\u2060".join(text))


def _continuation_note(continuation: dict[str, Any], theme: Theme) -> str:
    notes = []
    removed = _unbroken(continuation["removed"])
    if removed and continuation["first"]:
        text, prob = continuation["first"]
        if continuation["first_recovers"]:
            note = translate("HealingTab", "re-covers “{removed}” with “{token}” ({prob})")
        else:
            note = translate("HealingTab", "replaces “{removed}” with “{token}” ({prob})")
        notes.append(note.format(removed=removed, token=_unbroken(text), prob=percent(prob)))
    elif removed:  # soft healing let </s> win at once
        notes.append(translate("HealingTab", "drops “{removed}”").format(removed=removed))
    if continuation["eos"]:
        ending = translate("HealingTab", "then </s>") if continuation["n_new"] else translate(
            "HealingTab", "stops at once: </s>")
        # Word joiners: Qt breaks a line after the slash, "</" on one line and "s>" on the next.
        notes.append(html.escape(ending).replace("&lt;/s&gt;", "&lt;\u2060/\u2060s&gt;"))
    separator = translate("HealingTab", "; ")
    return f"<span style='color:{theme.muted}'>{separator.join(notes)}</span>"


def _segmentation_html(r: dict[str, Any], theme: Theme) -> str:
    muted = f"color:{theme.muted}"
    rows = "".join(
        f"<tr><td align='right' style='padding-right:8px'>{percent(share)}</td>"
        f"<td style='font-size:{theme.font_pt * 1.1:.1f}pt'>{_tokens_html(pieces, theme)}</td></tr>"
        for pieces, share in r["segmentations"]
    )
    title = translate("HealingTab", "Random segmentation")
    note = translate(
        "HealingTab", "(Viterbi sampling, curated vocabulary, α = {alpha}, {draws} draws, seed {seed})"
    ).format(alpha=f"{r['alpha']:.3g}", draws=SEGMENTATION_DRAWS, seed=r["seed"])
    return (
        f"<div style='color:{theme.foreground}'><b>{title}</b> <span style='{muted}'>{note}</span>"
        f"<table cellspacing='1'>{rows}</table></div>"
    )
