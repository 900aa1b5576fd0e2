// The audited party's views for a range of instances, run as the batch plan says (batch-plan.ts): one
// execution for the whole range, or one per instance assembled into the same layout. A run whose view
// has another structure than the plan's (messages or draws that change with the values) is refused:
// the audit needs a fixed schedule to compare views position by position.
import type { BatchPlan, PlannedItem } from './batch-plan.ts';
import { batchedShapes } from './batch-plan.ts';
import type { InstanceFill } from './instance-tapes.ts';
import { type SecretSource, runInstanceAlone, runInstanceBatch } from './instance-run.ts';
import { outOfReach } from './out-of-reach.ts';
import type { ViewItem } from './view-items.ts';

export interface InstanceViews {
  readonly batch: number;
  /** Per plan item, the words of all instances in the plan's layout. */
  readonly data: readonly BigUint64Array[];
}

function checkStructure(plan: BatchPlan, items: readonly ViewItem[], batch: number): void {
  const bad = (why: string): never => {
    throw outOfReach(
      `${plan.protocol.id}: party ${plan.party}'s view changes structure with the values (${why}); the audit compares views of a fixed message schedule`,
    );
  };
  if (items.length !== plan.items.length) bad(`${items.length} items instead of ${plan.items.length}`);
  items.forEach((it, k) => {
    const p: PlannedItem = plan.items[k]!;
    if (it.role !== p.role || it.width !== p.width || it.data.length !== p.perInstance * batch)
      bad(`item ${k} is ${it.name}, planned ${p.name}`);
    if (it.raw?.id !== p.rawId) bad(`item ${k} (${it.name}) is ${it.raw ? '' : 'not '}a raw draw`);
  });
}

export async function collectViews(
  plan: BatchPlan,
  fill: InstanceFill,
  secrets: SecretSource,
  first: number,
  batch: number,
): Promise<InstanceViews> {
  const setup = { protocol: plan.protocol, config: plan.config, party: plan.party, secrets, fill };
  if (plan.mode !== 'unbatched') {
    const shapes = batchedShapes(plan.instanceShapes, plan.mode, batch);
    const run = await runInstanceBatch({ ...setup, shapes, first, batch, drawLayout: plan.drawLayout });
    checkStructure(plan, run.items, batch);
    return { batch, data: run.items.map((i) => i.data) };
  }
  const data = plan.items.map((p) => new BigUint64Array(p.perInstance * batch));
  for (let b = 0; b < batch; b++) {
    const run = await runInstanceAlone(setup, plan.instanceShapes, first + b);
    checkStructure(plan, run.items, 1);
    run.items.forEach((it, k) => data[k]!.set(it.data, b * it.data.length));
  }
  return { batch, data };
}
