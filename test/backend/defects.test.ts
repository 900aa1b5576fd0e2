// Defect identification reads the registry, whatever is registered (issue 17 §3): a protocol added
// later with a parameter set its spec tags as a released-code defect is recognised by that set, and
// the tag is printed; outputs no candidate explains get "no match" with the worst cases.
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../backend/cases.ts';
import { identifyDefect } from '../../backend/defects/identify.ts';
import { type AnsweredCase, referenceOutputs } from '../../backend/value-check.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { ringTensor } from '../../core/ring.ts';
import { mulConstProtocol } from '../../protocols/arithmetic/linear.ts';
import { mulConstReference } from '../../reference/arithmetic/linear.ts';
import { register } from '../../registry/entry.ts';
import { REGISTRY } from '../../registry/index.ts';
import { mulConstSpec } from '../../spec/arithmetic/public-constant.ts';
import {
  constantsEncodedBy,
  rewrittenConstant,
  withConstantRewrite,
} from '../../spec/arithmetic/constant-rewrite.ts';
import { resolveConfig } from '../../spec/config.ts';

const config = resolveConfig('crypten');
// A protocol registered "later", with a released-code form: the scale −2.75 where 2.75 is claimed.
const tagged = register(
  {
    ...mulConstSpec,
    id: 'scale_by',
    releasedDefects: [
      {
        defect: 'scale-sign-dropped',
        title: 'the sign of the scale dropped',
        params: { c: -2.75 },
        claims: { c: 2.75 },
      },
    ],
  },
  mulConstReference,
  mulConstProtocol,
);
const registry = [...REGISTRY, tagged];

function backendAnswering(
  claimed: Record<string, unknown>,
  computes: (c: AnsweredCase['case']) => AnsweredCase['outputs'],
) {
  const own = tagged.bind(claimed);
  const cases = generateCases(own, config, 'scale_by', 12, 8, 5n);
  const answered = cases.map((c) => ({ case: c, outputs: computes(c) }));
  const references = answered.map((a) => referenceOutputs(own, config, a.case));
  return identifyDefect(tagged, own, config, answered, references, registry);
}

describe('defect identification', () => {
  it('names a registered released-code form and prints its defect', () => {
    const released = tagged.bind({ c: -2.75 });
    const d = backendAnswering({ c: 2.75 }, (c) => released.reference(config, c.inputs, c.shapes));
    expect(d.kind).toBe('match');
    if (d.kind !== 'match') return;
    expect(d.best.name).toBe('scale_by {"c":-2.75}');
    expect(d.best.source).toBe('variant');
    expect(d.best.params).toEqual({ c: -2.75 });
    expect(d.best.defect).toEqual({ id: 'scale-sign-dropped', title: 'the sign of the scale dropped' });
    expect(d.best.casesMatched).toBe(12);
    expect(d.best.maxDistance).toBe('0');
  });

  it('says "no match" with the three worst cases when nothing explains the outputs', () => {
    const d = backendAnswering({ c: 0.125 }, (c) => {
      const x = c.inputs['x']!;
      return { z: ringTensor(64, x.shape, chachaWords(deriveKey(rootKey(c.seed), 'noise'), x.data.length)) };
    });
    expect(d.kind).toBe('no match');
    if (d.kind !== 'no match') return;
    expect(d.candidatesTried).toBeGreaterThan(10);
    expect(d.worst).toHaveLength(3);
    const mag = d.worst.map((w) => (w.ulps < 0n ? -w.ulps : w.ulps));
    expect(mag[0]! >= mag[1]! && mag[1]! >= mag[2]!).toBe(true);
    expect(d.worst[0]!.inputs).toMatch(/^x = -?[0-9.e+-]+$/);
  });
});

describe('constant rewrite (the seam behind "swapped constants" and "encodes to zero")', () => {
  it('does nothing outside its scope and rewrites by position inside, restoring on exit', () => {
    expect(rewrittenConstant(0.2)).toBe(0.2);
    const seen: [number, number][] = [];
    const out = withConstantRewrite(
      (v, k) => {
        seen.push([v, k]);
        return k === 1 ? 0 : v;
      },
      () => [rewrittenConstant(2.2), rewrittenConstant(0.003), rewrittenConstant(3)],
    );
    expect(out).toEqual([2.2, 0, 3]);
    expect(seen).toEqual([
      [2.2, 0],
      [0.003, 1],
      [3, 2],
    ]);
    expect(rewrittenConstant(0.003)).toBe(0.003);
  });

  it("lists the constants a kernel's reference encodes, in order", () => {
    const p = REGISTRY.find((r) => r.id === 'inv_sqrt_nr')!.bind();
    const [c] = generateCases(p, config, 'inv_sqrt_nr', 1, 2, 1n);
    expect(constantsEncodedBy(() => p.reference(config, c!.inputs, c!.shapes)).slice(0, 5)).toEqual([
      0.2, 1, 2.2, 0.2, 3,
    ]);
  });
});
