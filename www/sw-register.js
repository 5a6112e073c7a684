// Registers the service worker (./sw.js, relative: the app works under any sub-path) and
// offers a new version when one is waiting. Where service workers are unavailable (an old
// browser, file://, a sandboxed iframe without its own origin, where merely reading
// navigator.serviceWorker throws) it does nothing and the page works online as before.
//
// The page (Leptos) renders the hint, `.update` with its button `#update-reload`, in both
// languages; this script only shows it (html[data-update]) and, on click, tells the waiting
// worker to take over, then reloads once the new worker controls the page.
(() => {
  let sw;
  try {
    sw = navigator.serviceWorker;
    if (!sw || !window.isSecureContext) return;
  } catch {
    return;
  }
  let waiting = null;
  let reloading = false;
  const offer = (worker) => {
    waiting = worker;
    document.documentElement.dataset.update = '';
  };
  const watch = (reg) => {
    // A browser that blocks service workers (a policy, a test harness) may resolve with nothing.
    if (!reg) return;
    // Only an update is offered: on the first visit there is no controller yet.
    if (reg.waiting && sw.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) offer(worker);
      });
    });
  };
  sw.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
  });
  document.addEventListener('click', (event) => {
    if (waiting && event.target instanceof Element && event.target.closest('#update-reload')) {
      reloading = true;
      waiting.postMessage('SKIP_WAITING');
    }
  });
  // After the first result is shown (the app marks html[data-ready]) and the page has loaded,
  // so that caching the app does not compete with the first paint; in any case after 10 s.
  // Then when the browser is idle: the first frames are the reader's.
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    const go = () => sw.register('./sw.js').then(watch, () => {});
    if ('requestIdleCallback' in window) window.requestIdleCallback(go, { timeout: 3000 });
    else setTimeout(go, 500);
  };
  const root = document.documentElement;
  const whenReady = () => {
    if (root.hasAttribute('data-ready')) return register();
    const seen = new MutationObserver(() => {
      if (root.hasAttribute('data-ready')) {
        seen.disconnect();
        register();
      }
    });
    seen.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
    setTimeout(register, 10000);
  };
  if (document.readyState === 'complete') whenReady();
  else window.addEventListener('load', whenReady, { once: true });
})();
