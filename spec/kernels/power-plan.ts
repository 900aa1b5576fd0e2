// How the odd powers x³, x⁵, …, x^(2N+1) of erf's Taylor series are computed (ALGORITHMS.md §3; the
// steps are shared by spec, reference and protocol so the three cannot drift apart). A plan is a list
// of levels; the products of one level are independent (the default schedule opens them together).
//   chain (crypten schedule) — x², then x^(2n+1) = x^(2n−1)·x²: N + 1 rounds, each its own product.
//   doubling (default schedule) — level j makes every needed power in (2^j, 2^(j+1)] from x^(2^j):
//                                 ⌈log₂(2N+1)⌉ rounds.
//   crypten-pow — CrypTen 0.4's pos_pow/pow as its source reads (crypten/common/functions/power.py):
//                 every term recomputed from x; pow(p) = pow(x², p/2) for even p, pow(x²·x, (p−1)/2) for
//                 odd p — which for p ≥ 5 multiplies out to x^(3(p−1)/2), not x^p. Offered so that a
//                 backend reproducing that code can be recognised; one product a round.
export type PowerMethod = 'chain' | 'crypten-pow';

export interface PowerOp {
  readonly kind: 'square' | 'mul';
  /** Register written, registers read (register 0 holds x). */
  readonly dest: number;
  readonly a: number;
  readonly b: number;
}

export interface PowerPlan {
  readonly levels: readonly (readonly PowerOp[])[];
  /** The register holding term n's power, n = 1…N. */
  readonly terms: readonly number[];
  readonly registers: number;
}

export function powerPlan(method: PowerMethod, schedule: 'crypten' | 'default', N: number): PowerPlan {
  if (method === 'crypten-pow') return cryptenPowPlan(N);
  return schedule === 'crypten' ? chainPlan(N) : doublingPlan(N);
}

/** Registers are indexed by the power they hold: register p − 1 holds x^p. */
function chainPlan(N: number): PowerPlan {
  const levels: PowerOp[][] = [[{ kind: 'square', dest: 1, a: 0, b: 0 }]];
  for (let n = 1; n <= N; n++) levels.push([{ kind: 'mul', dest: 2 * n, a: 2 * n - 2, b: 1 }]);
  return { levels, terms: Array.from({ length: N }, (_, i) => 2 * i + 2), registers: 2 * N + 1 };
}

function doublingPlan(N: number): PowerPlan {
  const top = 2 * N + 1;
  const levels: PowerOp[][] = [];
  for (let M = 1; M < top; M *= 2) {
    const level: PowerOp[] = [];
    for (let p = M + 1; p <= Math.min(2 * M, top); p++) {
      if (p % 2 === 1 || p === 2 * M)
        level.push(
          p === 2 * M
            ? { kind: 'square', dest: p - 1, a: M - 1, b: M - 1 }
            : { kind: 'mul', dest: p - 1, a: M - 1, b: p - M - 1 },
        );
    }
    levels.push(level);
  }
  return { levels, terms: Array.from({ length: N }, (_, i) => 2 * i + 2), registers: top };
}

function cryptenPowPlan(N: number): PowerPlan {
  const levels: PowerOp[][] = [];
  let next = 1;
  const emit = (kind: 'square' | 'mul', a: number, b: number): number => {
    levels.push([{ kind, dest: next, a, b }]);
    return next++;
  };
  const pow = (reg: number, p: number): number => {
    if (p === 1) return reg;
    if (p === 2) return emit('square', reg, reg);
    if (p % 2 === 0) return pow(emit('square', reg, reg), p / 2);
    return pow(emit('mul', emit('square', reg, reg), reg), (p - 1) / 2);
  };
  const terms = Array.from({ length: N }, (_, i) => pow(0, 2 * i + 3));
  return { levels, terms, registers: next };
}
