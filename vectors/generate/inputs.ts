// Cleartext inputs of generated cases (issue 5 §2): uniform in the spec domain, at its ends, at the
// ring's edges, or deliberately outside a non-negative domain (zero and negative "denominators").
// Values come from caseWords, so they depend only on the case's name.
import { type RingTensor, fromIntegers, ringHalf, ringMask } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import { encodeByScale } from '../../harness/scale.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';
import type { Domain, InputDecl } from '../../spec/types.ts';
import { caseWords } from './seeds.ts';
import { type RowStyle, drawRows } from '../../spec/rows/draw.ts';

export type Inputs = Record<string, RingTensor>;
type Shapes = Readonly<Record<string, Shape>>;
type RealDomain = Extract<Domain, { kind: 'real' }>;

/** How one input's values are chosen; `edges` and `outside*` fall back to uniform where they do not apply. */
export type InputStyle = 'uniform' | 'edges' | 'largest' | 'zero' | 'negative';

const unit = (w: bigint): number => Number(w >> 11n) / 2 ** 53;

function encodeReals(decl: InputDecl, values: readonly number[], shape: Shape, config: Config): RingTensor {
  const asScaled = values.map((v) =>
    decl.scale === 'fixed' ? v : decl.scale === 'bit' ? (v >= 0.5 ? 1n : 0n) : BigInt(Math.round(v)),
  );
  return encodeByScale(asScaled, shape, decl.scale, config, decl.name);
}

function realValues(style: InputStyle, d: RealDomain, words: BigUint64Array): number[] {
  const uniform = Array.from(words, (w) => d.min + unit(w) * (d.max - d.min));
  if (style === 'edges') {
    const edges = d.min <= 0 && d.max >= 0 ? [d.min, d.max, 0] : [d.min, d.max];
    return uniform.map((_, i) => edges[i % edges.length]!);
  }
  // the largest magnitudes, with seeded signs where the domain has both (for truncation-wrap searches)
  if (style === 'largest') return Array.from(words, (w) => (d.min < 0 && (w & 1n) === 1n ? d.min : d.max));
  if (style === 'zero') return uniform.map(() => 0);
  if (style === 'negative') return uniform.map((v) => -Math.max(v, 2 ** -20));
  return uniform;
}

function ringValues(style: InputStyle, decl: InputDecl, ell: number, words: BigUint64Array): bigint[] {
  if (decl.scale === 'bit') return Array.from(words, (w, i) => (style === 'edges' ? BigInt(i % 2) : w & 1n));
  if (style !== 'edges') return Array.from(words, (w) => w & ringMask(ell));
  const edges = [0n, 1n, ringMask(ell), ringHalf(ell), ringHalf(ell) - 1n];
  return Array.from(words, (_, i) => edges[i % edges.length]!);
}

/** Does `style` change this input (so that a case built with it is what its flag says)? */
export function styleApplies(style: InputStyle, domain: Domain): boolean {
  if (style === 'uniform' || style === 'edges') return true;
  if (domain.kind === 'ring') return false;
  if (style === 'largest') return true;
  if (style === 'zero') return domain.min > 0;
  return domain.min >= 0;
}

/**
 * A row-wise input (spec/rows/draw.ts), row by row: 'uniform' cycles through uniform and typical rows,
 * 'edges' through the extreme rows (all at the minimum, all at the maximum, one-hot, alternating,
 * constant), 'largest' through all-max and all-min rows; every row kept inside the row condition.
 */
function rowInputs(
  style: InputStyle,
  decl: InputDecl,
  d: RealDomain,
  shape: Shape,
  config: Config,
  words: BigUint64Array,
): RingTensor {
  const n = shape[shape.length - 1] ?? 1;
  const rows = sizeOf(shape) / n;
  const cycle: readonly RowStyle[] =
    style === 'edges'
      ? ['all-min', 'all-max', 'one-hot', 'alternating', 'constant']
      : style === 'largest'
        ? ['all-max', 'all-min']
        : ['uniform', 'typical'];
  let k = 0;
  const next = (): number => unit(words[k++ % words.length]!);
  const vals = drawRows((r) => cycle[r % cycle.length]!, d, rows, n, next);
  return encodeReals(decl, Array.from(vals), shape, config);
}

export function makeInputs(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  styleOf: (decl: InputDecl, domain: Domain) => InputStyle,
  ...name: readonly (string | number)[]
): Inputs {
  const domains = protocol.domain(config, shapes);
  const out: Inputs = {};
  for (const decl of protocol.inputs()) {
    const shape = shapes[decl.name]!;
    const domain = domains[decl.name] ?? { kind: 'ring' };
    const style = styleOf(decl, domain);
    const rowwise =
      domain.kind === 'real' &&
      decl.scale === 'fixed' &&
      (style === 'uniform' || style === 'edges' || style === 'largest') &&
      (protocol.rows?.inputs.includes(decl.name) === true || domain.row !== undefined);
    // A row-wise input draws a few words per element more (typical rows use several uniforms each).
    const words = caseWords(rowwise ? 4 * sizeOf(shape) + 16 : sizeOf(shape), ...name, decl.name);
    out[decl.name] =
      rowwise && domain.kind === 'real'
        ? rowInputs(style, decl, domain, shape, config, words)
        : domain.kind === 'ring'
          ? fromIntegers(config.ell, shape, ringValues(style, decl, config.ell, words))
          : encodeReals(decl, realValues(style, domain, words), shape, config);
  }
  return out;
}
