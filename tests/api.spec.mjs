// The JS API as an article uses it (dist/api/, built by scripts/build-api.sh): the JSON Schema of
// the contract holds for what the CLI and the API really return and rejects what they reject,
// the TypeScript declarations type-check a usage example, and the example page works.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const API = join(REPO, 'dist', 'api');
const CLI = join(process.env.CARGO_TARGET_DIR ?? join(REPO, 'target'), 'release', 'zettaflop');

// One validator per document of the contract, from the schema files the build wrote.
// `format` carries Rust's number types (double, uint32) as information only.
function validators() {
  const ajv = new Ajv({ allErrors: true, strict: true, validateFormats: false });
  const out = {};
  for (const file of readdirSync(join(API, 'schema'))) {
    const schema = JSON.parse(readFileSync(join(API, 'schema', file), 'utf8'));
    out[file.replace(/\.json$/, '')] = ajv.compile(schema);
  }
  return out;
}

/** Runs the CLI; returns { code, json, stderr }. */
function cli(args, input) {
  const r = spawnSync(CLI, args, { input: input === undefined ? undefined : JSON.stringify(input), encoding: 'utf8' });
  return { code: r.status, json: r.status === 0 ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

function expectValid(validate, value, what) {
  const ok = validate(value);
  expect(ok, `${what}: ${JSON.stringify(validate.errors, null, 1)}`).toBe(true);
}

const SCENARIOS = {
  'the seed case with a claimed 12 h': {
    workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package', claimed_duration_s: 43200,
  },
  'utilization "auto" (a preset with an architecture)': {
    workload: 'llama-3.1-405b', hardware: 'h100', count: 16384, utilization: 'auto',
  },
  'a mixture of experts in FP8 with a target duration': {
    workload: { params: 671e9, tokens: 14.8e12, active_params: 37e9 }, hardware: 'b200', count: 2048,
    precision: 'fp8', utilization: 0.3, target_duration_s: 30 * 86400, usd_per_kwh: 0.1,
  },
  'custom hardware counted in racks': {
    workload: { flop: 1e26 }, count: 10, count_unit: 'rack', pue: 1.1, kg_co2_per_kwh: 0.05,
    hardware: {
      name: 'Rack-scale chip', peak_flop_per_s: { bf16: 2.5e15, fp8: 5e15 }, all_in_w: 2000,
      gpus_per_rack: 72, usd_per_chip_hour: 4, hbm_bytes: 192e9,
    },
  },
  'the sparse peak': { workload: 'gpt-3', hardware: 'a100', count: 1024, sparse: true, utilization: 0.5 },
};

// Inputs the estimator rejects (exit 2) and the schema too.
const BAD_SCENARIOS = {
  'utilization above 1': { workload: 'gpt-4', hardware: 'h100', count: 1, utilization: 1.5 },
  'utilization neither a number nor "auto"': { workload: 'gpt-4', hardware: 'h100', count: 1, utilization: 'max' },
  'PUE of 5': { workload: 'gpt-4', hardware: 'h100', count: 1, pue: 5 },
  'no chip': { workload: 'gpt-4', hardware: 'h100', count: 0 },
  'half a chip': { workload: 'gpt-4', hardware: 'h100', count: 1.5 },
  'an unknown key': { workload: 'gpt-4', hardware: 'h100', count: 1, gpus: 8 },
  'an unknown precision': { workload: 'gpt-4', hardware: 'h100', count: 1, precision: 'fp12' },
  'no count': { workload: 'gpt-4', hardware: 'h100' },
  'zero FLOP': { workload: { flop: 0 }, hardware: 'h100', count: 1 },
  'a custom chip without its power': { workload: 'gpt-4', count: 1, hardware: { name: 'x', peak_flop_per_s: { bf16: 1e15 } } },
  'a claimed duration of a millisecond': { workload: 'gpt-4', hardware: 'h100', count: 1, claimed_duration_s: 0.001 },
};

const CLAIMS = {
  'a duration claim': { workload: 'gpt-4', hardware: 'gb200', count: 64000, count_unit: 'package', duration_s: 43200 },
  'a peak, a site power and a budget': {
    hardware: 'gb200', count: 64000, count_unit: 'package', precision: 'fp4',
    quoted_peak_flop_per_s: 1.28e21, site_power_w: 1.2e9, budget_usd: 4e9,
  },
};

const BAD_CLAIMS = {
  'a negative count': { hardware: 'h100', count: -1, duration_s: 10, workload: 'gpt-4' },
  'an unknown key': { hardware: 'h100', count: 1, duration_s: 10, workload: 'gpt-4', flops: 3 },
};

const JOB = {
  model: 'llama-3.1-405b', hardware: 'h100', gpus: 16384, global_batch: 2048,
  layout: { tp: 8, pp: 16, micro_batch: 1, recompute: 'full', sequence_parallel: true, distributed_optimizer: true },
};

test.describe('the JSON Schema of the contract', () => {
  test.beforeAll(() => {
    expect(existsSync(CLI), `${CLI} (cargo build --release -p zettaflop-cli)`).toBe(true);
    expect(existsSync(join(API, 'schema', 'report.json')), 'dist/api/schema (trunk build --release)').toBe(true);
  });

  test('the files in dist/api are what `zettaflop schema` prints', () => {
    const bundle = JSON.parse(readFileSync(join(API, 'zettaflop.schema.json'), 'utf8'));
    expect(bundle).toEqual(cli(['schema']).json);
    const names = Object.keys(bundle.roots);
    expect(names).toEqual(expect.arrayContaining(['scenario', 'report', 'claim', 'check-report', 'job', 'prediction', 'search-result']));
    for (const name of names) {
      expect(JSON.parse(readFileSync(join(API, 'schema', `${name}.json`), 'utf8')), name).toEqual(cli(['schema', name]).json);
    }
  });

  test('scenarios and the CLI reports validate', () => {
    const v = validators();
    for (const [what, scenario] of Object.entries(SCENARIOS)) {
      expectValid(v.scenario, scenario, `scenario: ${what}`);
      const r = cli(['estimate', '-'], scenario);
      expect(r.code, `${what}: ${r.stderr}`).toBe(0);
      expectValid(v.report, r.json, `report: ${what}`);
    }
    // The optional parts of a report are there in at least one of them.
    const auto = cli(['estimate', '-'], SCENARIOS['utilization "auto" (a preset with an architecture)']).json;
    expect(auto.predicted_utilization.mfu).toBeGreaterThan(0);
    expect(cli(['estimate', '-'], SCENARIOS['the seed case with a claimed 12 h']).json.implied_utilization).toBeGreaterThan(1);
  });

  test('what the CLI rejects, the schema rejects', () => {
    const v = validators();
    for (const [what, scenario] of Object.entries(BAD_SCENARIOS)) {
      const r = cli(['estimate', '-'], scenario);
      expect(r.code, `${what}: the CLI accepts ${JSON.stringify(scenario)}`).toBe(2);
      expect(v.scenario(scenario), `${what}: the schema accepts ${JSON.stringify(scenario)}`).toBe(false);
    }
    for (const [what, claim] of Object.entries(BAD_CLAIMS)) {
      expect(cli(['check', '-'], claim).code, what).toBe(2);
      expect(v.claim(claim), what).toBe(false);
    }
    const badJob = { ...JOB, layout: { ...JOB.layout, tp: 0 } };
    expect(cli(['predict', '-'], badJob).code).toBe(2);
    expect(v.job(badJob)).toBe(false);
  });

  test('claims, jobs and their results validate', () => {
    const v = validators();
    for (const [what, claim] of Object.entries(CLAIMS)) {
      expectValid(v.claim, claim, `claim: ${what}`);
      const r = cli(['check', '-'], claim);
      expect(r.code, `${what}: ${r.stderr}`).toBe(0);
      expectValid(v['check-report'], r.json, `check report: ${what}`);
    }
    const both = cli(['check', '-'], CLAIMS['a peak, a site power and a budget']).json;
    expect(both.power && both.budget, 'power and budget questions answered').toBeTruthy();

    expectValid(v.job, JOB, 'job');
    const p = cli(['predict', '-'], JOB);
    expect(p.code, p.stderr).toBe(0);
    expectValid(v.prediction, p.json, 'prediction');

    const { layout, ...searchJob } = JOB;
    const job = { ...searchJob, fixed: { tp: 8 } };
    expectValid(v.job, job, 'search job');
    const s = cli(['search', '-'], job);
    expect(s.code, s.stderr).toBe(0);
    expectValid(v['search-result'], s.json, 'search result');
    expect(Object.keys(s.json.rejected).length, 'some rejections to validate').toBeGreaterThan(0);

    expectValid(v['catalog-ids'], cli(['catalog', '--json']).json, 'catalog ids');
  });
});

test('the TypeScript declarations type-check an article using the API', () => {
  test.setTimeout(120_000);
  const dts = readFileSync(join(API, 'zettaflop.d.ts'), 'utf8');
  expect(dts).toMatch(/export function estimate\(scenario: Scenario, lang\?: string \| null\): Report;/);
  expect(dts).toMatch(/export interface Report \{/);
  // tests/api/usage.ts: valid uses, and @ts-expect-error lines that must each be a type error.
  const tsc = join(REPO, 'node_modules', '.bin', 'tsc');
  const r = spawnSync(tsc, ['-p', join(REPO, 'tests', 'api', 'tsconfig.json')], { encoding: 'utf8' });
  expect(r.status, `tsc:\n${r.stdout}${r.stderr}`).toBe(0);
});

test('the JS API returns what the schema describes and throws an ApiError', async ({ page }) => {
  const v = validators();
  await page.goto('api/example.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  const out = await page.evaluate(
    async ({ scenarios, claim, job }) => {
      const api = await import('./zettaflop.js');
      const thrown = (f) => {
        try {
          f();
          return null;
        } catch (e) {
          return { ...e };
        }
      };
      return {
        reports: scenarios.map((s) => api.estimate(s, 'fr')),
        check: api.check(claim, 'fr'),
        prediction: api.predict(job),
        ids: api.catalogIds(),
        optimal: [api.optimal({ flop: 5.76e23 }), api.optimal({ usd: 1e9, hardware: 'h100', fit: 'hoffmann' }, 'fr')],
        optimalErrors: [
          thrown(() => api.optimal({ flop: -1 })),
          thrown(() => api.optimal({ flop: 1e24, fit: 'kaplan' })),
          thrown(() => api.optimal({ flop: 1e24, count: 3 })),
        ],
        errors: [
          thrown(() => api.estimate({ ...scenarios[0], utilization: 1.5 })),
          thrown(() => api.estimate({ ...scenarios[0], gpus: 1 })),
          thrown(() => api.check({ hardware: 'h100', count: 1 }, 'fr')),
          thrown(() => api.estimate({ ...scenarios[3], hardware: { ...scenarios[3].hardware, peak_flop_per_s: { bf16: Infinity } } })),
          thrown(() => api.estimate({ ...scenarios[0], utilization: NaN })),
        ],
      };
    },
    { scenarios: Object.values(SCENARIOS), claim: CLAIMS['a duration claim'], job: JOB },
  );
  out.reports.forEach((r, i) => expectValid(v.report, r, `API report ${i}`));
  expectValid(v['check-report'], out.check, 'API check report');
  expectValid(v.prediction, out.prediction, 'API prediction');
  expectValid(v['catalog-ids'], out.ids, 'API catalog ids');
  out.optimal.forEach((o, i) => expectValid(v['optimal-result'], o, `API optimal ${i}`));
  // Epoch AI's fit at 5.76e23 FLOP: 72.25 B parameters, as the CLI says.
  expect(out.optimal[0].params / 7.225e10).toBeCloseTo(1, 3);
  expect(out.optimal[0]).toEqual(cli(['optimal', '-'], { flop: 5.76e23 }).json);
  expect(out.optimal[1].fit).toBe('hoffmann');
  expect(out.optimalErrors.map((e) => e && e.field)).toEqual(['flop', 'fit', 'request']);
  out.optimalErrors.forEach((e) => expectValid(v.error, e, 'thrown optimal error'));
  // The API and the CLI agree (the CLI writes English; the numbers are the same).
  const seed = cli(['estimate', '-'], SCENARIOS['the seed case with a claimed 12 h']).json;
  expect(out.reports[0].duration_s).toBe(seed.duration_s);
  for (const e of out.errors) {
    expect(e, `the API threw (${JSON.stringify(out.errors)})`).not.toBeNull();
    expectValid(v.error, e, 'thrown error');
  }
  expect(out.errors[0].field).toBe('utilization');
  // An unknown key is rejected, as by the CLI (serde-wasm-bindgen alone would ignore it).
  expect(out.errors[1].field).toBe('scenario');
  expect(out.errors[1].message).toMatch(/^unknown field `gpus`/);
  expect(out.errors[2].message.length).toBeGreaterThan(0);
  // NaN and Infinity are named where they are (JSON would turn them into an absent key).
  expect(out.errors[3].field).toBe('hardware.peak_flop_per_s.bf16');
  expect(out.errors[4]).toEqual({ field: 'utilization', message: 'NaN is not a finite number' });
});

test.describe('the example page', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  });

  test('estimates the seed case, checks a claim and shows an error', async ({ page }) => {
    await page.goto('api/example.html');
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('#model')).toHaveValue('gpt-4');
    await expect(page.locator('#hardware')).toHaveValue('gb200');
    // 64,000 GB200 superchips at 40 %: 45.6 h.
    await expect(page.locator('#report dd').nth(2)).toHaveText('45.6');
    await expect(page.locator('#report dd').first()).toHaveText('128000');

    // 12 h is optimistic (152 % of the peak at GPT-4's central compute, 59 % at its low end).
    await page.locator('#check-form button').click();
    await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'optimistic');
    const english = await page.locator('#verdict').textContent();
    await page.locator('#lang').selectOption('fr');
    await page.locator('#check-form button').click();
    await expect(page.locator('#verdict')).not.toHaveText(english);
    await expect(page.locator('#verdict')).toHaveAttribute('data-verdict', 'optimistic');

    // Bad input: the API's message, naming the field; the last report stays.
    await page.locator('#utilization').fill('1.5');
    await page.locator('#estimate-form button').click();
    await expect(page.locator('#estimate-error')).toContainText('utilization');
    await expect(page.locator('#report dd').nth(2)).toHaveText('45.6');

    // Another chip: the report follows.
    await page.locator('#utilization').fill('0.4');
    await page.locator('#hardware').selectOption('h100');
    await page.locator('#unit').selectOption('chip');
    await page.locator('#estimate-form button').click();
    await expect(page.locator('#estimate-error')).toHaveText('');
    await expect(page.locator('#report dd').first()).toHaveText('64000');
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  });
});
