"""Bundled training corpus: templated Chinese place sentences and Python import lines.

Run ``python -m explorer.healing.corpus [PATH]`` to (re)write ``assets/healing/corpus.txt``
(or PATH).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

# City -> landmarks.  广州 carries the post's example: 白云机场 and 白云山 share the
# prefix 白云, which is also a word of its own in the sky sentences below.
PLACES: dict[str, tuple[str, ...]] = {
    "广州": ("白云机场", "白云山", "珠江", "沙面"),
    "北京": ("天安门", "故宫", "长城", "首都机场"),
    "上海": ("外滩", "东方明珠", "浦东机场", "豫园"),
    "杭州": ("西湖", "灵隐寺", "萧山机场", "雷峰塔"),
    "南京": ("中山陵", "夫子庙", "玄武湖", "禄口机场"),
    "西安": ("大雁塔", "兵马俑", "钟楼", "咸阳机场"),
    "成都": ("武侯祠", "杜甫草堂", "双流机场", "宽窄巷子"),
    "深圳": ("莲花山", "宝安机场", "世界之窗", "大梅沙"),
}

PLACE_TEMPLATES: tuple[str, ...] = (
    "{city}的{place}很有名",
    "我们明天去{city}的{place}",
    "{city}的{place}在哪里",
    "我最喜欢{city}的{place}",
    "{city}的{place}人很多",
    "周末去{city}的{place}看看",
)

# Sentences where 白云 is a word by itself, so the token 白云 exists and is seen
# followed by things other than 机场/山.
SKY_LINES: tuple[str, ...] = (
    "天上的白云很白",
    "山上的白云像棉花",
    "蓝天上飘着几朵白云",
    "白云飘在蓝天上",
    "今天的天气很好",
    "我们在机场见面",
)
SKY_CITY_TEMPLATES: tuple[str, ...] = (
    "今天{city}的天气很好",
    "{city}的天上有很多白云",
)

# (module, alias, weight): "import numpy as np" is the post's code example.
ALIASED_IMPORTS: tuple[tuple[str, str, int], ...] = (
    ("numpy", "np", 6),
    ("pandas", "pd", 3),
    ("matplotlib.pyplot", "plt", 2),
    ("torch.nn", "nn", 1),
)
PLAIN_IMPORTS: tuple[str, ...] = ("os", "sys", "json", "math", "torch")
FROM_IMPORTS: tuple[str, ...] = (
    "from numpy import array",
    "from numpy import zeros",
    "from numpy import linspace",
    "from collections import Counter",
    "from pandas import DataFrame",
)
USAGE_TEMPLATE = "{var} = np.{fn}({n})"
USAGE_SLOTS = {"var": ("x", "y", "z"), "fn": ("zeros", "ones", "arange"), "n": ("3", "5", "10")}

# Share of each line family; the rest are code lines.
P_PLACE, P_SKY = 0.6, 0.12

DEFAULT_SEED = 0
DEFAULT_LINES = 1200


def _place_line(rng: random.Random) -> str:
    city = rng.choice(sorted(PLACES))
    return rng.choice(PLACE_TEMPLATES).format(city=city, place=rng.choice(PLACES[city]))


def _sky_line(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return rng.choice(SKY_LINES)
    return rng.choice(SKY_CITY_TEMPLATES).format(city=rng.choice(sorted(PLACES)))


def _code_line(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        module, alias, _ = rng.choices(ALIASED_IMPORTS, weights=[w for *_, w in ALIASED_IMPORTS])[0]
        return f"import {module} as {alias}"
    if kind < 0.65:
        return f"import {rng.choice(PLAIN_IMPORTS)}"
    if kind < 0.85:
        return rng.choice(FROM_IMPORTS)
    return USAGE_TEMPLATE.format(**{k: rng.choice(v) for k, v in USAGE_SLOTS.items()})


def generate_corpus(seed: int = DEFAULT_SEED, n_lines: int = DEFAULT_LINES) -> list[str]:
    """Return ``n_lines`` corpus lines drawn reproducibly from the templates."""
    if n_lines < 1:
        raise ValueError(f"n_lines must be positive, got {n_lines}")
    # random.Random (not numpy) because its choice/random streams are stable
    # across Python versions, so the shipped file stays reproducible.
    rng = random.Random(seed)
    lines = []
    for _ in range(n_lines):
        u = rng.random()
        if u < P_PLACE:
            lines.append(_place_line(rng))
        elif u < P_PLACE + P_SKY:
            lines.append(_sky_line(rng))
        else:
            lines.append(_code_line(rng))
    return lines


def corpus_path() -> Path:
    """Location of the shipped corpus file."""
    return Path(__file__).resolve().parents[2] / "assets" / "healing" / "corpus.txt"


def load_corpus(path: Path | None = None) -> list[str]:
    """Read the shipped corpus (one sentence per line)."""
    path = corpus_path() if path is None else Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; run `python -m explorer.healing.corpus`")
    return path.read_text(encoding="utf-8").splitlines()


def write_corpus(path: Path | None = None, seed: int = DEFAULT_SEED, n_lines: int = DEFAULT_LINES) -> Path:
    """Generate the corpus and write it to ``path`` (default: the shipped location)."""
    path = corpus_path() if path is None else Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(generate_corpus(seed, n_lines)) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else None)}")
