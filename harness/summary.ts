// The JSON a person or a script reads about one case (issue 2 §8, `mpcspec run --json`): configuration,
// measured and specified cost, errors against reference and ideal, bounds and verdict.
import { sizeOf } from '../core/shape.ts';
import type { Config } from '../spec/config.ts';
import type { Cost } from '../spec/types.ts';
import { type CaseResult, describeOutOfDomain, elementName } from './execute.ts';

export interface CaseSummary {
  readonly protocol: string;
  readonly profile: string;
  readonly config: Config;
  readonly params: unknown;
  readonly seed: string;
  readonly size: number;
  readonly shapes: Readonly<Record<string, readonly number[]>>;
  readonly rounds: number;
  readonly bitsSent: readonly number[];
  readonly messagesSent: readonly number[];
  readonly offlineBits: readonly number[];
  /** CrypTen's communication counter, per party: bytes sent + bytes received (DESIGN.md, "Bits"). */
  readonly cryptenBytes: readonly number[];
  readonly preprocessing: Readonly<Record<string, number>>;
  readonly specCost: Cost;
  readonly costMismatches: readonly string[];
  readonly maxAbsError: number;
  readonly maxIdealError: number;
  readonly maxImplementationUlps: number;
  readonly wrapEvents: number;
  readonly wrapAllowed: number;
  readonly bounds: {
    readonly implementationUlps: number;
    readonly wrapProbability?: number;
    readonly approximationAbs: number;
    readonly approximationRel: number;
  };
  /** Every output within the implementation bound (wrap events within the allowance). */
  readonly implementationOk: boolean;
  /** Every output's reference within the approximation bound of the ideal. */
  readonly approximationOk: boolean;
  /** Measured cost equal to the spec's. */
  readonly costOk: boolean;
  readonly failures: readonly string[];
  readonly outOfDomain: boolean;
  readonly ok: boolean;
  readonly outputs?: Readonly<Record<string, number[]>>;
}

/** Where an element sits, for messages: `z[3]`, or `z[1, 37] (row 1)` for a tensor with rows. */
function where(o: CaseResult['outputs'][number], index: number): string {
  const shape = o.protocol.shape;
  const name = elementName(o.name, shape, index);
  if (shape.length < 2) return name;
  const n = shape[shape.length - 1]!;
  return `${name} (row ${Math.floor(index / n)})`;
}

export function failuresOf(r: CaseResult): string[] {
  const out: string[] = [...r.cost.mismatches];
  const pointwise = r.spec.protocol.pointBounds !== undefined && r.outOfDomain.length === 0;
  const derived = pointwise ? ', derived for these inputs' : '';
  for (const o of r.outputs) {
    const iv = o.implementation.firstViolation;
    if (iv !== undefined)
      out.push(`${where(o, iv.index)}: protocol − reference = ${iv.ulps} ulps, bound ${iv.bound}${derived}`);
    const imp = o.implementation;
    if (imp.wrapCount > imp.wrapAllowed)
      out.push(
        imp.wrapUnit === 'row'
          ? `${o.name}: wrap events in ${imp.wrapCount} rows (${imp.wrapEvents} elements), the spec allows ${imp.wrapAllowed} rows`
          : `${o.name}: ${imp.wrapEvents} wrap events, the spec allows ${imp.wrapAllowed}`,
      );
    const av = o.approximation.firstViolation;
    if (av !== undefined)
      out.push(
        pointwise
          ? `${where(o, av.index)}: reference ${av.reference} vs ideal ${av.ideal} exceeds its bound ${av.bound.toPrecision(3)}${derived}`
          : `${where(o, av.index)}: reference ${av.reference} vs ideal ${av.ideal} exceeds the approximation bound ${r.bounds.approximation.abs} + ${r.bounds.approximation.rel}·|ideal|`,
      );
  }
  const o = r.outOfDomain[0];
  if (o !== undefined)
    out.push(
      `${describeOutOfDomain(r.spec.protocol.id, r.spec.config, o, r.spec.shapes[o.input]!)}; bounds do not apply`,
    );
  return out;
}

export function summarizeCase(r: CaseResult, options: { emitOutputs?: boolean } = {}): CaseSummary {
  const { protocol, config, shapes, seed } = r.spec;
  const m = r.cost.measured;
  const first = protocol.inputs()[0];
  return {
    protocol: protocol.id,
    profile: config.profile,
    config,
    params: protocol.params,
    seed: seed.toString(),
    size: first === undefined ? 0 : sizeOf(shapes[first.name]!),
    shapes,
    rounds: m.rounds,
    bitsSent: m.bitsSent,
    messagesSent: m.messagesSent,
    offlineBits: m.offlineBits,
    cryptenBytes: r.run.metrics.parties.map((p) => (p.bitsSent + p.bitsReceived) / 8),
    preprocessing: m.preprocessing,
    specCost: r.cost.spec,
    costMismatches: r.cost.mismatches,
    maxAbsError: Math.max(0, ...r.outputs.map((o) => o.maxAbsError)),
    maxIdealError: Math.max(0, ...r.outputs.map((o) => o.approximation.maxAbsError)),
    maxImplementationUlps: Math.max(0, ...r.outputs.map((o) => o.implementation.maxUlps)),
    wrapEvents: r.outputs.reduce((a, o) => a + o.implementation.wrapEvents, 0),
    wrapAllowed: r.outputs.reduce((a, o) => a + o.implementation.wrapAllowed, 0),
    bounds: {
      implementationUlps: r.bounds.implementationUlps,
      ...(r.bounds.wrap !== undefined ? { wrapProbability: r.bounds.wrap.probability } : {}),
      approximationAbs: r.bounds.approximation.abs,
      approximationRel: r.bounds.approximation.rel,
    },
    implementationOk: r.outputs.every((o) => o.implementation.ok),
    approximationOk: r.outputs.every((o) => o.approximation.ok),
    costOk: r.cost.ok,
    failures: failuresOf(r),
    outOfDomain: r.outOfDomain.length > 0,
    ok: r.ok,
    ...(options.emitOutputs === true
      ? { outputs: Object.fromEntries(r.outputs.map((o) => [o.name, Array.from(o.decoded)])) }
      : {}),
  };
}
