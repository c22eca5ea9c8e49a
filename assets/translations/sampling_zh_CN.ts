<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SamplingTab</name>
    <message>
        <source>Euler (1st order)</source>
        <translation>Euler（一阶）</translation>
    </message>
    <message>
        <source>DDIM, η = 0.5 (stochastic)</source>
        <translation>DDIM，η = 0.5（随机）</translation>
    </message>
    <message>
        <source>Heun (2nd order)</source>
        <translation>Heun（二阶）</translation>
    </message>
    <message>
        <source>DPM++(2M) (2nd order)</source>
        <translation>DPM++(2M)（二阶）</translation>
    </message>
    <message>
        <source>DDPM (ancestral)</source>
        <translation>DDPM（祖先采样）</translation>
    </message>
    <message>
        <source>Karras (EDM)</source>
        <translation>Karras（EDM）</translation>
    </message>
    <message>
        <source>VP linear (DDPM)</source>
        <translation>VP 线性（DDPM）</translation>
    </message>
    <message>
        <source>VP cosine</source>
        <translation>VP 余弦</translation>
    </message>
    <message>
        <source>enter ρ values separated by commas</source>
        <translation>请输入以逗号分隔的 ρ 值</translation>
    </message>
    <message>
        <source>ρ values must be numbers separated by commas</source>
        <translation>ρ 值须是以逗号分隔的数</translation>
    </message>
    <message>
        <source>ρ = {value} is outside [0, 2]</source>
        <translation>ρ = {value} 超出 [0, 2]</translation>
    </message>
    <message>
        <source>at most {limit} ρ values, got {count} (with ρ = 1)</source>
        <translation>最多 {limit} 个 ρ 值，现有 {count} 个（含 ρ = 1）</translation>
    </message>
    <message>
        <source>enter step counts separated by commas</source>
        <translation>请输入以逗号分隔的步数</translation>
    </message>
    <message>
        <source>step counts must be whole numbers separated by commas</source>
        <translation>步数须是以逗号分隔的整数</translation>
    </message>
    <message>
        <source>{value} steps is outside [1, 64]</source>
        <translation>{value} 步超出 [1, 64]</translation>
    </message>
    <message>
        <source>at most {limit} step counts, got {count}</source>
        <translation>最多 {limit} 个步数，现有 {count} 个</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The 2-D data distribution (a Gaussian mixture: its exact denoiser is known in closed form)</source>
        <translation>二维数据分布（高斯混合：它的精确去噪器有解析解）</translation>
    </message>
    <message>
        <source>ring of 8 Gaussians</source>
        <translation>8 个高斯组成的圆环</translation>
    </message>
    <message>
        <source>two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>one Gaussian</source>
        <translation>单个高斯</translation>
    </message>
    <message>
        <source>point mass</source>
        <translation>单点分布</translation>
    </message>
    <message>
        <source>solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <source>How the probability-flow ODE is integrated</source>
        <translation>概率流 ODE 的数值积分方法</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Solver steps N from σ = 80 to 0 (Heun evaluates D 2N − 1 times)</source>
        <translation>从 σ = 80 到 0 的求解步数 N（Heun 要调用 D 共 2N − 1 次）</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>噪声调度</translation>
    </message>
    <message>
        <source>How the N noise levels are spaced between σ = 80 and 0.002 (all schedules span the same range)</source>
        <translation>N 个噪声水平在 σ = 80 与 0.002 之间如何分布（各种调度的范围相同）</translation>
    </message>
    <message>
        <source>particles</source>
        <translation>粒子数</translation>
    </message>
    <message>
        <source>Number of particles drawn. The network denoiser uses at most 2000 (it costs ~20× the closed form)</source>
        <translation>采样的粒子数。网络去噪器最多用 2000 个（它的开销约为解析式的 20 倍）</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Seed of the starting noise (and of the stochastic solvers)</source>
        <translation>初始噪声（以及随机求解器）的随机种子</translation>
    </message>
    <message>
        <source>denoiser</source>
        <translation>去噪器</translation>
    </message>
    <message>
        <source>D(x, σ): the exact posterior mean E[x₀ | x], or the small trained MLP-UNet (whose skips ρ scales)</source>
        <translation>D(x, σ)：精确的后验均值 E[x₀ | x]，或训练好的小型 MLP-UNet（ρ 缩放的就是它的跳跃连接）</translation>
    </message>
    <message>
        <source>exact E[x₀ | x]</source>
        <translation>精确 E[x₀ | x]</translation>
    </message>
    <message>
        <source>trained network</source>
        <translation>训练好的网络</translation>
    </message>
    <message>
        <source>skip scale ρ</source>
        <translation>跳跃缩放 ρ</translation>
    </message>
    <message>
        <source>Skip-Tuning: the network&apos;s long skip connections are multiplied by ρ (1 = untuned). Acts on the trained network only.</source>
        <translation>Skip-Tuning：把网络的长跳跃连接乘以 ρ（1 = 不调整）。只作用于训练好的网络。</translation>
    </message>
    <message>
        <source>ρ across levels</source>
        <translation>ρ 的逐层分布</translation>
    </message>
    <message>
        <source>How the skip scale varies from the bottleneck (bottom) to the top level</source>
        <translation>跳跃缩放从瓶颈（底层）到顶层如何变化</translation>
    </message>
    <message>
        <source>1 at bottom → ρ at top</source>
        <translation>底层 1 → 顶层 ρ</translation>
    </message>
    <message>
        <source>ρ at bottom → 1 at top</source>
        <translation>底层 ρ → 顶层 1</translation>
    </message>
    <message>
        <source>ρ at every level</source>
        <translation>每层都是 ρ</translation>
    </message>
    <message>
        <source>coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>Scaled x/√(1+σ²) (the VP picture: noise is a unit blob) or the raw ODE variable x (the view zooms in as σ falls)</source>
        <translation>缩放的 x/√(1+σ²)（VP 视角：噪声是一团单位大小的点云）或 ODE 的原始变量 x（视野随 σ 减小而放大）</translation>
    </message>
    <message>
        <source>scaled x / √(1+σ²)</source>
        <translation>缩放 x / √(1+σ²)</translation>
    </message>
    <message>
        <source>raw x</source>
        <translation>原始 x</translation>
    </message>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Layers of the trajectory plot</source>
        <translation>轨迹图的图层</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>paths</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>grid ρ values</source>
        <translation>网格 ρ 值</translation>
    </message>
    <message>
        <source>Rows of the ρ × steps grid, comma separated; ρ = 1 is always added as the baseline</source>
        <translation>ρ × 步数网格的行，以逗号分隔；总会加上 ρ = 1 作为基线</translation>
    </message>
    <message>
        <source>grid steps</source>
        <translation>网格步数</translation>
    </message>
    <message>
        <source>Columns of the ρ × steps grid (solver steps, comma separated)</source>
        <translation>ρ × 步数网格的列（求解步数，以逗号分隔）</translation>
    </message>
    <message>
        <source>Few-step sampling and Skip-Tuning</source>
        <translation>少步采样与 Skip-Tuning</translation>
    </message>
    <message>
        <source>&lt;p&gt;With $x = x_0 + \sigma\varepsilon$, sampling integrates the probability-flow ODE from noise at σ = 80 down to σ = 0:&lt;/p&gt;$$\frac{dx}{d\sigma} = \frac{x - D(x,\sigma)}{\sigma}$$&lt;p&gt;$D(x,\sigma) = E[x_0 \mid x]$ is the denoiser; its prediction $\hat x_0$ is drawn as small dots (orange). The data here are 2-D Gaussian mixtures, so the exact $D$ is known in closed form and the solver&apos;s own error can be seen alone. Compare solvers at equal &lt;b&gt;NFE&lt;/b&gt; (evaluations of $D$): Heun pays two per step.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Skip-Tuning&lt;/b&gt; (Ma et al., ICML 2024) multiplies a trained UNet&apos;s long skip connections by $\rho &lt; 1$, with no retraining. With a pretrained EDM on ImageNet-64 they report FID 1.75 at 19 NFE and 1.57 at 39 NFE, and that the tuned network&apos;s denoising loss &lt;i&gt;rises&lt;/i&gt; in pixel space while a feature-space loss falls.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Su&apos;s reading&lt;/b&gt;: a perfect $D$ is only right for the exact ODE. With few steps the solver&apos;s own error dominates, and a deliberately altered $D$ can partly correct it; the network need not get better at denoising for the samples to get better.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What this 2-D toy shows&lt;/b&gt; (shipped network, ring, defaults): lowering ρ makes $D$ worse near σ ≈ 1 (bottom right), as in the paper&apos;s pixel space. Sample quality (sliced Wasserstein distance to the data, not FID) improves only in a few few-step cells of the grid (blue): Heun at 3–6 steps, DPM++(2M) at 4; Euler only gets worse. Blue means better, not good: at 3 and 4 steps Heun&apos;s samples stay far from the data whatever ρ (the grid&apos;s summary under the plots gives the floor). So the gains sit where the solver&apos;s error dominates, but not everywhere it does. A small MLP on 2-D points is not an image UNet: this measures the mechanism; it neither confirms nor refutes the paper&apos;s result.&lt;/p&gt;</source>
        <translation>&lt;p&gt;记 $x = x_0 + \sigma\varepsilon$，采样就是把概率流 ODE 从 σ = 80 的噪声一直积分到 σ = 0：&lt;/p&gt;$$\frac{dx}{d\sigma} = \frac{x - D(x,\sigma)}{\sigma}$$&lt;p&gt;$D(x,\sigma) = E[x_0 \mid x]$ 是去噪器，它的预测 $\hat x_0$ 画成（橙色）小点。这里的数据是二维高斯混合，精确的 $D$ 有解析解，因此能单独看到求解器自身的误差。比较求解器要在相同的 &lt;b&gt;NFE&lt;/b&gt;（$D$ 的调用次数）下进行：Heun 每步要调用两次。&lt;/p&gt;&lt;p&gt;&lt;b&gt;Skip-Tuning&lt;/b&gt;（Ma 等，ICML 2024）把训练好的 UNet 的长跳跃连接乘以 $\rho &lt; 1$，无需重新训练。他们用 ImageNet-64 上预训练的 EDM，报告了 19 NFE 时 FID 1.75、39 NFE 时 1.57，并发现调整后网络在像素空间的去噪损失反而&lt;i&gt;上升&lt;/i&gt;，特征空间的损失则下降。&lt;/p&gt;&lt;p&gt;&lt;b&gt;苏剑林的解读&lt;/b&gt;：完美的 $D$ 只对精确求解 ODE 才是对的。步数少时求解器自身的误差占主导，而有意改动过的 $D$ 可以部分抵消这一误差；网络的去噪能力不必变好，采样结果也能变好。&lt;/p&gt;&lt;p&gt;&lt;b&gt;这个二维玩具模型显示了什么&lt;/b&gt;（附带的网络、圆环、默认参数）：降低 ρ 会让 $D$ 在 σ ≈ 1 附近变差（右下图），与论文中像素空间的情形一致。采样质量（到数据的切片 Wasserstein 距离，不是 FID）只在网格中少数几个少步数的格子里改善（蓝色）：Heun 在 3–6 步，DPM++(2M) 在 4 步；Euler 只会变差。蓝色只表示更好，不表示好：Heun 在 3 步和 4 步时，无论 ρ 取多少，样本都离数据很远（图下方网格摘要给出下限）。所以收益出现在求解器误差占主导的地方，但并非每个这样的地方都有。二维点上的小 MLP 不是图像 UNet：这里检验的是机制，既不证实也不否定论文的结论。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Press Play (Space): the particles leave the noise blob and settle on the eight modes. Early on every prediction D(x, σ) (orange) sits at the centre, the mean of the data; by σ ≈ 1 they lie on the ring.</source>
        <translation>按播放（空格）：粒子离开噪声团，落到八个模式上。起初所有预测 D(x, σ)（橙色）都在中心，即数据的均值；到 σ ≈ 1 时它们已落在圆环上。</translation>
    </message>
    <message>
        <source>Set 4 steps and switch Euler, Heun, DPM++(2M): compare the star on the quality plot at equal NFE.</source>
        <translation>设为 4 步，切换 Euler、Heun、DPM++(2M)：在相同 NFE 下比较质量图上的星号。</translation>
    </message>
    <message>
        <source>Choose the trained network, DPM++(2M), 4 steps, and drag ρ down to 0.5; then try Euler.</source>
        <translation>选择训练好的网络、DPM++(2M)、4 步，把 ρ 拖到 0.5；再换成 Euler 试试。</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Run ρ × steps grid&lt;/b&gt; for each solver: blue cells are where tuning helps.</source>
        <translation>对每个求解器按&lt;b&gt;运行 ρ × 步数网格&lt;/b&gt;：蓝色格子就是调整起作用的地方。</translation>
    </message>
    <message>
        <source>Train again for a few hundred steps: a worse network, and a different grid.</source>
        <translation>重新训练，只训练几百步：网络变差了，网格也随之不同。</translation>
    </message>
    <message>
        <source>loading torch and the network</source>
        <translation>正在加载 torch 和网络</translation>
    </message>
    <message>
        <source>quality vs NFE: run {done}/{count}</source>
        <translation>质量随 NFE 变化：第 {done}/{count} 次运行</translation>
    </message>
    <message>
        <source>ρ × steps grid: cell {done}/{count}</source>
        <translation>ρ × 步数网格：第 {done}/{count} 格</translation>
    </message>
    <message>
        <source>network error per σ</source>
        <translation>各 σ 下的网络误差</translation>
    </message>
    <message>
        <source>experiments done</source>
        <translation>实验完成</translation>
    </message>
    <message>
        <source>training {step}/{total}, loss {loss}</source>
        <translation>训练 {step}/{total}，损失 {loss}</translation>
    </message>
    <message>
        <source>training: loading torch</source>
        <translation>训练：正在加载 torch</translation>
    </message>
    <message>
        <source>Probability-flow ODE: noise → data</source>
        <translation>概率流 ODE：噪声 → 数据</translation>
    </message>
    <message>
        <source>Quality vs NFE</source>
        <translation>质量随 NFE 变化</translation>
    </message>
    <message>
        <source>NFE (evaluations of D)</source>
        <translation>NFE（D 的调用次数）</translation>
    </message>
    <message>
        <source>sliced W₂ to data</source>
        <translation>到数据的切片 W₂</translation>
    </message>
    <message>
        <source>Skip-Tuning grid</source>
        <translation>Skip-Tuning 网格</translation>
    </message>
    <message>
        <source>solver steps</source>
        <translation>求解步数</translation>
    </message>
    <message>
        <source>Network error vs exact D</source>
        <translation>网络与精确 D 的误差</translation>
    </message>
    <message>
        <source>noise level σ</source>
        <translation>噪声水平 σ</translation>
    </message>
    <message>
        <source>paths ({count} shown)</source>
        <translation>轨迹（显示 {count} 条）</translation>
    </message>
    <message>
        <source>predicted x₀ = D(x, σ)</source>
        <translation>预测 x₀ = D(x, σ)</translation>
    </message>
    <message>
        <source>particles x</source>
        <translation>粒子 x</translation>
    </message>
    <message>
        <source>exact-sample floor</source>
        <translation>精确样本下限</translation>
    </message>
    <message>
        <source>run</source>
        <translation>本次</translation>
    </message>
    <message>
        <source>this ρ</source>
        <translation>当前 ρ</translation>
    </message>
    <message>
        <source>Skip-Tuning experiments</source>
        <translation>Skip-Tuning 实验</translation>
    </message>
    <message>
        <source>Run ρ × steps grid</source>
        <translation>运行 ρ × 步数网格</translation>
    </message>
    <message>
        <source>Measure sample quality for every grid ρ and step count with the current solver, schedule, seed and network (runs in the background)</source>
        <translation>用当前的求解器、噪声调度、种子和网络，测量网格中每个 ρ 和步数下的采样质量（在后台运行）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running experiments; the plots keep their last results</source>
        <translation>停止正在运行的实验；图保留上次的结果</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Training steps (batch 1024, EDM loss). The shipped weights had 3000.</source>
        <translation>训练步数（批大小 1024，EDM 损失）。附带的权重训练了 3000 步。</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>Train a new network for the current data in the background and use it for this session (the shipped weights are not overwritten)</source>
        <translation>在后台为当前数据训练一个新网络，并在本次会话中使用它（不会覆盖附带的权重）</translation>
    </message>
    <message>
        <source>Stop training and keep the current network</source>
        <translation>停止训练，保留当前网络</translation>
    </message>
    <message>
        <source>step {frame} / {steps}   σ = {sigma}</source>
        <translation>第 {frame} / {steps} 步   σ = {sigma}</translation>
    </message>
    <message>
        <source>trained network, ρ = {rho} ({profile})</source>
        <translation>训练好的网络，ρ = {rho}（{profile}）</translation>
    </message>
    <message>
        <source> · {drawn} of {asked} particles (network cap)</source>
        <translation> · {asked} 个粒子只用了 {drawn} 个（网络上限）</translation>
    </message>
    <message>
        <source>exact D</source>
        <translation>精确 D</translation>
    </message>
    <message>
        <source> (ρ acts on the trained network only)</source>
        <translation>（ρ 只作用于训练好的网络）</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>{steps} 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;{solver}&lt;/b&gt;, {steps}, &lt;b&gt;NFE = {nfe}&lt;/b&gt; · {denoiser} · sliced W₂ to data &lt;b&gt;{metric}&lt;/b&gt; (floor {floor}, {samples} samples)</source>
        <translation>&lt;b&gt;{solver}&lt;/b&gt;，{steps}，&lt;b&gt;NFE = {nfe}&lt;/b&gt; · {denoiser} · 到数据的切片 W₂ &lt;b&gt;{metric}&lt;/b&gt;（下限 {floor}，{samples} 个样本）</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>失败：{message}</translation>
    </message>
    <message>
        <source>experiment failed: {message}</source>
        <translation>实验失败：{message}</translation>
    </message>
    <message>
        <source>Quality vs NFE, exact D</source>
        <translation>质量随 NFE 变化，精确 D</translation>
    </message>
    <message>
        <source>Quality vs NFE, network, ρ = 1</source>
        <translation>质量随 NFE 变化，网络，ρ = 1</translation>
    </message>
    <message>
        <source>{title} (stale)</source>
        <translation>{title}（已过期）</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>stale: press Run ρ × steps grid</source>
        <translation>已过期：请按“运行 ρ × 步数网格”</translation>
    </message>
    <message>
        <source>Cancelled; the plots keep their last results.</source>
        <translation>已取消；图保留上次的结果。</translation>
    </message>
    <message>
        <source>Computing quality curves…</source>
        <translation>正在计算质量曲线…</translation>
    </message>
    <message>
        <source>Computing ρ × steps grid…</source>
        <translation>正在计算 ρ × 步数网格…</translation>
    </message>
    <message>
        <source>Computing quality curves and ρ × steps grid…</source>
        <translation>正在计算质量曲线和 ρ × 步数网格…</translation>
    </message>
    <message>
        <source>No grid yet: press Run.</source>
        <translation>还没有网格：请按运行。</translation>
    </message>
    <message>
        <source>Grid: {solver}, {schedule}, seed {seed}, {profile} (stale).</source>
        <translation>网格：{solver}，{schedule}，种子 {seed}，{profile}（已过期）。</translation>
    </message>
    <message>
        <source>Grid: {solver}, {schedule}, seed {seed}, {profile}.</source>
        <translation>网格：{solver}，{schedule}，种子 {seed}，{profile}。</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>W₂ = 0 at every NFE: exact D carries all the noise onto the point mass</source>
        <translation>每个 NFE 下 W₂ 都是 0：精确的 D 把全部噪声都送到了点质量上</translation>
    </message>
    <message>
        <source>↑ {solver}: {peak} at NFE {nfe}</source>
        <translation>↑ {solver}：NFE {nfe} 时为 {peak}</translation>
    </message>
    <message>
        <source>Skip-Tuning grid, {solver}</source>
        <translation>Skip-Tuning 网格，{solver}</translation>
    </message>
    <message>
        <source>best: ρ = {rho} at {steps} steps, {before} → {after} (floor {floor})</source>
        <translation>最佳：{steps} 步、ρ = {rho}，{before} → {after}（下限 {floor}）</translation>
    </message>
    <message>
        <source>no cell gains more than 2%</source>
        <translation>没有哪格改善超过 2%</translation>
    </message>
    <message>
        <source>ρ × steps grid ({solver}, sliced W₂): {best}; worse than ρ = 1 in {worse} of {cells} cells</source>
        <translation>ρ × 步数网格（{solver}，切片 W₂）：{best}；{cells} 格中有 {worse} 格不如 ρ = 1</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>Training cancelled; keeping the current network.</source>
        <translation>训练已取消；保留当前网络。</translation>
    </message>
    <message>
        <source>training failed: {message}</source>
        <translation>训练失败：{message}</translation>
    </message>
    <message>
        <source>Shipped weights (3000 training steps).</source>
        <translation>附带的权重（训练了 3000 步）。</translation>
    </message>
    <message>
        <source>Retrained this session: {steps} steps, final loss {loss}.</source>
        <translation>本次会话重新训练：{steps} 步，最终损失 {loss}。</translation>
    </message>
    <message>
        <source>The language switch stopped the training; press Train again.</source>
        <translation>切换语言中断了训练；请再按“重新训练”。</translation>
    </message>
    <message>
        <source>W₂ ÷ W₂ at ρ = 1</source>
        <translation>W₂ ÷ ρ = 1 时的 W₂</translation>
    </message>
</context>
</TS>
