<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TopkTab</name>
    <message>
        <source>post&apos;s recursion</source>
        <translation>原文递归</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Laplace (二者兼之)</source>
        <translation>Laplace（二者兼之）</translation>
    </message>
    <message>
        <source>clip (capped simplex)</source>
        <translation>clip（截顶单纯形）</translation>
    </message>
    <message>
        <source>iterative</source>
        <translation>迭代构造</translation>
    </message>
    <message>
        <source>weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Gumbel (200 samples)</source>
        <translation>Gumbel（200 个样本）</translation>
    </message>
    <message>
        <source>enter the scores as numbers separated by commas, e.g. 3, 2, 1, 4</source>
        <translation>请输入以逗号分隔的数，例如 3, 2, 1, 4</translation>
    </message>
    <message>
        <source>entry {index} is empty: separate the numbers by single commas</source>
        <translation>第 {index} 项为空：数与数之间只用一个逗号分隔</translation>
    </message>
    <message>
        <source>entry {index} ({item}) is not a number</source>
        <translation>第 {index} 项（{item}）不是数</translation>
    </message>
    <message>
        <source>entry {index} is {item}: scores must be finite numbers</source>
        <translation>第 {index} 项为 {item}：分数必须是有限的数</translation>
    </message>
    <message>
        <source>entry {index} = {item} is too large: keep every |x| ≤ 1e6</source>
        <translation>第 {index} 项 = {item} 过大：每个 |x| 须 ≤ 1e6</translation>
    </message>
    <message>
        <source>enter at least two scores: top-k of one number is trivial</source>
        <translation>请至少输入两个分数：一个数的 Top-k 没有意义</translation>
    </message>
    <message>
        <source>{count} scores: at most {most} (use the random input for large n)</source>
        <translation>{count} 个分数：最多 {most} 个（大的 n 请用随机输入）</translation>
    </message>
    <message>
        <source>ranks {first}–{last} of {n}, largest first</source>
        <translation>第 {first}–{last} 名（共 {n} 个，从大到小）</translation>
    </message>
    <message>
        <source>GradTopK&apos;s Jacobian costs O(n²k) per τ: not drawn at n = {n}, k = {k}.
Choose a threshold method as focus to see its Jacobian.</source>
        <translation>GradTopK 的雅可比矩阵每个 τ 需 O(n²k)：
n = {n}、k = {k} 时不绘制。
聚焦阈值方法可查看其雅可比矩阵。</translation>
    </message>
    <message>
        <source>τ sweep: {method}</source>
        <translation>τ 扫描：{method}</translation>
    </message>
    <message>
        <source>Su&apos;s example, hard mask [1, 0, 0, 1]. GradTopK gives exactly σ(2) to 4 and σ(−2) to 1 (0.694 / 0.306 to 3 / 2); the sigmoid threshold is λ = 2.5.</source>
        <translation>原文的例子，硬掩码为 [1, 0, 0, 1]。GradTopK 给 4 的恰为 σ(2)，给 1 的恰为 σ(−2)（给 3 / 2 的是 0.694 / 0.306）；Sigmoid 阈值为 λ = 2.5。</translation>
    </message>
    <message>
        <source>Two entries tie for the k-th place: hard_topk gives the slot to the lower index, every smooth method gives both the same value.</source>
        <translation>两个分量并列第 k 名：hard_topk 把名额给下标小的那个，各光滑方法则给两者相同的值。</translation>
    </message>
    <message>
        <source>The post&apos;s recursion needs 1 − softmax = [1, 1.9e-22] but float64 gives [1, 0], so it returns [2, 0]; the exact answer (k = n) is [1, 1], which the log-space DP returns.</source>
        <translation>原文递归需要 1 − softmax = [1, 1.9e-22]，但 float64 算出 [1, 0]，于是返回 [2, 0]；精确答案（k = n）是 [1, 1]，对数空间的 DP 给出的正是它。</translation>
    </message>
    <message>
        <source>Moderate scores, yet the post&apos;s recursion returns NaN: by step 7 rounding has pushed an entry of ST_{j-1} above 1, and log(1 − ST_{j-1}) is undefined. The log-space DP is exact.</source>
        <translation>分数并不极端，原文递归却返回 NaN：到第 7 步，舍入误差已把 ST_{j-1} 的某个分量推到 1 以上，log(1 − ST_{j-1}) 无定义。对数空间的 DP 是精确的。</translation>
    </message>
    <message>
        <source>Successive softmax gives 1.33 to the top entry: once picked it keeps weight ≈ the others&apos; mass and is picked again. As τ → 0 it tends to [1.5, 0.5, 0], not the hard mask.</source>
        <translation>逐次 Softmax 给最大的分量 1.33：它被选中后仍保有约等于其余分量之和的权重，于是再次被选中。τ → 0 时趋于 [1.5, 0.5, 0]，而不是硬掩码。</translation>
    </message>
    <message>
        <source>Capacity-weighted softmax: 1.29 for 3 (above 1), and 0.714 for 2 above 0.695 for 4 (order lost).</source>
        <translation>按容量加权的 Softmax：3 得 1.29（超过 1），2 得 0.714，反而高于 4 的 0.695（不保序）。</translation>
    </message>
    <message>
        <source>randn·30: gaps of tens of units per τ; the log-space DP and closed forms stay exact.</source>
        <translation>randn·30：间隙达 τ 的数十倍；对数空间的 DP 与闭式解依然精确。</translation>
    </message>
    <message>
        <source>Standard normal scores, seed 0.</source>
        <translation>标准正态分数，种子为 0。</translation>
    </message>
    <message>
        <source>Post&apos;s example [3, 2, 1, 4], k = 2</source>
        <translation>原文的例子 [3, 2, 1, 4]，k = 2</translation>
    </message>
    <message>
        <source>A tie at the k-th place [3, 1, 1, 0]</source>
        <translation>第 k 名并列 [3, 1, 1, 0]</translation>
    </message>
    <message>
        <source>Iterative soft-k-max exceeds 1 [3, 1, 0]</source>
        <translation>迭代 soft-k-max 超过 1 [3, 1, 0]</translation>
    </message>
    <message>
        <source>Weighted softmax loses order, k = 3</source>
        <translation>加权 Softmax 不保序，k = 3</translation>
    </message>
    <message>
        <source>Post&apos;s recursion breaks on [0, 50]</source>
        <translation>原文递归在 [0, 50] 上失效</translation>
    </message>
    <message>
        <source>Post&apos;s recursion gives NaN, k = 7</source>
        <translation>原文递归得出 NaN，k = 7</translation>
    </message>
    <message>
        <source>Huge spread (normal × 30), k = 4</source>
        <translation>分数跨度极大（正态 × 30），k = 4</translation>
    </message>
    <message>
        <source>Random normal scores (n, seed)</source>
        <translation>随机正态分数（n、种子）</translation>
    </message>
    <message>
        <source>Standard normal scores, rounded to 3 decimals; set n and seed above. Beyond {shown} entries the bars, components and Jacobian show the {shown} ranks around the k-th place. At large n·k the slow methods are swept at every other τ, and GradTopK&apos;s Jacobian is skipped once n²·min(k, n − k) passes {budget}.</source>
        <translation>标准正态分数，保留 3 位小数；n 和种子在上方设置。超过 {shown} 个分量时，柱状图、分量曲线和雅可比矩阵只显示第 k 名附近的 {shown} 个。n·k 较大时，慢的方法隔一个 τ 点计算一次；n²·min(k, n − k) 超过 {budget} 时不计算 GradTopK 的雅可比矩阵。</translation>
    </message>
    <message>
        <source>scores x</source>
        <translation>分数 x</translation>
    </message>
    <message>
        <source>Scores separated by commas (2 to 1000 finite numbers)</source>
        <translation>以逗号分隔的分数（2 到 1000 个有限的数）</translation>
    </message>
    <message>
        <source>How many entries the mask keeps (1 to 50; a k above n is capped at n)</source>
        <translation>掩码保留的分量个数（1 到 50；k 大于 n 时按 n 计）</translation>
    </message>
    <message>
        <source>temperature τ</source>
        <translation>温度 τ</translation>
    </message>
    <message>
        <source>ST_k(x/τ): small τ approaches the hard mask, large τ gives k/n</source>
        <translation>ST_k(x/τ)：τ 小时趋于硬掩码，τ 大时趋于 k/n</translation>
    </message>
    <message>
        <source>methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Smooth top-k constructions to compare (bars, error curves, threshold curves, simplex paths)</source>
        <translation>参与比较的光滑 Top-k 构造（柱状图、误差曲线、阈值曲线、单纯形路径）</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>聚焦</translation>
    </message>
    <message>
        <source>Method whose components are drawn against τ and whose Jacobian is shown (and bisected, if it is a threshold method). Sigmoid and Sinkhorn are drawn together.</source>
        <translation>画出其各分量随 τ 的变化并显示其雅可比矩阵的方法（若是阈值方法，二分也针对它）。Sigmoid 与 Sinkhorn 画在一起。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Use the typed scores, or standard normal scores of size n</source>
        <translation>使用输入的分数，或 n 个标准正态分数</translation>
    </message>
    <message>
        <source>typed scores x</source>
        <translation>输入的分数 x</translation>
    </message>
    <message>
        <source>random normal (n, seed)</source>
        <translation>随机正态（n、种子）</translation>
    </message>
    <message>
        <source>random n</source>
        <translation>随机 n</translation>
    </message>
    <message>
        <source>Number of random scores (2 to 1000). Sweeps of the slow methods use fewer τ points at large n·k, and GradTopK&apos;s Jacobian is skipped when n²k is large.</source>
        <translation>随机分数的个数（2 到 1000）。n·k 较大时，慢的方法在较少的 τ 点上扫描；n²k 较大时不计算 GradTopK 的雅可比矩阵。</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the random scores</source>
        <translation>随机分数的种子</translation>
    </message>
    <message>
        <source>✓ ties</source>
        <translation>✓ 可并列</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>order</source>
        <translation>保序</translation>
    </message>
    <message>
        <source>Smooth top-k</source>
        <translation>Top-k 的光滑近似</translation>
    </message>
    <message>
        <source>&lt;p&gt;The hard top-k mask keeps the k largest scores. Su looks for a smooth $\mathrm{ST}_k(x/\tau)$ that tends to it as τ → 0 and keeps three properties: outputs in [0, 1]; they sum to k; a larger score gets a larger output.&lt;/p&gt;&lt;p&gt;&lt;b&gt;GradTopK&lt;/b&gt; differentiates the log of the sum over all k-subsets $S$:&lt;/p&gt;$$\mathrm{ST}_k=\nabla_x\log\sum_{|S|=k}e^{x_S}$$&lt;p&gt;Entry i is the probability that i is in a subset drawn ∝ $e^{x_S}$. The same $\tau\,\log Z_k(x/\tau)$ is a smooth top-k sum, never more than $\tau\,\log C(n,k)$ above the true one (top right).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Thresholds&lt;/b&gt; set $\mathrm{ST}_k=f((x_i-\lambda)/\tau)$ with λ solving&lt;/p&gt;$$F(\lambda)=\sum_i f\left(\frac{x_i-\lambda}{\tau}\right)=k$$&lt;p&gt;F falls monotonically, so bisection always finds λ (▶ below the plots). f is σ (Newton), min(1, eˣ), or the post&apos;s 二者兼之, a Laplace CDF with a closed-form λ that keeps strict order.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Temperature.&lt;/b&gt; As τ → ∞ every output tends to k/n along $k/n+c\,(x_i-\bar{x})/\tau$ (dashed). As τ → 0 the error to the mask falls like $e^{-\Delta/\tau}$ for GradTopK and min(1, eˣ) but like $e^{-\Delta/2\tau}$ for sigmoid and Laplace, whose λ sits mid-gap (Δ: the gap at the k-th place); the projection (clip) is exact once τ ≤ Δ.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Peers.&lt;/b&gt; clip projects onto the capped simplex; Sinkhorn transports the scores to two anchors, and its fixed point at ε = 2τ is exactly the sigmoid threshold (its ◆ markers sit on the sigmoid curves, except at small τ where 1000 iterations do not converge); Gumbel averages the hard mask of noisy scores; two successive-softmax schemes round it off.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Which property holds&lt;/b&gt; (float64; the strip above the plots re-checks them at the current τ):&lt;/p&gt;&lt;!-- properties --&gt;&lt;p&gt;&lt;b&gt;Checked claims.&lt;/b&gt; At [3, 2, 1, 4], k = 2, τ = 1 GradTopK gives [0.694, 0.306, σ(−2), σ(2)]: the entries for 1 and 4 are exactly σ(∓2). The post&apos;s recursion $\mathrm{ST}_j=j\,\mathrm{softmax}(x+\log(1-\mathrm{ST}_{j-1}))$ returns [2, 0] on [0, 50] and NaN on [0, …, 0, 10] with k = 7; the log-space recursion used here is exact. The iterative soft-k-max exceeds 1 ([3, 1, 0], k = 2 gives [1.33, 0.48, 0.19]) but keeps order; the weighted form exceeds 1 and loses order ([3, 2, 1, 4], k = 3). min(1, eˣ) breaks the duality $\mathrm{ST}_k(x)=1-\mathrm{ST}_{n-k}(-x)$ that the other thresholds and GradTopK keep. Each ✗ has a preset (“Post&apos;s recursion breaks on [0, 50]”, “… gives NaN”, “Iterative soft-k-max exceeds 1”, “Weighted softmax loses order”). The recursion, iterative and weighted forms are reconstructed from the post&apos;s description and may differ in detail from Su&apos;s.&lt;/p&gt;</source>
        <translation>&lt;p&gt;硬 Top-k 掩码保留最大的 k 个分数。苏剑林要找一个光滑的 $\mathrm{ST}_k(x/\tau)$，使它在 τ → 0 时趋于该掩码，并保持三条性质：各分量在 [0, 1] 内；总和为 k；分数越大，输出越大。&lt;/p&gt;&lt;p&gt;&lt;b&gt;GradTopK&lt;/b&gt; 对所有 k 元子集 $S$ 的指数和取对数，再对 x 求梯度：&lt;/p&gt;$$\mathrm{ST}_k=\nabla_x\log\sum_{|S|=k}e^{x_S}$$&lt;p&gt;第 i 个分量就是按 ∝ $e^{x_S}$ 抽取子集时 i 被选中的概率。同一个 $\tau\,\log Z_k(x/\tau)$ 还是 Top-k 之和的光滑近似，至多比真实值大 $\tau\,\log C(n,k)$（右上图）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;阈值法&lt;/b&gt;令 $\mathrm{ST}_k=f((x_i-\lambda)/\tau)$，其中 λ 满足&lt;/p&gt;$$F(\lambda)=\sum_i f\left(\frac{x_i-\lambda}{\tau}\right)=k$$&lt;p&gt;F 单调递减，所以二分法总能找到 λ（图下方的 ▶）。f 可取 σ（牛顿法求根）、min(1, eˣ)，或原文的“二者兼之”：一个 λ 有闭式解、且严格保序的 Laplace 分布函数。&lt;/p&gt;&lt;p&gt;&lt;b&gt;温度。&lt;/b&gt;τ → ∞ 时各输出沿 $k/n+c\,(x_i-\bar{x})/\tau$（虚线）趋于 k/n。τ → 0 时，GradTopK 与 min(1, eˣ) 到掩码的误差按 $e^{-\Delta/\tau}$ 衰减，而 Sigmoid 与 Laplace 的 λ 落在间隙正中，误差只按 $e^{-\Delta/2\tau}$ 衰减（Δ：第 k 名处的间隙）；投影（clip）在 τ ≤ Δ 后就与掩码完全相同。&lt;/p&gt;&lt;p&gt;&lt;b&gt;其他方案。&lt;/b&gt;clip 投影到截顶单纯形上；Sinkhorn 把分数最优传输到两个锚点，ε = 2τ 时其不动点恰为 Sigmoid 阈值（它的 ◆ 标记落在 Sigmoid 曲线上，只有 τ 很小时 1000 次迭代不足以收敛）；Gumbel 对加噪分数的硬掩码取平均；最后是两种逐次 Softmax 方案。&lt;/p&gt;&lt;p&gt;&lt;b&gt;各性质是否成立&lt;/b&gt;（float64；图上方的图例栏会在当前 τ 下重新检验）：&lt;/p&gt;&lt;!-- properties --&gt;&lt;p&gt;&lt;b&gt;验证过的结论。&lt;/b&gt;在 [3, 2, 1, 4]、k = 2、τ = 1 时，GradTopK 给出 [0.694, 0.306, σ(−2), σ(2)]：1 和 4 对应的分量恰为 σ(∓2)。原文递归 $\mathrm{ST}_j=j\,\mathrm{softmax}(x+\log(1-\mathrm{ST}_{j-1}))$ 在 [0, 50] 上返回 [2, 0]，在 k = 7 的 [0, …, 0, 10] 上返回 NaN；这里用的对数空间递归是精确的。迭代 soft-k-max 会超过 1（[3, 1, 0]、k = 2 给出 [1.33, 0.48, 0.19]），但保序；加权形式既超过 1 又不保序（[3, 2, 1, 4]、k = 3）。min(1, eˣ) 破坏了对偶性 $\mathrm{ST}_k(x)=1-\mathrm{ST}_{n-k}(-x)$，其余阈值法和 GradTopK 都保持它。每个 ✗ 都有对应的预设（“原文递归在 [0, 50] 上失效”“原文递归得出 NaN”“迭代 soft-k-max 超过 1”“加权 Softmax 不保序”）。递归、迭代和加权三种形式是根据原文的描述重构的，细节可能与原文有出入。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Drag τ from 1000 down to 0.001: the outputs leave k/n along their dashed asymptotes, and GradTopK and the thresholds end at the hard mask, at different rates (error plot). Sinkhorn stalls where its iterations stop converging.</source>
        <translation>把 τ 从 1000 拖到 0.001：输出沿虚线渐近线离开 k/n，GradTopK 和各阈值方法最终到达硬掩码，只是快慢不同（见误差图）。Sinkhorn 在迭代不再收敛处停滞。</translation>
    </message>
    <message>
        <source>Preset “Iterative soft-k-max exceeds 1”: its bar is flagged and its path leaves the capped simplex.</source>
        <translation>预设“迭代 soft-k-max 超过 1”：它的柱子被标出，路径也离开了截顶单纯形。</translation>
    </message>
    <message>
        <source>Preset “Post&apos;s recursion breaks on [0, 50]”: [2, 0] instead of [1, 1] for τ below about 1.4.</source>
        <translation>预设“原文递归在 [0, 50] 上失效”：τ 小于约 1.4 时得到 [2, 0] 而不是 [1, 1]。</translation>
    </message>
    <message>
        <source>Press Space: each bisection step halves the bracket around λ.</source>
        <translation>按空格键：每一步二分都把包含 λ 的区间减半。</translation>
    </message>
    <message>
        <source>Focus on the sigmoid threshold: the Sinkhorn markers sit on its curves until τ gets small.</source>
        <translation>聚焦 Sigmoid 阈值：τ 不太小时，Sinkhorn 的标记都落在它的曲线上。</translation>
    </message>
    <message>
        <source>Random input with n = 1000: sweeps are cached, so dragging τ stays smooth.</source>
        <translation>随机输入、n = 1000：扫描结果有缓存，拖动 τ 依然流畅。</translation>
    </message>
    <message>
        <source>Set the scores, k, τ = 1 and the methods to an example from the post</source>
        <translation>把分数、k、τ = 1 和方法设为原文中的例子</translation>
    </message>
    <message>
        <source>Custom scores</source>
        <translation>自定义分数</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>no method selected</source>
        <translation>未选择方法</translation>
    </message>
    <message>
        <source>Outputs at the current τ</source>
        <translation>当前 τ 下的输出</translation>
    </message>
    <message>
        <source>score xᵢ</source>
        <translation>分数 xᵢ</translation>
    </message>
    <message>
        <source>Components vs τ</source>
        <translation>各分量随 τ 的变化</translation>
    </message>
    <message>
        <source>τ   (dashed: asymptote)</source>
        <translation>τ   （虚线：渐近线）</translation>
    </message>
    <message>
        <source>Error to the hard mask</source>
        <translation>与硬掩码的误差</translation>
    </message>
    <message>
        <source>‖ST_k − hard‖₁</source>
        <translation>‖ST_k − 硬掩码‖₁</translation>
    </message>
    <message>
        <source>Threshold F(λ) = k</source>
        <translation>阈值方程 F(λ) = k</translation>
    </message>
    <message>
        <source>Smooth top-k sum</source>
        <translation>光滑的 Top-k 之和</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Jacobian</source>
        <translation>雅可比矩阵</translation>
    </message>
    <message>
        <source>Path in the capped simplex</source>
        <translation>截顶单纯形中的路径</translation>
    </message>
    <message>
        <source>Bisection on F(λ) = k, one halving of the bracket per frame</source>
        <translation>对 F(λ) = k 做二分，每帧把区间减半一次</translation>
    </message>
    <message>
        <source>Bisection</source>
        <translation>二分</translation>
    </message>
    <message>
        <source>true top-k sum</source>
        <translation>真实 Top-k 之和</translation>
    </message>
    <message>
        <source>hard mask</source>
        <translation>硬掩码</translation>
    </message>
    <message>
        <source>max {value} &amp;gt; 1</source>
        <translation>最大值 {value} &amp;gt; 1</translation>
    </message>
    <message>
        <source>min {value} &amp;lt; 0</source>
        <translation>最小值 {value} &amp;lt; 0</translation>
    </message>
    <message>
        <source>order lost</source>
        <translation>不保序</translation>
    </message>
    <message>
        <source>not converged in {count} iterations</source>
        <translation>{count} 次迭代后仍未收敛</translation>
    </message>
    <message>
        <source>k = {k} is more than the n = {n} scores: showing k = n = {n}, where every output is 1. Lower k.</source>
        <translation>k = {k} 超过了分数的个数 n = {n}：按 k = n = {n} 显示，此时每个输出都是 1。请调小 k。</translation>
    </message>
    <message>
        <source>Components: {method}</source>
        <translation>各分量：{method}</translation>
    </message>
    <message>
        <source>k = n: every output is 1,
the hard mask itself</source>
        <translation>k = n：每个输出都是 1，
就是硬掩码本身</translation>
    </message>
    <message>
        <source>k = n: λ runs off to −∞,
nothing to bisect</source>
        <translation>k = n：λ 趋于 −∞，
无需二分</translation>
    </message>
    <message>
        <source>step {step}: width {width}</source>
        <translation>第 {step} 步：区间宽 {width}</translation>
    </message>
    <message>
        <source>Jacobian: {method}</source>
        <translation>雅可比矩阵：{method}</translation>
    </message>
    <message>
        <source>Drawn for n = 3
(here n = {n}).
Try the preset
“Iterative soft-k-max
exceeds 1”.</source>
        <translation>只在 n = 3 时绘制
（当前 n = {n}）。
试试预设
“迭代 soft-k-max
超过 1”。</translation>
    </message>
</context>
</TS>
