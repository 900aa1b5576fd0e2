// Finding how a protocol batches (issue 4: "the enumeration is the batch dimension"): a leading batch
// axis ([B, …shape]) or a scaled first axis ([B·d₀, …]), and for every group of draws (drawGroup: a
// dealer request, or one tape draw) in how many runs instance b's words are stacked across the batch
// (instance-tapes.ts DrawLayout) — a protocol that stacks several products or gates into one dealer
// request reads them as k runs while its element-major tables stay in one block. A candidate is
// accepted only when a batched run of a few instances reproduces, item by item, the views of the same
// instances run alone with the same randomness; that check also finds each view item's layout (a
// message that concatenates two tensors holds instance b at b and B + b, not at 2b, 2b + 1; its parts
// may differ in size, as N values per row next to one per row). Layouts are searched greedily, group by group in the order the probe drew them, keeping a choice when it
// moves the first mismatching item later: one batched run of a few instances per candidate.
import {
  type BatchMode,
  type PlannedItem,
  VERIFY_INSTANCES,
  batchedShapes,
  planned,
} from './batch-layout.ts';
import { type DrawLayouts, drawGroup } from './instance-tapes.ts';
import { edgeSecrets } from './secret-values.ts';
import {
  type BatchViews,
  type InstanceSetup,
  type Shapes,
  runInstanceAlone,
  runInstanceBatch,
} from './instance-run.ts';
import type { ViewItem } from './view-items.ts';

export interface Batching {
  readonly mode: Exclude<BatchMode, 'unbatched'>;
  readonly layouts: DrawLayouts;
  readonly items: PlannedItem[];
}

/** Same role, width, raw draw, length and (for messages) sender, label and round. */
export function sameStructure(
  x: ViewItem,
  p: {
    readonly role: string;
    readonly width: number;
    readonly rawId?: string;
    readonly message?: ViewItem['message'];
  },
  length: number,
): boolean {
  return (
    x.role === p.role &&
    x.width === p.width &&
    x.raw?.id === p.rawId &&
    x.data.length === length &&
    x.message?.from === p.message?.from &&
    x.message?.label === p.message?.label &&
    x.message?.round === p.message?.round
  );
}

function divisorsOf(n: number): number[] {
  const out: number[] = [];
  for (let s = n; s >= 1; s--) if (n % s === 0) out.push(s);
  return out;
}

/**
 * The parts under which the batched item holds every single-instance item, or undefined: from each
 * part's start, the longest run whose words sit, for every instance, at start·B + b·size (batch-layout.ts).
 */
function findParts(batched: ViewItem, alone: readonly ViewItem[]): number[] | undefined {
  const n = alone[0]!.data.length;
  const B = alone.length;
  if (batched.data.length !== n * B) return undefined;
  const parts: number[] = [];
  const fits = (start: number, size: number): boolean =>
    alone.every((one, b) => {
      for (let u = 0; u < size; u++)
        if (batched.data[start * B + b * size + u] !== one.data[start + u]) return false;
      return true;
    });
  for (let start = 0; start < n;) {
    let size = n - start;
    while (size > 0 && !fits(start, size)) size--;
    if (size === 0) return undefined;
    parts.push(size);
    start += size;
  }
  return parts;
}

interface Score {
  /** Items matched before the first mismatch (all of them when the batching fits). */
  readonly prefix: number;
  readonly items?: PlannedItem[];
}

async function score(
  setup: InstanceSetup,
  instance: Shapes,
  mode: Batching['mode'],
  layouts: DrawLayouts,
  probe: readonly ViewItem[],
  alone: readonly (readonly ViewItem[])[],
): Promise<Score> {
  const B = VERIFY_INSTANCES;
  let batched: ViewItem[];
  try {
    batched = (
      await runInstanceBatch({
        ...setup,
        shapes: batchedShapes(instance, mode, B),
        first: 0,
        batch: B,
        layouts,
      })
    ).items;
  } catch {
    return { prefix: -1 }; // this batching does not fit the protocol's shapes or semantics
  }
  const items: PlannedItem[] = [];
  for (let k = 0; k < probe.length; k++) {
    const p = probe[k]!;
    const b = batched[k];
    const parts =
      b !== undefined && sameStructure(b, planned(p, []), p.data.length * B)
        ? findParts(
            b,
            alone.map((a) => a[k]!),
          )
        : undefined;
    if (parts === undefined) return { prefix: k };
    items.push(planned(p, parts));
  }
  return batched.length === probe.length ? { prefix: probe.length, items } : { prefix: probe.length - 1 };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The groups whose layout matters (more than one word per instance), in the order the probe drew them,
 * each with its candidate chunk counts: the divisors of its draws' words per instance.
 */
function layoutGroups(probe: BatchViews): Map<string, number[]> {
  const words = new Map<string, number>();
  for (const e of probe.draws) {
    const g = drawGroup(e.key);
    words.set(g, gcd(words.get(g) ?? 0, e.perInstance));
  }
  return new Map(
    [...words]
      .filter(([, n]) => n > 1)
      .map(([g, n]) => [
        g,
        divisorsOf(n)
          .reverse()
          .filter((k) => k > 1),
      ]),
  );
}

export async function findBatching(
  setup: InstanceSetup,
  instance: Shapes,
  probe: BatchViews,
): Promise<Batching | undefined> {
  const asProbe = (one: readonly ViewItem[]): boolean =>
    one.length === probe.items.length &&
    one.every((x, k) => sameStructure(x, planned(probe.items[k]!, []), probe.items[k]!.data.length));
  const alone: ViewItem[][] = [];
  for (let b = 0; b < VERIFY_INSTANCES; b++) {
    const one = (await runInstanceAlone(setup, instance, b)).items;
    // a view whose structure changes with the values cannot be laid out once for a whole batch
    if (!asProbe(one)) return undefined;
    alone.push(one);
  }
  // nor can one whose structure changes at the domain's edges (a message count that depends on the
  // secret: a batch would send the messages of all its instances together, and hide it)
  for (const high of [false, true]) {
    const edge = { ...setup, secrets: edgeSecrets(setup.protocol, setup.config, instance, high) };
    if (!asProbe((await runInstanceAlone(edge, instance, 0)).items)) return undefined;
  }
  const groups = layoutGroups(probe);
  for (const mode of ['prepend', 'scale'] as const) {
    try {
      setup.protocol.outputShapes(batchedShapes(instance, mode, VERIFY_INSTANCES));
    } catch {
      continue;
    }
    const test = (l: DrawLayouts): Promise<Score> => score(setup, instance, mode, l, probe.items, alone);
    let best = { layouts: new Map<string, number>() as DrawLayouts, score: await test(new Map()) };
    if (best.score.items !== undefined) return { mode, layouts: best.layouts, items: best.score.items };
    if (best.score.prefix < 0) continue;
    for (const [g, candidates] of groups)
      for (const chunks of candidates) {
        const layouts = new Map(best.layouts).set(g, chunks);
        const s = await test(layouts);
        if (s.items !== undefined) return { mode, layouts, items: s.items };
        if (s.prefix > best.score.prefix) best = { layouts, score: s };
      }
  }
  return undefined;
}
