<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lesson</name>
    <message>
        <source>Relativity, symmetry and the fourth dimension</source>
        <translation>相对论、对称和第四维</translation>
    </message>
    <message>
        <source>A rotation and a boost, side by side</source>
        <translation>旋转与洛伦兹变换，并排来看</translation>
    </message>
    <message>
        <source>Right: one number turns the Euclidean axes by θ (top) and boosts the Minkowski axes by the rapidity φ (bottom). The rotated point stays on the circle r² = 2.25, the boosted one on the hyperbola s² = 1.</source>
        <translation>右侧：同一个数既把欧氏坐标轴旋转 θ（上），又把闵可夫斯基坐标轴按快度 φ 做洛伦兹变换（下）。旋转后的点留在圆 r² = 2.25 上，变换后的点留在双曲线 s² = 1 上。</translation>
    </message>
    <message>
        <source>The invariant hyperbola</source>
        <translation>不变的双曲线</translation>
    </message>
    <message>
        <source>At β = 0.8 the moving axes t′, x′ fold towards the light cone, yet each event stays on its own hyperbola: s² in the table is the same in both frames, and the unit ticks sit on t² − x² = ±1.</source>
        <translation>β = 0.8 时，运动系的坐标轴 t′、x′ 向光锥合拢，但每个事件都留在自己的双曲线上：表中的 s² 在两个参考系里相同，单位刻度落在 t² − x² = ±1 上。</translation>
    </message>
    <message>
        <source>Rapidities add like angles</source>
        <translation>快度像角度一样相加</translation>
    </message>
    <message>
        <source>Rotate by θ then θ₂, or boost by φ then φ₂: the dashed axes are a single rotation by θ + θ₂ and a single boost by φ + φ₂. The rapidity is the boost&apos;s angle, and it simply adds.</source>
        <translation>先转 θ 再转 θ₂，或者先按 φ 再按 φ₂ 变换：虚线坐标轴就是一次转 θ + θ₂、一次按 φ + φ₂ 的变换。快度就是洛伦兹变换的“角度”，直接相加即可。</translation>
    </message>
    <message>
        <source>Velocities add, but never past c</source>
        <translation>速度叠加，但永远超不过 c</translation>
    </message>
    <message>
        <source>Adding rapidities is u ⊕ v = (u + v)/(1 + uv) = tanh(artanh u + artanh v) in velocities. Here 0.9 ⊕ 0.9 = 0.9945: the blue curve stays inside ±c, while Galileo&apos;s u + v leaves it.</source>
        <translation>快度相加，换成速度就是 u ⊕ v = (u + v)/(1 + uv) = tanh(artanh u + artanh v)。这里 0.9 ⊕ 0.9 = 0.9945：蓝色曲线始终在 ±c 之内，而伽利略的 u + v 早已越界。</translation>
    </message>
    <message>
        <source>Simultaneity tilts</source>
        <translation>同时性倾斜了</translation>
    </message>
    <message>
        <source>A, B and C all happen at t = 1 in the rest frame. In the frame moving at β = 0.8 the lines t′ = const through them tilt apart: t′ = 3.67, −0.33 and 1.67, so B now comes before the origin.</source>
        <translation>在静止系中，A、B、C 都发生在 t = 1。在以 β = 0.8 运动的参考系里，过它们的 t′ = 常数 线各自倾斜分开：t′ = 3.67、−0.33 和 1.67，于是 B 反而发生在原点之前。</translation>
    </message>
    <message>
        <source>The twin paradox: 10 years against 6</source>
        <translation>双生子佯谬：10 年对 6 年</translation>
    </message>
    <message>
        <source>The traveller flies 4 light-years out at 0.8c and back. The home clock shows 10 years, the traveller&apos;s 6. Yet while coasting, each twin sees the other&apos;s clock run slow. Where does the difference come from?</source>
        <translation>旅行者以 0.8c 飞出 4 光年再返回。留守者的钟走了 10 年，旅行者的钟只走了 6 年。可是匀速飞行时，双方都看到对方的钟走得慢——差别从何而来？</translation>
    </message>
    <message>
        <source>The jump in simultaneity</source>
        <translation>同时性的跳变</translation>
    </message>
    <message>
        <source>At the turnaround the traveller&apos;s &apos;now&apos; at home leaps from t = 0.84 to t = 8.04 years (the red bar, 2βD = 7.2 years). That jump, not the coasting, is where the home twin&apos;s extra years go.</source>
        <translation>在折返点，旅行者眼中家里的“此刻”从 t = 0.84 年跳到 t = 8.04 年（红色粗线，2βD = 7.2 年）。留守者多出来的年岁，来自这一跳，而不是匀速飞行。</translation>
    </message>
</context>
</TS>
