// Trunk post_build hook (the last one, see scripts/post-build.sh): writes <dist>/sw.js from the
// template www/sw.js with the list of every built file and a version derived from their
// content, so that each build with different bytes is a new worker with a new cache. It must
// run after every other hook that writes or edits a file (the CSP hook edits index.html).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const template = readFileSync('www/sw.js', 'utf8');

/** Every file under `d`, sorted, as paths relative to `dir` with `/`. */
function files(d) {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [relative(dir, join(d, e.name)).split(sep).join('/')]))
    .sort();
}

// The worker itself is not cached by itself; type declarations are for developers, not readers.
const built = files(dir).filter((f) => f !== 'sw.js' && !f.endsWith('.d.ts'));
if (!built.includes('index.html')) {
  console.error(`sw: no index.html in ${dir}`);
  process.exit(1);
}
const hash = createHash('sha256');
for (const f of built) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
hash.update(template);
const version = hash.digest('hex').slice(0, 16);
// The page is cached as `./` (the worker maps `./index.html` to it).
const urls = built.map((f) => (f === 'index.html' ? './' : `./${f}`));
const out = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(urls, null, 2));
if (out.includes('__VERSION__') || out.includes('__FILES__')) {
  console.error('sw: the template www/sw.js lacks a placeholder');
  process.exit(1);
}
writeFileSync(join(dir, 'sw.js'), out);
console.log(`sw: version ${version}, ${urls.length} files`);
