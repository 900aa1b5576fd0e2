// Seeded test cases for a backend (issue 17 §2): for each op, cases drawn from its spec's domain in turn
// of four kinds — the domain's edges, ordinary values, large values (the most prone to share wrap in
// local truncation, whose probability grows with |x|) and small ones — with every fourth case, where
// the spec accepts it, in a tensor of one more axis (shapes are per input: an adapter must read them,
// not assume vectors). Row-wise inputs (the last axis is a row with a condition: attention scores, a
// token's features) are drawn row by row in the styles of spec/rows/draw.ts instead, so every row
// meets its condition. Every value comes from mpcspec's PRG under K(K₀(seed), "backend/<op>/<case>")
// (rows: ".../<input>/rows"), so a run replays from its seed.
import { inputError } from '../core/errors.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { type RingTensor, fromIntegers } from '../core/ring.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import { realEdges, ringEdges, uniformStream } from '../harness/generate.ts';
import { type ShapeRequest, requestedShapes } from '../harness/case.ts';
import { encodeByScale } from '../harness/scale.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import { ROW_STYLES, rowValues } from '../spec/rows/draw.ts';

export type Shapes = Readonly<Record<string, Shape>>;
export type CaseKind = 'edges' | 'ordinary' | 'large' | 'small';
const KINDS: readonly CaseKind[] = ['edges', 'ordinary', 'large', 'small'];

export interface BackendCase {
  /** `<op key>#<index>`: what every verdict names. */
  readonly id: string;
  readonly index: number;
  readonly shapes: Shapes;
  /** Encoded cleartext inputs. */
  readonly inputs: Readonly<Record<string, RingTensor>>;
  /** The case's own seed: the runner's input shares and the adapter's randomness may derive from it. */
  readonly seed: bigint;
}

const unit = (w: bigint): number => Number(w >> 11n) / 2 ** 53;

/**
 * The shapes of case `index`: the shapes asked for (`--shape`) in every case; else the spec's shapes for
 * `size`, every fourth case with one more leading axis of 2.
 */
function caseShapes(protocol: BoundProtocol, size: number, index: number, shape?: ShapeRequest): Shapes {
  if (shape !== undefined) return requestedShapes(protocol, { size, shape });
  const base = protocol.shapes(size);
  if (index % 4 !== 3) return base;
  const split = Object.fromEntries(
    Object.entries(base).map(([k, s]) => [
      k,
      s.length > 0 && s[0]! % 2 === 0 ? [2, s[0]! / 2, ...s.slice(1)] : [...s],
    ]),
  );
  try {
    protocol.outputShapes(split);
    return split;
  } catch {
    return base; // this op's shapes do not take another axis
  }
}

function realValues(d: Extract<Domain, { kind: 'real' }>, kind: CaseKind, words: BigUint64Array): number[] {
  const gap = d.gap ?? 0;
  // uniform over [lo, hi] ∩ domain, leaving out (−gap, gap)
  const within = (lo: number, hi: number, u: number): number => {
    const a = Math.max(lo, d.min);
    const b = Math.min(hi, d.max);
    if (gap <= 0) return a + u * (b - a);
    const left = Math.max(0, Math.min(b, -gap) - a);
    const right = Math.max(0, b - Math.max(a, gap));
    const s = u * (left + right);
    return s < left ? a + s : Math.max(a, gap) + (s - left);
  };
  const magnitude = Math.max(Math.abs(d.min), Math.abs(d.max));
  const edges = realEdges(d);
  return Array.from(words, (w, i) => {
    const u = unit(w);
    switch (kind) {
      case 'edges':
        return i < edges.length ? edges[i]! : within(d.min, d.max, u);
      case 'ordinary':
        return within(d.min, d.max, u);
      case 'large': {
        // |x| in the top tenth of the domain's magnitude, on a side the domain has
        const negative = d.max <= 0 || (d.min < 0 && (w & 1n) === 1n);
        const v = magnitude * (0.9 + 0.1 * u);
        return negative ? Math.max(d.min, -v) : Math.min(d.max, v);
      }
      case 'small': {
        // the low hundredth of the domain nearest zero
        const lo = d.min >= 0 ? d.min : d.max <= 0 ? d.max - (d.max - d.min) / 100 : -magnitude / 100;
        const hi = d.min >= 0 ? d.min + (d.max - d.min) / 100 : d.max <= 0 ? d.max : magnitude / 100;
        return within(lo, hi, u);
      }
    }
  });
}

function inputValues(
  decl: InputDecl,
  domain: Domain,
  kind: CaseKind,
  words: BigUint64Array,
  config: Config,
): (number | bigint)[] {
  if (decl.scale === 'bit')
    return Array.from(words, (w, i) => (kind === 'edges' && i < 2 ? BigInt(i) : w & 1n));
  if (domain.kind === 'ring') {
    const edges = ringEdges(config.ell);
    return Array.from(words, (w, i) => (kind === 'edges' && i < edges.length ? edges[i]! : w));
  }
  const reals = realValues(domain, kind, words);
  return decl.scale === 'fixed' ? reals : reals.map((v) => BigInt(Math.round(v)));
}

/**
 * Case `index` of an op, from the run seed: one keystream per case, K(K₀(seed), "backend/<op>/<case>"),
 * read input after input in declaration order (row-major), then one word for the case's own seed.
 */
export function caseSource(
  protocol: BoundProtocol,
  config: Config,
  opKey: string,
  size: number,
  seed: bigint,
  shape?: ShapeRequest,
): (index: number) => BackendCase {
  const root = rootKey(seed);
  const decls = protocol.inputs();
  const rowwise = new Set(protocol.rows?.inputs ?? []);
  return (index) => {
    const kind = KINDS[index % KINDS.length]!;
    const shapes = caseShapes(protocol, size, index, shape);
    const domains = protocol.domain(config, shapes);
    const sizes = decls.map((d) => sizeOf(shapes[d.name] ?? [0]));
    const stream = chachaWords(
      deriveKey(root, `backend/${opKey}/${index}`),
      sizes.reduce((a, b) => a + b, 1),
    );
    let offset = 0;
    const inputs = Object.fromEntries(
      decls.map((d, k) => {
        const shape = shapes[d.name];
        const domain = domains[d.name];
        if (shape === undefined || domain === undefined)
          throw inputError(`${protocol.id}: the spec gives no shape or domain for input '${d.name}'`);
        const words = stream.subarray(offset, offset + sizes[k]!);
        offset += sizes[k]!;
        if (
          domain.kind === 'real' &&
          d.scale === 'fixed' &&
          (domain.row !== undefined || rowwise.has(d.name))
        ) {
          const n = shape[shape.length - 1] ?? 1;
          const next = uniformStream(seed, `backend/${opKey}/${index}/${d.name}/rows`);
          const vals = new Float64Array(sizeOf(shape));
          for (let r = 0; r * n < vals.length; r++)
            vals.set(rowValues(ROW_STYLES[(index + r) % ROW_STYLES.length]!, domain, n, next), r * n);
          return [d.name, encodeByScale(Array.from(vals), shape, d.scale, config, d.name)];
        }
        const values = inputValues(d, domain, kind, words, config);
        // ring-domain values are ring words whatever the scale: they are not encoded again
        if (domain.kind === 'ring' && d.scale !== 'bit')
          return [d.name, fromIntegers(config.ell, shape, values)];
        return [d.name, encodeByScale(values, shape, d.scale, config, d.name)];
      }),
    );
    return { id: `${opKey}#${index}`, index, shapes, inputs, seed: stream[offset]! };
  };
}

export function generateCases(
  protocol: BoundProtocol,
  config: Config,
  opKey: string,
  count: number,
  size: number,
  seed: bigint,
): BackendCase[] {
  const source = caseSource(protocol, config, opKey, size, seed);
  return Array.from({ length: count }, (_, index) => source(index));
}
