exec(open('.scratch/addmistakes.py').read())
L='scenarios/curriculum/lessons/07-half-and-mean.toml'
settop(L, 'description', "Papers and libraries write the contrastive loss differently: with or without the ½, summed or averaged over pairs, with squared or plain hinges, and with different labels. The same state gives different numbers. None of them is a wrong definition, but they train differently: the ½ and sum versus mean rescale the gradient, so they are tied to the learning rate and the batch size; a squared hinge's push fades to 0 as d reaches m, while a plain hinge pushes with the same strength until then; and averaging over the non-zero terms only gives each remaining term more weight as fewer stay active.")
settop(L, 'description_zh', "论文和库写对比损失的方式各不相同：有没有 ½，对样本对求和还是求平均，铰链取不取平方，标签也各不相同。同一个状态会算出不同的数值。作为定义，它们都没有错，但训练起来并不一样：½ 以及求和还是求平均会缩放梯度，因而与学习率和批大小相互牵连；平方铰链的推力在 d 接近 m 时逐渐减弱到 0，普通铰链则在此之前一直以同样的力度推开；只对非零项求平均时，激活的项越少，剩下每一项的权重就越大。")
setkey(L, 'TensorFlow Addons', 'explain', "Without the ½ each term doubles: 0.125, twice this project's value. Hadsell et al. 2006 (eq. 4) keep the ½ but sum over the pairs: with these two pairs that is 0.125 again, but only because there are two. Over N pairs Hadsell's sum is N/2 times TensorFlow Addons' mean.")
setkey(L, 'TensorFlow Addons', 'explain_zh', "没有 ½，每一项都翻倍：0.125，是本项目数值的两倍。Hadsell 等人 2006 年的论文（式 4）保留 ½，但对样本对求和：这两个样本对同样得出 0.125，但这只是因为样本对恰好有两个。对 N 个样本对，Hadsell 的求和是 TensorFlow Addons 均值的 N/2 倍。")
add(L, 'd(a,p) = 0.3, d(a,n) = 0.1', ['0.125', '0.045'],
  ["0.125 leaves out the ½: ½·0.3² = 0.045 and ½·max(0.5 − 0.1, 0)² = 0.08, and their mean is 0.0625.",
   "0.045 is the positive pair's term alone; the negative at 0.1 is inside m = 0.5 and adds ½·max(0.5 − 0.1, 0)² = 0.08 before the mean."],
  ["0.125 漏掉了 ½：½·0.3² = 0.045，½·max(0.5 − 0.1, 0)² = 0.08，两者的均值是 0.0625。",
   "0.045 只是正样本对这一项；负样本在 0.1 处，位于 m = 0.5 之内，取均值之前还要加上 ½·max(0.5 − 0.1, 0)² = 0.08。"])
add(L, 'TensorFlow Addons', ['0.0625', '0.25'],
  ["0.0625 keeps the ½, this project's convention; TensorFlow Addons drops it, so each term doubles.",
   "0.25 is the sum of the two terms without the ½; TensorFlow Addons takes their mean over the two pairs."],
  ["0.0625 保留了 ½，这是本项目的约定；TensorFlow Addons 去掉了它，所以每一项都翻倍。",
   "0.25 是去掉 ½ 后两项之和；TensorFlow Addons 对两个样本对取均值。"])
add(L, 'In Hadsell et al. 2006', ['Y = 1'],
  ["Y = 1 marks a similar pair in this project (y = 1 for same) and in TensorFlow Addons; Hadsell et al. 2006 use the opposite label."],
  ["在本项目（y = 1 表示同类）和 TensorFlow Addons 中，Y = 1 表示相似样本对；Hadsell 等人 2006 年的论文用的是相反的标签。"])
add(L, "pytorch-metric-learning's ContrastiveLoss", ['0.35'],
  ["0.35 is the mean of the two terms, PyTorch's HingeEmbeddingLoss; pytorch-metric-learning averages each part over its own non-zero terms and then adds the parts: 0.3 + 0.4 = 0.7."],
  ["0.35 是两项的均值，即 PyTorch 的 HingeEmbeddingLoss；pytorch-metric-learning 则把每一部分在其自身的非零项上求平均，再把各部分相加：0.3 + 0.4 = 0.7。"])
