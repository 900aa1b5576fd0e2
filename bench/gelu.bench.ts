// GeLU speed (issue "GeLU and LayerNorm", "Speed"): 2 parties in one process, dealer preprocessing
// included, from shared inputs to shared outputs, one GeLU over x of shape [128, 3072] (393 216 elements:
// the MLP of a BERT-base layer at 128 tokens), pre-activations spread over [−12, 12] as BERT's lie
// (a Gaussian of σ 2 clipped to the range). Targets under the default profile: gelu_fourier ≥ 1.5 M
// elements/s, gelu_tanh ≥ 1 M/s; the crypten schedule and the other variants are reported beside them.
// Each row is compared with a float64 loop computing the same variant's formula in the clear.
import { encode } from '../core/fixed.ts';
import { allocWords } from '../core/word-pool.ts';
import { ringMask, ringTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { findProtocol } from '../registry/index.ts';
import { runParties } from '../runtime/run.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const SHAPE = [128, 3072];
const N = SHAPE[0]! * SHAPE[1]!;

interface GeluBench {
  readonly id: string;
  readonly target?: { readonly text: string; readonly perSecond: number };
}

const CASES: readonly GeluBench[] = [
  { id: 'gelu_fourier', target: { text: '≥ 1.5 M/s', perSecond: 1.5e6 } },
  { id: 'gelu_tanh', target: { text: '≥ 1 M/s', perSecond: 1e6 } },
  { id: 'gelu_quad' },
  { id: 'gelu_puma' },
  { id: 'gelu_relu' },
];

/** Pre-activations: a Gaussian of σ 2 (Box–Muller on seeded uniforms), clipped to [−12, 12]. */
function preActivations(): number[] {
  const u = chachaWords(deriveKey(rootKey(7n), 'bench/gelu/x'), 2 * N);
  const unit = (w: bigint): number => (Number(w >> 11n) + 0.5) / 2 ** 53;
  return Array.from({ length: N }, (_, i) => {
    const g = Math.sqrt(-2 * Math.log(unit(u[2 * i]!))) * Math.cos(2 * Math.PI * unit(u[2 * i + 1]!));
    return Math.max(-12, Math.min(12, 2 * g));
  });
}

async function benchGelu(c: GeluBench, profile: 'crypten' | 'default', xs: number[]): Promise<BenchRow> {
  const protocol = findProtocol(c.id).bind();
  const config = resolveConfig(profile);
  const shapes = { x: SHAPE };
  const x = encode(xs, SHAPE, config, 'x');
  const shares = await benchInputs(() => {
    const r = chachaWords(deriveKey(rootKey(5n), 'bench/gelu/shares'), N);
    const m = ringMask(config.ell);
    const other = allocWords(N, false);
    for (let i = 0; i < N; i++) other[i] = (x.data[i]! - r[i]!) & m;
    return [ringTensor(config.ell, SHAPE, r), ringTensor(config.ell, SHAPE, other)];
  });
  const ms = await timeMedian(
    3,
    () =>
      runRecycled(() =>
        runParties({ parties: 2, seed: 1n }, (ctx, i) =>
          protocol.run(ctx, config, shapes, { x: shares[i]! }),
        ),
      ),
    { warmupMs: 500, measureMs: 3000, maxRuns: 20 },
  );
  const xf = Float64Array.from(xs);
  const out = new Float64Array(N);
  const clear = await timeMedian(5, () => {
    const z = protocol.ideal(config, { x: xf }, shapes)['z']!;
    out.set(z);
  });
  const eps = (N / ms) * 1000;
  return row(`${c.id} ${profile} 2p [128, 3072]`, N, ms, {
    ratioToCleartext: clear / ms,
    ...(c.target !== undefined && profile === 'default'
      ? { target: c.target.text, met: eps >= c.target.perSecond }
      : {}),
  });
}

const suite: BenchSuite = {
  name: 'gelu',
  async run() {
    const xs = preActivations();
    const rows: BenchRow[] = [];
    for (const c of CASES)
      for (const profile of ['default', 'crypten'] as const) rows.push(await benchGelu(c, profile, xs));
    return rows;
  },
};
export default suite;
