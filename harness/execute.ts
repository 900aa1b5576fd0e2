// One conformance case, end to end (DESIGN.md, "Correctness and error"): hand inputs to the parties,
// run the protocol on the in-memory network, recombine its outputs, and check them against the
// reference (implementation error), the reference against the ideal (approximation error), and the
// measured cost against the spec's formulas.
import { domainError, inputError, runtimeError, usageError } from '../core/errors.ts';
import type { RingTensor } from '../core/ring.ts';
import { sumAll } from '../core/ring-ops.ts';
import { type Shape, formatShape, sameShape } from '../core/shape.ts';
import { type RunResult, runParties } from '../runtime/run.ts';
import { type TcpOptions, runOverTcp } from './tcp/orchestrate.ts';
import type { Payload } from '../runtime/payload.ts';
import type { PartyOutputs } from '../protocols/types.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Bounds, Domain, RowDomain } from '../spec/types.ts';
import {
  type ApproximationCheck,
  type ImplementationCheck,
  checkApproximation,
  checkImplementation,
} from './compare.ts';
import { type CostCheck, checkCost } from './cost-check.ts';
import { partyInputs } from './party-inputs.ts';
import { decodeByScale, scaleUlp } from './scale.ts';

type Shapes = Readonly<Record<string, Shape>>;

export interface CaseSpec {
  readonly protocol: BoundProtocol;
  readonly config: Config;
  readonly shapes: Shapes;
  /** Encoded cleartext inputs. */
  readonly inputs: Readonly<Record<string, RingTensor>>;
  readonly seed: bigint;
  /** Run even if an input lies outside the spec's domain (the verdict then says so). */
  readonly allowOutOfDomain?: boolean;
  /** `memory` (default): all parties in this process; `tcp`: one OS process per party on loopback. */
  readonly transport?: 'memory' | 'tcp';
  readonly tcp?: TcpOptions;
}

export interface OutputReport {
  readonly name: string;
  readonly protocol: RingTensor;
  readonly reference: RingTensor;
  readonly decoded: Float64Array;
  readonly ideal: Float64Array;
  readonly implementation: ImplementationCheck;
  readonly approximation: ApproximationCheck;
  /** max |protocol − reference| in real units of the output's scale. */
  readonly maxAbsError: number;
}

export interface OutOfDomain {
  readonly input: string;
  readonly index: number;
  readonly value: number;
  readonly domain: Domain;
  /** For a row condition: the row and why it fails. */
  readonly row?: { readonly index: number; readonly why: string };
}

export interface CaseResult {
  readonly spec: CaseSpec;
  readonly bounds: Bounds;
  readonly outputs: readonly OutputReport[];
  readonly cost: CostCheck;
  readonly run: RunResult<PartyOutputs>;
  readonly outOfDomain: readonly OutOfDomain[];
  readonly ok: boolean;
}

export function findOutOfDomain(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  inputs: Readonly<Record<string, RingTensor>>,
): OutOfDomain[] {
  const decoded: Record<string, Float64Array> = {};
  for (const decl of protocol.inputs()) {
    const v = inputs[decl.name];
    if (v !== undefined) decoded[decl.name] = decodeByScale(v, decl.scale, config);
  }
  return findOutOfDomainReals(protocol, config, shapes, decoded);
}

/**
 * The inputs, as reals (decoded from the ring, or a float64 forward's values), that lie outside the
 * spec's domain: the first element outside its interval, or else the first row a row condition rejects.
 * An edge may be missed by one ulp of the input's scale (encoding rounds it).
 */
export function findOutOfDomainReals(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  inputs: Readonly<Record<string, Float64Array>>,
): OutOfDomain[] {
  const domains = protocol.domain(config, shapes);
  const found: OutOfDomain[] = [];
  for (const decl of protocol.inputs()) {
    const d = domains[decl.name];
    const vals = inputs[decl.name];
    const shape = shapes[decl.name];
    if (d === undefined || vals === undefined || shape === undefined || d.kind === 'ring') continue;
    const slack = scaleUlp(decl.scale, config);
    const gap = d.gap ?? 0;
    const i = vals.findIndex(
      (x) => x < d.min - slack || x > d.max + slack || (gap > 0 && Math.abs(x) < gap - slack),
    );
    if (i >= 0) {
      found.push({ input: decl.name, index: i, value: vals[i]!, domain: d });
      continue;
    }
    const row = d.row === undefined ? undefined : firstRowOutside(d.row, vals, shape);
    if (row !== undefined)
      found.push({
        input: decl.name,
        index: row.index * (shape[shape.length - 1] ?? 1),
        value: vals[0]!,
        domain: d,
        row,
      });
  }
  return found;
}

/** The first row (last axis) of `vals` that a row condition rejects. */
function firstRowOutside(
  cond: RowDomain,
  vals: Float64Array,
  shape: Shape,
): { index: number; why: string } | undefined {
  const n = shape[shape.length - 1] ?? 1;
  for (let r = 0; r * n < vals.length; r++) {
    const why = cond.check(vals.subarray(r * n, (r + 1) * n));
    if (why !== undefined) return { index: r, why };
  }
  return undefined;
}

/** `name[i, j, …]` for flat index i of a tensor of `shape`. */
export function elementName(name: string, shape: Shape, index: number): string {
  const at: number[] = [];
  let rest = index;
  for (let k = shape.length - 1; k >= 0; k--) {
    const d = shape[k]!;
    at.unshift(rest % d);
    rest = Math.floor(rest / d);
  }
  return `${name}[${at.join(', ')}]`;
}

/** The out-of-domain finding in words (one line). */
export function describeOutOfDomain(
  protocolId: string,
  config: Config,
  o: OutOfDomain,
  shape: Shape,
): string {
  const d = o.domain as { min: number; max: number; gap?: number; row?: RowDomain };
  if (o.row !== undefined)
    return `${protocolId}: row ${o.row.index} of input ${o.input} (shape ${formatShape(shape)}) is outside the domain: ${o.row.why} (the spec needs ${d.row!.what}) under profile ${config.profile}`;
  const gap = d.gap === undefined ? '' : ` without (−${d.gap}, ${d.gap})`;
  return `${protocolId}: input ${elementName(o.input, shape, o.index)} = ${o.value} is outside the domain [${d.min}, ${d.max}]${gap} of profile ${config.profile} (ℓ ${config.ell}, f ${config.f})`;
}

function validate(c: CaseSpec): void {
  const { protocol, config, shapes, inputs } = c;
  const why = protocol.unsupported(config);
  if (why !== undefined) throw usageError(`${protocol.id}: not supported here: ${why}`);
  protocol.outputShapes(shapes);
  for (const decl of protocol.inputs()) {
    const v = inputs[decl.name];
    const s = shapes[decl.name];
    if (v === undefined || s === undefined) throw inputError(`${protocol.id}: missing input '${decl.name}'`);
    if (!sameShape(v.shape, s))
      throw inputError(
        `${protocol.id}: input '${decl.name}' has shape ${formatShape(v.shape)}, expected ${formatShape(s)}`,
      );
    if (v.ell !== config.ell)
      throw inputError(
        `${protocol.id}: input '${decl.name}' is in Z_2^${v.ell}, the run uses ℓ = ${config.ell}`,
      );
  }
}

function combine(
  protocol: BoundProtocol,
  config: Config,
  outs: readonly PartyOutputs[],
): Record<string, RingTensor> {
  const result: Record<string, RingTensor> = {};
  const receivers = protocol.receivers(config);
  for (const decl of protocol.outputs()) {
    const asRing = (p: Payload | undefined, party: number): RingTensor => {
      if (p === undefined)
        throw runtimeError(`${protocol.id}: party ${party} returned no output '${decl.name}'`);
      if (p.kind !== 'ring')
        throw runtimeError(
          `${protocol.id}: party ${party} returned a boolean '${decl.name}' where the spec declares an arithmetic value`,
        );
      return p;
    };
    if (decl.delivery === 'shared') {
      result[decl.name] = sumAll(
        decl.name,
        outs.map((o, i) => asRing(o[decl.name], i)),
      );
      continue;
    }
    const values = receivers.map((r) => asRing(outs[r]?.[decl.name], r));
    const first = values[0]!;
    values.forEach((v, k) => {
      if (!v.data.every((x, i) => x === first.data[i]))
        throw runtimeError(
          `${protocol.id}: receivers ${receivers[0]} and ${receivers[k]} disagree on '${decl.name}'`,
        );
    });
    outs.forEach((o, i) => {
      if (!receivers.includes(i) && o[decl.name] !== undefined)
        throw runtimeError(`${protocol.id}: party ${i} learned '${decl.name}' but is not a receiver`);
    });
    result[decl.name] = first;
  }
  return result;
}

export async function executeCase(c: CaseSpec): Promise<CaseResult> {
  validate(c);
  const { protocol, config, shapes, inputs, seed } = c;
  const outOfDomain = findOutOfDomain(protocol, config, shapes, inputs);
  if (outOfDomain.length > 0 && c.allowOutOfDomain !== true) {
    const o = outOfDomain[0]!;
    throw domainError(describeOutOfDomain(protocol.id, config, o, shapes[o.input]!));
  }
  const decls = protocol.inputs();
  const perParty = partyInputs(decls, inputs, config, seed);
  const run =
    c.transport === 'tcp'
      ? await runOverTcp(
          { id: protocol.id, params: protocol.params, config, shapes, seed, inputs: perParty },
          c.tcp,
        )
      : await runParties({ parties: config.parties, seed, inputs: perParty }, (ctx, i) =>
          protocol.run(ctx, config, shapes, perParty[i]!),
        );
  const combined = combine(protocol, config, run.outputs);
  const reference = protocol.reference(config, inputs, shapes);
  const decodedInputs = Object.fromEntries(
    decls.map((d) => [d.name, decodeByScale(inputs[d.name]!, d.scale, config)]),
  );
  const ideal = protocol.ideal(config, decodedInputs, shapes);
  const bounds = protocol.bounds(config, shapes);
  // Per-element bounds for these inputs, where the spec derives them (and the inputs are its domain's).
  const points = outOfDomain.length === 0 ? protocol.pointBounds?.(config, shapes, decodedInputs) : undefined;
  const outputs = protocol.outputs().map((decl): OutputReport => {
    const p = combined[decl.name]!;
    const r = reference[decl.name];
    const t = ideal[decl.name];
    if (r === undefined || t === undefined)
      throw runtimeError(`${protocol.id}: reference or ideal gives no output '${decl.name}'`);
    const point = points?.[decl.name];
    const implementation = checkImplementation(p, r, bounds, point?.implementationUlps);
    const refDecoded = decodeByScale(r, decl.scale, config);
    const approximation = checkApproximation(refDecoded, t, bounds, point?.approximation);
    return {
      name: decl.name,
      protocol: p,
      reference: r,
      decoded: decodeByScale(p, decl.scale, config),
      ideal: t,
      implementation,
      approximation,
      maxAbsError: implementation.maxUlps * scaleUlp(decl.scale, config),
    };
  });
  const cost = checkCost(protocol.cost(config, shapes), run.metrics);
  const ok =
    outOfDomain.length === 0 && cost.ok && outputs.every((o) => o.implementation.ok && o.approximation.ok);
  return { spec: c, bounds, outputs, cost, run, outOfDomain, ok };
}
