// A tiny static file server for the built page (dist/), for the end-to-end tests and the benchmark.
// No dependencies: node:http only.
//
//   node tests/serve.mjs            serves dist/ on http://127.0.0.1:4173/
//   PORT=5000 node tests/serve.mjs  another port
//   DIST=path node tests/serve.mjs  another folder (relative to the current directory)
//   GZIP=1 node tests/serve.mjs     gzip text and wasm for clients that accept it, as a real
//                                   host does (scripts/lighthouse.sh measures with it)
//   BASE=/sub/path/ node tests/serve.mjs  the folder under a sub-path (anything else: 404)
import { createServer } from 'node:http';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const PORT = Number.parseInt(process.env.PORT ?? '4173', 10);
const BASE = process.env.BASE ?? '/';
const ROOT_DIR = process.env.DIST
  ? resolve(process.env.DIST)
  : fileURLToPath(new URL('../dist/', import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

if (!BASE.startsWith('/') || !BASE.endsWith('/')) {
  console.error(`serve: BASE must start and end with /: ${BASE}`);
  process.exit(2);
}
if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) {
  console.error(`serve: bad PORT ${process.env.PORT}`);
  process.exit(2);
}
if (!existsSync(join(ROOT_DIR, 'index.html'))) {
  console.error(`serve: ${join(ROOT_DIR, 'index.html')} not found; build the page first (trunk build --release)`);
  process.exit(1);
}
const ROOT = realpathSync(ROOT_DIR);
const GZIP = process.env.GZIP === '1';
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.csv', '.txt', '.map']);

/** The file for a URL path inside ROOT, or null (missing, a folder, or outside ROOT). */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || !path.startsWith('/')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const candidate = resolve(ROOT, '.' + path);
  if (!inside(candidate)) return null;
  let real;
  try {
    real = realpathSync(candidate); // follows symlinks: the target must be inside ROOT too
  } catch {
    return null;
  }
  if (!inside(real)) return null;
  try {
    if (!statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  return real;
}

function inside(p) {
  const rel = relative(ROOT, p);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const server = createServer((req, res) => {
  const send = (status, text) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(405, 'method not allowed\n');
  }
  let pathname;
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return send(400, 'bad request\n');
  }
  // Reject any `..` segment outright, encoded or not (the URL parser already folds plain ones).
  if (/(^|[/\\])\.\.([/\\]|$)/.test(safeDecode(pathname) ?? '..')) return send(404, 'not found\n');
  if (!pathname.startsWith(BASE)) return send(404, 'not found\n');
  const file = fileFor(pathname.slice(BASE.length - 1));
  if (!file) return send(404, 'not found\n');
  const ext = extname(file).toLowerCase();
  const type = MIME[ext] ?? 'application/octet-stream';
  const gzip = GZIP && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(200, {
    'content-type': type,
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': statSync(file).size }),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    // The page embedded in a sandboxed iframe (`sandbox="allow-scripts"`, no allow-same-origin)
    // has an opaque origin: its module script, wasm and asset fetches are CORS requests with
    // `Origin: null`. Public static files, no credentials: any origin may read them.
    'access-control-allow-origin': '*',
  });
  if (req.method === 'HEAD') return res.end();
  const body = createReadStream(file).on('error', () => res.destroy());
  (gzip ? body.pipe(createGzip()) : body).pipe(res);
});

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

server.listen(PORT, HOST, () => {
  console.log(`serve: ${ROOT} on http://${HOST}:${PORT}${BASE}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
