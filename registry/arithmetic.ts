// The arithmetic family (issue 2 §6): sharing, opening, local linear ops, products and truncation.
import { identityReference } from '../reference/arithmetic/identity.ts';
import {
  addConstReference,
  addReference,
  mulConstReference,
  mulIntReference,
  negReference,
  subReference,
} from '../reference/arithmetic/linear.ts';
import { matmulReference, mulReference, squareReference } from '../reference/arithmetic/products.ts';
import { truncReference } from '../reference/arithmetic/trunc.ts';
import {
  addConstProtocol,
  addProtocol,
  mulConstProtocol,
  mulIntProtocol,
  negProtocol,
  subProtocol,
} from '../protocols/arithmetic/linear.ts';
import { matmulProtocol } from '../protocols/arithmetic/matmul.ts';
import { mulProtocol } from '../protocols/arithmetic/mul.ts';
import { reconstructProtocol } from '../protocols/arithmetic/reconstruct.ts';
import { shareProtocol } from '../protocols/arithmetic/share.ts';
import { squareProtocol } from '../protocols/arithmetic/square.ts';
import { truncProtocol } from '../protocols/arithmetic/trunc.ts';
import { addSpec, negSpec, subSpec } from '../spec/arithmetic/linear.ts';
import { matmulSpec } from '../spec/arithmetic/matmul.ts';
import { mulSpec } from '../spec/arithmetic/mul.ts';
import { addConstSpec, mulConstSpec, mulIntSpec } from '../spec/arithmetic/public-constant.ts';
import { reconstructSpec } from '../spec/arithmetic/reconstruct.ts';
import { shareSpec } from '../spec/arithmetic/share.ts';
import { squareSpec } from '../spec/arithmetic/square.ts';
import { truncSpec } from '../spec/arithmetic/trunc.ts';
import { type RegisteredProtocol, register } from './entry.ts';

export const arithmeticProtocols: readonly RegisteredProtocol[] = [
  register(shareSpec, identityReference, shareProtocol),
  register(reconstructSpec, identityReference, reconstructProtocol),
  register(addSpec, addReference, addProtocol),
  register(subSpec, subReference, subProtocol),
  register(negSpec, negReference, negProtocol),
  register(addConstSpec, addConstReference, addConstProtocol),
  register(mulConstSpec, mulConstReference, mulConstProtocol),
  register(mulIntSpec, mulIntReference, mulIntProtocol),
  register(mulSpec, mulReference, mulProtocol),
  register(squareSpec, squareReference, squareProtocol),
  register(matmulSpec, matmulReference, matmulProtocol),
  register(truncSpec, truncReference, truncProtocol),
];
