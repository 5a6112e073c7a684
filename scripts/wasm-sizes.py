#!/usr/bin/env python3
"""What a wasm holds: code bytes per crate and per module of ours (from the name section), and the
largest functions. For a build that still has names: target/wasm32-unknown-unknown/release/*.wasm
(before wasm-bindgen and wasm-opt). Usage: scripts/wasm-sizes.py FILE.wasm [TOP] (docs/benchmark.md)"""
import re, sys, gzip, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; n, j = leb(b, i + 1)
        yield sid, b[j:j + n]
        i = j + n

CRATES = ['zettaflop_web', 'zettaflop_estimator', 'zettaflop_link', 'tachys', 'reactive_graph',
          'leptos', 'js_sys', 'web_sys', 'wasm_bindgen', 'dlmalloc', 'hashbrown', 'serde', 'alloc',
          'core', 'std', 'compiler_builtins', 'any_spawner', 'console_error_panic_hook', 'indexmap']

def crate_of(name):
    best = None
    for c in CRATES:
        for pat in (c + '..', '%d%s' % (len(c), c)):
            k = name.find(pat)
            if k >= 0 and (best is None or k < best[0]):
                best = (k, c)
    return best[1] if best else 'other'

def module_of(name, crate):
    m = re.search(r'%d%s(\d+)([a-z_0-9]+)' % (len(crate), crate), name)
    if m: return m.group(2)[:int(m.group(1))]
    m = re.search(crate + r'\.\.([a-z_0-9]+)', name)
    return m.group(1) if m else '?'

def demangle_crate(name):
    m = re.match(r'_ZN(\d+)', name)
    if m:
        k = int(m.group(1)); return name[len(m.group(0)):len(m.group(0)) + k]
    m = re.match(r'_R.*?C(\d+)', name)
    if m: return 'v0'
    m = re.match(r'<?(?:&?(?:mut )?)?([a-z_0-9]+)::', name)
    return m.group(1) if m else name.split('::')[0][:40]

def main():
    b = open(sys.argv[1], 'rb').read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    imports = 0; bodies = []; names = {}; data = 0; other = collections.Counter()
    for sid, sec in sections(b):
        if sid == 2:
            n, i = leb(sec, 0)  # count imported functions roughly: skip exact parse
            other['import'] += len(sec)
        if sid == 10:
            n, i = leb(sec, 0)
            for _ in range(n):
                sz, i2 = leb(sec, i); bodies.append(sec[i2:i2 + sz]); i = i2 + sz
        elif sid == 11:
            data += len(sec); other['data'] += len(sec)
        elif sid == 0:
            nl, i = leb(sec, 0); nm = sec[i:i + nl].decode(); i += nl
            if nm == 'name':
                while i < len(sec):
                    sub = sec[i]; sz, j = leb(sec, i + 1); end = j + sz
                    if sub == 1:
                        cnt, j = leb(sec, j)
                        for _ in range(cnt):
                            idx, j = leb(sec, j); l, j = leb(sec, j)
                            names[idx] = sec[j:j + l].decode('utf8', 'replace'); j += l
                    i = end
        elif sid != 10:
            other[sid] += len(sec)
    # imported function count: names indices below the first body
    nimp = len(names) - len(bodies) if len(names) >= len(bodies) else 0
    by_crate = collections.Counter(); by_fn = []; by_mod = collections.Counter()
    for k, body in enumerate(bodies):
        name = names.get(k + nimp, f'fn{k}')
        c = crate_of(name)
        by_crate[c] += len(body)
        if c.startswith('zettaflop'):
            by_mod[c + '::' + module_of(name, c)] += len(body)
        by_fn.append((len(body), name))
    code = sum(len(x) for x in bodies)
    print(f'file {len(b)} B, gzip -9 {len(gzip.compress(b, 9))} B; code {code} B in {len(bodies)} functions, data {data} B')
    print('code by crate (raw B):')
    for c, n in by_crate.most_common(top):
        print(f'  {n:8d}  {100*n/code:5.1f} %  {c}')
    print('our crates by module (raw B):')
    for c, n in by_mod.most_common(40):
        print(f'  {n:8d}  {c}')
    print('largest functions:')
    for n, name in sorted(by_fn, reverse=True)[:top]:
        print(f'  {n:8d}  {name[:110]}')

main()
