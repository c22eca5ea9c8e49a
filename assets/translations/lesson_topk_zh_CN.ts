<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lesson</name>
    <message>
        <source>Smooth approximations of top-k</source>
        <translation>Top-k 的光滑近似</translation>
    </message>
    <message>
        <source>The hard mask has no gradient</source>
        <translation>硬掩码没有梯度</translation>
    </message>
    <message>
        <source>At τ = 0.001 every relaxation is the hard top-2 mask [1, 0, 0, 1] of [3, 2, 1, 4]. The mask is piecewise constant, so its Jacobian (right) is zero: no gradient reaches the scores.</source>
        <translation>τ = 0.001 时，各种光滑近似都等于 [3, 2, 1, 4] 的硬 Top-2 掩码 [1, 0, 0, 1]。掩码是分段常数，所以雅可比矩阵（右）为零：没有梯度能传回分数。</translation>
    </message>
    <message>
        <source>Smooth relaxations at τ = 1</source>
        <translation>τ = 1 时的光滑近似</translation>
    </message>
    <message>
        <source>At τ = 1 each construction gives a vector with Σ = 2 (key above), smooth but for clip, which is already the hard mask: the gap Δ is 1, and clip is exact once τ ≤ Δ. GradTopK gives exactly σ(2) to 4 and σ(−2) to 1; the sigmoid threshold sits at λ = 2.5.</source>
        <translation>τ = 1 时，每种构造都给出一个 Σ = 2 的向量（见上方图例），除 clip 外都是光滑的：间隔 Δ 为 1，而 τ ≤ Δ 时 clip 已恰为硬掩码。GradTopK 给 4 的恰为 σ(2)，给 1 的恰为 σ(−2)；Sigmoid 阈值位于 λ = 2.5。</translation>
    </message>
    <message>
        <source>Cooling τ towards the hard mask</source>
        <translation>降低 τ，逼近硬掩码</translation>
    </message>
    <message>
        <source>As τ falls every output leaves k/n for 0 or 1 (top middle). The error plot shows the rates: e^(−Δ/τ) for GradTopK and min(1, eˣ), e^(−Δ/2τ) for sigmoid and Laplace; clip is exact once τ ≤ Δ.</source>
        <translation>τ 减小时，每个输出都从 k/n 走向 0 或 1（上中图）。误差图显示了速度：GradTopK 与 min(1, eˣ) 按 e^(−Δ/τ)，Sigmoid 与 Laplace 按 e^(−Δ/2τ)；clip 在 τ ≤ Δ 后精确等于掩码。</translation>
    </message>
    <message>
        <source>Σ = k, but not always within [0, 1]</source>
        <translation>Σ = k，但未必都在 [0, 1] 内</translation>
    </message>
    <message>
        <source>Every method keeps Σ = 2, but successive softmax gives 1.33 to the top score (flagged) and its path (bottom right) leaves the capped simplex, heading for [1.5, 0.5, 0] instead of the mask.</source>
        <translation>每种方法都保持 Σ = 2，但逐次 Softmax 给最大的分数 1.33（已标出），其路径（右下）也离开了截顶单纯形，趋向 [1.5, 0.5, 0] 而不是掩码。</translation>
    </message>
    <message>
        <source>Finding the threshold by bisection</source>
        <translation>用二分法求阈值</translation>
    </message>
    <message>
        <source>A threshold method needs λ with F(λ) = Σ f((xᵢ − λ)/τ) = k. F falls monotonically, so halving the bracket (shaded) always closes in on the root; step 2 of 24 is shown.</source>
        <translation>阈值法需要求 λ 使 F(λ) = Σ f((xᵢ − λ)/τ) = k。F 单调递减，所以不断把区间（阴影）减半总能逼近根；图中为 24 步中的第 2 步。</translation>
    </message>
    <message>
        <source>The Jacobian: where the gradient goes</source>
        <translation>雅可比矩阵：梯度流向哪里</translation>
    </message>
    <message>
        <source>GradTopK&apos;s Jacobian at τ = 0.3 is symmetric and its rows sum to zero (Σ = k whatever x). The gradient concentrates on the scores next to the k-th place, where the choice is still open.</source>
        <translation>τ = 0.3 时 GradTopK 的雅可比矩阵对称，且每行之和为零（无论 x 如何 Σ = k）。梯度集中在第 k 名附近的分数上，那里的取舍尚未确定。</translation>
    </message>
</context>
</TS>
