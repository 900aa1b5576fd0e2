// fast-check arbitraries drawn from a spec's domain (DESIGN.md, "Correctness and error"): inputs of a
// small size, each element either a domain edge (min, max, 0; ring edges 0, ±1, −2^(ℓ−1), 2^(ℓ−1)−1)
// or uniform in the domain, and a run seed. Everything else derives from fast-check's seed.
import fc from 'fast-check';
import { type RingTensor, fromIntegers } from '../core/ring.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import type { CaseSpec } from '../harness/execute.ts';
import { realEdges, ringEdges } from '../harness/generate.ts';
import { encodeByScale } from '../harness/scale.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import { ROW_STYLES, type RealDomain, drawRows, seededUniforms } from '../spec/rows/draw.ts';

function elementArbitrary(decl: InputDecl, domain: Domain, config: Config): fc.Arbitrary<number | bigint> {
  if (domain.kind === 'ring') {
    if (decl.scale === 'bit') return fc.constantFrom(0n, 1n);
    return fc.oneof(
      fc.constantFrom(...ringEdges(config.ell)),
      fc.bigInt({ min: 0n, max: (1n << BigInt(config.ell)) - 1n }),
    );
  }
  if (decl.scale === 'bit') return fc.constantFrom(0n, 1n);
  const between = (min: number, max: number): fc.Arbitrary<number> =>
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // A domain with a gap leaves out (−gap, gap): draw from the two pieces that remain.
  const gap = domain.gap ?? 0;
  const uniform =
    gap > 0 ? fc.oneof(between(domain.min, -gap), between(gap, domain.max)) : between(domain.min, domain.max);
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...realEdges(domain)), weight: 1 },
    { arbitrary: uniform, weight: 4 },
  );
  return decl.scale === 'fixed' ? value : value.map((v) => BigInt(Math.round(v)));
}

function tensorArbitrary(
  decl: InputDecl,
  domain: Domain,
  shape: Shape,
  config: Config,
): fc.Arbitrary<RingTensor> {
  const n = sizeOf(shape);
  const elements = fc.array(elementArbitrary(decl, domain, config), { minLength: n, maxLength: n });
  // Ring-domain values are ring elements already (whatever their scale); real-domain values are encoded.
  if (domain.kind === 'ring') return elements.map((vals) => fromIntegers(config.ell, shape, vals));
  return elements.map((vals) => encodeByScale(vals, shape, decl.scale, config, decl.name));
}

/**
 * The shapes of a case: `shapes(size)` for a size in [1, maxSize]; for a row-wise spec also the row
 * lengths it names (realistic ones: 65, 128, 197, …), in one to three rows (placed by the spec's
 * `shapeOf` when its parameters constrain the leading axes).
 */
function shapesArbitrary(
  protocol: BoundProtocol,
  maxSize: number,
): fc.Arbitrary<Readonly<Record<string, Shape>>> {
  const bySize = fc.integer({ min: 1, max: maxSize }).map((size) => protocol.shapes(size));
  const rows = protocol.rows;
  if (rows === undefined || rows.lengths.length === 0) return bySize;
  const byLength = fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(...rows.lengths))
    .map(([k, n]) => protocol.shapesFor(rows.shapeOf?.(k, n) ?? [k, n]));
  return fc.oneof(bySize, byLength);
}

/**
 * A row-wise input: each row in a style of spec/rows/draw.ts (uniform, typical, extremes), drawn from
 * uniforms of a PRG keyed by a fast-check seed, so a counterexample replays from (shape, styles, seed).
 */
function rowsArbitrary(
  decl: InputDecl,
  domain: RealDomain,
  shape: Shape,
  config: Config,
): fc.Arbitrary<RingTensor> {
  const n = shape[shape.length - 1] ?? 1;
  const rows = sizeOf(shape) / n;
  return fc
    .tuple(
      fc.array(fc.constantFrom(...ROW_STYLES), { minLength: rows, maxLength: rows }),
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    )
    .map(([styles, seed]) => {
      const vals = drawRows((r) => styles[r]!, domain, rows, n, seededUniforms(`property/${seed}`));
      return encodeByScale(Array.from(vals), shape, decl.scale, config, decl.name);
    });
}

/** A whole case: shapes (see shapesArbitrary), inputs from the domain at those shapes, and a seed. */
export function caseArbitrary(protocol: BoundProtocol, config: Config, maxSize = 6): fc.Arbitrary<CaseSpec> {
  return shapesArbitrary(protocol, maxSize).chain((shapes) => {
    const domains = protocol.domain(config, shapes);
    const inputs = protocol.inputs().map((d) => {
      const domain = domains[d.name]!;
      const rowwise =
        domain.kind === 'real' &&
        d.scale === 'fixed' &&
        (protocol.rows?.inputs.includes(d.name) === true || domain.row !== undefined);
      const tensor =
        rowwise && domain.kind === 'real'
          ? rowsArbitrary(d, domain, shapes[d.name]!, config)
          : tensorArbitrary(d, domain, shapes[d.name]!, config);
      return tensor.map((t) => [d.name, t] as const);
    });
    return fc
      .tuple(fc.tuple(...inputs), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }))
      .map(([pairs, seed]) => ({
        protocol,
        config,
        shapes,
        inputs: Object.fromEntries(pairs),
        seed,
      }));
  });
}
