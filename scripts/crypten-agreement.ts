// Agreement in value between CrypTen 0.4 and mpcspec's `crypten` profile (issue 18 §4; docs/crypten.md):
// the same cleartext inputs (the conformance runner's seeded cases) go to CrypTen twice (adapters/crypten,
// fresh randomness each time) and once to mpcspec's own engine behind the same protocol (`mpcspec
// self-adapter --profile crypten`). Per op: CrypTen's run-to-run spread |run 2 − run 1| and the distance
// |mpcspec − run 1|, max and mean in ulps, and whether mpcspec lies within CrypTen's own spread: a paired
// sign test per element (were mpcspec another CrypTen run, it would be farther from run 1 than run 2 is
// as often as nearer), rejected at p < 10⁻³. Writes reports/crypten/agreement.{txt,json}. Exit 0 when it ran (the table is the finding),
// 2 on a usage or adapter error, 3 when CrypTen is not available here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendCase } from '../backend/cases.ts';
import { caseSource } from '../backend/cases.ts';
import { caseMessage, readOutputs } from '../backend/exchange.ts';
import type { OpUnderTest } from '../backend/handshake.ts';
import { BackendSession, BackendUnavailable } from '../backend/session.ts';
import type { RingTensor } from '../core/ring.ts';
import { renderTable } from '../cli/table.ts';
import { CRYPTEN_ADAPTER } from './crypten-conform.ts';
import { ROOT, cryptenRunOptions, positiveInt } from './crypten-options.ts';

const SELF_ADAPTER = `"${process.execPath}" "${join(ROOT, 'bin/mpcspec.mjs')}" self-adapter --profile crypten`;
const TIMEOUT_MS = 120_000;

/** Max and mean |a − b| in ulps over paired ring elements (differences read as signed ring values). */
export interface Distance {
  readonly elements: number;
  readonly max: number;
  readonly mean: number;
}

/** |a − b| in ulps per element, the difference read as a signed ring value. */
export function ulpDistances(pairs: readonly (readonly [RingTensor, RingTensor])[]): number[] {
  const out: number[] = [];
  for (const [a, b] of pairs) {
    const ring = 1n << BigInt(a.ell);
    for (let i = 0; i < a.data.length; i++) {
      const d = (a.data[i]! - b.data[i]!) & (ring - 1n);
      out.push(Number(d >= ring / 2n ? ring - d : d));
    }
  }
  return out;
}

export const summarise = (d: readonly number[]): Distance => ({
  elements: d.length,
  max: d.reduce((m, v) => Math.max(m, v), 0),
  mean: d.length === 0 ? 0 : d.reduce((s, v) => s + v, 0) / d.length,
});

/**
 * The paired sign test: were mpcspec just another CrypTen run, |mpcspec − run 1| would exceed
 * |run 2 − run 1| on an element as often as fall short of it. Two-sided binomial p-value of the counts.
 */
export function signTest(distance: readonly number[], spread: readonly number[]): SignTest {
  let above = 0;
  let below = 0;
  distance.forEach((d, i) => {
    if (d > spread[i]!) above++;
    else if (d < spread[i]!) below++;
  });
  const n = above + below;
  const k = Math.max(above, below);
  let logC = 0; // log C(n, j), from j = 0 up
  let tail = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) logC += Math.log(n - j + 1) - Math.log(j);
    if (j >= k) tail += Math.exp(logC - n * Math.LN2);
  }
  return { above, below, p: n === 0 ? 1 : Math.min(1, 2 * tail) };
}

export interface SignTest {
  /** Elements where mpcspec is farther from run 1 than run 2 is, and nearer. */
  readonly above: number;
  readonly below: number;
  readonly p: number;
}

/** mpcspec is within CrypTen's spread unless the sign test rejects exchangeability at this level. */
export const ALPHA = 1e-3;

export interface OpAgreement {
  readonly key: string;
  readonly cases: number;
  readonly spread: Distance;
  readonly distance: Distance;
  readonly sign: SignTest;
  readonly withinSpread: boolean;
  readonly problem?: string;
}

/** Every case's outputs from one session, in case order; a fault or backend error is one problem line. */
async function outputsOf(
  session: BackendSession,
  op: OpUnderTest,
  cases: readonly BackendCase[],
): Promise<RingTensor[][] | string> {
  const config = session.info.config;
  const out: RingTensor[][] = [];
  let problem: string | undefined;
  const outcome = await session.run(
    cases.length,
    (k) => caseMessage(op.protocol, config, cases[k]!, { inputShares: session.info.inputShares }),
    (a, k) => {
      if ('backendError' in a) {
        problem ??= `case ${a.case}: ${a.backendError}`;
        return;
      }
      const read = readOutputs(op.protocol, config, cases[k]!, a.result);
      if (!read.ok) problem ??= read.problem;
      else out.push(op.protocol.outputs().map((d) => read.outputs[d.name]!));
    },
  );
  if (outcome.fault !== undefined) return `case ${outcome.fault.case}: ${outcome.fault.why}`;
  return problem ?? out;
}

const pairsOf = (a: RingTensor[][], b: RingTensor[][]): [RingTensor, RingTensor][] =>
  a.flatMap((outs, k) => outs.map((t, j): [RingTensor, RingTensor] => [t, b[k]![j]!]));

async function agreement(cases: number, seed: bigint, size: number): Promise<OpAgreement[]> {
  const options = { profile: 'crypten', timeoutMs: TIMEOUT_MS };
  const crypten = await BackendSession.start(`"${CRYPTEN_ADAPTER}"`, options);
  const self = await BackendSession.start(SELF_ADAPTER, options);
  const rows: OpAgreement[] = [];
  try {
    for (const op of crypten.info.ops) {
      const mine = self.info.ops.find((o) => o.key === op.key);
      if (op.unsupported !== undefined || mine === undefined) continue;
      const source = caseSource(op.protocol, crypten.info.config, op.key, size, seed);
      const drawn = Array.from({ length: cases }, (_, k) => source(k));
      const first = await outputsOf(crypten, op, drawn);
      const second = await outputsOf(crypten, op, drawn);
      const ours = await outputsOf(self, mine, drawn);
      const problem = [first, second, ours].find((r): r is string => typeof r === 'string');
      const none = { elements: 0, max: 0, mean: 0 };
      if (problem !== undefined) {
        const sign = { above: 0, below: 0, p: 0 };
        rows.push({ key: op.key, cases, spread: none, distance: none, sign, withinSpread: false, problem });
        continue;
      }
      const [a, b, m] = [first, second, ours] as RingTensor[][][];
      const spread = ulpDistances(pairsOf(b!, a!));
      const distance = ulpDistances(pairsOf(m!, a!));
      const sign = signTest(distance, spread);
      rows.push({
        key: op.key,
        cases,
        spread: summarise(spread),
        distance: summarise(distance),
        sign,
        withinSpread: sign.p >= ALPHA,
      });
      process.stderr.write(`crypten agreement: ${op.key}\n`);
    }
  } finally {
    await crypten.close();
    await self.close();
  }
  return rows;
}

export function agreementTable(rows: readonly OpAgreement[]): string {
  const fmt = (d: Distance): string => `${d.max} / ${d.mean.toFixed(3)}`;
  return renderTable(
    [
      'op',
      'elements',
      'CrypTen run 2 vs run 1: max / mean ulp',
      'mpcspec vs CrypTen run 1: max / mean ulp',
      'farther / nearer, p',
      'within spread',
    ],
    rows.map((r) =>
      r.problem !== undefined
        ? [r.key, '', '', '', '', `ERROR: ${r.problem}`]
        : [
            r.key,
            r.spread.elements,
            fmt(r.spread),
            fmt(r.distance),
            `${r.sign.above} / ${r.sign.below}, p ${r.sign.p.toPrecision(2)}`,
            r.withinSpread ? 'yes' : 'NO',
          ],
    ),
  );
}

async function main(): Promise<number> {
  const { cases, seed, out, extra } = cryptenRunOptions({ size: '32' });
  const size = positiveInt('size', extra['size']!);
  const rows = await agreement(cases, seed, size);
  const text = `CrypTen 0.4 (provider TFP) and mpcspec's crypten profile on the same inputs: ${cases} cases per op, size ${size}, seed ${seed}\n${agreementTable(rows)}\n`;
  process.stdout.write(text);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'agreement.txt'), text);
  writeFileSync(
    join(out, 'agreement.json'),
    `${JSON.stringify({ cases, size, seed: seed.toString(), ops: rows }, null, 2)}\n`,
  );
  return 0;
}

if (process.argv[1] === import.meta.filename)
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof BackendUnavailable) {
        process.stderr.write(`crypten agreement: skipped: ${e.message}\n`);
        process.exit(3);
      }
      process.stderr.write(`crypten agreement: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
