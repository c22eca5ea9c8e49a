<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SpacetimeTab</name>
    <message>
        <source>timelike</source>
        <translation>类时</translation>
    </message>
    <message>
        <source>lightlike</source>
        <translation>类光</translation>
    </message>
    <message>
        <source>spacelike</source>
        <translation>类空</translation>
    </message>
    <message>
        <source>expected {count} events written &apos;t,x; t,x; t,x&apos;, got {got}</source>
        <translation>需要 {count} 个事件，写成 &apos;t,x; t,x; t,x&apos;，实际有 {got} 个</translation>
    </message>
    <message>
        <source>event {name}: expected &apos;t,x&apos; with two numbers, got {text}</source>
        <translation>事件 {name}：应写成 &apos;t,x&apos; 两个数，实际是 {text}</translation>
    </message>
    <message>
        <source>event {name}: coordinates must be finite and within ±100</source>
        <translation>事件 {name}：坐标必须是有限数，且在 ±100 以内</translation>
    </message>
    <message>
        <source>frame velocity β</source>
        <translation>参考系速度 β</translation>
    </message>
    <message>
        <source>Velocity of the moving frame (units of c)</source>
        <translation>运动参考系的速度（以 c 为单位）</translation>
    </message>
    <message>
        <source>diagram extent</source>
        <translation>图的范围</translation>
    </message>
    <message>
        <source>Half-width of the Minkowski diagram (light-seconds)</source>
        <translation>闵可夫斯基图的半宽（光秒）</translation>
    </message>
    <message>
        <source>events (t,x)</source>
        <translation>事件 (t,x)</translation>
    </message>
    <message>
        <source>Three events A; B; C as &apos;t,x&apos; pairs. Drag them on the diagram (they snap to a 0.25 grid).</source>
        <translation>三个事件 A; B; C，各写成 &apos;t,x&apos;。也可以在图上拖动它们（吸附到 0.25 的网格上）。</translation>
    </message>
    <message>
        <source>boosted grid</source>
        <translation>运动系网格</translation>
    </message>
    <message>
        <source>Show the moving frame&apos;s coordinate grid</source>
        <translation>显示运动参考系的坐标网格</translation>
    </message>
    <message>
        <source>invariant hyperbolae</source>
        <translation>不变双曲线</translation>
    </message>
    <message>
        <source>Show t² − x² = const through each event</source>
        <translation>显示过每个事件的 t² − x² = 常数</translation>
    </message>
    <message>
        <source>One number drives the Euclidean rotation θ and the boost rapidity φ</source>
        <translation>同一个数既是欧氏旋转的角度 θ，也是洛伦兹变换的快度 φ</translation>
    </message>
    <message>
        <source>second θ₂ = φ₂</source>
        <translation>第二个 θ₂ = φ₂</translation>
    </message>
    <message>
        <source>A second rotation / boost, to show that angles add</source>
        <translation>再转一次（再变换一次），看角度如何相加</translation>
    </message>
    <message>
        <source>second velocity v</source>
        <translation>第二个速度 v</translation>
    </message>
    <message>
        <source>Velocity added to β in the velocity-addition plot</source>
        <translation>速度叠加图中与 β 相加的速度</translation>
    </message>
    <message>
        <source>twin speed</source>
        <translation>旅行速度</translation>
    </message>
    <message>
        <source>The travelling twin&apos;s speed</source>
        <translation>外出旅行的那位双生子的速度</translation>
    </message>
    <message>
        <source>twin distance</source>
        <translation>折返距离</translation>
    </message>
    <message>
        <source>Distance to the turnaround (light-years)</source>
        <translation>到折返点的距离（光年）</translation>
    </message>
    <message>
        <source>Spacetime symmetry</source>
        <translation>时空的对称性</translation>
    </message>
    <message>
        <source>&lt;p&gt;A rotation keeps $x^2+y^2$ fixed; a Lorentz boost keeps the interval $s^2=t^2-x^2$ fixed (c = 1). Written with the rapidity $\varphi=\mathrm{artanh}\,\beta$ a boost is a &lt;i&gt;hyperbolic&lt;/i&gt; rotation:&lt;/p&gt;$$t&apos;=t\cosh\varphi-x\sinh\varphi$$$$x&apos;=x\cosh\varphi-t\sinh\varphi$$&lt;p&gt;With imaginary time $w=it$ it &lt;i&gt;is&lt;/i&gt; a rotation, by the imaginary angle $\theta=i\varphi$:&lt;/p&gt;$$x&apos;=x\cos\theta+w\sin\theta$$$$w&apos;=-x\sin\theta+w\cos\theta$$&lt;p&gt;That is the post&apos;s fourth dimension: time enters as $ict$ and the symmetry of spacetime is a rotation group. Angles add, and so do rapidities; in velocities that is the addition law&lt;/p&gt;$$u\oplus v=\frac{u+v}{1+uv}=\tanh(\varphi_u+\varphi_v)$$&lt;p&gt;the twin of slope addition $\tan(\alpha+\beta)=\frac{\tan\alpha+\tan\beta}{1-\tan\alpha\tan\beta}$. The sign flip is the whole difference between the circle and the hyperbola.&lt;/p&gt;&lt;p&gt;The diagram is &lt;i&gt;passive&lt;/i&gt;: events stay put; the moving frame&apos;s axes $t&apos;$, $x&apos;$ scissor towards the light cone, and its unit ticks sit on the hyperbolae $t^2-x^2=\pm1$.&lt;/p&gt;</source>
        <translation>&lt;p&gt;旋转保持 $x^2+y^2$ 不变；洛伦兹变换保持间隔 $s^2=t^2-x^2$ 不变（c = 1）。用快度 $\varphi=\mathrm{artanh}\,\beta$ 来写，洛伦兹变换就是一个&lt;i&gt;双曲&lt;/i&gt;旋转：&lt;/p&gt;$$t&apos;=t\cosh\varphi-x\sinh\varphi$$$$x&apos;=x\cosh\varphi-t\sinh\varphi$$&lt;p&gt;引入虚时间 $w=it$，它&lt;i&gt;就是&lt;/i&gt;一个旋转，转过的是虚角度 $\theta=i\varphi$：&lt;/p&gt;$$x&apos;=x\cos\theta+w\sin\theta$$$$w&apos;=-x\sin\theta+w\cos\theta$$&lt;p&gt;这就是文中所说的第四维：时间以 $ict$ 的身份加入，时空的对称性是一个旋转群。角度可以相加，快度也可以相加；换成速度，就是速度叠加公式&lt;/p&gt;$$u\oplus v=\frac{u+v}{1+uv}=\tanh(\varphi_u+\varphi_v)$$&lt;p&gt;它与斜率的加法公式 $\tan(\alpha+\beta)=\frac{\tan\alpha+\tan\beta}{1-\tan\alpha\tan\beta}$ 如出一辙，圆与双曲线的全部差别只在分母的一个符号。&lt;/p&gt;&lt;p&gt;图是&lt;i&gt;被动&lt;/i&gt;观点：事件不动，运动系的坐标轴 $t&apos;$、$x&apos;$ 像剪刀一样向光锥合拢，而它的单位刻度始终落在双曲线 $t^2-x^2=\pm1$ 上。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Drag β towards ±0.99: the axes close on the light cone like scissors, but the ticks stay on the hyperbolae.</source>
        <translation>把 β 拖向 ±0.99：坐标轴像剪刀一样向光锥合拢，但刻度始终留在双曲线上。</translation>
    </message>
    <message>
        <source>Drag event B (spacelike): its order in time relative to the origin flips for β &gt; t/x.</source>
        <translation>拖动事件 B（类空）：β &gt; t/x 时，它与原点的时间先后会颠倒。</translation>
    </message>
    <message>
        <source>Select event A and press &lt;b&gt;Boost to rest frame&lt;/b&gt;: A&apos;s worldline becomes the t′ axis.</source>
        <translation>选中事件 A，按&lt;b&gt;变换到所选事件的静止系&lt;/b&gt;：A 的世界线变成 t′ 轴。</translation>
    </message>
    <message>
        <source>Set β = 0.6 and v = 0.6: the sum is 15/17 ≈ 0.882, not 1.2.</source>
        <translation>取 β = 0.6、v = 0.6：合成速度是 15/17 ≈ 0.882，而不是 1.2。</translation>
    </message>
    <message>
        <source>Press Space to sweep the boost; watch the hyperbolae stay put.</source>
        <translation>按空格键让 β 来回扫动；看双曲线始终不动。</translation>
    </message>
    <message>
        <source>Minkowski diagram</source>
        <translation>闵可夫斯基图</translation>
    </message>
    <message>
        <source>Rotation by θ: r² fixed</source>
        <translation>旋转 θ：r² 不变</translation>
    </message>
    <message>
        <source>Boost by φ: s² fixed</source>
        <translation>洛伦兹变换 φ：s² 不变</translation>
    </message>
    <message>
        <source>Adding velocities</source>
        <translation>速度叠加</translation>
    </message>
    <message>
        <source>Twin paradox</source>
        <translation>双生子佯谬</translation>
    </message>
    <message>
        <source>x (ly)</source>
        <translation>x（光年）</translation>
    </message>
    <message>
        <source>t (years)</source>
        <translation>t（年）</translation>
    </message>
    <message>
        <source>Double-click a plot to enlarge it, double-click again to see all four</source>
        <translation>双击某个图将其放大，再双击回到四图并列</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Each event in the rest frame and the moving frame; s² is the same in both</source>
        <translation>每个事件在静止系和运动系中的坐标；两者的 s² 相同</translation>
    </message>
    <message>
        <source>Boost to rest frame of selected</source>
        <translation>变换到所选事件的静止系</translation>
    </message>
    <message>
        <source>Set β so that the worldline from the origin to the selected event is at rest</source>
        <translation>设定 β，使从原点到所选事件的世界线静止</translation>
    </message>
    <message>
        <source>light cone</source>
        <translation>光锥</translation>
    </message>
    <message>
        <source>t′ = const</source>
        <translation>t′ = 常数</translation>
    </message>
    <message>
        <source>moving frame t′, x′</source>
        <translation>运动系 t′, x′</translation>
    </message>
    <message>
        <source>selected worldline</source>
        <translation>所选世界线</translation>
    </message>
    <message>
        <source>slopes add</source>
        <translation>斜率相加</translation>
    </message>
    <message>
        <source>home {home:.3g} y
traveller {traveller:.3g} y
jump {jump:.3g} y</source>
        <translation>留守者 {home:.3g} 年
旅行者 {traveller:.3g} 年
跳变 {jump:.3g} 年</translation>
    </message>
    <message>
        <source>&lt;b&gt;β = {beta:.3f}&lt;/b&gt;: γ = {gamma:.4f}, rapidity φ = {phi:.4f}&lt;br&gt;time dilation: 1 s of a moving clock lasts {gamma:.4f} s here&lt;br&gt;length contraction: a 1 m rod measures {length:.4f} m&lt;br&gt;Doppler factor e&lt;sup&gt;φ&lt;/sup&gt; = {doppler:.4f}</source>
        <translation>&lt;b&gt;β = {beta:.3f}&lt;/b&gt;：γ = {gamma:.4f}，快度 φ = {phi:.4f}&lt;br&gt;时间膨胀：运动时钟的 1 s 在这里历时 {gamma:.4f} s&lt;br&gt;长度收缩：1 m 长的尺子量得 {length:.4f} m&lt;br&gt;多普勒因子 e&lt;sup&gt;φ&lt;/sup&gt; = {doppler:.4f}</translation>
    </message>
    <message>
        <source>event {name} is not timelike: no frame has it at rest</source>
        <translation>事件 {name} 不是类时的：没有哪个参考系能让它静止</translation>
    </message>
    <message>
        <source>event {name} needs β = {beta:.4f}, beyond the slider&apos;s ±0.99</source>
        <translation>事件 {name} 需要 β = {beta:.4f}，超出了滑块的 ±0.99</translation>
    </message>
</context>
</TS>
