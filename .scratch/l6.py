exec(open('.scratch/addmistakes.py').read())
L='scenarios/curriculum/lessons/06-squared-and-cosine.toml'
s=open(L).read()
s=s.replace('description = """FaceNet writes the triplet loss on squared distances, \\\n','description = """FaceNet (§3.1) writes the triplet loss on squared distances, \\\n')
s=s.replace('description_zh = """FaceNet 把三元组损失','description_zh = """FaceNet（§3.1）把三元组损失')
open(L,'w').write(s)
setkey(L, 'd(a,p) = 0.1, d(a,n) = 0.35', 'explain', "0.01 − 0.1225 + 0.2 = 0.0875: squared triplet loss 0.0875 (semi-hard). The plain triplet is easy: 0.1 − 0.35 + 0.2 = −0.05. The squared form is 0 when d(a,n)² − d(a,p)² ≥ m, that is when d(a,n) − d(a,p) ≥ m / (d(a,p) + d(a,n)): it asks more than the plain form where d(a,p) + d(a,n) is below 1, as here, and less where it is above 1.")
setkey(L, 'd(a,p) = 0.1, d(a,n) = 0.35', 'explain_zh', "0.01 − 0.1225 + 0.2 = 0.0875：平方三元组损失为 0.0875（半困难）。普通三元组是简单的：0.1 − 0.35 + 0.2 = −0.05。平方形式在 d(a,n)² − d(a,p)² ≥ m 时为 0，即 d(a,n) − d(a,p) ≥ m / (d(a,p) + d(a,n))：d(a,p) + d(a,n) 小于 1 时（如这里），它比普通形式要求得多；大于 1 时则要求得少。")
add(L, 'd(a,p) = 0.1, d(a,n) = 0.35', ['0', '-0.05'],
  ["0 is the plain triplet loss; the squared form squares each distance first: 0.01 − 0.1225 + 0.2 = 0.0875.",
   "0.1 − 0.35 + 0.2 = −0.05 uses the plain distances and forgets the max; the squared form is 0.01 − 0.1225 + 0.2 = 0.0875."],
  ["0 是普通三元组损失；平方形式先把每个距离平方：0.01 − 0.1225 + 0.2 = 0.0875。",
   "0.1 − 0.35 + 0.2 = −0.05 用的是普通距离，而且漏掉了 max；平方形式是 0.01 − 0.1225 + 0.2 = 0.0875。"])
# the new step where squaring asks less
s=open(L).read()
new='''[[step]]
dap = 0.45
dan = 0.64
question = "Now d(a,p) = 0.45, d(a,n) = 0.64, m = 0.2: the plain triplet loss is 0.01 (semi-hard). What is the squared triplet loss?"
question_zh = "现在 d(a,p) = 0.45，d(a,n) = 0.64，m = 0.2：普通三元组损失为 0.01（半困难）。平方三元组损失是多少？"
answer = 0.0
explain = "d(a,n)² − d(a,p)² = 0.2071 reaches m, so the squared triplet loss is 0 (easy), while the plain gap d(a,n) − d(a,p) = 0.19 falls short of m: triplet loss 0.01. Here d(a,p) + d(a,n) is above 1, and squaring asks less than the plain form."
explain_zh = "d(a,n)² − d(a,p)² = 0.2071 达到了 m，所以平方三元组损失为 0（简单）；而普通形式的差 d(a,n) − d(a,p) = 0.19 不到 m：三元组损失为 0.01。这里 d(a,p) + d(a,n) 大于 1，平方形式比普通形式要求得少。"
mistakes = ["0.01", "-0.0071"]
diagnoses = ["0.01 is the plain triplet loss; the squared form compares d(a,n)² − d(a,p)² = 0.2071 with m, and it reaches m: loss 0.", "The squared gap is 0.2071, so d(a,p)² − d(a,n)² + m is −0.0071, but the max is missing: a hinge is never negative."]
diagnoses_zh = ["0.01 是普通三元组损失；平方形式拿 d(a,n)² − d(a,p)² = 0.2071 与 m 比较，它达到了 m：损失为 0。", "平方形式的差是 0.2071，所以 d(a,p)² − d(a,n)² + m 为 −0.0071，但漏掉了 max：铰链损失永远不会为负。"]

[[step]]
dap = 1.0
dan = 1.2
'''
s=s.replace('[[step]]\ndap = 1.0\ndan = 1.2\n', new, 1)
open(L,'w').write(s)
setkey(L, 'Far from the anchor', 'explain', "1 − 1.44 + 0.2 = −0.24: squared triplet loss 0 (easy). The plain triplet is easy only just, on its boundary: 1.0 − 1.2 + 0.2 = 0. The squared margin that puts the squared boundary where the plain one is for this positive, d(a,n) = d(a,p) + m, is m·(2d(a,p) + m) = 0.44: it depends on where the points are.")
setkey(L, 'Far from the anchor', 'explain_zh', "1 − 1.44 + 0.2 = −0.24：平方三元组损失为 0（简单）。普通三元组刚好算简单，正好在边界上：1.0 − 1.2 + 0.2 = 0。对这个正样本，要让平方形式的边界落在普通形式的边界 d(a,n) = d(a,p) + m 上，平方间隔应为 m·(2d(a,p) + m) = 0.44：它取决于点在哪里。")
add(L, 'Far from the anchor', ['-0.24', '0.2'],
  ["1 − 1.44 + 0.2 = −0.24 is right so far, but the max is missing: max(−0.24, 0) = 0.",
   "0.2 is the margin alone; the squared differences cancel it here: 1 − 1.44 + 0.2 is below 0, so the loss is 0."],
  ["1 − 1.44 + 0.2 = −0.24 这一步没错，但漏掉了 max：max(−0.24, 0) = 0。",
   "0.2 只是间隔本身；这里平方之差抵消了它：1 − 1.44 + 0.2 小于 0，所以损失为 0。"])
add(L, 'For unit-length embeddings', ['0.32', '0'],
  ["0.32 = 0.875 − 0.755 + 0.2 keeps the distance form: with similarities the inequality flips, max(s(a,n) − s(a,p) + m, 0) = max(0.755 − 0.875 + 0.2, 0) = 0.08.",
   "0 would mean the positive is more similar than the negative by at least m; it is more similar by 0.12 only, less than m = 0.2."],
  ["0.32 = 0.875 − 0.755 + 0.2 沿用了距离的写法：用相似度时不等式反过来，max(s(a,n) − s(a,p) + m, 0) = max(0.755 − 0.875 + 0.2, 0) = 0.08。",
   "0 表示正样本比负样本更相似，且至少多 m；这里只多 0.12，不到 m = 0.2。"])
