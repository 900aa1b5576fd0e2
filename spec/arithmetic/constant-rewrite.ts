// Public constants rewritten on purpose (issue 17 §3, defect identification): a reference evaluated
// inside `withConstantRewrite` sees each constant it encodes (encodedConstant) passed through a
// rewrite first — one constant encoded as 0, two constants swapped — so a backend that made that
// mistake can be recognised by its outputs. Outside that scope nothing changes; the scope is
// synchronous (references are plain functions), so no protocol run can observe it.

/** A rewrite of the constant at `position`: the how-many-th constant encoded inside the scope. */
export type ConstantRewrite = (value: number, position: number) => number;

let active: { readonly rewrite: ConstantRewrite; position: number } | undefined;

/** The constant to encode: `value` itself, unless a rewrite is in scope. */
export function rewrittenConstant(value: number): number {
  if (active === undefined) return value;
  const position = active.position;
  active.position += 1;
  return active.rewrite(value, position);
}

/** Run `fn` (synchronously) with every encoded constant passed through `rewrite`. */
export function withConstantRewrite<T>(rewrite: ConstantRewrite, fn: () => T): T {
  const outer = active;
  active = { rewrite, position: 0 };
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** The constants `fn` encodes, in order (a rewrite that records and changes nothing). */
export function constantsEncodedBy(fn: () => unknown): number[] {
  const seen: number[] = [];
  withConstantRewrite((v) => {
    seen.push(v);
    return v;
  }, fn);
  return seen;
}
