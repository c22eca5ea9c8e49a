<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lesson</name>
    <message>
        <source>Token healing: continuing a prompt that ends mid-token</source>
        <translation>Token 修复：续写一个止于 token 中间的提示</translation>
    </message>
    <message>
        <source>Characters: no problem, long sequences</source>
        <translation>单字词表：没有问题，但序列长</translation>
    </message>
    <message>
        <source>With single characters every prompt ends on a token boundary and healing changes nothing. But a token covers 1 character; right: curated words cover 2.9, BPE-400 6.1, so generation is faster.</source>
        <translation>用单字词表时，每个提示都止于 token 边界，修复不改变任何东西。但一个 token 只覆盖 1 个字符；右图：精选词平均覆盖 2.9 个，BPE-400 覆盖 6.1 个，生成因此更快。</translation>
    </message>
    <message>
        <source>A prompt that ends mid-word</source>
        <translation>止于词中间的提示</translation>
    </message>
    <message>
        <source>Top: the large vocabulary cuts 广州的白云 into 广州 / 的 / 白云. In training, 白云 before 机场 was always inside the one token 白云机场: the prompt ends where the model never saw a boundary (red bar).</source>
        <translation>顶部：大词表把“广州的白云”切成 广州 / 的 / 白云。训练时，机场 前面的 白云 总在 白云机场 这一个 token 里：提示止于模型从未见过边界的地方（红线）。</translation>
    </message>
    <message>
        <source>The plain continuation misreads it</source>
        <translation>直接续写会误解它</translation>
    </message>
    <message>
        <source>Left: after 广州 / 的 / 白云, 机场 and 山 get under 0.1%. Alone, 白云 means white clouds to the model: sampling writes 广州的白云像棉花; greedy decoding stopped at once.</source>
        <translation>左图：在 广州 / 的 / 白云 之后，机场 和 山 的概率都不到 0.1%。单独的 白云 对模型来说就是天上的白云：采样写出“广州的白云像棉花”；贪心解码则直接结束。</translation>
    </message>
    <message>
        <source>Token healing: back off, then re-cover</source>
        <translation>Token 修复：先回退，再重新覆盖</translation>
    </message>
    <message>
        <source>Back off 白云 and let the first new token start with it: only 白云山, 白云机场 and 白云 are left (middle, green), renormalised. Sampling from them gives 广州的白云机场在哪里.</source>
        <translation>回退 白云，并要求第一个新 token 以它开头：只剩 白云山、白云机场 和 白云（中图绿色），重新归一化。从中采样得到“广州的白云机场在哪里”。</translation>
    </message>
    <message>
        <source>Where the probability mass was</source>
        <translation>概率都去哪了</translation>
    </message>
    <message>
        <source>Soft healing with bias 0 is plain P(first | 广州 / 的). Tokens starting with 白云 hold 44.1% of it (top line), nearly all on 白云山 and 白云机场 (green): the mass sits on the big tokens.</source>
        <translation>偏置为 0 的软修复就是 P(首个 | 广州 / 的)。以 白云 开头的 token 占其中 44.1%（顶部一行），几乎全在 白云山 和 白云机场 上（绿色）：概率落在大 token 上。</translation>
    </message>
    <message>
        <source>The same in code: import numpy</source>
        <translation>代码中也一样：import numpy</translation>
    </message>
    <message>
        <source>BPE-400 cuts import numpy into four tokens that end inside the training token &apos;import numpy as np&apos;. Unhealed, the model writes import numpys; backing off all four, it writes import numpy as np.</source>
        <translation>BPE-400 把 import numpy 切成四个 token，止于训练 token“import numpy as np”内部。不修复时模型写出 import numpys；四个 token 全部回退后，它写出 import numpy as np。</translation>
    </message>
    <message>
        <source>The training-side remedy</source>
        <translation>训练端的对策</translation>
    </message>
    <message>
        <source>Post 9768: segment training text at random. Bottom right: at α = 0.2 one draw in five splits 白云机场 into 白云 / 机场, so the random-seg. LM learns 白云 → 机场 and needs no healing (its row in scenes 2–4 went on from 广州的白云 to 机场).</source>
        <translation>文章 9768：训练时随机分词。右下：α = 0.2 时，约五次抽样中有一次把 白云机场 切成 白云 / 机场，于是随机分词 LM 学到 白云 → 机场，无需修复（第 2–4 幕中它的那一行由 广州的白云 接上了 机场）。</translation>
    </message>
</context>
</TS>
