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
  // After the page has loaded, so that caching the app does not compete with the first result.
  const register = () => sw.register('./sw.js').then(watch, () => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
