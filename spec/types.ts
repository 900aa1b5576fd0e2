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
 * with a `gap` leaves out (−gap, gap), e.g. a signed reciprocal's neighbourhood of 0; with a `row`
 * condition each whole row (the last axis) must also satisfy it, e.g. a row sum inside a reciprocal's
 * domain (spec/rows.ts).
 */
export type Domain =
  | {
      readonly kind: 'real';
      readonly min: number;
      readonly max: number;
      readonly gap?: number;
      readonly row?: RowDomain;
    }
  | { readonly kind: 'ring' };

/** A condition on each row of a real input, with a sampler of rows that satisfy it (spec/rows.ts). */
export interface RowDomain {
  /** The condition in words, for messages and docs, e.g. "Σ (x + 5)² / N in [6.25, 187.5]". */
  readonly what: string;
  /** Why this row (decoded reals) is outside the domain, or undefined when it is inside. */
  check(row: Float64Array): string | undefined;
  /**
   * A row of n values inside the domain, from uniform draws in [0, 1) (`next`): the spec's typical row
   * (e.g. attention scores of a trained model), used wherever a generated row would break the condition.
   */
  sample(n: number, next: () => number): Float64Array;
}

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
   * most this probability, off by a multiple of `modulus` ring units (± implementationUlps); a modulus
   * of 1 means the element is then garbage (harness/compare.ts says what counts). With `rowProbability`
   * the wraps are counted by rows of the output (its last axis): each row is spoiled, wholly or in
   * part, with at most that probability (a wrap in a row's shared value, such as the reciprocal of its
   * sum, spoils every element of the row at once).
   */
  readonly wrap?: {
    readonly probability: number;
    readonly modulus: bigint;
    readonly rowProbability?: number;
  };
  /** |reference − ideal| ≤ abs + rel·|ideal| on the domain, ideal evaluated at the encoded inputs. */
  readonly approximation: { readonly abs: number; readonly rel: number };
}

/**
 * The family a protocol is listed under (`mpcspec list`, docs). A family is a heading, not a contract:
 * no generic code branches on it. What a generic suite relies on is stated by the spec itself —
 * `elementwise` (a unary map the bound sweep, the bound table and `mpcspec plot` run over), `rows`
 * (row-wise inputs the generators fill row by row), `privacy` (what the view audit may assume).
 *   arithmetic — sharing, opening, linear operations, products, truncation (ALGORITHMS.md §1)
 *   comparison — exact comparisons, selections and reductions (§2)
 *   kernels    — numeric kernels: exp, reciprocal, inverse square root, sine, erf, sigmoid, tanh (§3)
 *   attention  — softmax and its replacements over rows of attention scores (§4)
 *   gelu, layernorm — the other non-linear layers of a transformer (§4)
 *   linear     — the linear layers of a transformer (matmuls, biases, residuals)
 *   test       — deliberately broken protocols of the test suites (never registered)
 */
export type Family =
  'arithmetic' | 'comparison' | 'kernels' | 'attention' | 'gelu' | 'layernorm' | 'linear' | 'test';

export interface ProtocolSpec<P> {
  readonly id: string;
  readonly title: string;
  readonly family: Family;
  /** The paper or code this implements, with section. */
  readonly source: string;
  readonly params: t.Type<P, unknown>;
  readonly defaults: P;
  /** Other parameter sets the generic properties also check (each variant, edge constants, …). */
  readonly variants?: readonly P[];
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
  /**
   * Bounds that hold on the whole domain for runs of these input shapes (a row sum's error grows with
   * the row, say): what reports, docs and vectors state.
   */
  bounds(config: Config, params: P, shapes: Readonly<Record<string, Shape>>): Bounds;
  /**
   * Optional bounds for these very inputs (decoded reals), element by element, from the spec's tracked
   * error model: a composite's error depends on its whole row, and a bound for the worst row of the
   * domain hides errors on every other row. When present the checks use them (each within `bounds`,
   * which a generic property verifies) and report which element, and which row, broke its bound.
   */
  pointBounds?(
    config: Config,
    params: P,
    shapes: Readonly<Record<string, Shape>>,
    inputs: Readonly<Record<string, Float64Array>>,
  ): Readonly<Record<string, ElementBounds>>;
  /**
   * The input shapes of a run given the principal (first) input's shape, for `--shape`; default: every
   * input has that shape. Throw an input error naming the operand when the shape does not fit.
   */
  shapesFor?(params: P, principal: Shape): Readonly<Record<string, Shape>>;
  /**
   * Set for a unary elementwise map: one shared fixed-point input x, one output z of x's shape with
   * z_i = idealAt(x_i) ideally (spec/kernels/unary.ts builds such specs). The bound sweep, the bound
   * table and `mpcspec plot` run over exactly these.
   */
  readonly elementwise?: { readonly idealAt: (x: number, params: P) => number };
  /** Row-wise inputs: which inputs have rows, and the row lengths the properties also try (spec/rows/). */
  readonly rows?: RowsDecl;
  /** The rows declaration for these parameters, when they fix the row length or the leading axes. */
  rowsFor?(params: P): RowsDecl;
  /**
   * Parameter sets that reproduce a defect of some released code: run as the released code runs, and
   * judged by the bounds the faithful parameters claim, so they fail — expected failures, listed as
   * such by `npm start` and checked to fail by the properties (spec/defects.ts).
   */
  readonly releasedDefects?: readonly ReleasedDefect<P>[];
}

/** Per-element bounds of one output (same length as the output). */
export interface ElementBounds {
  /** |protocol − reference| allowed, in ulps of the output's scale. */
  readonly implementationUlps: Float64Array;
  /** |reference − ideal| allowed, in real units. */
  readonly approximation: Float64Array;
}

/** What a row-wise spec declares about its rows (spec/rows.ts). */
export interface RowsDecl {
  /** Inputs whose last axis is the row; row-aware generators fill them row by row. */
  readonly inputs: readonly string[];
  /** Row lengths the properties draw besides `shapes(size)` (realistic ones: 65, 128, 197, …). */
  readonly lengths: readonly number[];
  /**
   * Set when the parameters fix the row length (ScaleAttn's token count N, say): the only length a run
   * may have, `lengths` is [fixedLength] and `shapes(size)` ignores the size.
   */
  readonly fixedLength?: number;
  /**
   * The principal input's shape for `rows` rows of length n, when the parameters constrain the leading
   * axes (a head mask of H heads: [H, rows, n]; a row mask of R rows: [R, n]); default [rows, n].
   */
  shapeOf?(rows: number, n: number): Shape;
}

/** A released-code form of a protocol (spec/defects.ts): its parameters, and what it is judged against. */
export interface ReleasedDefect<P> {
  /** An id of the defect catalogue (spec/defects.ts), e.g. 'goldschmidt-undeflated'. */
  readonly defect: string;
  /** Where the defect lives and what it does, in a line. */
  readonly title: string;
  /** The parameters the released code runs with. */
  readonly params: P;
  /** The parameters whose domain and bounds the released code claims to meet. */
  readonly claims: P;
  /** Shapes a run must have for the defect to show (e.g. realistic row lengths); default `shapes(size)`. */
  readonly shapes?: Readonly<Record<string, Shape>>;
}
