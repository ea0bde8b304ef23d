// Throughput measurement: each case is warmed up, its loop length calibrated to about `runMs`,
// then the cases take turns (run 1 of every case, run 2 of every case, …) so that a slow moment
// of the machine hits all of them alike; the median of the runs is reported.

const now = () => process.hrtime.bigint();
let sink = 0; // results are folded in here so no call can be optimised away
export const consume = (v) => {
  sink = (sink + (typeof v === 'string' ? v.length : v ? 1 : 0)) | 0;
};

/** Op index: every call of every case gets a fresh one, so no input repeats within a run. */
let nextIndex = 0;

function loop(fn, n) {
  const start = nextIndex;
  nextIndex += n;
  const t0 = now();
  for (let i = start; i < start + n; i++) consume(fn(i));
  return Number(now() - t0) / 1e9; // seconds
}

function calibrate(fn, warmupMs, runMs) {
  let n = 16;
  let spent = 0;
  let rate = 0;
  while (spent * 1000 < warmupMs) {
    const s = loop(fn, n);
    spent += s;
    rate = n / s;
    if (s * 1000 < warmupMs / 4) n *= 2;
  }
  return Math.max(1, Math.round((rate * runMs) / 1000));
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * cases: [{ name, fn(i) }] → { [name]: { opsPerSec (median), runs: [ops/s…], nsPerOp, opsPerRun } }
 */
export function measure(cases, { runs = 5, runMs = 500, warmupMs = 300 } = {}) {
  const sizes = cases.map((c) => calibrate(c.fn, warmupMs, runMs));
  const rates = cases.map(() => []);
  for (let r = 0; r < runs; r++) {
    cases.forEach((c, k) => rates[k].push(sizes[k] / loop(c.fn, sizes[k])));
  }
  const out = {};
  cases.forEach((c, k) => {
    const opsPerSec = median(rates[k]);
    out[c.name] = {
      opsPerSec: Math.round(opsPerSec),
      nsPerOp: Math.round(1e9 / opsPerSec),
      runs: rates[k].map(Math.round),
      opsPerRun: sizes[k],
    };
  });
  return out;
}

