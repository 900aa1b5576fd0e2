// Candidates read from the registry (issue 17 §3), for whatever protocols are registered: every other
// registered parameter set of the failing op (its defaults and variants), the op's own parameters with
// one value taken from another registered set or off by a factor of 2 (π and 2π, half and whole
// periods), and every other protocol with the same inputs and outputs (lt for gt, the all-positive
// reciprocal for the signed one). A parameter set the spec tags as a released-code defect carries the
// tag into the verdict.
import { MpcspecError } from '../../core/errors.ts';
import { sameShape } from '../../core/shape.ts';
import type { BoundProtocol, RegisteredProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';
import type { Candidate } from './candidate.ts';

type Params = Readonly<Record<string, unknown>>;

const json = (v: unknown): string => JSON.stringify(v);

/** A candidate that runs the reference of `entry` under `params` on the case's inputs. */
function referenceCandidate(
  entry: RegisteredProtocol,
  params: Params,
  config: Config,
  c: Omit<Candidate, 'predict' | 'defect' | 'params'>,
): Candidate | undefined {
  let bound: BoundProtocol;
  try {
    bound = entry.bind(params);
  } catch (e) {
    if (e instanceof MpcspecError) return undefined; // not a parameter set this spec accepts
    throw e;
  }
  const defect = entry.defectOf(bound.params);
  return {
    ...c,
    params: bound.params,
    ...(defect === undefined ? {} : { defect }),
    predict: (k) => {
      const outShapes = bound.outputShapes(k.shapes);
      const out = bound.reference(config, k.inputs, k.shapes);
      for (const [name, t] of Object.entries(out))
        if (outShapes[name] === undefined || !sameShape(outShapes[name], t.shape))
          throw new Error(`output ${name} has another shape`);
      return out;
    },
  };
}

const sameSignature = (a: BoundProtocol, b: BoundProtocol): boolean =>
  json(a.inputs().map((d) => [d.name, d.scale, d.holder])) ===
    json(b.inputs().map((d) => [d.name, d.scale, d.holder])) &&
  json(a.outputs().map((d) => [d.name, d.scale])) === json(b.outputs().map((d) => [d.name, d.scale]));

export function registryCandidates(
  entry: RegisteredProtocol,
  own: BoundProtocol,
  config: Config,
  registry: readonly RegisteredProtocol[],
): Candidate[] {
  const mine = own.params as Params;
  const seen = new Set<string>([json(mine)]);
  const out: Candidate[] = [];
  const add = (c: Candidate | undefined): void => {
    if (c === undefined || seen.has(json(c.params))) return;
    seen.add(json(c.params));
    out.push(c);
  };
  const sets = [entry.defaults as Params, ...entry.variants];
  for (const s of sets)
    add(
      referenceCandidate(entry, s, config, {
        name: `${entry.id} ${json(s)}`,
        source: 'variant',
        explanation: `computes ${entry.id} with the registered parameters ${json(s)} instead of ${json(mine)}`,
      }),
    );
  for (const [key, value] of Object.entries(mine)) {
    for (const s of sets)
      if (key in s && json(s[key]) !== json(value))
        add(
          referenceCandidate(entry, { ...mine, [key]: s[key] }, config, {
            name: `${entry.id} with ${key}: ${json(s[key])}`,
            source: 'parameter',
            explanation: `uses ${key} = ${json(s[key])} (as the registered parameter set ${json(s)}) where it claims ${json(value)}`,
          }),
        );
    if (typeof value === 'number')
      for (const [factor, word] of [
        [2, 'twice'],
        [0.5, 'half'],
      ] as const)
        add(
          referenceCandidate(entry, { ...mine, [key]: value * factor }, config, {
            name: `${entry.id} with ${key}: ${value * factor}`,
            source: 'parameter',
            explanation: `uses ${key} = ${value * factor}, ${word} the claimed ${value} (a factor of 2 lost, as between π and 2π)`,
          }),
        );
  }
  for (const other of registry) {
    if (other.id === entry.id) continue;
    let bound: BoundProtocol;
    try {
      bound = other.bind();
    } catch {
      continue;
    }
    if (!sameSignature(own, bound)) continue;
    const c = referenceCandidate(other, {}, config, {
      name: `${other.id} (another protocol)`,
      source: 'protocol',
      explanation: `computes ${other.id} (${other.title}) instead of ${entry.id}`,
    });
    if (c !== undefined) out.push(c);
  }
  return out;
}
