// Trunk post_build hook: adds a Content-Security-Policy to the built index.html. Only the page's
// own origin may serve scripts, styles, images and data; the inline scripts (the prerender's two
// and the first module's loader, scripts/prerender.mjs) are allowed by their SHA-256 hash, never
// by 'unsafe-inline'; 'wasm-unsafe-eval' lets WebAssembly
// compile. Inline *style attributes* (bar widths, chart markup) need 'unsafe-inline' for styles.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
// The stylesheet carries an integrity hash; in a sandboxed iframe (opaque origin) its request is
// cross-origin, and a no-cors response fails the hash: fetch it in CORS mode, like the script
// and wasm (the server sends Access-Control-Allow-Origin; see docs/share-embed.md).
html = html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)/g, '<link rel="stylesheet" crossorigin="anonymous"');
if (html.includes('http-equiv="Content-Security-Policy"')) {
  writeFileSync(file, html);
  process.exit(0);
}
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) {
  console.error('csp: no <meta charset="utf-8" /> to put the policy after');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
