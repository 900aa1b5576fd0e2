// Running a batch of protocol instances (issue 4: "the enumeration as the batch dimension"): the harness
// shares each instance's clear inputs and every party runs once over the whole batch, its randomness
// served per instance by an InstanceFill. The audited party's input and dealer shares are fresh draws
// (another party gets value − Σ), so they can be conditioned on (view-items.ts).
import { type RingTensor, ringTensor } from '../core/ring.ts';
import type { Shape } from '../core/shape.ts';
import { partyInputs } from '../harness/party-inputs.ts';
import type { BoundProtocol } from '../registry/index.ts';
import { runParties } from '../runtime/run.ts';
import type { Config } from '../spec/config.ts';
import { type DrawEvent, type DrawLayouts, type InstanceFill, InstanceTapes } from './instance-tapes.ts';
import { type ViewItem, viewItems } from './view-items.ts';

export type Shapes = Readonly<Record<string, Shape>>;

/** Clear inputs of instances [first, first + batch), each input's instance values one after another. */
export type SecretSource = (first: number, batch: number) => Readonly<Record<string, BigUint64Array>>;

/** What stays fixed across the runs of one audit: the protocol, the audited party and the randomness. */
export interface InstanceSetup {
  readonly protocol: BoundProtocol;
  readonly config: Config;
  /** The audited party: its shares are the fresh draws. */
  readonly party: number;
  readonly secrets: SecretSource;
  readonly fill: InstanceFill;
}

export interface InstanceBatch extends InstanceSetup {
  /** The shapes of this run (a batch of instances). */
  readonly shapes: Shapes;
  readonly first: number;
  readonly batch: number;
  /** Where each draw puts instance b's words (default: every draw in block layout). */
  readonly layouts?: DrawLayouts;
}

/** The party that receives the derived share (value − Σ draws) when `party` is audited. */
export const derivedShareParty = (parties: number, party: number): number => (party + 1) % parties;

export interface BatchViews {
  /** The audited party's view. */
  readonly items: ViewItem[];
  /** Every random draw of the run (harness, dealer, every tape), in order. */
  readonly draws: readonly DrawEvent[];
}

export async function runInstanceBatch(b: InstanceBatch): Promise<BatchViews> {
  const { protocol, config, party } = b;
  const tapes = new InstanceTapes(b.fill, b.first, b.batch, b.layouts);
  const derived = derivedShareParty(config.parties, party);
  const values = b.secrets(b.first, b.batch);
  const clear: Record<string, RingTensor> = {};
  for (const d of protocol.inputs())
    clear[d.name] = ringTensor(config.ell, b.shapes[d.name]!, values[d.name]!);
  const inputs = partyInputs(protocol.inputs(), clear, config, 0n, {
    tape: tapes.harness(),
    derivedParty: derived,
  });
  const run = await runParties(
    { parties: config.parties, seed: 0n, inputs, tapes: tapes.factory, dealerDerivedParty: derived },
    (ctx, i) => protocol.run(ctx, config, b.shapes, inputs[i]!),
  );
  return { items: viewItems(run.views[party]!, tapes), draws: tapes.events };
}

/** Instance `b` run on its own, at the instance shapes (the reference a batched layout must match). */
export const runInstanceAlone = (
  setup: InstanceSetup,
  instanceShapes: Shapes,
  b: number,
): Promise<BatchViews> => runInstanceBatch({ ...setup, shapes: instanceShapes, first: b, batch: 1 });
