// lt, gt, le, ge, eq, sign, abs, relu and select on the values where comparisons go wrong: 0, ±1 ulp,
// ties, the domain's extremes, and (for the one-input ops) −2^(ℓ−1) and 2^(ℓ−1) − 1 — expectations
// from BigInt two's-complement arithmetic, never from the reference. Each case also passes the harness
// (protocol = reference = ideal, cost = spec).
import { describe, expect, it } from 'vitest';
import { type RingTensor, fromIntegers, ringMask } from '../../core/ring.ts';
import { type CaseResult, executeCase } from '../../harness/execute.ts';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { signed } from './helpers.ts';

const PROFILES = ['crypten', 'default'] as const;

async function runCase(
  id: string,
  profile: string,
  ell: number,
  inputs: Record<string, bigint[]>,
  allowOutOfDomain = false,
): Promise<{ result: CaseResult; out: bigint[] }> {
  const config = resolveConfig(profile, { ell });
  const n = Object.values(inputs)[0]!.length;
  const tensors: Record<string, RingTensor> = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, fromIntegers(ell, [n], v)]),
  );
  const shapes = Object.fromEntries(Object.keys(inputs).map((k) => [k, [n]]));
  const result = await executeCase({
    protocol: findProtocol(id).bind(),
    config,
    shapes,
    inputs: tensors,
    seed: 5n,
    ...(allowOutOfDomain ? { allowOutOfDomain } : {}),
  });
  return { result, out: Array.from(result.outputs[0]!.protocol.data) };
}

/** Pairs (x, y) around 0 and the domain's edge B = min(2^(ℓ−2) − 1, 2^52) ring units: ties and ±1 ulp. */
function comparisonPairs(ell: number): [bigint, bigint][] {
  const B = ell - 2 > 52 ? 1n << 52n : (1n << BigInt(ell - 2)) - 1n;
  return [
    [0n, 0n],
    [1n, 0n],
    [0n, 1n],
    [-1n, 0n],
    [0n, -1n],
    [-1n, -1n],
    [1n, -1n],
    [B, B],
    [B, B - 1n],
    [-B, -B + 1n],
    [-B, B],
    [B, -B],
    [-B, -B],
  ];
}

const twoOperand: Record<string, (x: bigint, y: bigint) => boolean> = {
  lt: (x, y) => x < y,
  gt: (x, y) => x > y,
  le: (x, y) => x <= y,
  ge: (x, y) => x >= y,
  eq: (x, y) => x === y,
};

describe('two-operand comparisons at ties, ±1 ulp and the domain edges', () => {
  for (const profile of PROFILES) {
    for (const ell of [8, 16, 32, 64]) {
      it(`${profile}, ℓ = ${ell}`, async () => {
        const pairs = comparisonPairs(ell);
        for (const [id, ideal] of Object.entries(twoOperand)) {
          const { result, out } = await runCase(id, profile, ell, {
            x: pairs.map(([x]) => x),
            y: pairs.map(([, y]) => y),
          });
          expect(out, id).toEqual(pairs.map(([x, y]) => (ideal(x, y) ? 1n : 0n)));
          expect(result.ok, id).toBe(true);
        }
      });
    }
  }

  it('eq is exact on the whole ring, including −2^(ℓ−1) and 2^(ℓ−1) − 1', async () => {
    for (const profile of PROFILES) {
      const ell = 16;
      const m = ringMask(ell);
      const half = 1n << 15n;
      const xs = [half, half - 1n, half, m, 0n];
      const ys = [half, half - 1n, half - 1n, 0n, m];
      const { result, out } = await runCase('eq', profile, ell, { x: xs, y: ys }, true);
      expect(out).toEqual([1n, 1n, 0n, 0n, 0n]);
      expect(result.outputs[0]!.implementation.ok).toBe(true);
    }
  });

  it('outside the domain lt reads the wrapped difference, as the spec says (and the reference agrees)', async () => {
    for (const profile of PROFILES) {
      const ell = 8;
      // x = 127 (2^(ℓ−1) − 1), y = −1: x − y = 128 wraps to −128, so lt says 1 although x > y.
      const { result, out } = await runCase('lt', profile, ell, { x: [127n], y: [-1n] }, true);
      expect(out).toEqual([1n]);
      expect(result.outputs[0]!.implementation.ok).toBe(true);
      expect(result.outOfDomain.length).toBeGreaterThan(0);
    }
  });
});

describe('one-input comparisons on the ring edges', () => {
  for (const profile of PROFILES) {
    for (const ell of [8, 16, 32, 64]) {
      it(`${profile}, ℓ = ${ell}: sign, relu on the whole ring; abs without −2^(ℓ−1)`, async () => {
        const m = ringMask(ell);
        const half = 1n << BigInt(ell - 1);
        const ring = [0n, 1n, m, half, half - 1n, 2n, m - 1n, half + 1n];
        const s = (v: bigint) => signed(v, ell);
        const sign = await runCase('sign', profile, ell, { x: ring });
        expect(sign.out.map(s)).toEqual(ring.map((v) => (s(v) < 0n ? -1n : 1n)));
        const relu = await runCase('relu', profile, ell, { x: ring });
        expect(relu.out.map(s)).toEqual(ring.map((v) => (s(v) < 0n ? 0n : s(v))));
        const noMin = ring.filter((v) => v !== half);
        const inDomain = ell === 64 ? noMin.filter((v) => v !== half - 1n && v !== half + 1n) : noMin;
        const abs = await runCase('abs', profile, ell, { x: inDomain });
        expect(abs.out.map(s)).toEqual(inDomain.map((v) => (s(v) < 0n ? -s(v) : s(v))));
        for (const r of [sign, relu, abs]) expect(r.result.ok).toBe(true);
      });
    }
  }

  it('abs(−2^(ℓ−1)) wraps to −2^(ℓ−1) (outside the domain), matching the reference', async () => {
    const { result, out } = await runCase('abs', 'default', 8, { x: [128n] }, true);
    expect(out).toEqual([128n]);
    expect(result.outputs[0]!.implementation.ok).toBe(true);
  });
});

describe('select', () => {
  for (const profile of PROFILES) {
    it(`${profile}: b ? x : y on ring edges, b both ways`, async () => {
      const ell = 32;
      const m = ringMask(ell);
      const half = 1n << 31n;
      const xs = [0n, m, half, half - 1n, 7n, 7n];
      const ys = [half, 1n, m, 0n, 7n, 9n];
      const bs = [1n, 0n, 1n, 0n, 1n, 0n];
      const { result, out } = await runCase('select', profile, ell, { b: bs, x: xs, y: ys });
      expect(out).toEqual(bs.map((b, i) => (b === 1n ? xs[i]! : ys[i]!)));
      expect(result.ok).toBe(true);
    });
  }
});
