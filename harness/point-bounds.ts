// A spec's bounds for one case's inputs (spec/types.ts pointBounds) never exceed its bounds for the
// whole domain: the worst-case bounds that reports, docs and vectors state are derived over witness rows
// (spec/rows/fit.ts), so every case the properties draw is also a check of that derivation.
import type { Config } from '../spec/config.ts';
import { type CaseResult, elementName } from './execute.ts';
import { decodeByScale } from './scale.ts';

/** Elements whose point bound exceeds the domain-wide bound, in words (empty when all are within). */
export function pointBoundsBeyondDomain(r: CaseResult): string[] {
  const { protocol, config, shapes } = r.spec;
  if (protocol.pointBounds === undefined || r.outOfDomain.length > 0) return [];
  const decoded = decodedInputs(r, config);
  const points = protocol.pointBounds(config, shapes, decoded);
  const out: string[] = [];
  for (const o of r.outputs) {
    const p = points[o.name];
    if (p === undefined) continue;
    const { abs, rel } = r.bounds.approximation;
    for (let i = 0; i < p.implementationUlps.length; i++) {
      if (p.implementationUlps[i]! > r.bounds.implementationUlps) {
        out.push(
          `${elementName(o.name, o.protocol.shape, i)}: point bound ${p.implementationUlps[i]} ulps > the stated ${r.bounds.implementationUlps}`,
        );
        break;
      }
    }
    for (let i = 0; i < p.approximation.length; i++) {
      const stated = abs + rel * Math.abs(o.ideal[i]!);
      if (p.approximation[i]! > stated * (1 + 1e-9)) {
        out.push(
          `${elementName(o.name, o.protocol.shape, i)}: point bound ${p.approximation[i]} > the stated ${stated}`,
        );
        break;
      }
    }
  }
  return out;
}

function decodedInputs(r: CaseResult, config: Config): Record<string, Float64Array> {
  return Object.fromEntries(
    r.spec.protocol.inputs().map((d) => [d.name, decodeByScale(r.spec.inputs[d.name]!, d.scale, config)]),
  );
}
