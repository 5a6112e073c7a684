// Loads the full app (dist/full/, built by scripts/build-full.sh) when the light first module
// needs a part it leaves out (a fact-check, expert, back-test or sources tab, the export, compare,
// charts or returns sections). Its start takes the page over with the same state
// (crates/web/src/takeover.rs). A same-origin module: the CSP allows it ('self').
import init from './full/zettaflop-web.js';

init().catch(() => {
  document.documentElement.setAttribute('data-full-error', '');
});
