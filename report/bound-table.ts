// The kernels' bound table for docs/kernels.md (issue 6 "Done when"): per kernel, parameter set and
// profile, the domain, the spec's derived bounds, and the measured worst errors:
//   |ref − ideal| — the reference on every encoded input of the domain (an even sample of at most
//                   2^20 inputs plus every input within 64 ulps of an edge, for wider domains);
//   |prot − ref|  — one 2-party protocol run on 4001 evenly spaced inputs, edges included.
// Run: node --import tsx report/bound-table.ts > /tmp/table.md
import { decode, encode } from '../core/fixed.ts';
import { fromIntegers } from '../core/ring.ts';
import { executeCase } from '../harness/execute.ts';
import { findProtocol } from '../registry/index.ts';
import { kernelCases } from './kernel-cases.ts';
import { resolveConfig } from '../spec/config.ts';

const e = (v: number): string => (v === 0 ? '0' : v.toExponential(2));

export async function boundRow(
  id: string,
  params: Record<string, unknown>,
  profile: string,
): Promise<string> {
  const p = findProtocol(id).bind(params);
  const config = resolveConfig(profile);
  const d = p.domain(config, p.shapes(1))['x']!;
  if (d.kind !== 'real') return '';
  const F = 2 ** config.f;
  const lo = Math.ceil(d.min * F);
  const hi = Math.floor(d.max * F);
  const g = Math.ceil((d.gap ?? 0) * F);
  const stride = Math.max(1, Math.ceil((hi - lo) / 2 ** 20));
  const units: bigint[] = [];
  for (let k = lo; k <= hi; k += stride) if (Math.abs(k) >= g) units.push(BigInt(k));
  for (let j = 0; j < 64; j++)
    for (const k of [lo + j, hi - j, g + j, -g - j])
      if (k >= lo && k <= hi && Math.abs(k) >= g) units.push(BigInt(k));
  const shapes = p.shapes(units.length);
  const x = fromIntegers(config.ell, shapes['x']!, units);
  const ref = decode(p.reference(config, { x }, shapes)['z']!, config.f);
  const ideal = p.ideal(config, { x: decode(x, config.f) }, shapes)['z']!;
  let worst = 0;
  for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i]! - ideal[i]!));
  const xs = Array.from({ length: 4001 }, (_, i) => d.min + ((d.max - d.min) * i) / 4000).filter(
    (v) => Math.abs(v) >= (d.gap ?? 0),
  );
  const s2 = p.shapes(xs.length);
  const run = await executeCase({
    protocol: p,
    config,
    shapes: s2,
    inputs: { x: encode(xs, s2['x']!, config, 'x') },
    seed: 11n,
  });
  const b = run.bounds;
  const dom = `[${d.min}, ${d.max}]${d.gap !== undefined ? ` \\ (−${d.gap}, ${d.gap})` : ''}`;
  return `| ${id} | ${JSON.stringify(p.params).replace(/"/g, '')} | ${profile} | ${dom} | ${e(b.approximation.abs)} + ${e(b.approximation.rel)}·\\|ideal\\| | ${e(worst)} | ${b.implementationUlps} | ${run.outputs[0]!.implementation.maxUlps} | ${b.wrap === undefined ? '—' : e(b.wrap.probability)} | ${run.ok ? 'yes' : 'NO'} |`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(
    '| kernel | params | profile | domain | bound \\|ref − ideal\\| | measured | bound \\|prot − ref\\| (ulp) | measured (ulp) | wrap prob. | case ok |\n|---|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const c of kernelCases())
    for (const profile of ['crypten', 'default'])
      process.stdout.write(`${await boundRow(c.id, c.params, profile)}\n`);
}
