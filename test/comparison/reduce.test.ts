// max, min and argmax over the last axis (issue 3 §3, §5): every row length 1…9 (odd lengths pass an
// element through a level), ties anywhere in the row — the LOWEST index among equal values wins — and
// the domain's extreme values; expectations from a plain BigInt scan. An empty last axis is an input
// error naming the operand and its shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromIntegers, ringMask } from '../../core/ring.ts';
import { executeCase } from '../../harness/execute.ts';
import { argmax, max, min } from '../../protocols/comparison/reduce.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { arithmeticShares, run, signed, sumShares } from './helpers.ts';

type Op = 'max' | 'min' | 'argmax';

/** The first index holding the row's max (or min): a left-to-right scan with strict comparison. */
function scan(row: readonly bigint[], op: Op): { index: number; value: bigint } {
  let best = 0;
  for (let j = 1; j < row.length; j++) {
    const better = op === 'min' ? row[j]! < row[best]! : row[j]! > row[best]!;
    if (better) best = j;
  }
  return { index: best, value: row[best]! };
}

const rowsArb = (ell: number) => {
  const B = (1n << BigInt(Math.min(ell - 2, 52))) - 1n;
  // Few distinct values so that ties are common; the domain's extremes included.
  const value = fc.oneof(fc.constantFrom(-B, B, 0n, 1n, -1n), fc.bigInt({ min: -3n, max: 3n }));
  return fc
    .integer({ min: 1, max: 9 })
    .chain((k) => fc.array(fc.array(value, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 3 }));
};

describe('max / min / argmax', () => {
  for (const profile of ['crypten', 'default'] as const) {
    for (const ell of [8, 16, 64]) {
      it(`${profile}, ℓ = ${ell}: rows of length 1…9 with ties; lowest index wins`, async () => {
        const config = resolveConfig(profile, { ell });
        await fc.assert(
          fc.asyncProperty(rowsArb(ell), fc.constantFrom<Op>('max', 'min', 'argmax'), async (rows, op) => {
            const k = rows[0]!.length;
            const flat = rows.flat();
            const shares = arithmeticShares(ell, flat, 2).map((t) => ({ ...t, shape: [rows.length, k] }));
            const f = op === 'max' ? max : op === 'min' ? min : argmax;
            const res = await run(2, (ctx, p) => f(ctx, config, shares[p]!));
            const got = sumShares(ell, res.outputs).map((v) => signed(v, ell));
            const want = rows.map((r) => (op === 'argmax' ? BigInt(scan(r, op).index) : scan(r, op).value));
            expect(got).toEqual(want);
            expect(res.outputs[0]!.shape).toEqual([rows.length]);
          }),
          { numRuns: 15 },
        );
      });
    }
  }

  it('all-equal rows: argmax is 0; a single-element row costs nothing', async () => {
    for (const profile of ['crypten', 'default'] as const) {
      const config = resolveConfig(profile, { ell: 16 });
      const shares = arithmeticShares(16, [5n, 5n, 5n, 5n, 5n], 2).map((t) => ({ ...t, shape: [1, 5] }));
      const res = await run(2, (ctx, p) => argmax(ctx, config, shares[p]!));
      expect(sumShares(16, res.outputs)).toEqual([0n]);
      const one = arithmeticShares(16, [9n, 3n], 2).map((t) => ({ ...t, shape: [2, 1] }));
      const single = await run(2, (ctx, p) => max(ctx, config, one[p]!));
      expect(sumShares(16, single.outputs)).toEqual([9n, 3n]);
      expect(single.metrics.rounds).toBe(0);
    }
  });

  it('through the harness: ties at the domain edges, cost equal to the spec', async () => {
    const ell = 32;
    const B = (1n << 30n) - 1n;
    const row = [B, -B, B, 0n, -B, B, 1n];
    const x = fromIntegers(
      ell,
      [1, 7],
      row.map((v) => v & ringMask(ell)),
    );
    for (const profile of ['crypten', 'default'] as const) {
      for (const [id, want] of [
        ['max', B],
        ['min', -B],
        ['argmax', 0n],
      ] as const) {
        const r = await executeCase({
          protocol: findProtocol(id).bind(),
          config: resolveConfig(profile, { ell }),
          shapes: { x: [1, 7] },
          inputs: { x },
          seed: 3n,
        });
        expect(signed(r.outputs[0]!.protocol.data[0]!, ell), `${id} ${profile}`).toBe(want);
        expect(r.ok, `${id} ${profile}`).toBe(true);
      }
    }
  });

  it('an empty last axis is an input error naming the operand and its shape', async () => {
    const config = resolveConfig('default', { ell: 16 });
    const empty = { kind: 'ring' as const, ell: 16, shape: [3, 0], data: new BigUint64Array(0) };
    await expect(run(2, (ctx) => max(ctx, config, empty))).rejects.toThrow(
      /max: x of shape \[3, 0\] has an empty last axis to reduce over/,
    );
    expect(() =>
      findProtocol('argmax')
        .bind()
        .outputShapes({ x: [2, 0] }),
    ).toThrow(/argmax: x of shape \[2, 0\] has an empty last axis/);
    expect(() => findProtocol('min').bind().outputShapes({ x: [] })).toThrow(
      /min: x of shape \[\] has no axis/,
    );
  });
});
