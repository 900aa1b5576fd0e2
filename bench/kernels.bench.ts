// Numeric kernel speed (issue 6, "Speed"): 2 parties in one process, dealer preprocessing included, from
// shared inputs to shared outputs, 10^5 elements spread over each kernel's domain. Targets under the
// crypten profile: exp ≥ 2.5 M/s, reciprocal (Newton) ≥ 400 k/s, inv_sqrt ≥ 1 M/s (CrypTen 0.4 on this
// kind of machine: 1.2 M/s exp, 0.18 M/s reciprocal). Each row is compared with the float64 cleartext
// loop of the same function (Math.exp, 1/x, 1/√x, …) over the same inputs.
import { encode } from '../core/fixed.ts';
import { allocWords } from '../core/word-pool.ts';
import { ringMask, ringTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { findProtocol } from '../registry/index.ts';
import { runParties } from '../runtime/run.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const N = 100_000;

interface KernelBench {
  readonly id: string;
  readonly clear: (x: number) => number;
  readonly target?: { readonly text: string; readonly perSecond: number };
}

const KERNELS: readonly KernelBench[] = [
  { id: 'exp', clear: Math.exp, target: { text: '≥ 2.5 M/s', perSecond: 2.5e6 } },
  { id: 'exp_taylor', clear: Math.exp },
  { id: 'reciprocal_nr_pos', clear: (x) => 1 / x, target: { text: '≥ 400 k/s', perSecond: 4e5 } },
  { id: 'reciprocal_nr', clear: (x) => 1 / x },
  { id: 'reciprocal_goldschmidt', clear: (x) => 1 / x },
  { id: 'inv_sqrt_nr', clear: (x) => 1 / Math.sqrt(x), target: { text: '≥ 1 M/s', perSecond: 1e6 } },
  { id: 'inv_sqrt_goldschmidt', clear: (x) => 1 / Math.sqrt(x) },
  { id: 'sqrt', clear: Math.sqrt },
  { id: 'sin', clear: (x) => Math.sin((2 * Math.PI * x) / 32) },
  { id: 'erf', clear: (x) => x }, // no Math.erf: the ratio is against a trivial loop
  { id: 'sigmoid', clear: (x) => 1 / (1 + Math.exp(-x)) },
  { id: 'tanh', clear: Math.tanh },
];

async function benchKernel(k: KernelBench, profile: 'crypten' | 'default'): Promise<BenchRow | undefined> {
  const registered = (() => {
    try {
      return findProtocol(k.id);
    } catch {
      return undefined;
    }
  })();
  if (registered === undefined) return undefined;
  const protocol = registered.bind();
  const config = resolveConfig(profile);
  const shapes = protocol.shapes(N);
  const d = protocol.domain(config, shapes)['x']!;
  if (d.kind !== 'real') return undefined;
  const gap = d.gap ?? 0;
  const xs = Array.from({ length: N }, (_, i) => {
    const v = d.min + ((d.max - d.min) * (i + 0.5)) / N;
    return Math.abs(v) < gap ? gap : v;
  });
  const x = encode(xs, shapes['x']!, config, 'x');
  const shares = await benchInputs(() => {
    const r = chachaWords(deriveKey(rootKey(5n), 'bench/kernels'), N);
    const m = ringMask(config.ell);
    const other = allocWords(N, false);
    for (let i = 0; i < N; i++) other[i] = (x.data[i]! - r[i]!) & m;
    return [ringTensor(config.ell, x.shape, r), ringTensor(config.ell, x.shape, other)];
  });
  const ms = await timeMedian(7, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => protocol.run(ctx, config, shapes, { x: shares[i]! })),
    ),
  );
  const out = new Float64Array(N);
  const clear = await timeMedian(5, () => {
    for (let i = 0; i < N; i++) out[i] = k.clear(xs[i]!);
  });
  const eps = (N / ms) * 1000;
  return row(`${k.id} ${profile} 2p`, N, ms, {
    ratioToCleartext: clear / ms,
    ...(k.target !== undefined && profile === 'crypten'
      ? { target: k.target.text, met: eps >= k.target.perSecond }
      : {}),
  });
}

const suite: BenchSuite = {
  name: 'kernels',
  async run() {
    const rows: BenchRow[] = [];
    for (const profile of ['crypten', 'default'] as const)
      for (const k of KERNELS) {
        const r = await benchKernel(k, profile);
        if (r !== undefined) rows.push(r);
      }
    return rows;
  },
};
export default suite;
