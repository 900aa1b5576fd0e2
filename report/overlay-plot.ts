// `mpcspec plot <id…>` with several ids, or a family (`mpcspec plot gelu`): every map's protocol output
// against the one function they all stand in for (the spec's `approximates`, e.g. the exact GeLU), in
// one picture — the values, and |protocol − that function| on a log scale. Each map runs one 2-party
// conformance case (harness/execute.ts) on evenly spaced inputs of the shared range that lie inside its
// own domain (a map whose domain is narrower, gelu_erf's, is drawn over its domain only).
import { inputError, usageError } from '../core/errors.ts';
import type { CaseResult } from '../harness/execute.ts';
import { type BoundProtocol, REGISTRY, findProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { runAtPoints } from './kernel-plot.ts';
import { type Series, renderChart } from './svg-chart.ts';

export interface OverlayPlot {
  readonly svg: string;
  /** Per map: its run, and the largest |protocol − target| over the points drawn. */
  readonly results: readonly {
    readonly id: string;
    readonly result: CaseResult;
    readonly maxError: number;
  }[];
}

/** The ids a plot names: each argument an id, or a family standing for its elementwise maps. */
export function plotIds(args: readonly string[]): string[] {
  return args.flatMap((a) => {
    if (REGISTRY.some((p) => p.id === a)) return [a];
    const family = REGISTRY.filter((p) => p.family === a && p.elementwise).map((p) => p.id);
    if (family.length > 0) return family;
    if (!REGISTRY.some((p) => p.family === a)) findProtocol(a); // neither: the unknown id's error
    throw usageError(`plot: family '${a}' has no elementwise map to draw`);
  });
}

const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
];

/** The target's range, widened by a quarter of its span (at least 1) on each side. */
function targetRange(ys: readonly number[]): [number, number] {
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = Math.max(1, (hi - lo) / 4);
  return [lo - pad, hi + pad];
}

interface Curve {
  readonly protocol: BoundProtocol;
  readonly xs: number[];
}

function domainOf(protocol: BoundProtocol, config: Config): { min: number; max: number } {
  const d = protocol.domain(config, protocol.shapes(1))['x'];
  if (protocol.inputs().length !== 1 || d === undefined || d.kind !== 'real' || d.gap !== undefined)
    throw inputError(`plot: ${protocol.id} is not a one-input map over a real interval`);
  return d;
}

export async function plotOverlay(
  protocols: readonly BoundProtocol[],
  config: Config,
  points: number,
  seed: bigint,
  range?: readonly [number, number],
): Promise<OverlayPlot> {
  const target = protocols[0]?.approximates;
  if (target === undefined || protocols.some((p) => p.approximates?.name !== target.name))
    throw inputError(
      `plot: ${protocols.map((p) => `${p.id} approximates ${p.approximates?.name ?? 'nothing named'}`).join(', ')} — several ids are drawn against one common function`,
    );
  if (protocols.length > COLORS.length)
    throw inputError(`plot: at most ${COLORS.length} ids in one picture (got ${protocols.length})`);
  const domains = protocols.map((p) => domainOf(p, config));
  const lo = range?.[0] ?? Math.min(...domains.map((d) => d.min));
  const hi = range?.[1] ?? Math.max(...domains.map((d) => d.max));
  if (!(lo < hi)) throw inputError(`plot: --range [${lo}, ${hi}] is empty`);
  const grid = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  const curves: Curve[] = protocols.map((protocol, k) => ({
    protocol,
    xs: grid.filter((x) => x >= domains[k]!.min && x <= domains[k]!.max),
  }));
  const empty = curves.find((c) => c.xs.length === 0);
  if (empty !== undefined)
    throw inputError(`plot: the range [${lo}, ${hi}] misses ${empty.protocol.id}'s domain`);
  const values: Series[] = [
    { label: target.name, color: '#222222', x: grid, y: grid.map(target.at), dashed: true },
  ];
  const errors: Series[] = [];
  const results: { id: string; result: CaseResult; maxError: number }[] = [];
  for (const [k, { protocol, xs }] of curves.entries()) {
    const result = await runAtPoints(protocol, config, xs, seed);
    const y = result.outputs[0]!.decoded;
    const err = Float64Array.from(xs, (x, i) => Math.abs(y[i]! - target.at(x)));
    const maxError = err.reduce((a, b) => Math.max(a, b), 0);
    results.push({ id: protocol.id, result, maxError });
    const color = COLORS[k]!;
    values.push({ label: protocol.id, color, x: xs, y });
    errors.push({ label: protocol.id, color, x: xs, y: err });
  }
  const ulp = 2 ** -config.f;
  errors.push({ label: '1 ulp', color: '#999999', x: grid, y: grid.map(() => ulp), dashed: true });
  const svg = renderChart({
    title: `${protocols.map((p) => p.id).join(', ')} against the ${target.name}`,
    subtitle: [
      `profile ${config.profile} (${config.parties} parties, ℓ ${config.ell}, f ${config.f}, ${config.truncation} truncation); each at its default parameters; protocol outputs of one run`,
      `max |protocol − ${target.name}|: ${results.map((r) => `${r.id} ${r.maxError.toExponential(2)}`).join(', ')}`,
    ],
    xLabel: `x (${points} points on [${lo}, ${hi}], each map on the part inside its domain)`,
    width: 1200,
    panels: [
      {
        title: `values (the ${target.name}'s range and a margin; curves beyond it are cut)`,
        yLabel: 'value',
        height: 420,
        series: values,
        yRange: targetRange(grid.map(target.at)),
      },
      {
        title: `|protocol − ${target.name}| (log scale)`,
        yLabel: '|error|',
        log: true,
        logFloor: ulp / 1024,
        height: 300,
        series: errors,
      },
    ],
  });
  return { svg, results };
}
