// Reference of share and reconstruct: the value itself (sharing and opening change nothing).
import type { RingTensor } from '../../core/ring.ts';
import type { Reference } from '../types.ts';

export const identityReference: Reference<unknown> = (_c, _p, inputs) => ({ x: inputs['x'] as RingTensor });
