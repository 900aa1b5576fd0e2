// Attention normaliser speed (issue 12, "Speed"): every normaliser under both profiles on one
// [12, 128, 128] tensor of scores (196 608, the scores of one BERT-base layer at sequence length 128), 2
// parties in one process, dealer preprocessing included, from shared inputs to shared outputs. Targets:
// softmax ≥ 1 M scores/s under crypten and ≥ 1.5 M/s under default, softmax_2quad (Goldschmidt, default)
// ≥ 10 M/s, softmax_relu (default) ≥ 2 M/s. For scale, CrypTen 0.4's own softmax(-1) on this shape, 2
// parties as 2 processes on this kind of machine, took 1.34 s (0.147 M scores/s). Each row is compared
// with the spec's float64 formula over the same tensor (the cleartext kernel). The inputs are typical
// rows drawn by each spec's own sampler; `npm run bench -- attention` runs this suite alone.
import { encode } from '../core/fixed.ts';
import { allocWords } from '../core/word-pool.ts';
import { ringMask, ringTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import type { Shape } from '../core/shape.ts';
import { findProtocol } from '../registry/index.ts';
import { runParties } from '../runtime/run.ts';
import { resolveConfig } from '../spec/config.ts';
import { rowValues, seededUniforms } from '../spec/rows/draw.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const SHAPE: Shape = [12, 128, 128];
const SCORES = 12 * 128 * 128;
const ROWS = 12 * 128;

interface AttentionBench {
  readonly id: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly label?: string;
  readonly targets?: { readonly crypten?: number; readonly default?: number };
}

const NORMALISERS: readonly AttentionBench[] = [
  { id: 'softmax', targets: { crypten: 1e6, default: 1.5e6 } },
  {
    id: 'softmax',
    label: 'softmax goldschmidt',
    params: { denominator: { method: 'goldschmidt', t: 13, eta: 0.6 } },
  },
  { id: 'softmax_2quad', targets: { default: 10e6 } },
  { id: 'softmax_taylor' },
  { id: 'softmax_relu', targets: { default: 2e6 } },
  { id: 'softmax_scale' },
  { id: 'softmax_squared' },
  {
    id: 'attention_heads',
    label: 'attention_heads 6 of 12',
    params: { heads: { mask: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0] } },
  },
  { id: 'attention_rows', label: 'attention_rows 768 of 1536', params: { rows: { budget: 768 } } },
];

const fmt = (v: number): string => `≥ ${v >= 1e6 ? `${v / 1e6} M/s` : `${v / 1e3} k/s`}`;

async function bench(b: AttentionBench, profile: 'crypten' | 'default'): Promise<BenchRow> {
  const protocol = findProtocol(b.id).bind(b.params);
  const config = resolveConfig(profile);
  const shapes = protocol.shapesFor(SHAPE);
  const d = protocol.domain(config, shapes)['x']!;
  if (d.kind !== 'real') throw new Error(`${b.id}: a real domain is needed`);
  const next = seededUniforms(`bench/attention/${b.id}`);
  const xs = new Float64Array(SCORES);
  for (let r = 0; r < ROWS; r++) xs.set(rowValues('typical', d, 128, next), r * 128);
  const x = encode(xs, SHAPE, config, 'x');
  const shares = await benchInputs(() => {
    const r = chachaWords(deriveKey(rootKey(12n), 'bench/attention'), SCORES);
    const m = ringMask(config.ell);
    const other = allocWords(SCORES, false);
    for (let i = 0; i < SCORES; i++) other[i] = (x.data[i]! - r[i]!) & m;
    return [ringTensor(config.ell, SHAPE, r), ringTensor(config.ell, SHAPE, other)];
  });
  let seed = 0n;
  const ms = await timeMedian(5, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: seed++ }, (ctx, i) =>
        protocol.run(ctx, config, shapes, { x: shares[i]! }),
      ),
    ),
  );
  const clear = await timeMedian(5, () => protocol.ideal(config, { x: xs }, shapes));
  const target = b.targets?.[profile];
  const eps = (SCORES / ms) * 1000;
  return row(`${b.label ?? b.id} ${profile} 2p`, SCORES, ms, {
    ratioToCleartext: clear / ms,
    ...(target === undefined ? {} : { target: fmt(target), met: eps >= target }),
  });
}

const suite: BenchSuite = {
  name: 'attention',
  async run() {
    const rows: BenchRow[] = [];
    for (const b of NORMALISERS)
      for (const profile of ['crypten', 'default'] as const) {
        process.stderr.write(`bench: attention ${b.label ?? b.id} ${profile}\n`);
        rows.push(await bench(b, profile));
      }
    return rows;
  },
};
export default suite;
