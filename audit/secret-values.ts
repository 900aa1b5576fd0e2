// Clear input values the audit runs on (spec/types.ts Domain): an element at its domain's low or high
// edge, or uniform in the domain (a real domain's value is drawn uniformly in [min, max] and encoded
// in the input's scale; a ring domain's is a uniform ring element; a bit is 0 or 1), from seeded words.
import { encodeScalar } from '../core/fixed.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { ringMask } from '../core/ring.ts';
import { sizeOf } from '../core/shape.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Domain, InputDecl } from '../spec/types.ts';
import type { SecretSource, Shapes } from './instance-run.ts';

export function edgeValue(
  decl: InputDecl,
  domain: Domain | undefined,
  config: Config,
  high: boolean,
): bigint {
  if (decl.scale === 'bit') return high ? 1n : 0n;
  if (domain === undefined || domain.kind === 'ring') return high ? ringMask(config.ell) : 0n;
  const v = high ? domain.max : domain.min;
  const scaled = decl.scale === 'fixed' ? encodeScalar(v, config, decl.name) : BigInt(Math.round(v));
  return scaled & ringMask(config.ell);
}

/** A value uniform in the domain, from one uniform 64-bit word. */
export function uniformValue(
  decl: InputDecl,
  domain: Domain | undefined,
  config: Config,
  word: bigint,
): bigint {
  if (decl.scale === 'bit') return word & 1n;
  if (domain === undefined || domain.kind === 'ring') return word & ringMask(config.ell);
  const u = Number(word >> 11n) / 2 ** 53;
  const v = domain.min + u * (domain.max - domain.min);
  const scaled = decl.scale === 'fixed' ? encodeScalar(v, config, decl.name) : BigInt(Math.round(v));
  return scaled & ringMask(config.ell);
}

/** Instances whose every clear input element sits at its domain's low (or high) edge. */
export function edgeSecrets(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  high: boolean,
): SecretSource {
  const domains = protocol.domain(config, shapes);
  return (_first, batch) =>
    Object.fromEntries(
      protocol.inputs().map((d) => {
        const v = edgeValue(d, domains[d.name], config, high);
        return [d.name, new BigUint64Array(batch * sizeOf(shapes[d.name]!)).fill(v)];
      }),
    );
}

/** Instances whose every clear input is uniform in its domain, independently, from stream `label`. */
export function uniformSecrets(
  protocol: BoundProtocol,
  config: Config,
  shapes: Shapes,
  seed: bigint,
  label: string,
): SecretSource {
  const domains = protocol.domain(config, shapes);
  const root = deriveKey(rootKey(seed), `audit/${label}`);
  return (first, batch) =>
    Object.fromEntries(
      protocol.inputs().map((d) => {
        const n = sizeOf(shapes[d.name]!);
        const w = chachaWords(deriveKey(root, d.name), (first + batch) * n).subarray(first * n);
        return [d.name, w.map((x) => uniformValue(d, domains[d.name], config, x))];
      }),
    );
}
