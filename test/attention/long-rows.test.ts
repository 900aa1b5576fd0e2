// The longest realistic rows (spec/attention/scores.ts ATTENTION_ROW_LENGTHS: 257 for MPCViT on
// Tiny-ImageNet, 512 for BERT at sequence length 512), which the generic properties leave out for their
// cost: every attention normaliser under its defaults and every variant, under each profile, on two rows
// of generated scores (drawn inside the spec's row condition, as `mpcspec run` draws them) — within its
// bounds and with the cost its spec states. A fixed row length other than these (ScaleAttn's N = 65)
// is not a run these parameters allow, and is left out.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../harness/case.ts';
import { executeCase } from '../../harness/execute.ts';
import { failuresOf } from '../../harness/summary.ts';
import { pointBoundsBeyondDomain } from '../../harness/point-bounds.ts';
import { attentionProtocols } from '../../registry/attention.ts';
import { ATTENTION_ROW_LENGTHS, PROPERTY_ROW_LENGTHS } from '../../spec/attention/scores.ts';

const LONG = ATTENTION_ROW_LENGTHS.filter((n) => !PROPERTY_ROW_LENGTHS.includes(n));

describe('attention normalisers on the longest realistic rows', () => {
  it('are the lengths the properties leave out', () => {
    expect(LONG).toEqual([257, 512]);
  });
  for (const registered of attentionProtocols)
    for (const params of [{}, ...registered.variants]) {
      const rows = registered.bind(params).rows!;
      const lengths = LONG.filter((n) => rows.fixedLength === undefined || rows.fixedLength === n);
      for (const n of lengths)
        it(`${registered.id} ${JSON.stringify(params)} at N = ${n}: within bounds, cost as stated`, async () => {
          for (const profile of ['crypten', 'spu', 'default']) {
            // a run on the in-memory network settles in microtasks alone: let the runner be answered
            await yieldToEventLoop();
            const c = buildCase({
              id: registered.id,
              params,
              profile,
              parties: 2,
              size: n,
              shape: rows.shapeOf?.(2, n) ?? [2, n],
              seed: BigInt(n),
            });
            const result = await executeCase(c);
            expect(failuresOf(result), profile).toEqual([]);
            expect(result.cost.measured, profile).toEqual(result.cost.spec);
            expect(pointBoundsBeyondDomain(result), profile).toEqual([]);
          }
        });
    }
});
