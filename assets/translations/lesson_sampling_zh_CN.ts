<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lesson</name>
    <message>
        <source>Few-step sampling and Skip-Tuning</source>
        <translation>少步采样与 Skip-Tuning</translation>
    </message>
    <message>
        <source>The long way from noise to data</source>
        <translation>从噪声到数据的长路</translation>
    </message>
    <message>
        <source>With the exact denoiser and 32 Heun steps (63 NFE) the particles flow from the σ = 80 noise blob onto the eight modes; the star sits at the exact-sample floor. This is the reference.</source>
        <translation>用精确去噪器和 32 步 Heun（63 NFE），粒子从 σ = 80 的噪声团流到八个模式上；星号落在精确样本下限处。这就是参照。</translation>
    </message>
    <message>
        <source>Two steps go astray</source>
        <translation>两步就走偏</translation>
    </message>
    <message>
        <source>Euler with 2 steps jumps from σ = 80 straight to 0.002: every sample lands on D(x, 80), the mean of the data, in the centre. The denoiser is exact; the error is all the solver&apos;s.</source>
        <translation>2 步的 Euler 从 σ = 80 直接跳到 0.002：每个样本都落在 D(x, 80)，即数据的均值，也就是中心。去噪器是精确的，误差全来自求解器。</translation>
    </message>
    <message>
        <source>Higher order is no shortcut</source>
        <translation>高阶也不是捷径</translation>
    </message>
    <message>
        <source>Heun with 3 steps (5 NFE) overshoots and flings samples off the ring. On the curves (top right) Heun is the worst sampler from 3 to 11 NFE, while plain Euler reaches the floor at 8.</source>
        <translation>3 步的 Heun（5 NFE）冲过了头，把样本甩离圆环。从曲线（右上）看，3 到 11 NFE 之间 Heun 是最差的采样器，而朴素的 Euler 在 8 NFE 就到了下限。</translation>
    </message>
    <message>
        <source>Skip-Tuning: a worse D, better samples</source>
        <translation>Skip-Tuning：更差的 D，更好的样本</translation>
    </message>
    <message>
        <source>Trained network, DPM++(2M), 4 steps, skips scaled by ρ = 0.5: D errs more near σ ≈ 1 (bottom right), yet sliced W₂ falls from 0.76 to 0.40 and the 4-step column of the grid turns blue.</source>
        <translation>训练好的网络、DPM++(2M)、4 步，跳跃连接乘以 ρ = 0.5：D 在 σ ≈ 1 附近误差更大（右下），样本却更接近数据：切片 W₂ 从 0.76 降到 0.40，网格中 4 步那一列变蓝。</translation>
    </message>
    <message>
        <source>Where the skips are scaled matters</source>
        <translation>在哪里缩放跳跃连接很重要</translation>
    </message>
    <message>
        <source>The same ρ = 0.5 at every level instead of only towards the top: the 4-step gain grows (W₂ 0.76 → 0.33) while the other columns stay red or neutral.</source>
        <translation>同样的 ρ = 0.5 用在每一层，而不只是越往顶层越小：4 步的收益更大（W₂ 0.76 → 0.33），其余各列仍是红色或持平。</translation>
    </message>
    <message>
        <source>Not for every sampler</source>
        <translation>并非对每个采样器都有效</translation>
    </message>
    <message>
        <source>With Euler the same tuning only hurts: the samples shrink towards the centre and no cell of the grid turns blue. A changed D helps only where it happens to offset the solver&apos;s own error.</source>
        <translation>换成 Euler，同样的调整只会变差：样本向中心收缩，网格里没有一格变蓝。改动 D 只在恰好抵消求解器自身误差的地方才有用。</translation>
    </message>
    <message>
        <source>More steps, less to gain</source>
        <translation>步数越多，收益越少</translation>
    </message>
    <message>
        <source>Heun over 2 to 16 steps: ρ = 0.5 helps at 3–6 steps, where samples are still poor, and hurts from 8 on; at 16 steps the modes smear. Here the gain is a few-step effect; the paper reports it up to 39 NFE.</source>
        <translation>Heun 从 2 到 16 步：ρ = 0.5 在 3–6 步有帮助（那里的样本仍然很差），从 8 步起反而有害；16 步时各模式被抹开。在这个玩具里收益只出现在少步数；论文报告在 39 NFE 时仍有收益。</translation>
    </message>
</context>
</TS>
