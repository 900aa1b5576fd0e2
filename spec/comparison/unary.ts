// One-input comparison specs (sign, abs, relu): x shared at fixed point, one output z, exact.
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import type { Config } from '../config.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { Cost, Domain, ProtocolSpec, Scale } from '../types.ts';
import { CRYPTEN_SOURCE, EXACT } from './common.ts';

export function unarySpec(
  id: string,
  title: string,
  outputScale: Scale,
  domain: (config: Config) => Domain,
  ideal: (x: number) => number,
  cost: (config: Config, elements: number) => Cost,
): ProtocolSpec<NoParams> {
  return {
    id,
    title,
    family: 'comparison',
    source: `docs/comparison.md; ${CRYPTEN_SOURCE} (MPCTensor.${id})`,
    params: NoParams,
    defaults: {},
    inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
    outputs: () => [{ name: 'z', delivery: 'shared', scale: outputScale }],
    shapes: (_p, size) => vectorShapes(['x'], size),
    outputShapes: (_p, shapes) => ({ z: elementwiseShape(id, shapes, ['x']) }),
    domain: (config) => ({ x: domain(config) }),
    ideal: (_p, inputs) => ({ z: inputs['x']!.map(ideal) }),
    cost: (config, _p, shapes) => cost(config, sizeOf(shapes['x']!)),
    bounds: () => EXACT,
  };
}
