// A minimal spec around a catalogue protocol (issue 4 §4, issue 16 §7): the audit reads ids, inputs,
// outputs, shapes, domains, the reference (for outputs delivered in the clear) and the privacy
// declaration; cost, ideal and bounds are never consulted here.
import type { RingTensor } from '../../../core/ring.ts';
import { QUICK, auditViews } from '../../../audit/audit-views.ts';
import type { ModeName, ViewVerdict } from '../../../audit/verdict.ts';
import { resolveConfig } from '../../../spec/config.ts';
import { RING } from '../../../spec/domains.ts';
import { NoParams } from '../../../spec/codecs.ts';
import { free } from '../../../spec/cost.ts';
import type { InputDecl, OutputDecl, ProtocolSpec } from '../../../spec/types.ts';
import type { Protocol } from '../../../protocols/types.ts';
import { type BoundProtocol, register } from '../../../registry/entry.ts';

export interface CatalogueEntry {
  readonly protocol: BoundProtocol;
  /** The defect, in words (issue 4 §4, issue 16 §7). */
  readonly defect: string;
  /** The party count the entry runs with (default 2). */
  readonly parties?: number;
  /** For a defect: exactly the modes of the automatic audit that find it at the fixed seeds. */
  readonly caughtBy?: readonly ModeName[];
}

/** The clear outputs' values from the clear inputs (for outputs delivered in the clear). */
export type ClearReference = (inputs: Readonly<Record<string, RingTensor>>) => Record<string, RingTensor>;

export function catalogueProtocol(
  id: string,
  inputs: readonly InputDecl[],
  outputs: readonly OutputDecl[],
  run: Protocol<NoParams>,
  reference: ClearReference = () => ({}),
): BoundProtocol {
  const names = inputs.map((d) => d.name);
  const spec: ProtocolSpec<NoParams> = {
    id,
    title: `catalogue: ${id}`,
    family: 'test',
    source: 'test/privacy/leaky (issue 4 §4, issue 16 §7)',
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
  return register(spec, (_config, _p, clear) => reference(clear), run).bind();
}

/** The automatic audit of an entry at `npm start`'s budget, with its party count. */
export const auditEntry = (e: CatalogueEntry): Promise<ViewVerdict> =>
  auditViews(e.protocol, resolveConfig('default', { parties: e.parties ?? 2 }), QUICK);
