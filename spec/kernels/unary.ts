// The common shape of a numeric kernel's spec (ALGORITHMS.md §3): one shared fixed-point input x, one
// shared fixed-point output z of the same shape, an ideal float64 function, an exact cost, and bounds
// derived by replaying the kernel's steps on tracked values over every encoded input of the domain
// (spec/arithmetic/tracked.ts, fit.ts).
import type * as t from 'io-ts';
import type { Shape } from '../../core/shape.ts';
import { sizeOf } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { Cost, Domain, Family, ProtocolSpec } from '../types.ts';
import { type ErrorModel, type Tracked, errorModel, exact } from '../arithmetic/tracked.ts';
import { type FittedBounds, encodedInputs, fitBounds, memoize } from './fit.ts';

export type RealDomain = Extract<Domain, { readonly kind: 'real' }>;

/** The reals in [min, max], without (−gap, gap) when a gap is given. */
export const interval = (min: number, max: number, gap?: number): RealDomain =>
  gap === undefined ? { kind: 'real', min, max } : { kind: 'real', min, max, gap };

export interface UnaryKernel<P> {
  readonly id: string;
  /** 'kernels' unless the map belongs to a layer's family (a GeLU variant, say). */
  readonly family?: Family;
  readonly title: string;
  readonly source: string;
  readonly params: t.Type<P, unknown>;
  readonly defaults: P;
  /** Other parameter sets the generic properties also check. */
  readonly variants?: readonly P[];
  domain(config: Config, params: P): RealDomain;
  ideal(x: number, params: P): number;
  /** Exact cost for `n` elements. */
  cost(config: Config, params: P, n: number): Cost;
  /** The kernel's steps on one tracked input. */
  steps(m: ErrorModel, params: P, x: Tracked): Tracked;
  unsupported?(config: Config, params: P): string | undefined;
  /** The function the ideal approximates, when it is itself an approximation (spec/types.ts). */
  readonly approximates?: { readonly name: string; readonly at: (x: number) => number };
  /** Released-code forms (spec/types.ts `releasedDefects`). */
  readonly releasedDefects?: ProtocolSpec<P>['releasedDefects'];
  /** What the view audit must know (spec/privacy.ts). */
  readonly privacy?: ProtocolSpec<P>['privacy'];
}

export type KernelSpec<P> = ProtocolSpec<P> & {
  /** The derived bounds with the worst point, for the docs' bound table. */
  readonly fitted: (config: Config, params: P) => FittedBounds;
};

/** Kernels iterate on fixed-point values: below these sizes every iteration's precision is lost. */
export function kernelRingSupport(config: Config): string | undefined {
  if (config.ell < 32 || config.f < 10 || config.f > config.ell / 2 - 4)
    return `numeric kernels need ℓ ≥ 32 and 10 ≤ f ≤ ℓ/2 − 4 (got ℓ ${config.ell}, f ${config.f})`;
  return undefined;
}

export function unaryKernelSpec<P>(k: UnaryKernel<P>): KernelSpec<P> {
  const fitted = memoize((config: Config, params: P) => {
    const m = errorModel(config);
    return fitBounds(config, encodedInputs(config, k.domain(config, params)), (x) => ({
      ideal: k.ideal(x, params),
      tracked: k.steps(m, params, exact(x)),
    }));
  });
  return {
    id: k.id,
    title: k.title,
    family: k.family ?? 'kernels',
    source: k.source,
    params: k.params,
    defaults: k.defaults,
    ...(k.variants === undefined ? {} : { variants: k.variants }),
    inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
    outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
    shapes: (_p, size) => vectorShapes(['x'], size),
    outputShapes: (_p, shapes: Readonly<Record<string, Shape>>) => ({
      z: elementwiseShape(k.id, shapes, ['x']),
    }),
    unsupported: (config, params) => kernelRingSupport(config) ?? k.unsupported?.(config, params),
    domain: (config, params) => ({ x: k.domain(config, params) }),
    ideal: (params, inputs) => ({ z: inputs['x']!.map((x) => k.ideal(x, params)) }),
    cost: (config, params, shapes) => k.cost(config, params, sizeOf(shapes['x']!)),
    bounds: (config, params) => fitted(config, params).bounds,
    fitted,
    elementwise: {
      idealAt: (x, params) => k.ideal(x, params),
      ...(k.approximates === undefined ? {} : { approximates: k.approximates }),
    },
    ...(k.releasedDefects === undefined ? {} : { releasedDefects: k.releasedDefects }),
    ...(k.privacy === undefined ? {} : { privacy: k.privacy }),
  };
}
