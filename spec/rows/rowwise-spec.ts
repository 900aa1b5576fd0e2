// The common shape of a row-wise protocol's spec (DESIGN.md "The one idea"; spec/types.ts): one shared
// fixed-point input x whose last axis is the row — any rank, [12, 128, 128] attention scores or [128, 768]
// hidden states — and a shared fixed-point output z of x's shape, each row computed from its own row
// only (softmax and its replacements, LayerNorm). From a definition that states, per row, the ideal
// function, the tracked steps and the cost, this derives everything else:
//   pointBounds  the tracked steps run on each actual row (decoded inputs): per element, the protocol may
//                differ from the reference by d (ulps) and the reference from the ideal by |v − ideal| + e
//   bounds       the worst of those over the witness rows of spec/rows/draw.ts at the run's row length
//                (memoised); a generic property checks every case's point bounds against it
//   shapes       `size` is the row length; `shapes(size)` is ROWS rows of it, `--shape` any shape; a spec
//                whose parameters fix the row length or the leading axes (a token count, a head or row
//                mask) says so (`fixedLength`, `rowShape`), and the properties draw shapes accordingly
// Extra inputs that are not rows (LayerNorm's γ and β, one value per feature) ride along in `others`.
import { type Shape, formatShape, sizeOf } from '../../core/shape.ts';
import { inputError } from '../../core/errors.ts';
import { rowDims } from '../../core/rows.ts';
import type { Config } from '../config.ts';
import type { Bounds, Cost, Domain, ElementBounds, InputDecl, ProtocolSpec, RowsDecl } from '../types.ts';
import { type ErrorModel, type Tracked, errorModel, exact } from '../arithmetic/tracked.ts';
import { kernelRingSupport } from '../kernels/unary.ts';
import { type RealDomain, witnessRows } from './draw.ts';
import { type WitnessBounds, fitRowBounds } from './fit.ts';

type Shapes = Readonly<Record<string, Shape>>;

/** Rows of a run of `size` (the row length) when no shape is given. */
export const DEFAULT_ROWS = 2;

/** Where a row sits and what else the protocol was given. */
export interface RowContext {
  /** Index of the row among the tensor's rows (row-major over the leading axes). */
  readonly index: number;
  /** The shape of x. */
  readonly shape: Shape;
  /** The other inputs, decoded (public or shared, not row-wise). */
  readonly others: Readonly<Record<string, Float64Array>>;
}

/** An input besides x: its declaration, its shape for a given x shape, and its domain. */
export interface ExtraInput<P> {
  readonly decl: InputDecl;
  shape(params: P, x: Shape): Shape;
  domain(config: Config, params: P): Domain;
}

export interface RowwiseDef<P> extends Pick<
  ProtocolSpec<P>,
  'id' | 'title' | 'family' | 'source' | 'params' | 'defaults' | 'variants' | 'releasedDefects' | 'privacy'
> {
  /** Row lengths the properties try besides `shapes(size)`. */
  readonly lengths: readonly number[];
  /**
   * The row length the parameters fix, if any (ScaleAttn's token count): x's last axis must equal it,
   * it is the only length the properties try, and `shapes(size)` ignores the size.
   */
  fixedLength?(params: P): number | undefined;
  /**
   * x's shape for `rows` rows of n when the parameters constrain the leading axes (one row block per
   * head of a head mask: [H, rows, n]; as many rows as a row mask: [R, n]). Default [rows, n].
   */
  rowShape?(params: P, rows: number, n: number): Shape;
  readonly extraInputs?: readonly ExtraInput<P>[];
  /** The domain of x's elements, with the row condition if there is one. */
  domain(config: Config, params: P, n: number): RealDomain;
  /** The ideal float64 function on one row. */
  idealRow(params: P, row: Float64Array, at: RowContext): Float64Array;
  /** The protocol's steps on one row of tracked values (spec/steps.ts vocabulary). */
  steps(m: ErrorModel, params: P, row: readonly Tracked[], at: RowContext): Tracked[];
  /** Exact cost for x of this shape. */
  cost(
    config: Config,
    params: P,
    x: { readonly shape: Shape; readonly rows: number; readonly n: number },
  ): Cost;
  /** Rows whose steps differ (e.g. one per head choice); the bound is the worst over them. Default [0]. */
  distinctRows?(params: P, shape: Shape): readonly number[];
  /** Why this configuration cannot run, besides the kernels' ring requirement. */
  unsupported?(config: Config, params: P): string | undefined;
  /** Extra shape checks (beyond a non-empty last axis and the extra inputs' shapes). */
  checkShapes?(params: P, shapes: Shapes): void;
}

/** Per-element bounds of one row from its tracked steps. */
function rowBounds<P>(
  def: RowwiseDef<P>,
  m: ErrorModel,
  params: P,
  row: Float64Array,
  at: RowContext,
): WitnessBounds {
  const out = def.steps(m, params, Array.from(row, exact), at);
  const ideal = def.idealRow(params, row, at);
  const n = out.length;
  const implementationUlps = new Float64Array(n);
  const approximation = new Float64Array(n);
  const wrap = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = out[i]!;
    // A hair of slack for float64 rounding in the ideal and in the sums (≪ 1 ulp).
    implementationUlps[i] = Math.max(0, Math.ceil(o.d / m.u - 1e-9));
    approximation[i] = (Math.abs(o.v - ideal[i]!) + o.e) * (1 + 1e-9) + 1e-12;
    wrap[i] = o.w;
  }
  return { bounds: { implementationUlps, approximation }, ideal, wrap };
}

function othersOf<P>(
  def: RowwiseDef<P>,
  inputs: Readonly<Record<string, Float64Array>>,
): Readonly<Record<string, Float64Array>> {
  return Object.fromEntries((def.extraInputs ?? []).map((e) => [e.decl.name, inputs[e.decl.name]!]));
}

export function rowwiseSpec<P>(def: RowwiseDef<P>): ProtocolSpec<P> {
  const extra = def.extraInputs ?? [];
  const shapesFor = (params: P, x: Shape): Shapes => ({
    x,
    ...Object.fromEntries(extra.map((e) => [e.decl.name, e.shape(params, x)])),
  });
  const rowShape = (params: P, rows: number, n: number): Shape =>
    def.rowShape?.(params, rows, n) ?? [rows, n];
  const rowsFor = (params: P): RowsDecl => {
    const fixed = def.fixedLength?.(params);
    return {
      inputs: ['x'],
      lengths: fixed === undefined ? def.lengths : [fixed],
      ...(fixed === undefined ? {} : { fixedLength: fixed }),
      ...(def.rowShape === undefined
        ? {}
        : { shapeOf: (rows: number, n: number) => rowShape(params, rows, n) }),
    };
  };
  const checkRowLength = (params: P, x: Shape): void => {
    const fixed = def.fixedLength?.(params);
    const n = x[x.length - 1];
    if (fixed !== undefined && n !== fixed)
      throw inputError(
        `${def.id}: x of shape ${formatShape(x)} has rows of ${n}, but the parameters fix the row length at ${fixed}; give a shape ending in ${fixed} (e.g. --shape ${rowShape(params, DEFAULT_ROWS, fixed).join('x')})`,
      );
  };
  const worst = new Map<string, Bounds>();
  const bounds = (config: Config, params: P, shapes: Shapes): Bounds => {
    const x = shapes['x']!;
    const { n } = rowDims(def.id, 'x', x);
    const key = JSON.stringify([config, params, x]);
    let b = worst.get(key);
    if (b === undefined) {
      const m = errorModel(config);
      const d = def.domain(config, params, n);
      // Extra inputs take their witness values from their own domain's middle (public γ = 1, β = 0, say).
      const others = Object.fromEntries(
        extra.map((e) => {
          const dom = e.domain(config, params);
          const v = dom.kind === 'real' ? Math.min(Math.max(1, dom.min), dom.max) : 0;
          return [e.decl.name, new Float64Array(sizeOf(e.shape(params, x))).fill(v)];
        }),
      );
      const rowsToTry = def.distinctRows?.(params, x) ?? [0];
      const witnesses = witnessRows(d, n).flatMap((row) =>
        rowsToTry.map((index) => rowBounds(def, m, params, row, { index, shape: x, others })),
      );
      b = fitRowBounds(witnesses);
      worst.set(key, b);
    }
    return b;
  };
  return {
    id: def.id,
    title: def.title,
    family: def.family,
    source: def.source,
    params: def.params,
    defaults: def.defaults,
    ...(def.variants === undefined ? {} : { variants: def.variants }),
    ...(def.releasedDefects === undefined ? {} : { releasedDefects: def.releasedDefects }),
    ...(def.privacy === undefined ? {} : { privacy: def.privacy }),
    rows: rowsFor(def.defaults),
    rowsFor,
    inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }, ...extra.map((e) => e.decl)],
    outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
    shapes: (params, size) =>
      shapesFor(params, rowShape(params, DEFAULT_ROWS, def.fixedLength?.(params) ?? size)),
    shapesFor,
    outputShapes: (params, shapes) => {
      const x = shapes['x'];
      if (x === undefined) return shapesFor(params, [0]); // rowDims below names the missing operand
      rowDims(def.id, 'x', x);
      checkRowLength(params, x);
      def.checkShapes?.(params, shapes);
      return { z: x };
    },
    unsupported: (config, params) => kernelRingSupport(config) ?? def.unsupported?.(config, params),
    domain: (config, params, shapes) => {
      const { n } = rowDims(def.id, 'x', shapes['x']!);
      return {
        x: def.domain(config, params, n),
        ...Object.fromEntries(extra.map((e) => [e.decl.name, e.domain(config, params)])),
      };
    },
    ideal: (params, inputs, shapes) => {
      const x = shapes['x']!;
      const { rows, n } = rowDims(def.id, 'x', x);
      const values = inputs['x']!;
      const others = othersOf(def, inputs);
      const z = new Float64Array(rows * n);
      for (let r = 0; r < rows; r++)
        z.set(
          def.idealRow(params, values.subarray(r * n, (r + 1) * n), { index: r, shape: x, others }),
          r * n,
        );
      return { z };
    },
    cost: (config, params, shapes) => {
      const x = shapes['x']!;
      return def.cost(config, params, { shape: x, ...rowDims(def.id, 'x', x) });
    },
    bounds,
    pointBounds: (config, params, shapes, inputs) => {
      const x = shapes['x']!;
      const { rows, n } = rowDims(def.id, 'x', x);
      const m = errorModel(config);
      const values = inputs['x']!;
      const others = othersOf(def, inputs);
      const z: ElementBounds = {
        implementationUlps: new Float64Array(rows * n),
        approximation: new Float64Array(rows * n),
      };
      for (let r = 0; r < rows; r++) {
        const b = rowBounds(def, m, params, values.subarray(r * n, (r + 1) * n), {
          index: r,
          shape: x,
          others,
        });
        z.implementationUlps.set(b.bounds.implementationUlps, r * n);
        z.approximation.set(b.bounds.approximation, r * n);
      }
      return { z };
    },
  };
}
