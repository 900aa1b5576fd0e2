// What the committed vectors cover, checked from the files themselves (issue 15, "The docs must stand
// on their own"): every case compares more than one element (max, min and argmax rows of at least the
// spec's smallest meaningful instance), every group the generator plans is in the file or named in its
// header with the reason, and `expected.error` is what docs/vectors.md defines, recomputed here from the
// file's own outputs, reference and bounds — for invalid cases too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProtocol } from '../registry/index.ts';
import type { TestGroupJson, VectorFileJson } from './format/vector-file.ts';
import { DATA_DIR } from './paths.ts';

const files = readdirSync(DATA_DIR)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((name) => ({ name, v: JSON.parse(readFileSync(join(DATA_DIR, name), 'utf8')) as VectorFileJson }));

const elements = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** docs/vectors.md, `expected.error`, written out again from the text. */
function documentedError(
  group: TestGroupJson,
  output: string,
  reference: string,
): { maxUlps: string; wraps: number } {
  const values = (t: string): bigint[] =>
    t
      .slice(t.indexOf(':') + 1)
      .split(',')
      .map((h) => BigInt(`0x${h}`));
  const ell = BigInt(group.ell);
  const half = 1n << (ell - 1n);
  const ulps = BigInt(group.bounds.implementationUlps);
  const modulus = group.bounds.wrap === undefined ? undefined : BigInt(group.bounds.wrap.modulus);
  const out = values(output);
  const ref = values(reference);
  let maxUlps = 0n;
  let wraps = 0;
  out.forEach((o, i) => {
    let d = (o - ref[i]!) & ((1n << ell) - 1n);
    if (d >= half) d -= 1n << ell; // signed ℓ-bit difference
    const a = d < 0n ? -d : d;
    const wrap =
      modulus === 1n
        ? a >= 1n << BigInt(Math.ceil(group.ell / 2)) // garbage: far off the reference
        : modulus !== undefined &&
          [-1n, 0n, 1n].some((k) => {
            const rem = (((d % modulus) + modulus) % modulus) + k * modulus;
            return (rem < 0n ? -rem : rem) <= ulps;
          });
    if (a > ulps && wrap) wraps++;
    else if (a > maxUlps) maxUlps = a;
  });
  return { maxUlps: maxUlps.toString(), wraps };
}

describe('committed vectors: coverage', () => {
  it('every input of every group holds at least two elements (layouts over elements are visible)', () => {
    for (const { name, v } of files)
      for (const g of v.testGroups)
        for (const [input, shape] of Object.entries(g.shapes))
          expect(
            elements(shape),
            `${name} ${g.parties}p ℓ${g.ell} ${input} ${JSON.stringify(shape)}`,
          ).toBeGreaterThanOrEqual(2);
  });

  it('max, min and argmax compare: rows of at least two elements', () => {
    for (const { name, v } of files.filter((f) => ['max', 'min', 'argmax'].includes(f.v.algorithm)))
      for (const g of v.testGroups) expect(g.shapes['x']!.at(-1), name).toBeGreaterThanOrEqual(2);
  });

  it('every planned group is in the file or named in its header (3-party comparisons under crypten too)', () => {
    for (const { name, v } of files) {
      const planned = 3 + findProtocol(v.algorithm).variants.length; // 2p, 3p, 2p in Z_2^16, variants
      const named = v.header.filter((h) => / not (supported|generated) \(/.test(h)).length;
      expect(v.testGroups.length + named, `${name}: ${v.header.join(' | ')}`).toBe(planned);
      if (v.profile === 'crypten' && findProtocol(v.algorithm).family === 'comparison')
        expect(
          v.testGroups.some((g) => g.parties === 3) ||
            v.header.some((h) => h.startsWith('Group 3p: not supported')),
          name,
        ).toBe(true);
    }
  });

  it('expected.error is what docs/vectors.md defines, for every case', () => {
    for (const { name, v } of files)
      for (const g of v.testGroups)
        for (const t of g.tests)
          for (const [output, value] of Object.entries(t.expected.outputs))
            expect(t.expected.error[output], `${name} tcId ${t.tcId} (${t.result})`).toEqual(
              documentedError(g, value, t.expected.reference[output]!),
            );
  });
});
