// The GeLU error table of docs/gelu.md: per variant and profile, the spec's bounds (|reference − ideal|
// against the variant's own formula, |protocol − reference| in ulps) beside the distance to the exact
// GeLU — of the formula itself (float64, on 240 001 evenly spaced points of the domain) and of one 2-party
// protocol run on 4 001 evenly spaced inputs, edges included.
// Run: node --import tsx report/gelu-table.ts > /tmp/gelu-table.md
import { encode } from '../core/fixed.ts';
import { executeCase } from '../harness/execute.ts';
import { REGISTRY } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';

const e = (v: number): string => (v === 0 ? '0' : v.toExponential(2));

/** Every elementwise GeLU variant under its defaults and declared variants. */
export const geluCases = (): { id: string; params: Record<string, unknown> }[] =>
  REGISTRY.filter((r) => r.family === 'gelu' && r.elementwise).flatMap((r) => [
    { id: r.id, params: {} },
    ...r.variants.map((v) => ({ id: r.id, params: { ...v } })),
  ]);

export async function geluErrorRow(
  id: string,
  params: Record<string, unknown>,
  profile: 'crypten' | 'default',
): Promise<string> {
  const reg = REGISTRY.find((r) => r.id === id)!;
  const p = reg.bind(params);
  const config = resolveConfig(profile);
  const d = p.domain(config, p.shapes(1))['x']!;
  if (d.kind !== 'real' || p.approximates === undefined) return '';
  const exact = p.approximates.at;
  const dense = Float64Array.from({ length: 240_001 }, (_, i) => d.min + ((d.max - d.min) * i) / 240_000);
  const ideal = p.ideal(config, { x: dense }, { x: [dense.length] })['z']!;
  let formula = 0;
  dense.forEach((x, i) => (formula = Math.max(formula, Math.abs(ideal[i]! - exact(x)))));
  const xs = Array.from({ length: 4001 }, (_, i) => d.min + ((d.max - d.min) * i) / 4000);
  const shapes = p.shapes(xs.length);
  const run = await executeCase({
    protocol: p,
    config,
    shapes,
    inputs: { x: encode(xs, shapes['x']!, config, 'x') },
    seed: 13n,
  });
  const o = run.outputs[0]!;
  let measured = 0;
  o.decoded.forEach((v, i) => (measured = Math.max(measured, Math.abs(v - exact(xs[i]!)))));
  const b = run.bounds;
  const shown = JSON.stringify(p.params).replace(/"/g, '');
  return `| ${id} | ${shown} | ${profile} | [${d.min}, ${d.max}] | ${e(b.approximation.abs)} + ${e(b.approximation.rel)}·\\|ideal\\| | ${b.implementationUlps} | ${o.implementation.maxUlps} | ${e(formula)} | ${e(measured)} | ${run.ok ? 'yes' : 'NO'} |`;
}

export const GELU_TABLE_HEAD =
  '| variant | params | profile | domain | bound \\|ref − ideal\\| | bound \\|prot − ref\\| (ulp) | measured (ulp) | formula vs exact GeLU (max) | protocol vs exact GeLU (measured max) | case ok |\n|---|---|---|---|---|---|---|---|---|---|';

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${GELU_TABLE_HEAD}\n`);
  for (const c of geluCases())
    for (const profile of ['crypten', 'default'] as const)
      process.stdout.write(`${await geluErrorRow(c.id, c.params, profile)}\n`);
}
