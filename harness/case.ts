// Building a conformance case from what a user or a suite asks for: protocol id and params, profile,
// party count, ring, size or explicit inputs, seed. Inputs not given come from the spec's domain.
import { inputError, usageError } from '../core/errors.ts';
import { roundScaled } from '../core/fixed.ts';
import { type Shape, formatShape, sizeOf } from '../core/shape.ts';
import { type BoundProtocol, findProtocol } from '../registry/index.ts';
import { type Config, resolveConfig } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import type { CaseSpec } from './execute.ts';
import { generateInput } from './generate.ts';
import { encodeByScale } from './scale.ts';
import type { NestedValues } from './user-inputs.ts';

export interface CaseRequest {
  readonly id: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly profile: string;
  readonly parties?: number;
  readonly ell?: number;
  /** The length of each input's last axis (the row); `shapes(size)` adds the spec's leading axes. */
  readonly size: number;
  /**
   * Shapes instead of `size`: one shape for the principal (first) input, the others derived by the spec
   * (`--shape 12x128x128`), or a shape per input by name (`--shape x=4x8,y=8x2`).
   */
  readonly shape?: ShapeRequest;
  readonly seed: bigint;
  readonly inputs?: Readonly<Record<string, NestedValues>>;
  readonly allowOutOfDomain?: boolean;
}

export type ShapeRequest = Shape | Readonly<Record<string, Shape>>;

/** The input shapes a request asks for, checked by the spec (an input error names the operand). */
export function requestedShapes(
  protocol: BoundProtocol,
  req: Pick<CaseRequest, 'size' | 'shape'>,
): Readonly<Record<string, Shape>> {
  const s = req.shape;
  if (s === undefined) return protocol.shapes(req.size);
  if (Array.isArray(s)) return protocol.shapesFor(s as Shape);
  const named = s as Readonly<Record<string, Shape>>;
  const names = protocol.inputs().map((d) => d.name);
  const unknown = Object.keys(named).find((k) => !names.includes(k));
  if (unknown !== undefined)
    throw inputError(`--shape: ${protocol.id} has no input '${unknown}'; its inputs are ${names.join(', ')}`);
  const first = names[0] === undefined ? undefined : named[names[0]];
  const derived = first === undefined ? {} : protocol.shapesFor(first);
  const shapes = { ...derived, ...named };
  const missing = names.find((n) => shapes[n] === undefined);
  if (missing !== undefined)
    throw inputError(`--shape: give a shape for input '${missing}' of ${protocol.id}`);
  return shapes;
}

export function caseConfig(req: Pick<CaseRequest, 'profile' | 'parties' | 'ell'>): Config {
  return resolveConfig(req.profile, {
    ...(req.parties !== undefined ? { parties: req.parties } : {}),
    ...(req.ell !== undefined ? { ell: req.ell } : {}),
  });
}

export function buildCase(req: CaseRequest): CaseSpec {
  const protocol: BoundProtocol = findProtocol(req.id).bind(req.params);
  const config = caseConfig(req);
  // Before any input is drawn or read: a configuration the protocol cannot run is the error to report,
  // not an input its domain cannot hold in that ring.
  const why = protocol.unsupported(config);
  if (why !== undefined) throw usageError(`${protocol.id}: not supported here: ${why}`);
  const { shapes, inputs } =
    req.inputs === undefined
      ? seededInputs(protocol, config, requestedShapes(protocol, req), req.seed)
      : givenInputs(protocol, config, req.id, req.inputs);
  return {
    protocol,
    config,
    shapes,
    inputs,
    seed: req.seed,
    ...(req.allowOutOfDomain === true ? { allowOutOfDomain: true } : {}),
  };
}

export type Inputs = Pick<CaseSpec, 'shapes' | 'inputs'>;

/**
 * A domain that holds no value, or a single one once encoded, leaves seeded inputs nothing to vary: every
 * case would run on the same value (mul_const with c = 1e30 allows only |x| < 5·10⁻²², all encoding to
 * 0), so the run would check nothing and is refused.
 */
function checkDomainHoldsValues(
  protocol: BoundProtocol,
  config: Config,
  decl: InputDecl,
  domain: Domain | undefined,
): void {
  if (domain === undefined || domain.kind !== 'real') return;
  const where = `${protocol.id} (params ${JSON.stringify(protocol.params)}, profile ${config.profile}, ℓ ${config.ell}, f ${config.f})`;
  if (!(domain.min <= domain.max))
    throw inputError(
      `${where}: the domain of ${decl.name}, [${domain.min}, ${domain.max}], is empty: there is nothing to run it on`,
    );
  const f = decl.scale === 'fixed' ? config.f : 0;
  const encode = (v: number): number => roundScaled(v * 2 ** f, config.rounding);
  if (encode(domain.min) === encode(domain.max))
    throw inputError(
      `${where}: the domain of ${decl.name}, [${domain.min}, ${domain.max}], holds one value once encoded (${encode(domain.min)}·2^−${f}): a run would check nothing`,
    );
}

/** The most elements one input of a run may have, however it is given (--size, --inputs, …). */
export const MAX_INPUT_ELEMENTS = 10_000_000;

function checkElementCap(id: string, shapes: Readonly<Record<string, Shape>>): void {
  for (const [name, shape] of Object.entries(shapes))
    if (sizeOf(shape) > MAX_INPUT_ELEMENTS)
      throw inputError(
        `${id}: input ${name} of shape ${formatShape(shape)} has ${sizeOf(shape)} elements; a run takes at most ${MAX_INPUT_ELEMENTS} per input`,
      );
}

/** Inputs drawn from the spec's domain for these shapes (the first elements are the domain's edges). */
export function seededInputs(
  protocol: BoundProtocol,
  config: Config,
  shapes: Readonly<Record<string, Shape>>,
  seed: bigint,
): Inputs {
  checkElementCap(protocol.id, shapes);
  protocol.outputShapes(shapes);
  const domains = protocol.domain(config, shapes);
  for (const d of protocol.inputs()) checkDomainHoldsValues(protocol, config, d, domains[d.name]);
  const inputs = Object.fromEntries(
    protocol
      .inputs()
      .map((d) => [
        d.name,
        generateInput(
          d,
          domains[d.name]!,
          shapes[d.name]!,
          config,
          seed,
          protocol.rows?.inputs.includes(d.name) === true,
        ),
      ]),
  );
  return { shapes, inputs };
}

function givenInputs(
  protocol: BoundProtocol,
  config: Config,
  id: string,
  given: Readonly<Record<string, NestedValues>>,
): Inputs {
  const decls = protocol.inputs();
  const names = decls.map((d) => d.name).join(', ');
  const unknown = Object.keys(given).filter((k) => !decls.some((d) => d.name === k));
  if (unknown.length > 0)
    throw inputError(`${id}: unknown input '${unknown[0]}'; this protocol takes ${names}`);
  const shapes: Record<string, Shape> = {};
  const inputs = Object.fromEntries(
    decls.map((d) => {
      const v = given[d.name];
      if (v === undefined) throw inputError(`${id}: missing input '${d.name}'; this protocol takes ${names}`);
      if (v.values.length === 0)
        throw inputError(`${id}: input '${d.name}' is empty (shape ${formatShape(v.shape)})`);
      shapes[d.name] = v.shape;
      checkElementCap(id, { [d.name]: v.shape });
      return [d.name, encodeByScale(v.values, v.shape, d.scale, config, d.name)];
    }),
  );
  protocol.outputShapes(shapes);
  return { shapes, inputs };
}
