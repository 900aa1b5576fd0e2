// The shape of a protocol specification (DESIGN.md, "The one idea"; issue 2 §4). A spec states, as
// functions of the run configuration and the protocol's own parameters: the inputs and outputs and how
// they are held, the input domain, the ideal float64 function, the exact cost, and the error bounds.
import type * as t from 'io-ts';
import type { Shape } from '../core/shape.ts';
import type { Config } from './config.ts';
import type { PrivacyDecl } from './privacy.ts';

/** How a value is read: fixed point (÷2^f), signed integer, or a 0/1 bit. */
export type Scale = 'fixed' | 'int' | 'bit';

export interface InputDecl {
  readonly name: string;
  /** `shared`: additive shares at every party; `owner`: cleartext at one party; `public`: known to all. */
  readonly holder: 'shared' | 'owner' | 'public';
  /** For `owner` inputs: the party that holds the cleartext. */
  readonly owner?: number;
  readonly scale: Scale;
}

export interface OutputDecl {
  readonly name: string;
  /** `shared`: additive shares; `clear`: the value in the clear at the parties listed by `receivers`. */
  readonly delivery: 'shared' | 'clear';
  readonly scale: Scale;
}

/**
 * The input domain, per input: reals in [min, max] (then encoded) or any ring element. A real domain
 * with a `gap` leaves out (−gap, gap), e.g. a signed reciprocal's neighbourhood of 0.
 */
export type Domain =
  | { readonly kind: 'real'; readonly min: number; readonly max: number; readonly gap?: number }
  | { readonly kind: 'ring' };

/** Exact online and offline cost; every array has one entry per party. */
export interface Cost {
  readonly rounds: number;
  readonly bitsSent: readonly number[];
  readonly messagesSent: readonly number[];
  readonly offlineBits: readonly number[];
  /** Dealer items per kind, e.g. { 'beaver-triple': 1000 }. */
  readonly preprocessing: Readonly<Record<string, number>>;
}

export interface Bounds {
  /** |protocol − reference| per output element, in ring units (ulps of the output's scale). */
  readonly implementationUlps: number;
  /**
   * Rare large errors the protocol may make (share wrap in local truncation): each element is, with at
   * most this probability, off by a multiple of `wrapModulus` ring units (± implementationUlps).
   */
  readonly wrap?: { readonly probability: number; readonly modulus: bigint };
  /** |reference − ideal| ≤ abs + rel·|ideal| on the domain, ideal evaluated at the encoded inputs. */
  readonly approximation: { readonly abs: number; readonly rel: number };
}

/** A known defect of released code that a parameter set reproduces (ALGORITHMS.md §5), for reports. */
export interface DefectTag {
  /** Where the defect is catalogued, e.g. "§5.1". */
  readonly id: string;
  readonly title: string;
}

export interface ProtocolSpec<P> {
  readonly id: string;
  readonly title: string;
  readonly family: string;
  /** The paper or code this implements, with section. */
  readonly source: string;
  readonly params: t.Type<P, unknown>;
  readonly defaults: P;
  /** Other parameter sets the generic properties also check (each variant, edge constants, …). */
  readonly variants?: readonly P[];
  /**
   * The released-code defect a parameter set reproduces, if any (a "released-defect" variant): backend
   * conformance names it when a backend's outputs match that parameter set.
   */
  defectOf?(params: P): DefectTag | undefined;
  /** What the protocol deliberately reveals, and the audit's limits (spec/privacy.ts); default: nothing. */
  readonly privacy?: PrivacyDecl<P>;
  /** Which parties learn a clear output (default: all). */
  receivers?(config: Config, params: P): readonly number[];
  inputs(params: P): readonly InputDecl[];
  outputs(params: P): readonly OutputDecl[];
  /** The input shapes of a run of `size` (elements, or rows/columns where the spec says so). */
  shapes(params: P, size: number): Readonly<Record<string, Shape>>;
  /** Check input shapes and return output shapes; throw an input error naming the operands otherwise. */
  outputShapes(params: P, shapes: Readonly<Record<string, Shape>>): Readonly<Record<string, Shape>>;
  /** Why this configuration cannot run (e.g. a 2-party-only protocol with 3 parties), or undefined. */
  unsupported?(config: Config, params: P): string | undefined;
  domain(
    config: Config,
    params: P,
    shapes: Readonly<Record<string, Shape>>,
  ): Readonly<Record<string, Domain>>;
  ideal(
    params: P,
    inputs: Readonly<Record<string, Float64Array>>,
    shapes: Readonly<Record<string, Shape>>,
    config: Config,
  ): Record<string, Float64Array>;
  cost(config: Config, params: P, shapes: Readonly<Record<string, Shape>>): Cost;
  bounds(config: Config, params: P): Bounds;
}
