<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>What to try</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>From 科学空间:</source>
        <translation>出自科学空间：</translation>
    </message>
</context>
<context>
    <name>LogSlider</name>
    <message>
        <source>enter a number between {low} and {high}</source>
        <translation>请输入 {low} 到 {high} 之间的数</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Scientific Spaces Explorer</source>
        <translation>科学空间探索器</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open State or Scene…</source>
        <translation>打开状态或场景(&amp;O)…</translation>
    </message>
    <message>
        <source>Load a tab&apos;s saved state or scene</source>
        <translation>载入某个标签页保存的状态或场景</translation>
    </message>
    <message>
        <source>&amp;Save Scene…</source>
        <translation>保存场景(&amp;S)…</translation>
    </message>
    <message>
        <source>Save this tab&apos;s scene with a title and caption; it is also added to the lesson draft</source>
        <translation>保存本页的场景（带标题和说明），并加入课程草稿</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save this tab as a PNG</source>
        <translation>将本页保存为 PNG</translation>
    </message>
    <message>
        <source>Export PNG at &amp;2×…</source>
        <translation>导出 2 倍 PNG(&amp;2)…</translation>
    </message>
    <message>
        <source>Save this tab as a PNG at twice the resolution</source>
        <translation>以两倍分辨率将本页保存为 PNG</translation>
    </message>
    <message>
        <source>Export S&amp;VG…</source>
        <translation>导出 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the plots as SVG (best effort)</source>
        <translation>将图保存为 SVG（尽力而为）</translation>
    </message>
    <message>
        <source>Export plotted &amp;data (CSV)…</source>
        <translation>导出绘图数据 CSV(&amp;D)…</translation>
    </message>
    <message>
        <source>Save every plotted curve as CSV</source>
        <translation>将所有曲线的数据保存为 CSV</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
        <source>Copy this tab as an image</source>
        <translation>将本页复制为图像</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tab</source>
        <translation>标签页(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Restore this tab&apos;s defaults</source>
        <translation>恢复本页的默认参数</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause this tab&apos;s animation</source>
        <translation>播放或暂停本页的动画</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>Advance the animation one frame</source>
        <translation>动画前进一帧</translation>
    </message>
    <message>
        <source>Next Tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous Tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open Lesson…</source>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <source>Show a lesson: a sequence of scenes across tabs</source>
        <translation>放映课程：跨标签页的一串场景</translation>
    </message>
    <message>
        <source>Lesson: {title}</source>
        <translation>课程：{title}</translation>
    </message>
    <message>
        <source>The lesson shipped with this tab: the post&apos;s story, scene by scene</source>
        <translation>本页自带的课程：逐个场景讲述原文的思路</translation>
    </message>
    <message>
        <source>&amp;Next Scene</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <source>Next scene (a presenter&apos;s clicker sends PgDown)</source>
        <translation>下一个场景（翻页笔发送的就是 PgDown）</translation>
    </message>
    <message>
        <source>P&amp;revious Scene</source>
        <translation>上一个场景(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Leave Lesson</source>
        <translation>退出课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save Lesson…</source>
        <translation>保存课程(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the scenes saved so far (File → Save Scene) as a lesson</source>
        <translation>把目前保存的场景（文件 → 保存场景）存为一个课程</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>Switch between the light and the dark theme</source>
        <translation>在浅色与深色主题之间切换</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Bigger fonts, thicker lines, no chrome</source>
        <translation>更大的字、更粗的线，隐藏菜单栏和状态栏</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Read This Tab&apos;s Post</source>
        <translation>阅读本页对应的文章(&amp;R)</translation>
    </message>
    <message>
        <source>Open the blog post behind this tab in the browser</source>
        <translation>在浏览器中打开本页对应的博客文章</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Open State or Scene</source>
        <translation>打开状态或场景</translation>
    </message>
    <message>
        <source>State or scene (*.json);;All files (*)</source>
        <translation>状态或场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open state</source>
        <translation>无法打开状态文件</translation>
    </message>
    <message>
        <source>Loaded {name}</source>
        <translation>已载入 {name}</translation>
    </message>
    <message>
        <source>Save Scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>Scene (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save scene</source>
        <translation>无法保存场景</translation>
    </message>
    <message>
        <source>Scene {number} added to the lesson draft (Lesson → Save Lesson writes it)</source>
        <translation>第 {number} 个场景已加入课程草稿（课程 → 保存课程 可写入文件）</translation>
    </message>
    <message>
        <source>Save Lesson</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>Save a scene first (File → Save Scene, Ctrl+Shift+S).</source>
        <translation>请先保存一个场景（文件 → 保存场景，Ctrl+Shift+S）。</translation>
    </message>
    <message>
        <source>Lesson (*.json)</source>
        <translation>课程 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save lesson</source>
        <translation>无法保存课程</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lesson (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <source>Export plotted data</source>
        <translation>导出绘图数据</translation>
    </message>
    <message>
        <source>Copied the tab to the clipboard</source>
        <translation>已将本页复制到剪贴板</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Leave the lesson, then presentation mode</source>
        <translation>先退出课程，再退出演示模式</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>在控件之间移动</translation>
    </message>
    <message>
        <source>Arrows, PgUp/PgDown, Home/End</source>
        <translation>方向键、PgUp/PgDown、Home/End</translation>
    </message>
    <message>
        <source>Change the focused slider</source>
        <translation>调节当前聚焦的滑块</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>打开菜单</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>Interactive tabs for posts from Su Jianlin’s blog 科学空间 (kexue.fm).</source>
        <translation>把苏剑林的博客科学空间（kexue.fm）中的文章变成可交互的标签页。</translation>
    </message>
    <message>
        <source>About Scientific Spaces Explorer</source>
        <translation>关于科学空间探索器</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>computing… {message}</source>
        <translation>计算中… {message}</translation>
    </message>
</context>
<context>
    <name>ParamPanel</name>
    <message>
        <source>{label}: “{text}” is not a number from {low} to {high}</source>
        <translation>{label}：“{text}”不是 {low} 到 {high} 之间的数</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not a whole number from {low} to {high}</source>
        <translation>{label}：“{text}”不是 {low} 到 {high} 之间的整数</translation>
    </message>
</context>
<context>
    <name>PlayBar</name>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Play or pause the animation (Space)</source>
        <translation>播放或暂停动画（空格键）</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>单步 ▸</translation>
    </message>
    <message>
        <source>Advance one frame (Right arrow)</source>
        <translation>前进一帧（右方向键）</translation>
    </message>
    <message>
        <source>Scrub through the animation</source>
        <translation>拖动以浏览动画</translation>
    </message>
    <message>
        <source>Animation speed</source>
        <translation>动画速度</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Start again after the last frame</source>
        <translation>播放到最后一帧后从头开始</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
</context>
<context>
    <name>SceneDialog</name>
    <message>
        <source>Save Scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>e.g. The counterexample 130</source>
        <translation>例如：反例 130</translation>
    </message>
    <message>
        <source>What the class should look at, in a sentence or two</source>
        <translation>用一两句话说明学生应该看什么</translation>
    </message>
    <message>
        <source>Checked controls are hidden while this scene is shown</source>
        <translation>勾选的控件在放映此场景时隐藏</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>说明(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Hide controls</source>
        <translation>隐藏控件(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Topic</name>
    <message>
        <source>Smooth Top-k</source>
        <translation>光滑 Top-k</translation>
    </message>
    <message>
        <source>N = ab + c</source>
        <translation>N = ab + c</translation>
    </message>
    <message>
        <source>Sampling trajectories</source>
        <translation>采样轨迹</translation>
    </message>
    <message>
        <source>Spacetime symmetry</source>
        <translation>时空对称</translation>
    </message>
    <message>
        <source>Token healing</source>
        <translation>Token Healing</translation>
    </message>
</context>
<context>
    <name>TopicTab</name>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Restore this tab&apos;s defaults (Ctrl+R)</source>
        <translation>恢复本页的默认参数（Ctrl+R）</translation>
    </message>
</context>
</TS>
