// Drawing rows (DESIGN.md, Values: the last axis is the row) for every row-wise protocol — attention
// normalisers over the scores of a query, LayerNorm over a token's features:
//   rowValues     one row of an input drawn in a named style (uniform, constant, at the domain's ends,
//                 one-hot, alternating, or the spec's typical row), kept inside the row domain: the
//                 harness, the properties and the vectors all draw rows through it
//   witnessRows   the rows a worst-case bound is derived over (spec/rows/fit.ts): every deterministic
//                 style, and seeded typical and uniform rows
// A row that breaks a row domain's condition is replaced by the spec's typical row, so generators never
// hand a protocol an input its spec does not cover (out-of-domain runs are asked for explicitly).
import { MpcspecError } from '../../core/errors.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import type { Domain } from '../types.ts';

export type RealDomain = Extract<Domain, { readonly kind: 'real' }>;

/** How a row is drawn (generators cycle through them; `typical` is the row domain's own sampler). */
export type RowStyle = 'uniform' | 'constant' | 'all-min' | 'all-max' | 'one-hot' | 'alternating' | 'typical';

export const ROW_STYLES: readonly RowStyle[] = [
  'uniform',
  'typical',
  'all-min',
  'all-max',
  'one-hot',
  'alternating',
  'constant',
];

/** The styles that do not depend on the draws (besides one position or value). */
const EXTREME_STYLES: readonly RowStyle[] = ['all-min', 'all-max', 'one-hot', 'alternating', 'constant'];

/** A uniform value of the domain (without its gap, if any). */
function uniformIn(d: RealDomain, u: number): number {
  const gap = d.gap ?? 0;
  if (gap <= 0) return d.min + u * (d.max - d.min);
  const left = Math.max(0, -gap - d.min);
  const right = Math.max(0, d.max - gap);
  const s = u * (left + right);
  return s < left ? d.min + s : gap + (s - left);
}

/** The row as drawn, before the row condition. */
function drawRow(style: RowStyle, d: RealDomain, n: number, next: () => number): Float64Array {
  const row = new Float64Array(n);
  switch (style) {
    case 'uniform':
      for (let j = 0; j < n; j++) row[j] = uniformIn(d, next());
      return row;
    case 'constant':
      return row.fill(uniformIn(d, next()));
    case 'all-min':
      return row.fill(d.min);
    case 'all-max':
      return row.fill(d.max);
    case 'one-hot': {
      row.fill(d.min);
      row[Math.min(n - 1, Math.floor(next() * n))] = d.max;
      return row;
    }
    case 'alternating':
      for (let j = 0; j < n; j++) row[j] = j % 2 === 0 ? d.max : d.min;
      return row;
    case 'typical':
      return d.row === undefined ? drawRow('uniform', d, n, next) : d.row.sample(n, next);
  }
}

/**
 * One row of n values of `d` in `style`; when the row domain rejects it, the domain's typical row from
 * the same draws. Pure in its draws: `next` yields uniforms in [0, 1).
 */
export function rowValues(style: RowStyle, d: RealDomain, n: number, next: () => number): Float64Array {
  const row = drawRow(style, d, n, next);
  const cond = d.row;
  if (cond === undefined || cond.check(row) === undefined) return row;
  for (let attempt = 0; attempt < TYPICAL_ATTEMPTS; attempt++) {
    const typical = cond.sample(n, next);
    if (cond.check(typical) === undefined) return typical;
  }
  throw new MpcspecError(
    'internal',
    `rows: ${TYPICAL_ATTEMPTS} typical rows of ${n} all break the spec's own row condition (${cond.what}); the spec's sampler or its parameters are wrong`,
  );
}

/** How many typical rows a generator tries before calling the spec's row condition unsatisfiable. */
const TYPICAL_ATTEMPTS = 64;

/**
 * A tensor of `rows` rows of n values, row r drawn in style `styleOf(r)` (row-major, the layout of a
 * tensor whose last axis is n): what every generator fills a row-wise input with.
 */
export function drawRows(
  styleOf: (row: number) => RowStyle,
  d: RealDomain,
  rows: number,
  n: number,
  next: () => number,
): Float64Array {
  const vals = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) vals.set(rowValues(styleOf(r), d, n, next), r * n);
  return vals;
}

/** Uniforms in [0, 1) from the PRG under a fixed label (for derivations that must not depend on a run). */
export function seededUniforms(label: string): () => number {
  let words = chachaWords(deriveKey(rootKey(0n), `rows/${label}`), 1024);
  let k = 0;
  let round = 0;
  return () => {
    if (k === words.length) {
      round += 1;
      words = chachaWords(deriveKey(rootKey(0n), `rows/${label}/${round}`), 1024);
      k = 0;
    }
    return Number(words[k++]! >> 11n) / 2 ** 53;
  };
}

/** How many seeded typical and uniform rows the witnesses include besides the extreme styles. */
export const WITNESS_SAMPLES = 24;

/**
 * The rows a worst-case bound is derived over, for rows of n: every extreme style (kept if inside the
 * row domain), the row domain's own extremes, then seeded typical and uniform rows. Deterministic.
 */
export function witnessRows(d: RealDomain, n: number): Float64Array[] {
  const next = seededUniforms(`witness/${n}`);
  const rows: Float64Array[] = [];
  for (const style of EXTREME_STYLES) {
    const row = drawRow(style, d, n, next);
    if (d.row === undefined || d.row.check(row) === undefined) rows.push(row);
  }
  for (const row of d.row?.extremes?.(n) ?? []) if (d.row!.check(row) === undefined) rows.push(row);
  for (let k = 0; k < WITNESS_SAMPLES; k++)
    rows.push(rowValues(k % 2 === 0 ? 'typical' : 'uniform', d, n, next));
  return rows;
}
