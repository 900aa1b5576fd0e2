// Candidates read from the registry (issue 17 §3), for whatever protocols are registered: every other
// registered parameter set of the failing op (its defaults, variants and released-code forms), the
// op's own parameters with one value taken from another registered set or off by a factor of 2 (π and
// 2π, half and whole periods), and every other protocol with the same inputs and outputs (lt for gt,
// the all-positive reciprocal for the signed one). A candidate from a released-code form (spec
// `releasedDefects`) carries that form's defect id and title into the verdict.
import { MpcspecError } from '../../core/errors.ts';
import { sameShape } from '../../core/shape.ts';
import type { BoundProtocol, RegisteredProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';
import type { Candidate, DefectTag } from './candidate.ts';

type Params = Readonly<Record<string, unknown>>;

const json = (v: unknown): string => JSON.stringify(v);

/** A candidate that runs the reference of `entry` under `params` on the case's inputs. */
function referenceCandidate(
  entry: RegisteredProtocol,
  params: Params,
  config: Config,
  c: Omit<Candidate, 'predict' | 'defect' | 'params'>,
  from?: DefectTag,
): Candidate | undefined {
  let bound: BoundProtocol;
  try {
    bound = entry.bind(params);
  } catch (e) {
    if (e instanceof MpcspecError) return undefined; // not a parameter set this spec accepts
    throw e;
  }
  const form = entry.releasedDefects.find((d) => json(d.params) === json(bound.params));
  const defect = form === undefined ? from : { id: form.defect, title: form.title };
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
  // every registered parameter set, each with the released-code defect it reproduces, if it is one
  const sets: { params: Params; defect?: DefectTag; what: string }[] = [
    { params: entry.defaults as Params, what: 'the registered parameter set' },
    ...entry.variants.map((params) => ({ params, what: 'the registered parameter set' })),
    ...entry.releasedDefects.map((d) => ({
      params: d.params,
      defect: { id: d.defect, title: d.title },
      what: `the released-code form '${d.defect}'`,
    })),
  ];
  for (const s of sets)
    add(
      referenceCandidate(entry, s.params, config, {
        name: `${entry.id} ${json(s.params)}`,
        source: 'variant',
        explanation: `computes ${entry.id} with ${s.what} ${json(s.params)} instead of ${json(mine)}`,
      }),
    );
  for (const [key, value] of Object.entries(mine)) {
    for (const s of sets)
      if (key in s.params && json(s.params[key]) !== json(value))
        add(
          referenceCandidate(
            entry,
            { ...mine, [key]: s.params[key] },
            config,
            {
              name: `${entry.id} with ${key}: ${json(s.params[key])}`,
              source: 'parameter',
              explanation: `uses ${key} = ${json(s.params[key])} (as ${s.what} ${json(s.params)}) where it claims ${json(value)}`,
            },
            s.defect,
          ),
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
