// Row-wise specs (spec/rows/): for every registered protocol with rows, under its defaults and every
// variant, at every row length its properties try (and a few short ones), rows of every style of
// spec/rows/draw.ts satisfy the spec's own row condition — so generated cases are always inside the
// domain — and the witness rows its worst-case bound is derived over are inside too.
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../registry/index.ts';
import { resolveConfig } from '../spec/config.ts';
import { ROW_STYLES, rowValues, seededUniforms, witnessRows } from '../spec/rows/draw.ts';

const rowwise = REGISTRY.filter((r) => r.bind().rows !== undefined).flatMap((registered) =>
  [{}, ...registered.variants].map((params) => ({ registered, params })),
);

describe('row-wise specs', () => {
  it('exist in the registry', () => {
    expect(rowwise.length).toBeGreaterThan(0);
  });
  for (const { registered, params } of rowwise) {
    const p = registered.bind(params);
    const rows = p.rows!;
    const lengths = rows.fixedLength === undefined ? [1, 2, 5, ...rows.lengths] : [rows.fixedLength];
    it(`${registered.id} ${JSON.stringify(params)}: generated and witness rows satisfy the row condition`, () => {
      for (const profile of ['crypten', 'default'] as const) {
        const config = resolveConfig(profile);
        for (const n of lengths) {
          const d = p.domain(config, p.shapesFor(rows.shapeOf?.(1, n) ?? [1, n]))['x']!;
          if (d.kind !== 'real' || d.row === undefined) continue;
          const next = seededUniforms(`properties/rows/${registered.id}/${n}`);
          for (const style of ROW_STYLES)
            for (let k = 0; k < 6; k++)
              expect(d.row.check(rowValues(style, d, n, next)), `${profile} ${style} n=${n}`).toBeUndefined();
          for (const w of witnessRows(d, n))
            expect(d.row.check(w), `${profile} witness n=${n}`).toBeUndefined();
        }
      }
    });
  }
});
