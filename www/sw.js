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

self.addEventListener('install', (event) => {
  // `cache: 'reload'`: fill the cache from the network, never from the HTTP cache, so an old
  // file cannot slip into a new version.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
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
