// The deliberately defective stdlib-Python backend (issue 17 §5): with every switch off it passes; each
// switch makes the ops it touches fail, and defect identification names the mistake from the outputs
// alone (the view defect is found by the view audit instead).
import { describe, expect, it } from 'vitest';
import { type OpReport, runBackendConformance } from '../../backend/runner.ts';
import { DEFECTIVE } from './helpers.ts';

const MINUTES = 240_000;

const run = (defects: string[], only: string[], audit = false) =>
  runBackendConformance({
    command: DEFECTIVE(...defects),
    only,
    cases: 8,
    size: 16,
    seed: 11n,
    timeoutMs: 60_000,
    ...(audit ? { audit: { samples: 300, seed: 13n, maxPairs: 64 } } : {}),
  });

/** Each switch, an op key it touches, what the runner must name, and the known defect it reproduces. */
const SWITCHES: [string, string, RegExp, string?][] = [
  ['decode-negatives', 'mul', /^decode divides negatives by 2\^f − 1$/, 'decode-negatives'],
  ['decode-off-by-one', 'mul', /^decode of negatives off by 1\.0$/],
  ['rounding', 'mul_const {"c":0.3}', /^rounding the other way$/],
  ['no-truncation', 'square', /^missing truncation$/],
  ['unsigned-shift', 'mul', /^truncation as an unsigned shift$/],
  [
    'goldschmidt-undeflated',
    'reciprocal_goldschmidt {"t":13,"eta":128}',
    /^reciprocal_goldschmidt with eta: 1$/,
  ],
  ['goldschmidt-undeflated', 'inv_sqrt_goldschmidt {"t":8,"eta":100}', /^inv_sqrt_goldschmidt with eta: 1$/],
  ['nr-all-positive', 'reciprocal_nr', /^reciprocal_nr_pos \(another protocol\)$/],
  ['exp-iterations', 'exp', /^exp \{"iterations":5\}$/],
  ['sin-period', 'sin', /^sin with period: 64$/],
  ['swap-constants', 'inv_sqrt_nr', /^constants #3 \(2\.2\) and #4 \(0\.2\) swapped$/],
  ['epsilon-zero', 'reciprocal_nr_pos', /^constant #3 \(0\.003\) encoded as 0$/, 'epsilon-zero'],
  ['operands-swapped', 'lt', /^gt \(another protocol\)$/],
  ['quad-swapped', 'gelu_quad', /^gelu_quad \{"coefficients":"swapped"\}$/, 'quad-swapped'],
  ['puma-breakpoint', 'gelu_puma', /^gelu_puma \{"form":"secformer"\}$/, 'puma-breakpoint'],
  [
    'fourier-mod-2pi',
    'gelu_fourier {"T":2.5,"beta":"released","mask":"secformer","period":20}',
    /^gelu_fourier \{"T":2\.5,"beta":"released","mask":"secformer","period":20,"reduction":"2pi"\}$/,
    'fourier-mod-2pi',
  ],
  ['fourier-mod-2pi', 'gelu_fourier', /^gelu_fourier with reduction: "2pi"$/, 'fourier-mod-2pi'],
  [
    'newton-large-sum',
    'softmax_2quad {"denominator":{"method":"newton","iterations":10,"signStep":true,"eta":4}}',
    /^softmax_2quad \{"c":5,"denominator":\{"method":"newton","iterations":10,"signStep":true,"eta":"none"\}\}$/,
    'newton-large-sum',
  ],
  [
    'goldschmidt-undeflated',
    'softmax_2quad',
    /^softmax_2quad \{"c":5,"denominator":\{"method":"goldschmidt","t":7,"eta":"none"\}\}$/,
    'goldschmidt-undeflated',
  ],
];

const byKey = (ops: readonly OpReport[], key: string): OpReport => {
  const r = ops.find((o) => o.key === key);
  if (r === undefined) throw new Error(`no row ${key} among ${ops.map((o) => o.key).join(', ')}`);
  return r;
};

describe('the defective Python backend', () => {
  it(
    'passes every op it offers with every switch off, views private',
    async () => {
      const report = await runBackendConformance({
        command: DEFECTIVE(),
        cases: 8,
        size: 16,
        seed: 11n,
        timeoutMs: 60_000,
        audit: { samples: 300, seed: 13n, maxPairs: 64 },
      });
      expect(
        report.ops.map((r) => `${r.key}: ${r.status} ${r.reason ?? ''}`).filter((s) => !s.includes(': pass')),
      ).toEqual([]);
      expect(report.ops.length).toBeGreaterThanOrEqual(24);
      const audited = report.ops.filter((r) => r.views !== undefined);
      expect(audited.map((r) => r.views!.status)).toEqual(['incomplete', 'incomplete', 'incomplete']);
      for (const r of audited)
        for (const v of r.views!.verdict!.verdicts)
          expect(v.modes.find((m) => m.mode === 'statistical')?.status, r.key).toBe('passed');
      expect(report.ops.every((r) => r.cost.status === 'not reported')).toBe(true);
      expect(report.ok).toBe(true);
    },
    MINUTES,
  );

  for (const [name, key, expected, known] of SWITCHES)
    it(
      `--defect ${name}: ${key} fails and the runner names ${expected.source}`,
      async () => {
        const report = await run([name], [key.split(' ')[0]!]);
        const r = byKey(report.ops, key);
        expect(r.status, r.reason).toBe('fail');
        expect(r.defect?.kind).toBe('match');
        if (r.defect?.kind !== 'match') return;
        expect(r.defect.best.name).toMatch(expected);
        expect(r.defect.best.defect?.id).toBe(known);
        expect(r.defect.best.casesMatched).toBe(r.casesAnswered);
        expect(report.ok).toBe(false);
      },
      MINUTES,
    );

  it(
    'an integer result is matched exactly: lt computed as y < x is gt or swapped operands, not le, ge or eq',
    async () => {
      const report = await run(['operands-swapped'], ['lt']);
      const d = byKey(report.ops, 'lt').defect;
      expect(d?.kind).toBe('match');
      if (d?.kind === 'match') expect(d.also).toEqual(['operands x and y swapped']);
    },
    MINUTES,
  );

  for (const [name, id, what, detail] of [
    ['sine-real-mask', 'sin', 'a mask bounded over the reals', /p = /],
    ['split-when-negative', 'mul', 'a traffic shape that depends on x', /traffic shape: /],
  ] as const)
    it(
      `--defect ${name}: values pass, the view audit finds ${what} in both parties`,
      async () => {
        const report = await run([name], [id], true);
        const r = byKey(report.ops, id);
        expect(r.value?.ok).toBe(true);
        expect(r.views?.status).toBe('leak');
        expect(r.views?.detail).toMatch(detail);
        expect(r.views?.verdict?.verdicts.map((v) => v.status)).toEqual(['leak', 'leak']);
        expect(r.status).toBe('fail');
      },
      MINUTES,
    );
});
