// One registered protocol: spec, reference and protocol bound under one id (issue 2 §4). `bind` decodes
// user parameters (merged over the spec's defaults) with the spec's io-ts codec, and returns the three
// with those parameters closed over, so the generic harness never sees a protocol's parameter type.
import type { Shape } from '../core/shape.ts';
import type { RingTensor } from '../core/ring.ts';
import { usageError } from '../core/errors.ts';
import { decodeOrThrow } from '../core/validation.ts';
import type { PartyContext } from '../runtime/context.ts';
import type { Config } from '../spec/config.ts';
import type { Bounds, Cost, DefectTag, Domain, InputDecl, OutputDecl, ProtocolSpec } from '../spec/types.ts';
import { type BoundPrivacy, bindPrivacy } from '../spec/privacy.ts';
import type { Reference } from '../reference/types.ts';
import type { PartyInputs, PartyOutputs, Protocol } from '../protocols/types.ts';

type Shapes = Readonly<Record<string, Shape>>;

export interface BoundProtocol {
  readonly id: string;
  readonly title: string;
  readonly family: string;
  readonly source: string;
  /** The decoded parameters, encoded back to JSON. */
  readonly params: unknown;
  inputs(): readonly InputDecl[];
  outputs(): readonly OutputDecl[];
  receivers(config: Config): readonly number[];
  shapes(size: number): Shapes;
  outputShapes(shapes: Shapes): Shapes;
  unsupported(config: Config): string | undefined;
  domain(config: Config, shapes: Shapes): Readonly<Record<string, Domain>>;
  ideal(
    config: Config,
    inputs: Readonly<Record<string, Float64Array>>,
    shapes: Shapes,
  ): Record<string, Float64Array>;
  cost(config: Config, shapes: Shapes): Cost;
  bounds(config: Config): Bounds;
  /** What the spec declares about view privacy (spec/privacy.ts), parameters bound. */
  privacy(): BoundPrivacy;
  reference(
    config: Config,
    inputs: Readonly<Record<string, RingTensor>>,
    shapes: Shapes,
  ): Record<string, RingTensor>;
  run(ctx: PartyContext, config: Config, shapes: Shapes, inputs: PartyInputs): Promise<PartyOutputs>;
}

export interface RegisteredProtocol {
  readonly id: string;
  readonly title: string;
  readonly family: string;
  readonly source: string;
  readonly defaults: unknown;
  /** The spec's other parameter sets, encoded (what `bind` accepts). */
  readonly variants: readonly Readonly<Record<string, unknown>>[];
  /** The released-code defect these (encoded) parameters reproduce, per the spec; undefined if none. */
  defectOf(params: unknown): DefectTag | undefined;
  bind(overrides?: Readonly<Record<string, unknown>>): BoundProtocol;
}

export function register<P>(
  spec: ProtocolSpec<P>,
  reference: Reference<P>,
  protocol: Protocol<P>,
): RegisteredProtocol {
  const allParties = (config: Config): number[] => Array.from({ length: config.parties }, (_, i) => i);
  return {
    id: spec.id,
    title: spec.title,
    family: spec.family,
    source: spec.source,
    defaults: spec.params.encode(spec.defaults),
    variants: (spec.variants ?? []).map((v) => spec.params.encode(v) as Record<string, unknown>),
    defectOf(params) {
      const p = spec.params.decode(params);
      return spec.defectOf === undefined || p._tag === 'Left' ? undefined : spec.defectOf(p.right);
    },
    bind(overrides = {}) {
      const defaults = spec.params.encode(spec.defaults) as Record<string, unknown>;
      const unknown = Object.keys(overrides).filter((k) => !(k in defaults));
      if (unknown.length > 0) {
        const allowed = Object.keys(defaults);
        throw usageError(
          `${spec.id} params: unknown parameter '${unknown[0]}'; ${allowed.length === 0 ? 'this protocol takes none' : `allowed: ${allowed.join(', ')}`}`,
        );
      }
      const merged = { ...defaults, ...overrides };
      const p = decodeOrThrow(spec.params, merged, `${spec.id} params`, 'usage');
      return {
        id: spec.id,
        title: spec.title,
        family: spec.family,
        source: spec.source,
        params: spec.params.encode(p),
        inputs: () => spec.inputs(p),
        outputs: () => spec.outputs(p),
        receivers: (config) => spec.receivers?.(config, p) ?? allParties(config),
        shapes: (size) => spec.shapes(p, size),
        outputShapes: (shapes) => spec.outputShapes(p, shapes),
        unsupported: (config) => spec.unsupported?.(config, p),
        domain: (config, shapes) => spec.domain(config, p, shapes),
        ideal: (config, inputs, shapes) => spec.ideal(p, inputs, shapes, config),
        cost: (config, shapes) => spec.cost(config, p, shapes),
        bounds: (config) => spec.bounds(config, p),
        privacy: () => bindPrivacy(spec.privacy, p),
        reference: (config, inputs, shapes) => reference(config, p, inputs, shapes),
        run: (ctx, config, shapes, inputs) => protocol(ctx, { config, params: p, shapes }, inputs),
      };
    },
  };
}
