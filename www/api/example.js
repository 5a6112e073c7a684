// The JS API example: a form drives `estimate` and `check` of ./zettaflop.js. Whatever the API
// throws ({ field, message }) is shown next to the form; nothing here computes a number.
import init, { catalogIds, check, estimate } from './zettaflop.js';

const $ = (id) => document.getElementById(id);

function fill(select, items, selected) {
  for (const { id, name } of items) {
    const o = document.createElement('option');
    o.value = id;
    o.textContent = name;
    o.selected = id === selected;
    select.append(o);
  }
}

/** The scenario the form describes (the API validates it; the page does not). */
function scenario() {
  const s = {
    workload: $('model').value,
    hardware: $('hardware').value,
    count: Number($('count').value),
    count_unit: $('unit').value,
    precision: $('precision').value,
  };
  const u = $('utilization').value.trim();
  if (u !== '') s.utilization = u === 'auto' ? 'auto' : Number(u);
  return s;
}

function fail(el, e) {
  // The API throws { field, message }; anything else is a bug worth showing as it is.
  el.textContent = e && e.field ? `${e.field}: ${e.message}` : String(e);
}

function row(dl, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dd.dataset.value = String(value);
  dl.append(dt, dd);
}

function showReport(r) {
  const dl = $('report');
  dl.replaceChildren();
  row(dl, 'GPUs', r.gpus);
  row(dl, 'utilization', r.utilization);
  row(dl, 'duration (hours)', (r.duration_s / 3600).toFixed(1));
  row(dl, 'facility power (MW)', (r.facility_power_w / 1e6).toFixed(1));
  row(dl, 'energy (GWh)', (r.energy_j / 3.6e12).toFixed(2));
  row(dl, 'cost (million $)', (r.cost_usd.total / 1e6).toFixed(1));
  const ul = $('warnings');
  ul.replaceChildren(
    ...r.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = w.message;
      return li;
    }),
  );
}

await init();
const ids = catalogIds();
fill($('model'), ids.models, 'gpt-4');
fill($('hardware'), ids.hardware, 'gb200');

$('estimate-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('estimate-error').textContent = '';
  try {
    showReport(estimate(scenario(), $('lang').value));
  } catch (e) {
    fail($('estimate-error'), e);
  }
});

$('check-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('check-error').textContent = '';
  $('verdict').textContent = '';
  const s = scenario();
  const claim = {
    workload: s.workload,
    hardware: s.hardware,
    count: s.count,
    count_unit: s.count_unit,
    precision: s.precision,
    duration_s: Number($('claimed-hours').value) * 3600,
  };
  try {
    const r = check(claim, $('lang').value);
    $('verdict').textContent = `${r.verdict}: ${r.reason}`;
    $('verdict').dataset.verdict = r.verdict;
  } catch (e) {
    fail($('check-error'), e);
  }
});

$('estimate-form').requestSubmit();
document.body.dataset.ready = 'true';
