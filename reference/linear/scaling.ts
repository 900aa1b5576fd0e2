// The scale steps of spec/linear/scaling.ts on clear values: each truncation the exact floor.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import { scaleSteps } from '../../spec/linear/scaling.ts';
import { mulConst, truncBits } from '../arithmetic/fixed-point.ts';

/** A raw product (scale 2^(2f)) back at scale 2^f, times the public factor c. */
export const scaleRaw = (config: Config, raw: RingTensor, c: number): RingTensor =>
  scaleSteps(config, c).reduce(
    (x, step) => (step.kind === 'trunc' ? truncBits(x, step.bits) : mulConst(config, x, step.c)),
    raw,
  );
