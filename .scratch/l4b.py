exec(open('.scratch/addmistakes.py').read())
L='scenarios/curriculum/lessons/04-regimes.toml'
s=open(L).read()
s=s.replace("here 0.5 < 0.6, so the negative is nearer: hard.","here 0.5 < 0.6: the triplet is hard.")
s=s.replace("这里 0.5 < 0.6，负样本更近：是困难的。","这里 0.5 < 0.6：三元组是困难的。")
s=s.replace("at a tie it is not, so the triplet is hard.","at a tie it is not, and hard wins the tie.")
s=s.replace("持平时并非如此，所以三元组是困难的。","持平时并非如此，持平算作困难。")
open(L,'w').write(s)
