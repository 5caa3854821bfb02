exec(open('.scratch/addmistakes.py').read())
L='scenarios/curriculum/lessons/'
add(L+'01-article-cases.toml', 'With d(a,p) = 0.7', ['0.2', '0', '-0.2'],
  ["0.7 − 0.5 = 0.2 leaves out the margin: the loss is max(d(a,p) − d(a,n) + m, 0), so m = 0.2 is added too.",
   "0 would say the triplet is satisfied, but the negative is nearer than the positive (0.5 < 0.7): the hinge is active.",
   "0.5 − 0.7 takes the distances the wrong way round, and a hinge is never negative: the loss is max(d(a,p) − d(a,n) + m, 0)."],
  ["0.7 − 0.5 = 0.2 漏掉了间隔：损失是 max(d(a,p) − d(a,n) + m, 0)，还要加上 m = 0.2。",
   "0 表示三元组已被满足，但负样本比正样本更近（0.5 < 0.7）：铰链处于激活状态。",
   "0.5 − 0.7 把两个距离弄反了，而且铰链损失永远不会为负：损失是 max(d(a,p) − d(a,n) + m, 0)。"])
add(L+'01-article-cases.toml', 'A better network', ['-0.3', '-0.5'],
  ["0.1 − 0.6 + 0.2 = −0.3 is right so far, but the max is missing: a hinge is never negative, and max(−0.3, 0) = 0.",
   "0.1 − 0.6 = −0.5 leaves out both the margin and the max: max(0.1 − 0.6 + 0.2, 0) = 0."],
  ["0.1 − 0.6 + 0.2 = −0.3 这一步没错，但漏掉了 max：铰链损失永远不会为负，max(−0.3, 0) = 0。",
   "0.1 − 0.6 = −0.5 既漏掉了间隔，也漏掉了 max：max(0.1 − 0.6 + 0.2, 0) = 0。"])
add(L+'02-article-erratum.toml', 'No margin:', ['0.4', '-0.2'],
  ["0.4 is the first example's loss, with m = 0.2; here m = 0, so the loss is max(0.7 − 0.5 + 0, 0) = 0.2.",
   "0.5 − 0.7 takes the distances the wrong way round, and a hinge is never negative: max(0.7 − 0.5 + 0, 0) = 0.2."],
  ["0.4 是第一个例子在 m = 0.2 时的损失；这里 m = 0，所以损失是 max(0.7 − 0.5 + 0, 0) = 0.2。",
   "0.5 − 0.7 把两个距离弄反了，而且铰链损失永远不会为负：max(0.7 − 0.5 + 0, 0) = 0.2。"])
add(L+'02-article-erratum.toml', 'Now d(a,p) = 0.1', ['-0.5'],
  ["−0.5 is the article's slip: 0.1 − 0.6 = −0.5, but the max keeps the loss at 0 or above, and max(−0.5, 0) = 0."],
  ["−0.5 正是原文的笔误：0.1 − 0.6 = −0.5，但 max 让损失不小于 0，max(−0.5, 0) = 0。"])
add(L+'03-two-losses.toml', 'The contrastive loss is the mean', ['0.245', '0.49', '0.4'],
  ["0.245 is the positive pair's term alone, ½·0.7²; the loss is the mean over the two pairs, and the negative's term is 0.",
   "0.49 = 0.7² leaves out the ½ and the mean: ½·0.7² = 0.245 for the positive pair, 0 for the negative, and their mean.",
   "0.4 is the triplet loss in this state; the contrastive loss looks at each pair on its own: ½·0.7² = 0.245 for the positive pair and 0 for the negative."],
  ["0.245 只是正样本对这一项 ½·0.7²；损失是两个样本对的均值，而负样本那一项为 0。",
   "0.49 = 0.7² 漏掉了 ½ 和均值：正样本对为 ½·0.7² = 0.245，负样本对为 0，再取均值。",
   "0.4 是这个状态下的三元组损失；对比损失分别看每个样本对：正样本对为 ½·0.7² = 0.245，负样本对为 0。"])
add(L+'03-two-losses.toml', 'The negative moves to 0.15', ['only the triplet loss', 'only the contrastive loss'],
  ["The negative at 0.15 is inside the radius m = 0.2, so the contrastive push term ½·max(m − d, 0)² is no longer 0: the contrastive loss acts on it too.",
   "The triplet loss acted already (the negative nearer than the positive), and moving the negative nearer keeps it acting."],
  ["负样本在 0.15 处，位于半径 m = 0.2 之内，所以对比损失的推开项 ½·max(m − d, 0)² 不再为 0：对比损失也作用于它。",
   "三元组损失此前就已激活（负样本比正样本更近），负样本再靠近，它仍然激活。"])
