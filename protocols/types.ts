// A protocol: one async function run by every party, talking only through its context (DESIGN.md).
// It receives its shares (or cleartext, for inputs the spec says a party holds in the clear) and
// returns its output shares; public information (configuration, parameters, shapes) comes in `call`.
import { runtimeError } from '../core/errors.ts';
import type { RingTensor } from '../core/ring.ts';
import type { Shape } from '../core/shape.ts';
import type { PartyContext } from '../runtime/context.ts';
import type { Payload } from '../runtime/payload.ts';
import type { Config } from '../spec/config.ts';

export interface ProtocolCall<P> {
  readonly config: Config;
  readonly params: P;
  readonly shapes: Readonly<Record<string, Shape>>;
}

export type PartyInputs = Readonly<Record<string, Payload>>;
export type PartyOutputs = Record<string, Payload>;

export type Protocol<P> = (
  ctx: PartyContext,
  call: ProtocolCall<P>,
  inputs: PartyInputs,
) => Promise<PartyOutputs>;

/** The ring input `name` of this party, or a runtime error naming party and input. */
export function ringInput(ctx: PartyContext, inputs: PartyInputs, name: string, ell: number): RingTensor {
  const v = inputs[name];
  if (v === undefined) throw runtimeError(`party ${ctx.party}: missing input '${name}'`);
  if (v.kind !== 'ring' || v.ell !== ell)
    throw runtimeError(
      `party ${ctx.party}: input '${name}' must be a Z_2^${ell} tensor (an arithmetic share), got a ${v.kind === 'ring' ? `Z_2^${v.ell}` : 'boolean'} tensor`,
    );
  return v;
}
