// gelu_tokens (spec/gelu/tokens.ts): the kept tokens — a mask, or a budget spread evenly — run the chosen
// variant, the others are the identity; the cost is the variant's on the kept rows' elements only.
import { describe, expect, it } from 'vitest';
import { encode } from '../../core/fixed.ts';
import { executeCase } from '../../harness/execute.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { keptTokens } from '../../spec/gelu/tokens.ts';

describe('which tokens keep the GeLU', () => {
  it('a mask keeps the rows marked 1', () => {
    expect(keptTokens({ mask: [1, 0, 0, 1, 1] }, 5)).toEqual([0, 3, 4]);
  });

  it.each([
    [0.5, 4, [1, 3]],
    [0.25, 8, [3, 7]],
    [0, 6, []],
    [1, 3, [0, 1, 2]],
    [0.3, 10, [3, 6, 9]],
  ])('a budget of %d over %i tokens keeps round(budget·N) rows, spread evenly: %j', (budget, rows, kept) => {
    expect(keptTokens({ budget }, rows)).toEqual(kept);
  });

  it('BERT-base, 128 tokens at budget 0.3: 38 rows, never two more than one apart in gap', () => {
    const kept = keptTokens({ budget: 0.3 }, 128);
    expect(kept).toHaveLength(38);
    const gaps = kept.slice(1).map((r, i) => r - kept[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });
});

describe('gelu_tokens runs', () => {
  const config = resolveConfig('default');
  const shapes = { x: [4, 6] };
  const xs = Array.from({ length: 24 }, (_, i) => -6 + i * 0.5);
  const run = (params: Record<string, unknown>) => {
    const protocol = findProtocol('gelu_tokens').bind(params);
    return executeCase({
      protocol,
      config,
      shapes,
      inputs: { x: encode(xs, shapes.x, config, 'x') },
      seed: 9n,
    });
  };

  it('the cost is the variant’s on the kept rows only', async () => {
    const r = await run({ gelu: { id: 'gelu_quad' }, tokens: { mask: [0, 1, 0, 0] } });
    expect(r.ok).toBe(true);
    const quad = findProtocol('gelu_quad').bind();
    expect(r.cost.measured).toEqual(quad.cost(config, { x: [6] }));
  });

  it('the other rows come out as they went in, share for share', async () => {
    const r = await run({ gelu: { id: 'gelu_puma' }, tokens: { mask: [1, 0, 1, 0] } });
    expect(r.ok).toBe(true);
    const z = r.outputs[0]!.decoded;
    for (const row of [1, 3]) for (let j = 0; j < 6; j++) expect(z[row * 6 + j]).toBe(xs[row * 6 + j]);
    expect(z[0]).not.toBe(xs[0]); // a kept row is the variant's (PUMA(−6) = 0)
  });

  it('no kept token: nothing sent, nothing dealt', async () => {
    const r = await run({ tokens: { budget: 0 } });
    expect(r.ok).toBe(true);
    expect(r.cost.measured.rounds).toBe(0);
    expect(r.cost.measured.bitsSent).toEqual([0, 0]);
    expect(r.cost.measured.offlineBits).toEqual([0, 0]);
  });
});
