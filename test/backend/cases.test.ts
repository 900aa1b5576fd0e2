// Seeded cases for a backend (issue 17 §2): drawn from each spec's domain — edges, ordinary values,
// large values prone to share wrap, small ones — every input inside the domain, some cases in a tensor
// of one more axis, the same for the same seed and different for another.
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../backend/cases.ts';
import { findOutOfDomain } from '../../harness/execute.ts';
import { decodeByScale } from '../../harness/scale.ts';
import { REGISTRY } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

describe('backend cases', () => {
  for (const profile of ['crypten', 'default'])
    it(`${profile}: every input of every case of every op lies in its spec's domain`, () => {
      const config = resolveConfig(profile);
      for (const entry of REGISTRY)
        for (const params of [entry.defaults as Record<string, unknown>, ...entry.variants]) {
          const p = entry.bind(params);
          if (p.unsupported(config) !== undefined) continue;
          for (const c of generateCases(p, config, entry.id, 8, 8, 3n))
            expect(
              findOutOfDomain(p, config, c.shapes, c.inputs),
              `${c.id} ${JSON.stringify(params)}`,
            ).toEqual([]);
        }
    });

  it('the first case holds the domain edges; the large case the top of the magnitude; a case of rank 2', () => {
    const config = resolveConfig('crypten');
    const p = REGISTRY.find((r) => r.id === 'reciprocal_nr_pos')!.bind();
    const [edges, , large, reshaped] = generateCases(p, config, 'r', 4, 8, 3n);
    const d = p.domain(config, edges!.shapes)['x'] as { min: number; max: number };
    const x = (c: typeof edges) => Array.from(decodeByScale(c!.inputs['x']!, 'fixed', config));
    expect(x(edges).slice(0, 2)).toEqual([Math.trunc(d.min * 2 ** 16) / 2 ** 16, d.max]);
    expect(Math.min(...x(large))).toBeGreaterThanOrEqual(0.9 * d.max - 1e-4);
    expect(reshaped!.shapes['x']).toEqual([2, 4]);
    const mul = REGISTRY.find((r) => r.id === 'mul')!.bind();
    const again = generateCases(mul, config, 'mul', 2, 8, 3n);
    const other = generateCases(mul, config, 'mul', 2, 8, 4n);
    expect(again[1]!.inputs['x']!.data).toEqual(
      generateCases(mul, config, 'mul', 2, 8, 3n)[1]!.inputs['x']!.data,
    );
    expect(again[1]!.inputs['x']!.data).not.toEqual(other[1]!.inputs['x']!.data);
  });
});
