<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HealingTab</name>
    <message>
        <source>Su&apos;s example: the prompt ends on 白云, but training only saw 白云机场 / 白云山 as single tokens</source>
        <translation>苏剑林的例子：提示止于“白云”，但训练时“白云机场”“白云山”都只作为单个 token 出现</translation>
    </message>
    <message>
        <source>a dangling character: healing picks 西湖 over 西安 from the context</source>
        <translation>末尾悬着一个字：修复根据上下文选中“西湖”而不是“西安”</translation>
    </message>
    <message>
        <source>&apos;import numpy as np&apos; is one token; both prompt tokens must be backed off</source>
        <translation>“import numpy as np”是一个 token；提示的两个 token 都要回退</translation>
    </message>
    <message>
        <source>BPE splits the prompt mid-token; back off to &apos;import numpy&apos;</source>
        <translation>BPE 在 token 中间切开了提示；把“import numpy”整个回退</translation>
    </message>
    <message>
        <source>character vocabulary: the removed character is the only candidate, so healing changes nothing</source>
        <translation>单字词表：移除的字就是唯一的候选，修复不改变任何东西</translation>
    </message>
    <message>
        <source>single characters</source>
        <translation>单字</translation>
    </message>
    <message>
        <source>curated words (large)</source>
        <translation>精选词（大词表）</translation>
    </message>
    <message>
        <source>BPE, 400 tokens</source>
        <translation>BPE，400 个 token</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>单字</translation>
    </message>
    <message>
        <source>curated words</source>
        <translation>精选词</translation>
    </message>
    <message>
        <source>the prompt is empty; type a few characters, e.g. 广州的白云</source>
        <translation>提示为空；请输入几个字，例如 广州的白云</translation>
    </message>
    <message>
        <source>the prompt has {count} characters; keep it to {limit}</source>
        <translation>提示有 {count} 个字符；最多 {limit} 个</translation>
    </message>
    <message>
        <source>{unknown} is not in the vocabulary: the toy corpus has only {count} characters (Chinese sentences about cities and Python import lines)</source>
        <translation>{unknown} 不在词表中：玩具语料只有 {count} 个字符（关于城市的中文句子和 Python import 语句）</translation>
    </message>
    <message>
        <source>back-off {requested} → {used}: no token starts with “{text}”</source>
        <translation>回退 {requested} → {used}：没有以“{text}”开头的 token</translation>
    </message>
    <message>
        <source>back-off {requested} → {used}: the prompt has only 1 token</source>
        <translation>回退 {requested} → {used}：提示只有 1 个 token</translation>
    </message>
    <message>
        <source>back-off {requested} → {used}: the prompt has only {count} tokens</source>
        <translation>回退 {requested} → {used}：提示只有 {count} 个 token</translation>
    </message>
    <message>
        <source>prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Text to continue. Only characters of the toy corpus exist: Chinese city sentences and Python imports.</source>
        <translation>要续写的文本。只能使用玩具语料中出现过的字符：关于城市的中文句子和 Python import 语句。</translation>
    </message>
    <message>
        <source>tokeniser</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Vocabulary of both the tokeniser and its 4-gram language model</source>
        <translation>分词器及其 4-gram 语言模型共用的词表</translation>
    </message>
    <message>
        <source>back off (tokens)</source>
        <translation>回退（token 数）</translation>
    </message>
    <message>
        <source>How many prompt tokens to remove before generating (reduced when no token could re-cover them)</source>
        <translation>生成前从提示末尾移除几个 token（没有 token 能重新覆盖它们时自动减少）</translation>
    </message>
    <message>
        <source>healing</source>
        <translation>修复方式</translation>
    </message>
    <message>
        <source>hard: keep only tokens that start with the removed text and renormalise (Su); soft: add a log-probability bonus to them</source>
        <translation>硬：只保留以被移除文本开头的 token 并重新归一化（苏剑林的做法）；软：给它们的对数概率加一个奖励</translation>
    </message>
    <message>
        <source>hard: keep prefix matches</source>
        <translation>硬：只保留前缀匹配</translation>
    </message>
    <message>
        <source>soft: bias prefix matches</source>
        <translation>软：偏向前缀匹配</translation>
    </message>
    <message>
        <source>soft bias (nats)</source>
        <translation>软偏置（nats）</translation>
    </message>
    <message>
        <source>Soft healing multiplies the matching tokens&apos; probabilities by exp(bias)</source>
        <translation>软修复把匹配 token 的概率乘以 exp(bias)</translation>
    </message>
    <message>
        <source>decoding</source>
        <translation>解码</translation>
    </message>
    <message>
        <source>Greedy (most likely token) or seeded sampling</source>
        <translation>贪心（取概率最大的 token）或固定种子的随机采样</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>sample (seeded)</source>
        <translation>采样（固定种子）</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of sampled decoding and of the random segmentations</source>
        <translation>采样解码和随机分词所用的随机种子</translation>
    </message>
    <message>
        <source>max new tokens</source>
        <translation>最多新 token 数</translation>
    </message>
    <message>
        <source>Continuations stop here or at the end-of-sentence token</source>
        <translation>续写到这个数目或遇到句末 token 时停止</translation>
    </message>
    <message>
        <source>segmentation α</source>
        <translation>分词 α</translation>
    </message>
    <message>
        <source>Viterbi sampling keeps a competing split with probability σ(α·Δ log p): small α splits often, large α is the deterministic segmentation</source>
        <translation>Viterbi Sampling 以概率 σ(α·Δ log p) 采用竞争切分：α 小则常切开，α 大则退化为确定性分词</translation>
    </message>
    <message>
        <source>Token healing</source>
        <translation>Token 修复</translation>
    </message>
    <message>
        <source>&lt;p&gt;A large vocabulary makes 白云机场 and 白云山 single tokens. The prompt 广州的白云 is then tokenised 广州 / 的 / 白云, but in training the token 白云 was (almost) never followed by 机场 or 山: those words were always inside one bigger token. Continuing a prompt that ends mid-token, the model has little mass left for the obvious continuation.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Su&apos;s remedy.&lt;/b&gt; Back off the last token(s), whose text is $s$, and let the first new token re-cover $s$: keep only the tokens $V_s$ that start with $s$ and renormalise&lt;/p&gt;$$q(t)=\frac{p(t\mid c)}{\sum_{t&apos;\in V_s}p(t&apos;\mid c)},\quad t\in V_s$$&lt;p&gt;where $c$ are the kept tokens. &lt;i&gt;Soft&lt;/i&gt; healing (as in the guidance library&apos;s token healing) only biases them: $q(t)\propto p(t\mid c)\,e^{b\,[t\in V_s]}$.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Training remedy&lt;/b&gt; (follow-up post 9768): segment the training text at random, so the model also sees 白云 / 机场. Viterbi sampling replaces the best split ending at a position by a competitor with probability&lt;/p&gt;$$\sigma(\alpha\,(\log p_{new}-\log p_{best}))$$&lt;p&gt;The third continuation comes from a model trained on {samples} such segmentations per line (α = {alpha}). Why large vocabularies at all? More characters per token: shorter sequences, faster generation (right-hand chart).&lt;/p&gt;&lt;p&gt;The models are 4-gram Kneser-Ney LMs on a small bundled corpus, so the effect is exact and instant rather than statistical.&lt;/p&gt;</source>
        <translation>&lt;p&gt;大词表会把“白云机场”和“白云山”各自变成一个 token。于是提示“广州的白云”被分成 广州 / 的 / 白云，但在训练中 token“白云”后面（几乎）从未接过“机场”或“山”：这些词总是包含在一个更大的 token 里。续写一个止于 token 中间的提示时，模型留给那个显而易见的续写的概率已所剩无几。&lt;/p&gt;&lt;p&gt;&lt;b&gt;苏剑林的对策。&lt;/b&gt;回退最后一个（或几个）token，记其文本为 $s$，让第一个新 token 重新覆盖 $s$：只保留以 $s$ 开头的 token 集合 $V_s$，然后重新归一化&lt;/p&gt;$$q(t)=\frac{p(t\mid c)}{\sum_{t&apos;\in V_s}p(t&apos;\mid c)},\quad t\in V_s$$&lt;p&gt;其中 $c$ 是保留下来的 token。&lt;i&gt;软&lt;/i&gt;修复（如 guidance 库中的 token healing）只给它们加一个偏置：$q(t)\propto p(t\mid c)\,e^{b\,[t\in V_s]}$。&lt;/p&gt;&lt;p&gt;&lt;b&gt;训练端的对策&lt;/b&gt;（后续文章 9768）：训练时对文本做随机分词，让模型也见到 白云 / 机场。Viterbi Sampling 以如下概率用一个竞争切分替换在某位置结尾的最优切分&lt;/p&gt;$$\sigma(\alpha\,(\log p_{new}-\log p_{best}))$$&lt;p&gt;第三个续写来自一个对每行做 {samples} 次这样的随机分词后训练的模型（α = {alpha}）。为什么要用大词表？每个 token 包含更多字符：序列更短，生成更快（右侧图）。&lt;/p&gt;&lt;p&gt;这里的模型是在一个小型内置语料上训练的 4-gram Kneser-Ney 语言模型，所以效果是精确而即时的，而不是统计意义上的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Default: without healing 机场 and 山 get well under 1% and greedy decoding just stops; healed, 白云山 and 白云机场 share all the mass.</source>
        <translation>默认设置：不修复时“机场”和“山”的概率都远低于 1%，贪心解码直接结束；修复后，“白云山”和“白云机场”分享全部概率。</translation>
    </message>
    <message>
        <source>Switch the tokeniser to single characters: the prompt ends on a token boundary, nothing needs healing.</source>
        <translation>把分词器换成单字：提示正好止于 token 边界，无需修复。</translation>
    </message>
    <message>
        <source>Preset “import numpy” with BPE: the prompt is cut into ‘import ’, ‘nu’, ‘mp’, ‘y’; back off 4 tokens.</source>
        <translation>预设“import numpy”配 BPE：提示被切成 ‘import ’、‘nu’、‘mp’、‘y’；回退 4 个 token。</translation>
    </message>
    <message>
        <source>Set healing to soft and drag the bias to 0: the healed chart falls back to P(next | kept tokens).</source>
        <translation>把修复方式设为软，再把偏置拖到 0：修复后的图退回到 P(下一个 | 保留的 token)。</translation>
    </message>
    <message>
        <source>Lower α: the random segmentations split 白云 into 白 / 云 more often.</source>
        <translation>减小 α：随机分词更常把 白云 切成 白 / 云。</translation>
    </message>
    <message>
        <source>Type a prompt with a character such as ж: the tab says why and keeps the last plots.</source>
        <translation>输入含有 ж 这类字符的提示：本页会说明原因，并保留上一次的图。</translation>
    </message>
    <message>
        <source>Set prompt, tokeniser and back-off to an example worth seeing</source>
        <translation>把提示、分词器和回退设为一个值得一看的例子</translation>
    </message>
    <message>
        <source>{prompt} · {tokenizer} · back off {back_off}</source>
        <translation>{prompt} · {tokenizer} · 回退 {back_off}</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Without healing</source>
        <translation>不修复</translation>
    </message>
    <message>
        <source>P(next | whole prompt), %</source>
        <translation>P(下一个 | 整个提示), %</translation>
    </message>
    <message>
        <source>With healing</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>P(first | kept tokens), %</source>
        <translation>P(首个 | 保留的 token), %</translation>
    </message>
    <message>
        <source>other tokens</source>
        <translation>其他 token</translation>
    </message>
    <message>
        <source>expected next</source>
        <translation>预期的下一个</translation>
    </message>
    <message>
        <source>before healing</source>
        <translation>修复前</translation>
    </message>
    <message>
        <source>after healing</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩率</translation>
    </message>
    <message>
        <source>vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>characters per token</source>
        <translation>每个 token 的字符数</translation>
    </message>
    <message>
        <source>curated</source>
        <translation>精选词</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>直接续写</translation>
    </message>
    <message>
        <source>The prompt&apos;s own tokens, no healing</source>
        <translation>用提示本身的 token，不做修复</translation>
    </message>
    <message>
        <source>hard-healed</source>
        <translation>硬修复</translation>
    </message>
    <message>
        <source>random-seg. LM</source>
        <translation>随机分词 LM</translation>
    </message>
    <message>
        <source>Curated vocabulary, LM trained on Viterbi-sampled segmentations; the prompt is not healed</source>
        <translation>精选词表，语言模型在 Viterbi Sampling 随机分词的语料上训练；提示不做修复</translation>
    </message>
    <message>
        <source>Last token(s) backed off, first token constrained to re-cover them</source>
        <translation>回退最后的 token，并约束第一个新 token 重新覆盖它们</translation>
    </message>
    <message>
        <source>Last token(s) backed off; for the first token, those that re-cover them get a bias of {bias} nats, so another token may replace them</source>
        <translation>回退最后的 token；第一个新 token 中能重新覆盖它们的获得 {bias} nats 的偏置，因此也可能被别的 token 取代</translation>
    </message>
    <message>
        <source>soft-healed</source>
        <translation>软修复</translation>
    </message>
    <message>
        <source>building tokenisers and n-gram language models</source>
        <translation>正在构建分词器和 n-gram 语言模型</translation>
    </message>
    <message>
        <source>training BPE at several vocabulary sizes</source>
        <translation>正在以多种词表大小训练 BPE</translation>
    </message>
    <message>
        <source>after, not matching</source>
        <translation>修复后，不匹配</translation>
    </message>
    <message>
        <source>(greedy, coloured: new tokens)</source>
        <translation>（贪心；着色的是新 token）</translation>
    </message>
    <message>
        <source>(sampled, seed {seed}, coloured: new tokens)</source>
        <translation>（采样，种子 {seed}；着色的是新 token）</translation>
    </message>
    <message>
        <source>Continuations</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>(edited since)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{tokenizer} ({size} tokens): back off → {kept} + removed “{removed}”</source>
        <translation>{tokenizer}（{size} 个 token）：回退 → {kept} + 移除的“{removed}”</translation>
    </message>
    <message>
        <source>1 token starts with it; it held {mass} of P(next | kept)</source>
        <translation>以它开头的 token 只有 1 个；它占 P(下一个 | 保留部分) 的 {mass}</translation>
    </message>
    <message>
        <source>{count} tokens start with it; they held {mass} of P(next | kept)</source>
        <translation>以它开头的 token 有 {count} 个；它们占 P(下一个 | 保留部分) 的 {mass}</translation>
    </message>
    <message>
        <source>({note})</source>
        <translation>（{note}）</translation>
    </message>
    <message>
        <source>in training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>no training sentence continues this prompt</source>
        <translation>没有训练句子续接这个提示</translation>
    </message>
    <message>
        <source>the prompt ends inside “{token}”: a boundary the model never saw in training</source>
        <translation>提示止于“{token}”内部：这是模型在训练中从未见过的边界</translation>
    </message>
    <message>
        <source>the prompt ends on a token boundary here too</source>
        <translation>提示在这里同样止于 token 边界</translation>
    </message>
    <message>
        <source>re-covers “{removed}” with “{token}” ({prob})</source>
        <translation>用“{token}”重新覆盖“{removed}”（{prob}）</translation>
    </message>
    <message>
        <source>replaces “{removed}” with “{token}” ({prob})</source>
        <translation>用“{token}”替换了“{removed}”（{prob}）</translation>
    </message>
    <message>
        <source>drops “{removed}”</source>
        <translation>丢掉了“{removed}”</translation>
    </message>
    <message>
        <source>then &lt;/s&gt;</source>
        <translation>然后 &lt;/s&gt;</translation>
    </message>
    <message>
        <source>stops at once: &lt;/s&gt;</source>
        <translation>立即结束：&lt;/s&gt;</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Random segmentation</source>
        <translation>随机分词</translation>
    </message>
    <message>
        <source>(Viterbi sampling, curated vocabulary, α = {alpha}, {draws} draws, seed {seed})</source>
        <translation>（Viterbi Sampling，精选词表，α = {alpha}，抽样 {draws} 次，种子 {seed}）</translation>
    </message>
</context>
</TS>
