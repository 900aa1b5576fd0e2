// A minimal spec around a catalogue protocol (issue 4 §4): the audit reads ids, inputs, outputs, shapes,
// domains and the privacy declaration; cost, ideal and bounds are never consulted here.
import { RING } from '../../../spec/domains.ts';
import { NoParams } from '../../../spec/codecs.ts';
import { free } from '../../../spec/cost.ts';
import type { InputDecl, OutputDecl, ProtocolSpec } from '../../../spec/types.ts';
import type { Protocol } from '../../../protocols/types.ts';
import { type BoundProtocol, register } from '../../../registry/entry.ts';

export interface CatalogueEntry {
  readonly protocol: BoundProtocol;
  /** The defect, in words (issue 4 §4). */
  readonly defect: string;
}

export function catalogueProtocol(
  id: string,
  inputs: readonly InputDecl[],
  outputs: readonly OutputDecl[],
  run: Protocol<NoParams>,
): BoundProtocol {
  const names = inputs.map((d) => d.name);
  const spec: ProtocolSpec<NoParams> = {
    id,
    title: `catalogue: ${id}`,
    family: 'test',
    source: 'test/privacy/leaky (issue 4 §4)',
    params: NoParams,
    defaults: {},
    inputs: () => inputs,
    outputs: () => outputs,
    shapes: (_p, size) => Object.fromEntries(names.map((n) => [n, [size]])),
    outputShapes: (_p, shapes) => Object.fromEntries(outputs.map((o) => [o.name, shapes[names[0]!]!])),
    domain: () => Object.fromEntries(names.map((n) => [n, RING])),
    ideal: () => ({}),
    cost: (config) => free(config),
    bounds: () => ({ implementationUlps: 0, approximation: { abs: 0, rel: 0 } }),
  };
  return register(spec, () => ({}), run).bind();
}
