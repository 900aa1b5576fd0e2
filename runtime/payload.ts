// What a message or a preprocessing item carries: a ring tensor (ℓ bits an element) or a packed bit
// tensor (`width` bits an element). Its size in bits is what the cost accounting counts (DESIGN.md).
import type { BitTensor } from '../core/bits.ts';
import type { RingTensor } from '../core/ring.ts';
import { formatShape } from '../core/shape.ts';

export type Payload = RingTensor | BitTensor;

export const payloadBits = (p: Payload): number => p.data.length * (p.kind === 'ring' ? p.ell : p.width);

export const describePayload = (p: Payload): string =>
  p.kind === 'ring' ? `Z_2^${p.ell}${formatShape(p.shape)}` : `bits(${p.width})${formatShape(p.shape)}`;
