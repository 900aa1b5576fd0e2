// What party i may know anyway (spec/privacy.ts): its own clear inputs and the public ones, the clear
// outputs delivered to it (the spec's reference values) and what the spec declares the protocol
// reveals to it. Every mode compares views only between secrets that agree on all of it.
import { type RingTensor, ringMask, ringTensor } from '../core/ring.ts';
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { Shapes } from './instance-run.ts';

export interface KnownValue {
  readonly name: string;
  readonly data: BigUint64Array;
}

export interface Knowledge {
  /** Inputs the party holds in the clear: its own and the public ones. */
  readonly inputs: readonly string[];
  /** Clear outputs delivered to the party. */
  readonly outputs: readonly string[];
  /** What the spec declares it reveals to the party, in words (undefined: nothing). */
  readonly reveals: string | undefined;
  /** Whether the party learns anything computed from the secrets (an output or a declared reveal). */
  readonly learns: boolean;
  /** Its known inputs, outputs and reveals for one instance's clear inputs. */
  values(clear: Readonly<Record<string, BigUint64Array>>): KnownValue[];
  /** The same, as one string: equal strings, equal knowledge. */
  key(clear: Readonly<Record<string, BigUint64Array>>): string;
}

export function knowledgeOf(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  shapes: Shapes,
): Knowledge {
  const inputs = protocol
    .inputs()
    .filter((d) => d.holder === 'public' || (d.holder === 'owner' && (d.owner ?? 0) === party))
    .map((d) => d.name);
  const outputs = protocol.receivers(config).includes(party)
    ? protocol
        .outputs()
        .filter((o) => o.delivery === 'clear')
        .map((o) => o.name)
    : [];
  const declared = protocol.privacy().reveals;
  const reveals = declared !== undefined && declared.to(config).includes(party) ? declared : undefined;
  const m = ringMask(config.ell);
  const values = (clear: Readonly<Record<string, BigUint64Array>>): KnownValue[] => {
    const out: KnownValue[] = inputs.map((n) => ({ name: n, data: clear[n]! }));
    if (outputs.length === 0 && reveals === undefined) return out;
    const tensors: Record<string, RingTensor> = Object.fromEntries(
      Object.entries(clear).map(([k, v]) => [
        k,
        ringTensor(
          config.ell,
          shapes[k]!,
          v.map((x) => x & m),
        ),
      ]),
    );
    if (outputs.length > 0) {
      const ref = protocol.reference(config, tensors, shapes);
      for (const o of outputs) out.push({ name: `output ${o}`, data: ref[o]!.data });
    }
    reveals
      ?.value(config, tensors, shapes)
      .forEach((t, k) => out.push({ name: `revealed ${k}`, data: t.data }));
    return out;
  };
  return {
    inputs,
    outputs,
    reveals: reveals?.what,
    learns: outputs.length > 0 || reveals !== undefined,
    values,
    key: (clear) =>
      values(clear)
        .map((v) => `${v.name}=${[...v.data].join(',')}`)
        .join(';'),
  };
}
