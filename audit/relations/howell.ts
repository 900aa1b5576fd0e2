// Howell form over Z_{2^ℓ} and the kernel of a sample matrix (Howell, "Spans in the module (Z_m)^s",
// 1986; Storjohann & Mulders, "Fast algorithms for linear algebra modulo N", 1998). Over a ring with
// zero divisors an echelon form alone does not describe a module: 2^(ℓ−v) times a row whose pivot is 2^v
// vanishes at the pivot and may be a new element the other rows miss. The Howell form adds those rows
// back and eliminates them too, so that for every k the rows whose first k entries are zero span exactly
// the submodule of vectors whose first k entries are zero. That property is what the relation search
// reads: ordering the kernel's coordinates (hidden, view, secret, known), the rows that start in a block
// span every relation that does not use the blocks before it.
//
// kernel(columns): the Z_{2^ℓ}-linear relations Σ c_j·col_j = 0 among sample columns, computed as the
// Howell form of [Mᵀ | I]: once the sample part is eliminated, the identity part of the rows left holds
// the relations, and a second Howell pass over it puts them in the form above.
import { ringMask } from '../../core/ring.ts';
import { inverseOdd, valuation } from './ring-arith.ts';

/** A row of a Howell basis: its first nonzero column and the pivot there, 2^v. */
export interface HowellRow {
  readonly row: BigUint64Array;
  readonly pivot: number;
  readonly v: number;
}

/** q ← q − f·r over columns [from, to), reduced mod 2^ℓ. */
function subtractMultiple(
  q: BigUint64Array,
  r: BigUint64Array,
  f: bigint,
  from: number,
  to: number,
  m: bigint,
): void {
  if (m === 0xffffffffffffffffn) for (let i = from; i < to; i++) q[i] = q[i]! - f * r[i]!;
  else for (let i = from; i < to; i++) q[i] = (q[i]! - f * r[i]!) & m;
}

function scale(r: BigUint64Array, f: bigint, from: number, to: number, m: bigint): BigUint64Array {
  const out = new BigUint64Array(r.length);
  for (let i = from; i < to; i++) out[i] = (r[i]! * f) & m;
  return out;
}

function isZero(r: BigUint64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (r[i] !== 0n) return false;
  return true;
}

/**
 * The Howell form of the span of `rows` over columns [from, to) (entries before `from` are zero and
 * stay so). `rows` is consumed. Returns the basis rows in pivot order, entries above each pivot reduced
 * below it. With `stop` < `to`, elimination covers only [from, stop) (the basis rows are then left
 * unreduced: only `rest` is wanted) and the nonzero rows left, zero there, are returned as `rest`: they
 * span the elements of the row module that are zero on [from, stop).
 */
export function howell(
  rows: BigUint64Array[],
  ell: number,
  from: number,
  to: number,
  stop = to,
): { readonly basis: HowellRow[]; readonly rest: BigUint64Array[] } {
  const m = ringMask(ell);
  const basis: HowellRow[] = [];
  let pool = rows.filter((r) => !isZero(r, from, to));
  for (let col = from; col < stop && pool.length > 0; col++) {
    let best = -1;
    let bestV = ell;
    for (let k = 0; k < pool.length; k++) {
      const e = pool[k]![col]!;
      if (e === 0n) continue;
      const v = valuation(e);
      if (v < bestV) {
        bestV = v;
        best = k;
        if (v === 0) break;
      }
    }
    if (best < 0) continue;
    const r = pool[best]!;
    pool[best] = pool[pool.length - 1]!;
    pool.pop();
    const unit = inverseOdd(r[col]! >> BigInt(bestV));
    if (unit !== 1n) for (let i = col; i < to; i++) r[i] = (r[i]! * unit) & m;
    const shift = BigInt(bestV);
    const next: BigUint64Array[] = [];
    // a row that becomes zero stays in the pool until the end (checking costs a pass over the row)
    for (const q of pool) {
      const e = q[col]!;
      if (e !== 0n) subtractMultiple(q, r, e >> shift, col, to, m);
      next.push(q);
    }
    // entries above the pivot: reduced below 2^v (the canonical form; reports read cleaner)
    if (stop === to)
      for (const p of basis) {
        const e = p.row[col]!;
        if (e >> shift !== 0n) subtractMultiple(p.row, r, e >> shift, col, to, m);
      }
    if (bestV > 0) {
      const annihilated = scale(r, 1n << BigInt(ell - bestV), col, to, m);
      if (!isZero(annihilated, col, to)) next.push(annihilated);
    }
    basis.push({ row: r, pivot: col, v: bestV });
    pool = next;
  }
  return { basis, rest: pool.filter((r) => !isZero(r, from, to)) };
}

/**
 * A Howell basis of the relations among `columns` (each the N samples of one coordinate): vectors c of
 * Z_{2^ℓ}^C with Σ_j c_j·columns[j][i] = 0 for every sample i. Rows are indexed by column: row[j] = c_j.
 */
export function kernel(columns: readonly BigUint64Array[], ell: number): HowellRow[] {
  const C = columns.length;
  const N = columns[0]?.length ?? 0;
  const m = ringMask(ell);
  const rows = columns.map((col, j) => {
    const r = new BigUint64Array(N + C);
    for (let i = 0; i < N; i++) r[i] = col[i]! & m;
    r[N + j] = 1n;
    return r;
  });
  // Phase 1: eliminate the sample part; the rows left are zero there and span the relations.
  const { rest } = howell(rows, ell, 0, N + C, N);
  // Phase 2: the Howell form of those rows over the identity part, in the coordinates' order.
  const relations = howell(rest, ell, N, N + C).basis;
  return relations.map((h) => ({ row: h.row.subarray(N), pivot: h.pivot - N, v: h.v }));
}

/** u reduced by a Howell basis (rows in pivot order): zero exactly when u is in the basis's span. */
export function reduce(u: BigUint64Array, basis: readonly HowellRow[], ell: number): BigUint64Array {
  const m = ringMask(ell);
  const out = u.slice();
  for (const b of basis) {
    const e = out[b.pivot]!;
    if (e === 0n) continue;
    const shift = BigInt(b.v);
    if (e & ((1n << shift) - 1n)) continue; // not divisible by the pivot: this column cannot clear
    subtractMultiple(out, b.row, e >> shift, b.pivot, out.length, m);
  }
  return out;
}
