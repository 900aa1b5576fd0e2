// Seeds of generated cases (docs/vectors.md, "Seeds"): each case's seed is the first PRG word under a
// label naming the protocol, profile, group and case, so a case keeps its seed when other protocols,
// groups or cases are added:  seed = words(K(K₀(0), "vectors/v1/<id>/<profile>/<group>/<case>"), 1)[0].
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';

const VECTOR_ROOT = rootKey(0n);

export function caseSeed(...path: readonly (string | number)[]): bigint {
  return chachaWords(deriveKey(VECTOR_ROOT, ['vectors/v1', ...path].join('/')), 1)[0]!;
}

/** `count` uniform 64-bit words for input values, under the same naming. */
export function caseWords(count: number, ...path: readonly (string | number)[]): BigUint64Array {
  return chachaWords(deriveKey(VECTOR_ROOT, ['vectors/v1/inputs', ...path].join('/')), count);
}
