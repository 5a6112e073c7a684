// Loads the page's app (dist/app/: crates/web with the `lite` feature, built by
// scripts/build-full.sh) once the first module (crates/live) has made the prerendered answer
// live: when the page is idle, or at once when the reader does something the first module hands
// over (it sets window.zfAppNow, or calls window.zfApp). The app takes the page over with what
// was typed (crates/web/src/takeover.rs). A same-origin module: the CSP allows it ('self').
let started = null;
const start = () => {
  started ??= import('./app/zettaflop-web.js')
    .then((m) => m.default())
    .catch(() => document.documentElement.setAttribute('data-app-error', ''));
  return started;
};
window.zfApp = start;
if (window.zfAppNow) start();
else if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 1000 });
else setTimeout(start, 100);
