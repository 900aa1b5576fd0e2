// One registered protocol: spec, reference and protocol bound under one id (issue 2 §4). `bind` decodes
// user parameters (merged over the spec's defaults) with the spec's io-ts codec, and returns the three
// with those parameters closed over, so the generic harness never sees a protocol's parameter type.
import type { Shape } from '../core/shape.ts';
import type { RingTensor } from '../core/ring.ts';
import { usageError } from '../core/errors.ts';
import { decodeOrThrow } from '../core/validation.ts';
import type { PartyContext } from '../runtime/context.ts';
import type { Config } from '../spec/config.ts';
import type {
  Bounds,
  Cost,
  Domain,
  ElementBounds,
  InputDecl,
  OutputDecl,
  ProtocolSpec,
  RowsDecl,
} from '../spec/types.ts';
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
  /** The input shapes given the principal (first) input's shape (`--shape`). */
  shapesFor(principal: Shape): Shapes;
  outputShapes(shapes: Shapes): Shapes;
  /** Row-wise inputs and the row lengths the properties try, if the spec has rows. */
  readonly rows?: RowsDecl;
  unsupported(config: Config): string | undefined;
  domain(config: Config, shapes: Shapes): Readonly<Record<string, Domain>>;
  ideal(
    config: Config,
    inputs: Readonly<Record<string, Float64Array>>,
    shapes: Shapes,
  ): Record<string, Float64Array>;
  cost(config: Config, shapes: Shapes): Cost;
  bounds(config: Config, shapes: Shapes): Bounds;
  /** Per-element bounds for these inputs (decoded), when the spec derives them (spec/types.ts). */
  pointBounds?(
    config: Config,
    shapes: Shapes,
    inputs: Readonly<Record<string, Float64Array>>,
  ): Readonly<Record<string, ElementBounds>>;
  /**
   * Set when the parameters are one of the spec's released-code forms: the run is expected to fail,
   * judged by the domain and bounds of the faithful parameters it claims (spec/defects.ts).
   */
  readonly releasedDefect?: BoundReleasedDefect;
  /** What the spec declares about view privacy (spec/privacy.ts), parameters bound. */
  privacy(): BoundPrivacy;
  reference(
    config: Config,
    inputs: Readonly<Record<string, RingTensor>>,
    shapes: Shapes,
  ): Record<string, RingTensor>;
  run(ctx: PartyContext, config: Config, shapes: Shapes, inputs: PartyInputs): Promise<PartyOutputs>;
}

export interface BoundReleasedDefect {
  readonly defect: string;
  readonly title: string;
  /** The faithful parameters the released code claims to match, encoded. */
  readonly claims: unknown;
  /** Shapes on which the defect shows, if the spec names them. */
  readonly shapes?: Shapes;
}

/** A released-code form as the registry lists it: parameters encoded (what `bind` accepts). */
export interface RegisteredDefect {
  readonly defect: string;
  readonly title: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly shapes?: Shapes;
}

export interface RegisteredProtocol {
  readonly id: string;
  readonly title: string;
  readonly family: string;
  /** A unary elementwise map (spec/types.ts `elementwise`): the suites over kernels run it. */
  readonly elementwise: boolean;
  readonly source: string;
  readonly defaults: unknown;
  /** The spec's other parameter sets, encoded (what `bind` accepts). */
  readonly variants: readonly Readonly<Record<string, unknown>>[];
  /** The spec's released-code forms (expected failures). */
  readonly releasedDefects: readonly RegisteredDefect[];
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
    elementwise: spec.elementwise !== undefined,
    source: spec.source,
    defaults: spec.params.encode(spec.defaults),
    variants: (spec.variants ?? []).map((v) => spec.params.encode(v) as Record<string, unknown>),
    releasedDefects: (spec.releasedDefects ?? []).map((d) => ({
      defect: d.defect,
      title: d.title,
      params: spec.params.encode(d.params) as Record<string, unknown>,
      claims: spec.params.encode(d.claims) as Record<string, unknown>,
      ...(d.shapes === undefined ? {} : { shapes: d.shapes }),
    })),
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
      const encoded = JSON.stringify(spec.params.encode(p));
      const defect = spec.releasedDefects?.find(
        (d) => JSON.stringify(spec.params.encode(d.params)) === encoded,
      );
      // A released-code form runs with its own parameters but is judged by those it claims to match.
      const judged = defect?.claims ?? p;
      const pointBounds = spec.pointBounds;
      const rows = spec.rowsFor?.(p) ?? spec.rows;
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
        shapesFor: (principal) =>
          spec.shapesFor?.(p, principal) ??
          Object.fromEntries(spec.inputs(p).map((d) => [d.name, [...principal]])),
        outputShapes: (shapes) => spec.outputShapes(p, shapes),
        ...(rows === undefined ? {} : { rows }),
        ...(defect === undefined
          ? {}
          : {
              releasedDefect: {
                defect: defect.defect,
                title: defect.title,
                claims: spec.params.encode(defect.claims),
                ...(defect.shapes === undefined ? {} : { shapes: defect.shapes }),
              },
            }),
        unsupported: (config) => spec.unsupported?.(config, p),
        domain: (config, shapes) => spec.domain(config, judged, shapes),
        ideal: (config, inputs, shapes) => spec.ideal(judged, inputs, shapes, config),
        cost: (config, shapes) => spec.cost(config, p, shapes),
        bounds: (config, shapes) => spec.bounds(config, judged, shapes),
        ...(pointBounds === undefined
          ? {}
          : {
              pointBounds: (config: Config, shapes: Shapes, inputs: Readonly<Record<string, Float64Array>>) =>
                pointBounds(config, judged, shapes, inputs),
            }),
        privacy: () => bindPrivacy(spec.privacy, p),
        reference: (config, inputs, shapes) => reference(config, p, inputs, shapes),
        run: (ctx, config, shapes, inputs) => protocol(ctx, { config, params: p, shapes }, inputs),
      };
    },
  };
}
