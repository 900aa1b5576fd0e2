// Building a conformance case from what a user or a suite asks for: protocol id and params, profile,
// party count, ring, size or explicit inputs, seed. Inputs not given come from the spec's domain.
import { inputError } from '../core/errors.ts';
import { type Shape, formatShape } from '../core/shape.ts';
import { type BoundProtocol, findProtocol } from '../registry/index.ts';
import { type Config, resolveConfig } from '../spec/config.ts';
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
  const { shapes, inputs } =
    req.inputs === undefined
      ? seededInputs(protocol, config, req)
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

type Inputs = Pick<CaseSpec, 'shapes' | 'inputs'>;

function seededInputs(protocol: BoundProtocol, config: Config, req: CaseRequest): Inputs {
  const shapes = requestedShapes(protocol, req);
  protocol.outputShapes(shapes);
  const domains = protocol.domain(config, shapes);
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
          req.seed,
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
      return [d.name, encodeByScale(v.values, v.shape, d.scale, config, d.name)];
    }),
  );
  protocol.outputShapes(shapes);
  return { shapes, inputs };
}
