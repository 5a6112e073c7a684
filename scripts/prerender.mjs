// Trunk post_build hook step: the answer in the HTML. Renders the default page in English and
// French with the same Leptos components as the wasm (`zettaflop-prerender`, native) and puts
// both into index.html before the wasm runs:
//   <div id="pre" data-lang="en">…</div>   the English page, shown at first paint
//   <template id="pre-fr">…</template>     the French one, inert (no duplicate ids)
//   <script>…</script>                     swaps in the French page for a French reader (or
//                                          ?lang=fr), drops the prerender for a link that sets
//                                          anything else, opens the folded groups on a wide
//                                          screen, as the wasm would, and records the
//                                          buttons clicked before the wasm is live (replayed)
// A small script in <head> marks html[lang=fr] / html[data-pre=off] first, so that the CSS
// hides the English page before it is painted. Both scripts are inline and allowed by their
// hash (scripts/csp.mjs runs after this) and remove themselves once run. The wasm replaces #pre with the same markup on mount,
// carrying what the reader typed meanwhile (crates/web/src/takeover.rs). docs/page.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
if (html.includes('id="pre"')) process.exit(0);

const render = (lang) => {
  try {
    // Debug build: the native render needs no optimization, and shares the test stage's build.
    return execFileSync('cargo', ['run', '-q', '--offline', '-p', 'zettaflop-prerender', '--', lang], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 << 20,
    }).trim();
  } catch (e) {
    console.error(`prerender: zettaflop-prerender ${lang} failed\n${e.stderr ?? e}`);
    process.exit(1);
  }
};
// What no one sees at first paint is left out, the wasm writes it on mount: the contents of
// "show the math" (folded; 14 kB of the 41 kB), and the catalog search's suggestions.
const lighten = (page) => {
  const start = page.indexOf('<details data-testid="math"');
  if (start < 0) return page;
  const summary = page.indexOf('</summary>', start) + '</summary>'.length;
  let depth = 0;
  let at = summary;
  for (;;) {
    const open = page.indexOf('<details', at);
    const close = page.indexOf('</details>', at);
    if (close < 0) return page;
    if (open >= 0 && open < close) {
      depth += 1;
      at = open + 1;
    } else if (depth > 0) {
      depth -= 1;
      at = close + 1;
    } else {
      return (page.slice(0, summary) + page.slice(close)).replace(
        /(<datalist id="catalog-list">)[\s\S]*?(<\/datalist>)/,
        '$1$2',
      );
    }
  }
};
const en = lighten(render('en'));
const fr = lighten(render('fr'));
for (const [lang, page] of [['en', en], ['fr', fr]]) {
  if (!page.includes('data-testid="result-duration"')) {
    console.error(`prerender: the ${lang} page has no answer`);
    process.exit(1);
  }
  if (/<script/i.test(page)) {
    console.error(`prerender: the ${lang} page holds a script element`);
    process.exit(1);
  }
}

// Before paint: French for a French browser unless the link says ?lang=en (the wasm's
// i18n::browser_locale and the link's `lang`); no prerender for a link that sets anything but
// the language and the calculator mode (it would show the default answer, not the link's).
const head = `(function(){var h=document.documentElement,k=0,l=null;new URLSearchParams(location.search).forEach(function(v,n){if(n=='lang'&&(v=='en'||v=='fr'))l=v;else if(!(n=='mode'&&v=='calculator'))k=1});if(k)h.setAttribute('data-pre','off');if(l=='fr'||(!l&&/^fr/i.test(navigator.language||'')))h.lang='fr';document.currentScript.remove()})()`;
const body = `(function(){var d=document,h=d.documentElement,e=d.getElementById('pre'),t=d.getElementById('pre-fr'),c=window.zfPreClicks=[];if(h.getAttribute('data-pre')=='off')e.remove();else if(h.lang=='fr')e.replaceWith(t.content);t.remove();if(matchMedia('(min-width: 60rem)').matches)d.querySelectorAll('#pre details.group').forEach(function(x){x.open=true});d.addEventListener('click',function(v){var b=v.target.closest&&v.target.closest('#pre button');if(b&&(b.id||b.dataset.testid)&&!h.hasAttribute('data-ready'))c.push(b.id?'#'+b.id:'[data-testid="'+b.dataset.testid+'"]')},true);d.currentScript.remove()})()`;

const pre = `<div id="pre" data-lang="en">${en}</div><template id="pre-fr"><div id="pre" data-lang="fr">${fr}</div></template><script>${body}</script>`;
html = html.replace(/<\/title>/, (m) => `${m}\n    <script>${head}</script>`);
// The first module's loader, in place of Trunk's module script (which waits for the whole 52 kB
// document, and an async one still ran after DOMContentLoaded in Chromium): a classic inline
// script in <head> starts compiling the wasm while its bytes arrive (its fetch takes over the
// preload Trunk writes, whose integrity hash checks the bytes, as Trunk's own fetch did; a
// fetch with the integrity option fetched the wasm twice) and imports the wasm-bindgen glue, which
// instantiates the compiled module; `main` then waits until the document is parsed before it
// takes the page over (crates/web/src/main.rs). If streaming compilation fails, the glue
// fetches the wasm itself. Like the other two, it removes itself once run. Trunk's script set window.wasmBindings and sent
// TrunkApplicationStarted, which nothing here uses.
const trunk = html.match(/<script type="module">\s*import init, \* as bindings from '(\.\/[^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[^']+\.wasm)' \}\);[\s\S]*?<\/script>/);
const preload = trunk && html.includes(`<link rel="preload" href="${trunk[2]}"`);
if (!trunk || !preload) {
  console.error("prerender: Trunk's loader script or the wasm's preload not found in index.html");
  process.exit(1);
}
const loader = `(function(){var w='${trunk[2]}',m=WebAssembly.compileStreaming?WebAssembly.compileStreaming(fetch(w)).catch(function(){return w}):w;import('${trunk[1]}').then(function(b){return b.default({module_or_path:m})});document.currentScript.remove()})()`;
// At the end of <head>, after the preload, so that the fetch finds it however the HTML arrives.
html = html.replace(trunk[0], '').replace('</head>', `<script>${loader}</script></head>`);
html = html.replace(/<\/noscript>/, (m) => `${m}\n    ${pre}`);
if (!html.includes('id="pre"') || !html.includes(head)) {
  console.error('prerender: no </noscript> or </title> in index.html');
  process.exit(1);
}
writeFileSync(file, html);
console.log(`prerender: en ${en.length} B, fr ${fr.length} B of HTML in ${file}`);
