<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lesson</name>
    <message>
        <source>N = ab + c: the least a + b + c</source>
        <translation>N = ab + c：a + b + c 的最小值</translation>
    </message>
    <message>
        <source>The naive answer</source>
        <translation>朴素的答案</translation>
    </message>
    <message>
        <source>S = N + 1 − (a − 1)(b − 1): make ab as large as N allows with a ≈ b ≈ √N. For N = 111 that works: 10·11 + 1 costs S = 22, and the star (the optimum) sits on the naive point.</source>
        <translation>S = N + 1 − (a − 1)(b − 1)：取 a ≈ b ≈ √N，让 ab 在不超过 N 的前提下尽量大。N = 111 时这样做是对的：10·11 + 1 的代价 S = 22，星号（最优解）正落在朴素点上。</translation>
    </message>
    <message>
        <source>The counterexample 130</source>
        <translation>反例 130</translation>
    </message>
    <message>
        <source>N = 130: the naive 11·11 + 9 costs 31, yet 10·13 + 0 costs only 23. Its level curve (a − 1)(b − 1) = N + 1 − S lies further out: an unbalanced a, b with c = 0 wins.</source>
        <translation>N = 130：朴素的 11·11 + 9 代价为 31，而 10·13 + 0 只要 23。它的等值线 (a − 1)(b − 1) = N + 1 − S 更靠外：不平衡的 a、b 配上 c = 0 反而胜出。</translation>
    </message>
    <message>
        <source>The sawtooth</source>
        <translation>锯齿</translation>
    </message>
    <message>
        <source>With b = ⌊N/a⌋, S(a) jumps up and down between its envelopes (top right), so no local rule finds the minimum. Algorithm 1 scans every a in (√(N/2), √N], the shaded band: O(√N) candidates.</source>
        <translation>取 b = ⌊N/a⌋ 后，S(a) 在上下包络之间来回跳动（右上图），任何局部规则都找不到最小值。算法 1 遍历阴影带 (√(N/2), √N] 中的每个 a：O(√N) 个候选。</translation>
    </message>
    <message>
        <source>An open interval too many</source>
        <translation>多了一个开区间</translation>
    </message>
    <message>
        <source>N = 162 = 2·9²: the optimum 9·18 + 0 sits exactly at a = √(N/2), just outside the post&apos;s open interval. Algorithm 1 as published ends at S* + 1; it fails at 31 values of N.</source>
        <translation>N = 162 = 2·9²：最优解 9·18 + 0 恰好位于 a = √(N/2)，刚好落在原文的开区间之外。原文的算法 1 停在 S* + 1；它在 31 个 N 上出错。</translation>
    </message>
    <message>
        <source>The new parameterisation</source>
        <translation>新的参数化</translation>
    </message>
    <message>
        <source>With p = a + b, q = b − a: 4S = 4N + 4 + q² − (p − 2)². Each column p takes the least q above the edge q² = p² − 4N; the post&apos;s window has O(N^¼) columns.</source>
        <translation>令 p = a + b，q = b − a：4S = 4N + 4 + q² − (p − 2)²。每列 p 取边界 q² = p² − 4N 之上最小的 q；原文的窗口共有 O(N^¼) 列。</translation>
    </message>
    <message>
        <source>The early stop</source>
        <translation>提前终止</translation>
    </message>
    <message>
        <source>Since S ≥ p, the sweep stops once p passes the best S found. Near 10¹⁸ that is 933 columns instead of the window&apos;s 63,249, about N^(1/6).</source>
        <translation>由于 S ≥ p，一旦 p 越过已找到的最小 S，扫描即可停止。在 10¹⁸ 附近只需 933 列，而窗口有 63,249 列；约为 N^(1/6)。</translation>
    </message>
    <message>
        <source>The complexity race</source>
        <translation>复杂度竞赛</translation>
    </message>
    <message>
        <source>Candidates examined as N grows (bottom right): √N for Algorithm 1, N^¼ for the window, about N^(1/6) with the early stop. Above: S* − 2√N stays inside the proven band.</source>
        <translation>随 N 增长检查的候选数（右下图）：算法 1 为 √N，窗口为 N^¼，提前终止约为 N^(1/6)。上图：S* − 2√N 始终落在已证明的区间带内。</translation>
    </message>
</context>
</TS>
