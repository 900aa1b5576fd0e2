// A reference: the protocol's fixed-point steps on cleartext ring values, deterministic (truncation is
// the exact floor). Protocol outputs are checked against it within the spec's implementation bound.
import type { RingTensor } from '../core/ring.ts';
import type { Shape } from '../core/shape.ts';
import type { Config } from '../spec/config.ts';

export type Reference<P> = (
  config: Config,
  params: P,
  inputs: Readonly<Record<string, RingTensor>>,
  shapes: Readonly<Record<string, Shape>>,
) => Record<string, RingTensor>;
