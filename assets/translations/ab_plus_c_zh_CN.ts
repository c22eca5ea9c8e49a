<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AbcTab</name>
    <message>
        <source>130: naive fails</source>
        <translation>130：朴素解失效</translation>
    </message>
    <message>
        <source>a = b = 11 gives S = 31; the optimum 10·13 + 0 gives 23.</source>
        <translation>a = b = 11 得 S = 31；最优解 10·13 + 0 只要 23。</translation>
    </message>
    <message>
        <source>Algorithm 1&apos;s open interval (9, 12.7] skips a = 9: (9, 18, 0), S = 27.</source>
        <translation>算法 1 的左开区间 (9, 12.7] 跳过了 a = 9：(9, 18, 0)，S = 27。</translation>
    </message>
    <message>
        <source>Even the closed interval [9.03, 12.8] misses the optimum (9, 18, 1).</source>
        <translation>即便改成闭区间 [9.03, 12.8] 也会错过最优解 (9, 18, 1)。</translation>
    </message>
    <message>
        <source>Algorithm 1 skips a = 38 = sqrt(N/2): (38, 76, 0), S = 114.</source>
        <translation>算法 1 跳过了 a = 38 = sqrt(N/2)：(38, 76, 0)，S = 114。</translation>
    </message>
    <message>
        <source>The naive rule&apos;s worst below 3000: 53·55 + 0 beats 53·54 + 53 by 52.</source>
        <translation>3000 以内朴素规则最差的情形：53·55 + 0 比 53·54 + 53 少 52。</translation>
    </message>
    <message>
        <source>2879: hardest &lt; 3000</source>
        <translation>2879：3000 以内最难</translation>
    </message>
    <message>
        <source>Most p values examined by the early-stopping sweep below 3000 (14).</source>
        <translation>3000 以内提前终止扫描检查 p 值最多的 N（14 个）。</translation>
    </message>
    <message>
        <source>89743: hardest &lt; 10⁵</source>
        <translation>89743：10⁵ 以内最难</translation>
    </message>
    <message>
        <source>Most p values examined below 10⁵ (34).</source>
        <translation>10⁵ 以内检查 p 值最多的 N（34 个）。</translation>
    </message>
    <message>
        <source>12345² (square)</source>
        <translation>12345²（平方数）</translation>
    </message>
    <message>
        <source>A square: a = b = sqrt N, c = 0 meets the lower bound 2 sqrt N.</source>
        <translation>平方数：a = b = sqrt N，c = 0，恰好取到下界 2 sqrt N。</translation>
    </message>
    <message>
        <source>A scan over every a &lt;= sqrt N tries 3.2·10⁷ values; the p-sweep 222.</source>
        <translation>遍历所有 a &lt;= sqrt N 要试 3.2·10⁷ 个值；p 扫描只要 222 个。</translation>
    </message>
    <message>
        <source>A square again: the sweep stops at once.</source>
        <translation>又是平方数：扫描立即停止。</translation>
    </message>
    <message>
        <source>A typical N near 10¹⁸: 933 p values; 999471483·1000528920 + 652.</source>
        <translation>10¹⁸ 附近一个典型的 N：933 个 p 值；999471483·1000528920 + 652。</translation>
    </message>
    <message>
        <source>A Mersenne prime: no near-square ab equals N; 2798 p values.</source>
        <translation>梅森素数：没有接近平方的 ab 恰好等于 N；2798 个 p 值。</translation>
    </message>
    <message>
        <source>Far beyond 2⁶⁴, still exact: 1.5 million p values in numpy.</source>
        <translation>远超 2⁶⁴，依然精确：用 numpy 扫描 150 万个 p 值。</translation>
    </message>
    <message>
        <source>naive a = b = ⌊√N⌋</source>
        <translation>朴素解 a = b = ⌊√N⌋</translation>
    </message>
    <message>
        <source>Algorithm 1 (as published)</source>
        <translation>算法 1（原文）</translation>
    </message>
    <message>
        <source>Algorithm 1, fixed</source>
        <translation>算法 1（修正）</translation>
    </message>
    <message>
        <source>(x, y) parity split</source>
        <translation>(x, y) 按奇偶拆分</translation>
    </message>
    <message>
        <source>(p, q) whole window</source>
        <translation>(p, q) 完整窗口</translation>
    </message>
    <message>
        <source>(p, q) early stop</source>
        <translation>(p, q) 提前终止</translation>
    </message>
    <message>
        <source>naive</source>
        <translation>朴素</translation>
    </message>
    <message>
        <source>Algorithm 1</source>
        <translation>算法 1</translation>
    </message>
    <message>
        <source>Algorithm 1 fixed</source>
        <translation>算法 1 修正</translation>
    </message>
    <message>
        <source>(p, q) window</source>
        <translation>(p, q) 窗口</translation>
    </message>
    <message>
        <source>(a, b) landscape</source>
        <translation>(a, b) 代价地形</translation>
    </message>
    <message>
        <source>(p, q) and (x, y)</source>
        <translation>(p, q) 与 (x, y)</translation>
    </message>
    <message>
        <source>Over N: S* − 2√N and cost</source>
        <translation>遍历 N：S* − 2√N 与计算量</translation>
    </message>
    <message>
        <source>Algorithm 1 (√N)</source>
        <translation>算法 1 (√N)</translation>
    </message>
    <message>
        <source>(x, y) window</source>
        <translation>(x, y) 窗口</translation>
    </message>
    <message>
        <source>(p, q) window (N^¼)</source>
        <translation>(p, q) 窗口 (N^¼)</translation>
    </message>
    <message>
        <source>Any positive integer up to 10⁴², exact: 130, 1_000_003, 10^18, 1e15, 2**61-1. The slider below covers 1 … 10,000.</source>
        <translation>不超过 10⁴² 的任意正整数，精确计算：130、1_000_003、10^18、1e15、2**61-1。下方的滑块覆盖 1 … 10,000。</translation>
    </message>
    <message>
        <source>animated search</source>
        <translation>动画演示的搜索</translation>
    </message>
    <message>
        <source>The method whose candidates the animation reveals one by one</source>
        <translation>动画逐个展示其候选点的方法</translation>
    </message>
    <message>
        <source>landscape half-width</source>
        <translation>地形图半宽</translation>
    </message>
    <message>
        <source>The (a, b) landscape shows a* ± this many columns and b* ± this many rows</source>
        <translation>(a, b) 地形图显示 a* 左右各这么多列、b* 上下各这么多行</translation>
    </message>
    <message>
        <source>level curves</source>
        <translation>等值线</translation>
    </message>
    <message>
        <source>Draw S = S* and S = S(naive) on the landscape: the hyperbolae (a − 1)(b − 1) = N + 1 − S</source>
        <translation>在地形图上画出 S = S* 与 S = S(naive) 两条等值线，即双曲线 (a − 1)(b − 1) = N + 1 − S</translation>
    </message>
    <message>
        <source>N in range</source>
        <translation>区间内 N 的个数</translation>
    </message>
    <message>
        <source>How many consecutive N the &apos;Over N&apos; page evaluates (centred on N, from 1 for small N)</source>
        <translation>“遍历 N”页计算多少个连续的 N（以当前 N 为中心；N 较小时从 1 开始）</translation>
    </message>
    <message>
        <source>N = ab + c</source>
        <translation>N = ab + c：a + b + c 的最小值</translation>
    </message>
    <message>
        <source>&lt;p&gt;Write a natural number as $N = ab + c$ and minimise $S = a + b + c$. With $c = N - ab$,&lt;/p&gt;$$S = N + 1 - (a-1)(b-1)$$&lt;p&gt;so $(a-1)(b-1)$ must be as large as $ab \leq N$ allows. The obvious $a = b = \lfloor\sqrt{N}\rfloor$ is &lt;b&gt;not&lt;/b&gt; always best: $130 = 11\cdot 11 + 9$ costs 31, but $130 = 10\cdot 13$ costs 23.&lt;/p&gt;&lt;p&gt;For fixed $a$ the best $b$ is $\lfloor N/a\rfloor$ (the staircase). &lt;b&gt;Algorithm 1&lt;/b&gt; scans $a \in (\sqrt{N/2}, \sqrt{N}]$, $O(\sqrt{N})$ candidates; as published it fails at 31 values of N (162 = 2·9²: the optimum 9·18 sits exactly at $a = \sqrt{N/2}$).&lt;/p&gt;&lt;p&gt;With $p = a + b$, $q = b - a$ (equal parity) the cost is&lt;/p&gt;$$4S = 4N + 4 + q^2 - (p-2)^2$$&lt;p&gt;For each $p$ the best $q$ is the least with $q^2 \geq p^2 - 4N$. The post&apos;s window $p \leq 2\sqrt{N} + 2 + \sqrt{1 + 4\sqrt{N}}$ has $O(N^{1/4})$ columns; and since $S \geq p$, the sweep may &lt;b&gt;stop&lt;/b&gt; once $p$ exceeds the best $S$ found: about $N^{1/6}$ columns in practice. The (x, y) form is the same search with $x = p/2$, $y = q/2$, integer and half-integer lattices.&lt;/p&gt;&lt;p&gt;The optimum lies in the band&lt;/p&gt;$$S^* \geq \lceil 2\sqrt{N}\,\rceil$$$$S^* \leq 2\sqrt{N} + 2 + \sqrt{1 + 4\sqrt{N}}$$&lt;p&gt;(the lower bound needs N ≥ 4; for N ≤ 3 the best is $0\cdot 0 + N$). The post&apos;s equation (1) is off by one: $N - (\sqrt{ab} - 1)^2 + (\sqrt{a} - \sqrt{b})^2$ misses a $+1$.&lt;/p&gt;&lt;p&gt;Large N: the plots are windowed around the optimum and their axes are offsets such as $a - a^*$, with the origin in the axis label (rounded from $10^{12}$ on; the badges above give the optimum exactly).&lt;/p&gt;</source>
        <translation>&lt;p&gt;把自然数写成 $N = ab + c$，求 $S = a + b + c$ 的最小值。由 $c = N - ab$ 得&lt;/p&gt;$$S = N + 1 - (a-1)(b-1)$$&lt;p&gt;所以要在 $ab \leq N$ 的前提下让 $(a-1)(b-1)$ 尽可能大。直觉上的 $a = b = \lfloor\sqrt{N}\rfloor$ &lt;b&gt;并不&lt;/b&gt;总是最优：$130 = 11\cdot 11 + 9$ 的代价是 31，而 $130 = 10\cdot 13$ 只要 23。&lt;/p&gt;&lt;p&gt;固定 $a$ 时最优的 $b$ 是 $\lfloor N/a\rfloor$（阶梯）。&lt;b&gt;算法 1&lt;/b&gt; 遍历 $a \in (\sqrt{N/2}, \sqrt{N}]$，共 $O(\sqrt{N})$ 个候选；按原文的写法，它在 31 个 N 上出错（162 = 2·9²：最优解 9·18 恰好位于 $a = \sqrt{N/2}$）。&lt;/p&gt;&lt;p&gt;令 $p = a + b$，$q = b - a$（两者奇偶性相同），代价变为&lt;/p&gt;$$4S = 4N + 4 + q^2 - (p-2)^2$$&lt;p&gt;对每个 $p$，最优的 $q$ 是满足 $q^2 \geq p^2 - 4N$ 的最小者。原文的窗口 $p \leq 2\sqrt{N} + 2 + \sqrt{1 + 4\sqrt{N}}$ 有 $O(N^{1/4})$ 列；又因为 $S \geq p$，一旦 $p$ 超过已找到的最小 $S$，扫描就可以&lt;b&gt;提前终止&lt;/b&gt;：实际只需约 $N^{1/6}$ 列。(x, y) 形式是同一个搜索：$x = p/2$，$y = q/2$，分别落在整数格点与半整数格点上。&lt;/p&gt;&lt;p&gt;最优值位于如下区间带内：&lt;/p&gt;$$S^* \geq \lceil 2\sqrt{N}\,\rceil$$$$S^* \leq 2\sqrt{N} + 2 + \sqrt{1 + 4\sqrt{N}}$$&lt;p&gt;（下界要求 N ≥ 4；N ≤ 3 时最优解是 $0\cdot 0 + N$。）原文的式 (1) 差了 1：$N - (\sqrt{ab} - 1)^2 + (\sqrt{a} - \sqrt{b})^2$ 少了一个 $+1$。&lt;/p&gt;&lt;p&gt;N 很大时，各图只显示最优解附近的窗口，坐标轴是 $a - a^*$ 这样的偏移量，原点写在轴标签里（从 $10^{12}$ 起取近似值；上方的徽章给出精确的最优解）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>N = 130: the naive point (11, 11) sits on a lower level curve than the optimum (10, 13).</source>
        <translation>N = 130：朴素点 (11, 11) 所在的等值线比最优点 (10, 13) 的更低。</translation>
    </message>
    <message>
        <source>Preset 162: Algorithm 1&apos;s shaded interval starts just right of a = 9 and misses the optimum; its trace ends at S* + 1.</source>
        <translation>预设 162：算法 1 的阴影区间从 a = 9 稍右处开始，错过了最优解；它的搜索轨迹停在 S* + 1。</translation>
    </message>
    <message>
        <source>Preset 2879 with (p, q) early stop: step through 14 columns; the sweep stops where p passes S*.</source>
        <translation>预设 2879 配合 (p, q) 提前终止：单步走过 14 列；p 越过 S* 处扫描即停止。</translation>
    </message>
    <message>
        <source>Drag the N slider: the naive badge flips between ✓ and ✗.</source>
        <translation>拖动 N 滑块：朴素解的标记在 ✓ 与 ✗ 之间来回切换。</translation>
    </message>
    <message>
        <source>10¹⁸ + 123456789012 on the (p, q) page: 933 columns instead of 63,249 or 292 million.</source>
        <translation>在 (p, q) 页看 10¹⁸ + 123456789012：只需 933 列，而不是 63,249 列或 2.92 亿个候选。</translation>
    </message>
    <message>
        <source>Over N with 10⁶ values: S* − 2√N stays inside the band; the naive rule drifts far above it.</source>
        <translation>遍历 10⁶ 个 N：S* − 2√N 始终落在区间带内；朴素规则则远远高出。</translation>
    </message>
    <message>
        <source>small N</source>
        <translation>小 N</translation>
    </message>
    <message>
        <source>N from 1 to {maximum}; arrows step by 1. Larger N: type it above.</source>
        <translation>N 从 1 到 {maximum}；方向键每次加减 1。更大的 N 请在上方输入。</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Interesting N from the post and the model&apos;s checks</source>
        <translation>原文中以及模型检验中值得一看的 N</translation>
    </message>
    <message>
        <source>Over N (a longer job)</source>
        <translation>遍历 N（耗时较长）</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Evaluate S*(N) for the whole range now</source>
        <translation>立即计算整个区间上的 S*(N)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the range computation</source>
        <translation>停止区间计算</translation>
    </message>
    <message>
        <source>Open the &apos;Over N&apos; page to evaluate the range.</source>
        <translation>打开“遍历 N”页来计算该区间。</translation>
    </message>
    <message>
        <source>Candidates each method examines for this N, exactly (closed forms)</source>
        <translation>各方法对当前 N 检查的候选数（闭式精确计数）</translation>
    </message>
    <message>
        <source>Is the naive rule a = b = ⌊√N⌋ (or b = a + 1 when that fits) optimal?</source>
        <translation>朴素规则 a = b = ⌊√N⌋（可行时取 b = a + 1）是否最优？</translation>
    </message>
    <message>
        <source>Is Algorithm 1 with the post&apos;s open interval (√(N/2), √N] optimal?</source>
        <translation>按原文左开区间 (√(N/2), √N] 执行的算法 1 是否最优？</translation>
    </message>
    <message>
        <source>The animated search&apos;s answer</source>
        <translation>动画演示的搜索给出的答案</translation>
    </message>
    <message>
        <source>Cost S − S* on the (a, b) grid</source>
        <translation>(a, b) 网格上的代价 S − S*</translation>
    </message>
    <message>
        <source>S = S* level</source>
        <translation>S = S* 等值线</translation>
    </message>
    <message>
        <source>S = S(naive) level</source>
        <translation>S = S(naive) 等值线</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>naive ⌊√N⌋</source>
        <translation>朴素 ⌊√N⌋</translation>
    </message>
    <message>
        <source>optimum</source>
        <translation>最优解</translation>
    </message>
    <message>
        <source>S(a) − S*, b = ⌊N/a⌋ (shaded: Algorithm 1)</source>
        <translation>S(a) − S*，b = ⌊N/a⌋（阴影：算法 1）</translation>
    </message>
    <message>
        <source>envelopes</source>
        <translation>包络</translation>
    </message>
    <message>
        <source>Search trace</source>
        <translation>搜索轨迹</translation>
    </message>
    <message>
        <source>candidate #</source>
        <translation>候选序号</translation>
    </message>
    <message>
        <source>each candidate</source>
        <translation>每个候选</translation>
    </message>
    <message>
        <source>best so far</source>
        <translation>当前最优</translation>
    </message>
    <message>
        <source>S − S* on the (p, q) lattice</source>
        <translation>(p, q) 格点上的 S − S*</translation>
    </message>
    <message>
        <source>best q per p</source>
        <translation>每个 p 的最优 q</translation>
    </message>
    <message>
        <source>Best S per column p</source>
        <translation>每列 p 的最优 S</translation>
    </message>
    <message>
        <source>p even (x integer)</source>
        <translation>p 为偶数（x 为整数）</translation>
    </message>
    <message>
        <source>p odd</source>
        <translation>p 为奇数</translation>
    </message>
    <message>
        <source>(x, y) lattices: a = x − y, b = x + y</source>
        <translation>(x, y) 格点：a = x − y，b = x + y</translation>
    </message>
    <message>
        <source>x integer</source>
        <translation>x 为整数</translation>
    </message>
    <message>
        <source>x half-integer</source>
        <translation>x 为半整数</translation>
    </message>
    <message>
        <source>step 2 points</source>
        <translation>第 2 步的点</translation>
    </message>
    <message>
        <source>S*(N) − 2√N over a range of N</source>
        <translation>一段 N 上的 S*(N) − 2√N</translation>
    </message>
    <message>
        <source>bounds ⌈2√N⌉ and 2 + √(1 + 4√N)</source>
        <translation>上下界 ⌈2√N⌉ 与 2 + √(1 + 4√N)</translation>
    </message>
    <message>
        <source>Naive rule&apos;s excess S(naive) − S*</source>
        <translation>朴素规则多出的代价 S(naive) − S*</translation>
    </message>
    <message>
        <source>Candidates examined: the race</source>
        <translation>检查的候选数：复杂度竞赛</translation>
    </message>
    <message>
        <source>candidates</source>
        <comment>axis: how many</comment>
        <translation>候选数</translation>
    </message>
    <message>
        <source>({count} optima)</source>
        <translation>（{count} 个最优解）</translation>
    </message>
    <message>
        <source>naive ⌊√N⌋: {triple}, {cost}  {verdict}</source>
        <translation>朴素 ⌊√N⌋：{triple}，{cost}  {verdict}</translation>
    </message>
    <message>
        <source>Algorithm 1 as published: {verdict} (every N ≥ {safe} is)</source>
        <translation>原文算法 1：{verdict}（N ≥ {safe} 时总是最优）</translation>
    </message>
    <message>
        <source>Algorithm 1 as published: ✗ no answer, (√(N/2), √N] holds no integer</source>
        <translation>原文算法 1：✗ 无解，(√(N/2), √N] 内没有整数</translation>
    </message>
    <message>
        <source>Algorithm 1 as published: {triple}, {cost}  {verdict}</source>
        <translation>原文算法 1：{triple}，{cost}  {verdict}</translation>
    </message>
    <message>
        <source>{method}: {count} candidates, too many to animate (limit {limit})</source>
        <translation>{method}：{count} 个候选，太多无法动画演示（上限 {limit}）</translation>
    </message>
    <message>
        <source>{method}: ✗ no answer</source>
        <translation>{method}：✗ 无解</translation>
    </message>
    <message>
        <source>Candidates examined: {counts}</source>
        <translation>检查的候选数：{counts}</translation>
    </message>
    <message>
        <source>✓ optimal</source>
        <translation>✓ 最优</translation>
    </message>
    <message>
        <source>✗ not optimal</source>
        <translation>✗ 非最优</translation>
    </message>
    <message>
        <source>naive: {cost}</source>
        <translation>朴素：{cost}</translation>
    </message>
    <message>
        <source>some optima lie outside the window</source>
        <translation>部分最优解在窗口之外</translation>
    </message>
    <message>
        <source>naive point off the window:
({x}, {y})</source>
        <translation>朴素点在窗口之外：
({x}, {y})</translation>
    </message>
    <message>
        <source>naive a: {offset}</source>
        <translation>朴素 a：{offset}</translation>
    </message>
    <message>
        <source>zoomed on the optimum</source>
        <translation>已放大到最优解附近</translation>
    </message>
    <message>
        <source>shaded: the post&apos;s x-window</source>
        <translation>阴影：原文的 x 窗口</translation>
    </message>
    <message>
        <source>The scene&apos;s frame {frame} is past the end of this search (frames 0 to {last}): the last is shown.</source>
        <translation>场景中的帧 {frame} 超出了这次搜索的范围（帧 0 到 {last}）：显示最后一帧。</translation>
    </message>
    <message>
        <source>Search trace: {verdict}</source>
        <translation>搜索轨迹：{verdict}</translation>
    </message>
    <message>
        <source>{count} candidates: not traced</source>
        <translation>{count} 个候选：未记录轨迹</translation>
    </message>
    <message>
        <source>no candidates to examine</source>
        <translation>没有可检查的候选</translation>
    </message>
    <message>
        <source>press Play or Step</source>
        <translation>按“播放”或“单步”</translation>
    </message>
    <message>
        <source>found S*</source>
        <translation>已找到 S*</translation>
    </message>
    <message>
        <source>best S* + {excess}</source>
        <translation>当前最优 S* + {excess}</translation>
    </message>
    <message>
        <source>S* at a = b = 0, past the candidates</source>
        <translation>S* 在 a = b = 0 处，不在候选之中</translation>
    </message>
    <message>
        <source>{shown} / {total}, {state}</source>
        <translation>{shown} / {total}，{state}</translation>
    </message>
    <message>
        <source>race up to N ≈ 10^{exponent}</source>
        <translation>竞赛进行到 N ≈ 10^{exponent}</translation>
    </message>
    <message>
        <source>{count} exact sweeps near N = {n} take a while: press Compute (Cancel stops it).</source>
        <translation>N = {n} 附近的 {count} 次精确扫描需要一段时间：请按“计算”（“取消”可中止）。</translation>
    </message>
    <message>
        <source>Evaluating {count} values of N …</source>
        <translation>正在计算 {count} 个 N …</translation>
    </message>
    <message>
        <source>Cancelled: press Compute to evaluate the range.</source>
        <translation>已取消：按“计算”来计算该区间。</translation>
    </message>
    <message>
        <source>Done: {count} values of N.</source>
        <translation>完成：{count} 个 N。</translation>
    </message>
    <message>
        <source>inside the band</source>
        <translation>落在区间带内</translation>
    </message>
    <message>
        <source>OUTSIDE the band somewhere</source>
        <translation>在某处超出了区间带</translation>
    </message>
    <message>
        <source> for N ≥ 4</source>
        <translation>（N ≥ 4）</translation>
    </message>
    <message>
        <source>; upper bound up to {bound}, off the top</source>
        <translation>；上界最高到 {bound}，超出图顶</translation>
    </message>
    <message>
        <source>S* − 2√N {inside}{low}{cut}
largest {value} at N = {n}</source>
        <translation>S* − 2√N {inside}{low}{cut}
最大值 {value}，在 N = {n} 处</translation>
    </message>
    <message>
        <source>not optimal for {percent}% of these N
worst S* + {excess} at N = {n}</source>
        <translation>其中 {percent}% 的 N 不是最优
最差 S* + {excess}，在 N = {n} 处</translation>
    </message>
    <message>
        <source>Range failed: {message}</source>
        <translation>区间计算失败：{message}</translation>
    </message>
    <message>
        <source>N = {n} is beyond the slider.</source>
        <translation>N = {n} 超出了滑块范围。</translation>
    </message>
    <message>
        <source>S − S*  (log scale)</source>
        <translation>S − S*（对数刻度）</translation>
    </message>
    <message>
        <source>stop: S*</source>
        <translation>停止：S*</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>上界</translation>
    </message>
</context>
</TS>
