// Zettaflop's service worker: the whole app (page, wasm, JS, CSS, the JS API, the back-test
// asset, icons, manifest) in one versioned cache, so the page works offline once loaded.
//
// This is a template: the post-build hook scripts/sw.mjs writes <dist>/sw.js from it, with
// the list of built files and a version derived from their content. A new build is a new
// worker (its bytes differ), which installs a new cache beside the old one and waits; the page
// then shows "a new version is available — reload" and, on click, tells it to take over
// (SKIP_WAITING); on activation it deletes every older Zettaflop cache. URLs are relative to
// the worker, so the app works under any sub-path; its scope is its own directory.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = 'zettaflop-';
const CACHE = PREFIX + VERSION;

// Trunk's content-hashed names (`style-<hex>.css`, `zettaflop-web-<hex>_bg.wasm`…) never
// change meaning, so the HTTP cache may serve them (no second download of what the page just
// loaded); every other file is revalidated with the server (`no-cache`), so an old copy cannot
// slip into a new version.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  const requests = FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

// Cache-first for the app's own files (their names are content-hashed, and the page itself
// belongs to the same version); anything else goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The page itself, however it is asked for (`./`, `./index.html`, with a query), is `./`.
  const root = new URL('./', self.location.href).href;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const page = url.href === root || url.href === root + 'index.html';
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(page ? root : request))
      .then((hit) => hit ?? fetch(request)),
  );
});
