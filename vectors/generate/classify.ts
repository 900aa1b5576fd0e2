// What a run's output is, against the reference (docs/vectors.md, "Results"): `valid` when every output
// equals the reference bit for bit; `acceptable` when some element differs but within the spec's
// implementation bound (ulps, or a wrap by a multiple of the wrap modulus, which the spec allows with
// small probability); otherwise a violation — a protocol bug, never written as a vector.
import type { CaseResult } from '../../harness/execute.ts';

export type Verdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'acceptable'; readonly maxUlps: number; readonly wraps: number }
  | { readonly kind: 'violation'; readonly output: string; readonly index: number; readonly ulps: string };

export function classify(r: CaseResult): Verdict {
  let maxUlps = 0;
  let wraps = 0;
  for (const o of r.outputs) {
    const v = o.implementation.firstViolation;
    if (v !== undefined) return { kind: 'violation', output: o.name, index: v.index, ulps: v.ulps };
    maxUlps = Math.max(maxUlps, o.implementation.maxUlps);
    wraps += o.implementation.wrapEvents;
  }
  return maxUlps === 0 && wraps === 0 ? { kind: 'valid' } : { kind: 'acceptable', maxUlps, wraps };
}

export const describeVerdict = (v: Verdict): string =>
  v.kind === 'valid'
    ? 'equal to the reference'
    : v.kind === 'acceptable'
      ? v.wraps > 0
        ? `${v.wraps} element(s) off by a multiple of the wrap modulus (truncation wrap), the rest within ${v.maxUlps} ulp(s)`
        : `within ${v.maxUlps} ulp(s) of the reference, not equal`
      : `output ${v.output}[${v.index}] is ${v.ulps} ulps from the reference, beyond the spec's bound`;
