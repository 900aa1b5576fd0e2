// The secrets the exhaustive mode enumerates (spec/privacy.ts): every clear input of one instance, all
// of Z_2^ℓ per element (0/1 for bit inputs), as one bit string s. What party i may know anyway — its own
// clear inputs, the public inputs, the ideal clear outputs delivered to it, what the spec declares it
// reveals — is the secret's class: views are compared only between secrets of one class.
import { sizeOf } from '../core/shape.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Shapes } from './instance-run.ts';
import { knowledgeOf } from './knowledge.ts';

export interface SecretInput {
  readonly name: string;
  readonly elements: number;
  /** Bits per element: ℓ, or 1 for a bit input. */
  readonly bits: number;
  /** Offset of its first element in the secret's bit string. */
  readonly offset: number;
}

export interface SecretSpace {
  readonly inputs: readonly SecretInput[];
  readonly bits: number;
  /** The clear inputs of secret s, each input's elements in order. */
  decode(s: number): Record<string, BigUint64Array>;
  /** The class of every secret (what the audited party may know), or undefined when nothing is known. */
  classes(): Int32Array | undefined;
  /** A secret, in words, for evidence. */
  describe(s: number): string;
}

export function secretSpace(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  shapes: Shapes,
): SecretSpace {
  let offset = 0;
  const inputs = protocol.inputs().map((d): SecretInput => {
    const input = {
      name: d.name,
      elements: sizeOf(shapes[d.name]!),
      bits: d.scale === 'bit' ? 1 : config.ell,
      offset,
    };
    offset += input.elements * input.bits;
    return input;
  });
  const decode = (s: number): Record<string, BigUint64Array> =>
    Object.fromEntries(
      inputs.map((x) => {
        const out = new BigUint64Array(x.elements);
        for (let t = 0; t < x.elements; t++)
          out[t] = BigInt(Math.floor(s / 2 ** (x.offset + t * x.bits)) % 2 ** x.bits);
        return [x.name, out];
      }),
    );
  const known = knownTo(protocol, config, party, shapes);
  return {
    inputs,
    bits: offset,
    decode,
    classes: () => {
      if (known === undefined) return undefined;
      const ids = new Map<string, number>();
      const out = new Int32Array(2 ** offset);
      for (let s = 0; s < out.length; s++) {
        const k = known(decode(s));
        let id = ids.get(k);
        if (id === undefined) ids.set(k, (id = ids.size));
        out[s] = id;
      }
      return out;
    },
    describe: (s) =>
      Object.entries(decode(s))
        .map(([k, v]) => `${k} = [${[...v].map((x) => BigInt.asIntN(config.ell, x).toString()).join(', ')}]`)
        .join(', '),
  };
}

/** What party i knows of the instance with these clear inputs, as a string (undefined: nothing). */
export function knownTo(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  shapes: Shapes,
): ((clear: Readonly<Record<string, BigUint64Array>>) => string) | undefined {
  const k = knowledgeOf(protocol, config, party, shapes);
  return k.inputs.length === 0 && !k.learns ? undefined : k.key;
}
