// The repeated-value test (audit/stats/atoms.ts): it sees a point mass that KS, tail-run and bit tests
// miss, and its false-alarm rate on samples from one distribution stays at its nominal level, for
// distributions with no atoms, with a 1 % atom, with heavy atoms and with a small range (seeded trials).
import { describe, expect, it } from 'vitest';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { atomTest } from '../../audit/stats/atoms.ts';
import { ksTwoSampleSorted } from '../../audit/stats/ks.ts';
import { tailRunSorted } from '../../audit/stats/tail-run.ts';

/** n values: `atoms` maps a value to its probability; the rest uniform 64-bit words (or below `range`). */
function draw(
  label: string,
  n: number,
  atoms: readonly (readonly [bigint, number])[],
  range?: bigint,
): BigInt64Array {
  const w = chachaWords(deriveKey(rootKey(7n), label), 2 * n);
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    let u = Number(w[2 * i]! >> 11n) / 2 ** 53;
    let v: bigint | undefined;
    for (const [value, p] of atoms) {
      if (u < p) {
        v = value;
        break;
      }
      u -= p;
    }
    out[i] = v ?? BigInt.asIntN(64, range === undefined ? w[2 * i + 1]! : w[2 * i + 1]! % range);
  }
  return out.sort();
}

describe('repeated-value test', () => {
  it('sees a 1 % point mass at the secret that KS and tail-run do not (4000 runs per group)', () => {
    // masked value x + r with r = 0 a little too often: the atom sits at x, a different x per group
    const a = draw('a', 4000, [[11n, 0.01]]);
    const b = draw('b', 4000, [[-5n, 0.01]]);
    expect(atomTest(a, b)).toBeLessThan(1e-12);
    expect(ksTwoSampleSorted(a, b)).toBeGreaterThan(1e-3);
    expect(tailRunSorted(a, b)).toBeGreaterThan(1e-3);
  });

  it('finds nothing in samples without repeats', () => {
    expect(atomTest(draw('c', 2000, []), draw('d', 2000, []))).toBe(1);
  });

  const nulls: [string, readonly (readonly [bigint, number])[], bigint | undefined][] = [
    ['a 1 % atom', [[3n, 0.01]], undefined],
    [
      'heavy atoms (30 % and 10 %)',
      [
        [0n, 0.3],
        [1n, 0.1],
      ],
      undefined,
    ],
    ['a range of 256 values', [], 256n],
    ['a range of 4096 values (pairs and triples)', [], 4096n],
  ];
  for (const [name, atoms, range] of nulls)
    it(`false alarms at their nominal rate on one distribution: ${name} (2000 seeded trials of 400 vs 400)`, () => {
      const trials = 2000;
      let below1 = 0;
      let below01 = 0;
      for (let t = 0; t < trials; t++) {
        const p = atomTest(
          draw(`${name}/${t}/a`, 400, atoms, range),
          draw(`${name}/${t}/b`, 400, atoms, range),
        );
        if (p < 0.01) below1++;
        if (p < 0.001) below01++;
      }
      // nominal 1 % and 0.1 %; twice that, plus binomial slack (3 σ), is the bound
      expect(below1 / trials).toBeLessThan(0.02 + 3 * Math.sqrt(0.01 / trials));
      expect(below01 / trials).toBeLessThan(0.002 + 3 * Math.sqrt(0.001 / trials));
    });
});
