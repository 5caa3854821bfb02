exec(open('.scratch/addmistakes.py').read())
L='scenarios/curriculum/lessons/04-regimes.toml'
settop(L, 'description', "Triplets come in three regimes. Hard: d(a,n) ≤ d(a,p), the negative is no farther than the positive. Semi-hard: d(a,p) < d(a,n) < d(a,p) + m, farther but inside the margin. Easy: d(a,n) ≥ d(a,p) + m, with loss 0. For the plain hinge max(d(a,p) − d(a,n) + m, 0) the gradient is the same whenever the hinge is active, +1 on d(a,p) and −1 on d(a,n): regimes differ in loss, and in which negatives a miner picks. The squared form max(d(a,p)² − d(a,n)² + m, 0) differs: its gradient on d(a,n) is −2·d(a,n), so a hard negative near the anchor gets only a weak push.")
settop(L, 'description_zh', "三元组分为三种难度。困难：d(a,n) ≤ d(a,p)，负样本不比正样本远。半困难：d(a,p) < d(a,n) < d(a,p) + m，比正样本远，但仍在间隔之内。简单：d(a,n) ≥ d(a,p) + m，损失为 0。对普通铰链 max(d(a,p) − d(a,n) + m, 0)，只要铰链处于激活状态，梯度都一样：对 d(a,p) 为 +1，对 d(a,n) 为 −1；各种难度的区别在于损失，以及挖掘器会挑中哪些负样本。平方形式 max(d(a,p)² − d(a,n)² + m, 0) 则不同：它对 d(a,n) 的梯度是 −2·d(a,n)，所以离锚点很近的困难负样本只得到很弱的推力。")
add(L, 'd(a,p) = 0.6, d(a,n) = 0.5', ['semi-hard', 'easy'],
  ["Semi-hard needs the negative farther than the positive, d(a,n) > d(a,p); here 0.5 < 0.6, so the negative is nearer: hard.",
   "Easy needs d(a,n) ≥ d(a,p) + m = 0.8, with loss 0; here the triplet loss is 0.3."],
  ["半困难要求负样本比正样本远，即 d(a,n) > d(a,p)；这里 0.5 < 0.6，负样本更近：是困难的。",
   "简单要求 d(a,n) ≥ d(a,p) + m = 0.8，损失为 0；这里三元组损失为 0.3。"])
add(L, 'The negative moves out to 0.7', ['hard', 'easy'],
  ["Hard means d(a,n) ≤ d(a,p); 0.7 > 0.6, so the negative is now farther than the positive.",
   "Easy needs d(a,n) ≥ d(a,p) + m = 0.8; 0.7 is still inside the margin, triplet loss 0.1."],
  ["困难意味着 d(a,n) ≤ d(a,p)；而 0.7 > 0.6，负样本现在比正样本远。",
   "简单要求 d(a,n) ≥ d(a,p) + m = 0.8；0.7 仍在间隔之内，三元组损失为 0.1。"])
# claim 7: avoid the boundary, name the convention
s=open(L).read()
s=s.replace('dan = 0.8\nquestion = "And at d(a,n) = 0.8?"','dan = 0.9\nquestion = "And at d(a,n) = 0.9?"')
s=s.replace('question_zh = "那么 d(a,n) = 0.8 时呢？"','question_zh = "那么 d(a,n) = 0.9 时呢？"')
open(L,'w').write(s)
setkey(L, 'And at d(a,n) = 0.9', 'explain', "0.9 > d(a,p) + m = 0.8: the triplet is easy, triplet loss 0. Exactly on the boundary, d(a,n) = d(a,p) + m, conventions differ: losslab counts it as easy, since the loss there is 0, while pytorch-metric-learning's miner calls it semi-hard (0 < d(a,n) − d(a,p) ≤ m).")
setkey(L, 'And at d(a,n) = 0.9', 'explain_zh', "0.9 > d(a,p) + m = 0.8：三元组是简单的，三元组损失为 0。恰好在边界上，即 d(a,n) = d(a,p) + m 时，各家约定不同：losslab 算作简单，因为那里的损失为 0；pytorch-metric-learning 的挖掘器则算作半困难（0 < d(a,n) − d(a,p) ≤ m）。")
add(L, 'And at d(a,n) = 0.9', ['semi-hard', 'hard'],
  ["Semi-hard lies inside the margin, below d(a,p) + m = 0.8; 0.9 is beyond it, and the triplet loss is 0.",
   "Hard means d(a,n) ≤ d(a,p) = 0.6; the negative at 0.9 is farther than the positive by more than m."],
  ["半困难位于间隔之内，即小于 d(a,p) + m = 0.8；0.9 已在其外，三元组损失为 0。",
   "困难意味着 d(a,n) ≤ d(a,p) = 0.6；0.9 处的负样本比正样本远出不止 m。"])
setkey(L, 'A tie:', 'explain', "hard wins the tie: the rule is d(a,n) ≤ d(a,p), and 0.6 ≤ 0.6; pytorch-metric-learning agrees (hard: d(a,n) − d(a,p) ≤ 0). Triplet loss 0.2, exactly m: at any tie the loss is m.")
setkey(L, 'A tie:', 'explain_zh', "持平时算作困难：规则是 d(a,n) ≤ d(a,p)，而 0.6 ≤ 0.6；pytorch-metric-learning 的约定相同（困难：d(a,n) − d(a,p) ≤ 0）。三元组损失为 0.2，恰好等于 m：任何持平时损失都是 m。")
add(L, 'A tie:', ['semi-hard'],
  ["Semi-hard needs the negative strictly farther than the positive, d(a,n) > d(a,p); at a tie it is not, so the triplet is hard."],
  ["半困难要求负样本严格比正样本远，即 d(a,n) > d(a,p)；持平时并非如此，所以三元组是困难的。"])
