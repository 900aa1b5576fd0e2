// CrypTen 0.4 and mpcspec side by side (issue 18, "Speed"; docs/crypten.md): elements per second for
// mul, lt, exp, reciprocal and softmax at 10^5 elements, 2 parties, preprocessing included, and the
// ratio; target: mpcspec's crypten profile at ≥ 4× CrypTen on each. CrypTen's numbers come from
// adapters/crypten/bench.py (two run_multiprocess parties, provider TFP, the slower party's median time
// from shared inputs to shared outputs); mpcspec's from its own protocols under the crypten profile,
// the same way as the other suites. Without CrypTen here, the suite gives mpcspec's rows and says so.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { encode } from '../core/fixed.ts';
import { ringMask, ringTensor, type RingTensor } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { sizeOf } from '../core/shape.ts';
import { findProtocol } from '../registry/index.ts';
import { runParties } from '../runtime/run.ts';
import { resolveConfig } from '../spec/config.ts';
import { type BenchRow, type BenchSuite, benchInputs, row, runRecycled, timeMedian } from './suite.ts';

const N = 100_000;
const TARGET = 4;
const ROOT = join(import.meta.dirname, '..');

/**
 * The op as the bench names it (CrypTen's bench key), mpcspec's protocol id (none: no spec yet) and, for
 * a row-wise op, the shape adapters/crypten/bench.py gives CrypTen (rows of 100).
 */
const OPS: readonly {
  readonly name: string;
  readonly id?: string;
  readonly shapes?: Readonly<Record<string, number[]>>;
}[] = [
  { name: 'mul', id: 'mul' },
  { name: 'lt', id: 'lt' },
  { name: 'exp', id: 'exp' },
  { name: 'reciprocal', id: 'reciprocal_nr' },
  { name: 'softmax', id: 'softmax', shapes: { x: [N / 100, 100] } },
];

interface CryptenTimes {
  readonly [op: string]: { readonly elements: number; readonly seconds: number };
}

/** CrypTen's times, or why there are none (one line). */
function cryptenTimes(): CryptenTimes | string {
  const crypten = process.env['MPCSPEC_CRYPTEN'] ?? join(ROOT, '../shared/third_party/crypten');
  const python = process.env['MPCSPEC_PYTHON'] ?? '/usr/bin/python3';
  try {
    const out = execFileSync(python, [join(ROOT, 'adapters/crypten/bench.py'), '--elements', String(N)], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: crypten },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    });
    return JSON.parse(out.trim().split('\n').pop()!) as CryptenTimes;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return `CrypTen not run: ${(err.stderr ?? '').trim().split('\n').pop() ?? err.message}`;
  }
}

/** mpcspec's median ms for one protocol on N elements spread over its domain, shared between 2 parties. */
async function mpcspecMs(id: string, rowShapes?: Readonly<Record<string, number[]>>): Promise<number> {
  const protocol = findProtocol(id).bind();
  const config = resolveConfig('crypten');
  const shapes = rowShapes ?? protocol.shapes(N);
  const domains = protocol.domain(config, shapes);
  const shares = await benchInputs(() => {
    const out: Record<string, RingTensor>[] = [{}, {}];
    for (const d of protocol.inputs()) {
      const shape = shapes[d.name]!;
      const n = sizeOf(shape);
      const dom = domains[d.name]!;
      if (dom.kind !== 'real') throw new Error(`${id}: bench inputs need a real domain`);
      const gap = dom.gap ?? 0;
      const xs = Array.from({ length: n }, (_, i) => {
        const v = dom.min + ((dom.max - dom.min) * (i + 0.5)) / n;
        return Math.abs(v) < gap ? gap : v;
      });
      const x = encode(xs, shape, config, d.name);
      const r = chachaWords(deriveKey(rootKey(5n), `bench/crypten/${d.name}`), n);
      const m = ringMask(config.ell);
      const other = new BigUint64Array(n);
      for (let i = 0; i < n; i++) other[i] = (x.data[i]! - r[i]!) & m;
      out[0]![d.name] = ringTensor(config.ell, shape, r);
      out[1]![d.name] = ringTensor(config.ell, shape, other);
    }
    return out;
  });
  return timeMedian(5, () =>
    runRecycled(() =>
      runParties({ parties: 2, seed: 1n }, (ctx, i) => protocol.run(ctx, config, shapes, shares[i]!)),
    ),
  );
}

const suite: BenchSuite = {
  name: 'crypten',
  async run() {
    const crypten = cryptenTimes();
    if (typeof crypten === 'string') process.stderr.write(`bench crypten: ${crypten}\n`);
    const rows: BenchRow[] = [];
    for (const op of OPS) {
      const theirs = typeof crypten === 'string' ? undefined : crypten[op.name];
      const theirsPerSecond = theirs === undefined ? undefined : theirs.elements / theirs.seconds;
      if (theirs !== undefined)
        rows.push(row(`${op.name} CrypTen 0.4 2p`, theirs.elements, theirs.seconds * 1000));
      if (op.id === undefined) continue;
      const ms = await mpcspecMs(op.id, op.shapes);
      const ours = (N / ms) * 1000;
      rows.push(
        row(`${op.id} crypten 2p`, N, ms, {
          ...(theirsPerSecond === undefined
            ? {}
            : {
                target: `≥ ${TARGET}× CrypTen (${(ours / theirsPerSecond).toFixed(1)}×)`,
                met: ours >= TARGET * theirsPerSecond,
              }),
        }),
      );
    }
    return rows;
  },
};
export default suite;
