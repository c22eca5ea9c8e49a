"""Token healing for large-vocabulary LMs (kexue.fm/archives/9762) and random segmentation (9768).

Pure package: no Qt, and torch is never imported.
"""

from .boundaries import InContext, tokenise_in_context
from .compression import CompressionPoint, compression_curve, compression_ratio
from .corpus import corpus_path, generate_corpus, load_corpus, write_corpus
from .demo import PRESETS, SAMPLED, HealingDemo, Preset, build_demo, cached_demo
from .generation import Continuation, Step, continue_text
from .ngram_lm import NGramLM
from .prefix_trie import PrefixTrie
from .sampling import bpe_dropout, viterbi_sample
from .token_healing import Candidate, HealResult, heal
from .tokenization import TextTokenizer, Token, bpe_tokenizer, char_tokenizer, curated_tokenizer
from .training import sampled_segmentations, train_lm, train_sampled_lm

__all__ = [
    "Candidate",
    "CompressionPoint",
    "Continuation",
    "HealResult",
    "HealingDemo",
    "InContext",
    "NGramLM",
    "PRESETS",
    "Preset",
    "PrefixTrie",
    "SAMPLED",
    "Step",
    "TextTokenizer",
    "Token",
    "bpe_dropout",
    "bpe_tokenizer",
    "build_demo",
    "cached_demo",
    "char_tokenizer",
    "compression_curve",
    "compression_ratio",
    "continue_text",
    "corpus_path",
    "curated_tokenizer",
    "generate_corpus",
    "heal",
    "load_corpus",
    "sampled_segmentations",
    "tokenise_in_context",
    "train_lm",
    "train_sampled_lm",
    "viterbi_sample",
    "write_corpus",
]
