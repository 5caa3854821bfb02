import sys, re, json
def esc(s): return json.dumps(s, ensure_ascii=False)
def add(path, qprefix, mistakes, diags, diags_zh):
    s = open(path).read()
    lines = s.split('\n')
    qi = next(i for i,l in enumerate(lines) if l.startswith('question = "'+qprefix))
    # after explain_zh (or explain) following the question
    j = qi
    while not lines[j].startswith('explain_zh = ') and not (lines[j].startswith('explain = ') and not lines[j+1].startswith('explain_zh')):
        j += 1
    ins = ['mistakes = [' + ', '.join(esc(m) for m in mistakes) + ']',
           'diagnoses = [' + ', '.join(esc(d) for d in diags) + ']',
           'diagnoses_zh = [' + ', '.join(esc(d) for d in diags_zh) + ']']
    lines[j+1:j+1] = ins
    open(path, 'w').write('\n'.join(lines))
def rep(path, old, new):
    s = open(path).read()
    if old not in s:
        sys.exit('not found in %s: %s' % (path, old[:80]))
    s = s.replace(old, new)
    open(path, 'w').write(s)
def block(lines, qprefix):
    qi = next(i for i,l in enumerate(lines) if l.startswith('question = "'+qprefix))
    a = qi
    while a > 0 and lines[a-1].strip() != '' and not lines[a-1].startswith('[['):
        a -= 1
    b = qi
    while b < len(lines) and lines[b].strip() != '':
        b += 1
    return a, b
def setkey(path, qprefix, key, value):
    s = open(path).read(); lines = s.split('\n')
    a, b = block(lines, qprefix)
    for i in range(a, b):
        if lines[i].startswith(key + ' = '):
            lines[i] = key + ' = ' + esc(value); break
    else:
        sys.exit('no %s in block %s' % (key, qprefix))
    open(path, 'w').write('\n'.join(lines))
def settop(path, key, value):
    s = open(path).read()
    s2 = re.sub(r'(?ms)^' + key + r' = """.*?"""', lambda m: key + ' = """' + value + '"""', s, count=1)
    if s2 == s:
        s2 = re.sub(r'(?m)^' + key + r' = ".*"$', lambda m: key + ' = ' + esc(value), s, count=1)
    if s2 == s: sys.exit('no top ' + key)
    open(path, 'w').write(s2)
