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
  readonly size: number;
  readonly seed: bigint;
  readonly inputs?: Readonly<Record<string, NestedValues>>;
  readonly allowOutOfDomain?: boolean;
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
  const shapes = protocol.shapes(req.size);
  const domains = protocol.domain(config, shapes);
  const inputs = Object.fromEntries(
    protocol
      .inputs()
      .map((d) => [d.name, generateInput(d, domains[d.name]!, shapes[d.name]!, config, req.seed)]),
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
