// One GeLU variant, chosen by a parameter (spec/gelu/choice.ts), on clear values.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { GeluChoice } from '../../spec/gelu/choice.ts';
import { relu } from '../steps.ts';
import { geluErf } from './erf.ts';
import { geluFourier } from './fourier.ts';
import { geluPuma } from './puma.ts';
import { geluQuad } from './quad.ts';
import { geluTanh } from './tanh.ts';

export function geluChoice(c: Config, x: RingTensor, choice: GeluChoice): RingTensor {
  switch (choice.id) {
    case 'gelu_tanh':
      return geluTanh(c, x);
    case 'gelu_erf':
      return geluErf(c, x, choice.params);
    case 'gelu_quad':
      return geluQuad(c, x, choice.params);
    case 'gelu_fourier':
      return geluFourier(c, x, choice.params);
    case 'gelu_puma':
      return geluPuma(c, x, choice.params);
    case 'gelu_relu':
      return relu(x);
    case 'gelu_identity':
      return x;
  }
}
