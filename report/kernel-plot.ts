// `mpcspec plot` (issue 6 §6): a kernel's reference, protocol output and ideal over its domain, with the
// error curves and the spec's bound — the picture a designer compares approximations by. Runs one
// conformance case (harness/execute.ts) on evenly spaced inputs covering the domain, edges included.
import { encode } from '../core/fixed.ts';
import { inputError } from '../core/errors.ts';
import { type CaseResult, executeCase } from '../harness/execute.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { renderChart } from './svg-chart.ts';

export interface KernelPlot {
  readonly svg: string;
  readonly result: CaseResult;
}

/** One run of a unary map (input x) on the points xs, as one vector: what every plot draws from. */
export function runAtPoints(
  protocol: BoundProtocol,
  config: Config,
  xs: readonly number[],
  seed: bigint,
): Promise<CaseResult> {
  const shapes = protocol.shapes(xs.length);
  return executeCase({
    protocol,
    config,
    shapes,
    inputs: { x: encode(xs, shapes['x']!, config, 'x') },
    seed,
  });
}

export async function plotKernel(
  protocol: BoundProtocol,
  config: Config,
  points: number,
  seed: bigint,
  range?: readonly [number, number],
): Promise<KernelPlot> {
  const probe = protocol.shapes(1);
  const d = protocol.domain(config, probe)['x'];
  if (protocol.inputs().length !== 1 || d === undefined || d.kind !== 'real')
    throw inputError(`plot: ${protocol.id} is not a one-input kernel over a real domain`);
  const gap = d.gap ?? 0;
  const [lo, hi] = range ?? [d.min, d.max];
  if (!(lo >= d.min && hi <= d.max && lo < hi))
    throw inputError(
      `plot: --range [${lo}, ${hi}] must be an interval inside the domain [${d.min}, ${d.max}]`,
    );
  const xs = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1)).filter(
    (x) => gap === 0 || Math.abs(x) >= gap,
  );
  const result = await runAtPoints(protocol, config, xs, seed);
  const o = result.outputs[0]!;
  const stride = o.decoded.length / xs.length; // kernels with several outputs per input: the first
  const col = (a: Float64Array): Float64Array => Float64Array.from(xs, (_, i) => a[i * stride]!);
  const ref = col(
    Float64Array.from(o.reference.data, (v) => Number(BigInt.asIntN(config.ell, v)) * 2 ** -config.f),
  );
  const prot = col(o.decoded);
  const ideal = col(o.ideal);
  const { abs, rel } = result.bounds.approximation;
  const ulp = 2 ** -config.f;
  const svg = renderChart({
    title: `${protocol.id} — ${protocol.title}`,
    subtitle: [
      `profile ${config.profile} (${config.parties} parties, ℓ ${config.ell}, f ${config.f}, ${config.truncation} truncation), params ${JSON.stringify(protocol.params)}`,
      `spec: |ref − ideal| ≤ ${abs.toExponential(2)} + ${rel.toExponential(2)}·|ideal|;  |prot − ref| ≤ ${result.bounds.implementationUlps} ulp;  measured max ${o.approximation.maxAbsError.toExponential(2)} and ${o.implementation.maxUlps} ulp`,
    ],
    xLabel: `x (domain [${d.min}, ${d.max}]${gap > 0 ? ` without (−${gap}, ${gap})` : ''}${range === undefined ? '' : `, shown on [${lo}, ${hi}]`}, ${xs.length} points)`,
    panels: [
      {
        title: 'values',
        yLabel: 'value',
        height: 330,
        series: [
          { label: 'ideal (float64)', color: '#222222', x: xs, y: ideal, dashed: true },
          { label: 'reference', color: '#1f77b4', x: xs, y: ref },
          { label: 'protocol (MPC)', color: '#d62728', x: xs, y: prot, dots: true },
        ],
      },
      {
        title: 'errors (log scale)',
        yLabel: '|error|',
        log: true,
        logFloor: ulp / 1024,
        height: 230,
        series: [
          {
            label: 'spec bound',
            color: '#2ca02c',
            x: xs,
            y: ideal.map((v) => abs + rel * Math.abs(v)),
            dashed: true,
          },
          {
            label: '|reference − ideal|',
            color: '#1f77b4',
            x: xs,
            y: ref.map((v, i) => Math.abs(v - ideal[i]!)),
          },
          {
            label: '|protocol − ideal|',
            color: '#d62728',
            x: xs,
            y: prot.map((v, i) => Math.abs(v - ideal[i]!)),
            dots: true,
          },
          { label: '1 ulp', color: '#999999', x: xs, y: xs.map(() => ulp), dashed: true },
        ],
      },
    ],
  });
  return { svg, result };
}
