// The scale steps of spec/linear/scaling.ts on shares: secure truncations and a public constant, each
// under its own scope so no label repeats.
import type { RingTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { scaleSteps } from '../../spec/linear/scaling.ts';
import { mulConst, truncBits } from '../arithmetic/fixed-point.ts';

/** ⟨raw⟩ (scale 2^(2f)) back at scale 2^f, times the public factor c. */
export async function scaleRaw(
  ctx: PartyContext,
  config: Config,
  raw: RingTensor,
  c: number,
): Promise<RingTensor> {
  let x = raw;
  for (const [i, step] of scaleSteps(config, c).entries()) {
    const scoped = ctx.scope(`scale${i}`);
    x =
      step.kind === 'trunc'
        ? await truncBits(scoped, config, x, step.bits, i === 0)
        : await mulConst(scoped, config, x, step.c);
  }
  return x;
}
