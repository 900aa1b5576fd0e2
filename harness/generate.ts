// Seeded inputs from a spec's domain (for `mpcspec run` and the conformance pass). The first elements
// are the domain's edges (min, max, 0; for ring domains 0, ±1 and the two extremes), the rest uniform,
// all from the PRG under K(K₀(seed), "inputs/<name>") so a run replays from its seed. Row-wise inputs
// are drawn row by row instead, cycling through the row styles of spec/rows/draw.ts.
import { type RingTensor, fromIntegers, ringMask } from '../core/ring.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import type { Config } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import { ROW_STYLES, type RealDomain, drawRows } from '../spec/rows/draw.ts';
import { encodeByScale } from './scale.ts';

export function ringEdges(ell: number): bigint[] {
  const half = 1n << BigInt(ell - 1);
  return [0n, 1n, ringMask(ell), half, half - 1n];
}

export function realEdges(d: { min: number; max: number; gap?: number }): number[] {
  if (d.gap !== undefined && d.gap > 0) return [d.min, d.max, -d.gap, d.gap];
  return d.min <= 0 && d.max >= 0 ? [d.min, d.max, 0] : [d.min, d.max];
}

/** Uniforms in [0, 1) read from a stream of words (53 bits each), refilled under numbered labels. */
export function uniformStream(seed: bigint, label: string): () => number {
  const key = deriveKey(rootKey(seed), label);
  let words = chachaWords(key, 4096);
  let k = 0;
  let round = 0;
  return () => {
    if (k === words.length) {
      round += 1;
      words = chachaWords(deriveKey(key, `more/${round}`), 4096);
      k = 0;
    }
    return Number(words[k++]! >> 11n) / 2 ** 53;
  };
}

/**
 * A row-wise input (spec/rows/draw.ts): row r in style ROW_STYLES[r mod 7] — uniform, the spec's
 * typical row, all at the minimum, all at the maximum, one-hot, alternating, constant — each kept inside
 * the row condition, from the PRG under K(K₀(seed), "inputs/<name>/rows").
 */
function generateRows(
  decl: InputDecl,
  domain: RealDomain,
  shape: Shape,
  config: Config,
  seed: bigint,
): RingTensor {
  const n = shape[shape.length - 1] ?? 1;
  const rows = sizeOf(shape) / n;
  const next = uniformStream(seed, `inputs/${decl.name}/rows`);
  const vals = drawRows((r) => ROW_STYLES[r % ROW_STYLES.length]!, domain, rows, n, next);
  return encodeByScale(Array.from(vals), shape, decl.scale, config, decl.name);
}

export function generateInput(
  decl: InputDecl,
  domain: Domain,
  shape: Shape,
  config: Config,
  seed: bigint,
  rowwise = false,
): RingTensor {
  const n = sizeOf(shape);
  if (domain.kind === 'real' && (rowwise || domain.row !== undefined) && decl.scale === 'fixed')
    return generateRows(decl, domain, shape, config, seed);
  const words = chachaWords(deriveKey(rootKey(seed), `inputs/${decl.name}`), n);
  if (domain.kind === 'ring') {
    const edges = decl.scale === 'bit' ? [0n, 1n] : ringEdges(config.ell);
    const vals = Array.from(words, (w, i) =>
      i < edges.length ? edges[i]! : decl.scale === 'bit' ? w & 1n : w,
    );
    return fromIntegers(config.ell, shape, vals);
  }
  const edges = realEdges(domain);
  const vals = Array.from(words, (w, i) => {
    if (i < edges.length) return edges[i]!;
    const u = Number(w >> 11n) / 2 ** 53;
    const gap = domain.gap ?? 0;
    if (gap > 0) {
      // Uniform over [min, −gap] ∪ [gap, max]: spread u over the two pieces' total length.
      const left = Math.max(0, -gap - domain.min);
      const right = Math.max(0, domain.max - gap);
      const s = u * (left + right);
      return s < left ? domain.min + s : gap + (s - left);
    }
    return domain.min + u * (domain.max - domain.min);
  });
  if (decl.scale === 'fixed') return encodeByScale(vals, shape, 'fixed', config, decl.name);
  return encodeByScale(
    vals.map((v) => (decl.scale === 'bit' ? (v >= 0.5 ? 1n : 0n) : BigInt(Math.round(v)))),
    shape,
    decl.scale,
    config,
    decl.name,
  );
}
