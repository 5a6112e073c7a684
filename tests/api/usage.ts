// A TypeScript article driving the JS API: type-checked (tsc --noEmit, tests/api/tsconfig.json)
// against the declarations the build writes, dist/api/zettaflop.d.ts. Never run.
import init, {
  catalogIds,
  check,
  estimate,
  predict,
  search,
  type ApiError,
  type CheckReport,
  type Claim,
  type Job,
  type Report,
  type Scenario,
} from '../../dist/api/zettaflop.js';

export async function article(): Promise<string> {
  await init();
  const scenario: Scenario = {
    workload: 'gpt-4',
    hardware: 'gb200',
    count: 64000,
    count_unit: 'package',
    utilization: 'auto',
  };
  const report: Report = estimate(scenario, 'fr');
  const hours: number = report.duration_s / 3600;
  const total: number = report.cost_usd.total;
  const low: number = report.ranges.duration_s.low;
  const codes: string[] = report.warnings.map((w) => w.code);
  const implied: number | undefined = report.implied_utilization;

  const claim: Claim = { workload: { flop: 2.1e25 }, hardware: 'gb200', count: 64000, duration_s: 43200 };
  const verdict: CheckReport['verdict'] = check(claim).verdict;

  const job: Job = { model: 'llama-3.1-405b', hardware: 'h100', gpus: 16384, global_batch: 2048, layout: 'auto' };
  const mfu: number = predict(job).mfu;
  const best: number = search({ ...job, layout: undefined }).best.iteration_s;
  const chips: string[] = catalogIds().hardware.map((h) => h.id);

  try {
    estimate({ ...scenario, utilization: 1.5 });
  } catch (e) {
    const err = e as ApiError;
    return `${err.field}: ${err.message}`;
  }
  return [hours, total, low, codes, implied, verdict, mfu, best, chips].join(' ');
}

// The types catch what the estimator would reject. Each line below must be an error: if the
// declarations fell back to `any`, tsc would fail on the unused @ts-expect-error.

// @ts-expect-error count is required
export const noCount: Scenario = { workload: 'gpt-4', hardware: 'h100' };
// @ts-expect-error unknown key
export const unknownKey: Scenario = { workload: 'gpt-4', hardware: 'h100', count: 1, gpus: 8 };
// @ts-expect-error not a precision
export const badPrecision: Scenario = { workload: 'gpt-4', hardware: 'h100', count: 1, precision: 'fp12' };
// @ts-expect-error utilization is a number or "auto"
export const badUtilization: Scenario = { workload: 'gpt-4', hardware: 'h100', count: 1, utilization: 'high' };
// @ts-expect-error a report has no `duration_h`
export const noSuchField = (r: Report) => r.duration_h;
// @ts-expect-error estimate takes a scenario, not a claim without a workload
export const wrongArgument = () => estimate({ hardware: 'h100', count: 1, duration_s: 10 });
