// The GeLU variants of the four systems (ALGORITHMS.md §4–§6; docs/gelu.md), each as spec + reference +
// protocol: CrypTen's tanh and erf forms, MPCFormer's Quad, SecFormer's Fourier GeLU, PUMA's polynomials,
// ReLU and identity, and the per-token choice of PriViT and MPCViT+.
import { geluErfReference } from '../reference/gelu/erf.ts';
import { geluFourierReference } from '../reference/gelu/fourier.ts';
import { geluIdentityReference } from '../reference/gelu/identity.ts';
import { geluPumaReference } from '../reference/gelu/puma.ts';
import { geluQuadReference } from '../reference/gelu/quad.ts';
import { geluReluReference } from '../reference/gelu/relu.ts';
import { geluTanhReference } from '../reference/gelu/tanh.ts';
import { geluTokensReference } from '../reference/gelu/tokens.ts';
import { geluErfProtocol } from '../protocols/gelu/erf.ts';
import { geluFourierProtocol } from '../protocols/gelu/fourier.ts';
import { geluIdentityProtocol } from '../protocols/gelu/identity.ts';
import { geluPumaProtocol } from '../protocols/gelu/puma.ts';
import { geluQuadProtocol } from '../protocols/gelu/quad.ts';
import { geluReluProtocol } from '../protocols/gelu/relu.ts';
import { geluTanhProtocol } from '../protocols/gelu/tanh.ts';
import { geluTokensProtocol } from '../protocols/gelu/tokens.ts';
import { geluErfSpec } from '../spec/gelu/erf.ts';
import { geluFourierSpec } from '../spec/gelu/fourier.ts';
import { geluIdentitySpec } from '../spec/gelu/identity.ts';
import { geluPumaSpec } from '../spec/gelu/puma.ts';
import { geluQuadSpec } from '../spec/gelu/quad.ts';
import { geluReluSpec } from '../spec/gelu/relu.ts';
import { geluTanhSpec } from '../spec/gelu/tanh.ts';
import { geluTokensSpec } from '../spec/gelu/tokens.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const geluProtocols: readonly RegisteredProtocol[] = [
  register(geluTanhSpec, geluTanhReference, geluTanhProtocol),
  register(geluErfSpec, geluErfReference, geluErfProtocol),
  register(geluQuadSpec, geluQuadReference, geluQuadProtocol),
  register(geluFourierSpec, geluFourierReference, geluFourierProtocol),
  register(geluPumaSpec, geluPumaReference, geluPumaProtocol),
  register(geluReluSpec, geluReluReference, geluReluProtocol),
  register(geluIdentitySpec, geluIdentityReference, geluIdentityProtocol),
  register(geluTokensSpec, geluTokensReference, geluTokensProtocol),
];
