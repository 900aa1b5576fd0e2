// The coordinates the relation search relates (audit/relations/relation-search.ts), in the order its
// Howell form reads them:
//   hidden  — every random word of the run that party i does not see verbatim (dealer values, the other
//             parties' shares and tapes): relations that use one describe masked values (openings);
//   view    — every element of party i's view: inputs and input shares, tape draws, dealer material,
//             received messages; a bit word is one coordinate (its lowest lane, XOR relations there
//             appear with coefficient 2^(ℓ−1)), and its other lanes are coordinates of their own when
//             the budget allows;
//   secret  — every clear input element party i does not hold, and the products of two input elements
//             (x·y, x²) that involve one;
//   known   — the constant 1, party i's own and public input elements and their products, the clear
//             outputs delivered to it and what the spec says it reveals.
// The budget is a number of coordinates: when they do not all fit, the search keeps, in this order,
// the constant and the inputs, what party i knows, every received message, the rest of the view,
// products of elements at the same position, hidden draws, then products across positions and extra
// bit lanes — and says what it left out.
import { sizeOf } from '../../core/shape.ts';
import { position } from '../batch-layout.ts';
import type { BatchPlan, PlannedDraw } from '../batch-plan.ts';
import type { InstanceFill } from '../instance-tapes.ts';
import type { InstanceViews } from '../instance-views.ts';
import type { Knowledge } from '../knowledge.ts';

export type ColumnKind = 'hidden' | 'view' | 'secret' | 'known';

/** Where a coordinate's value comes from, per instance. */
export type Source =
  | { readonly from: 'view'; readonly item: number; readonly element: number; readonly lane?: number }
  | { readonly from: 'hidden'; readonly draw: PlannedDraw; readonly element: number }
  | { readonly from: 'input'; readonly input: string; readonly element: number }
  | { readonly from: 'product'; readonly a: InputElement; readonly b: InputElement }
  | { readonly from: 'known'; readonly name: string; readonly element: number }
  | { readonly from: 'one' };

export interface InputElement {
  readonly input: string;
  readonly element: number;
}

export interface Column {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly source: Source;
}

export interface ColumnChoice {
  /** In elimination order: hidden, view, secret, known. */
  readonly columns: readonly Column[];
  /** Coordinates left out to fit the budget, in words (empty: none). */
  readonly dropped: readonly string[];
}

const KIND_ORDER: readonly ColumnKind[] = ['hidden', 'view', 'secret', 'known'];

export function chooseColumns(
  plan: BatchPlan,
  knowledge: Knowledge,
  knownSizes: ReadonlyMap<string, number>,
  maxColumns: number,
): ColumnChoice {
  const inputs = plan.protocol.inputs();
  const held = new Set(knowledge.inputs);
  const elements: (InputElement & { readonly known: boolean })[] = inputs.flatMap((d) =>
    Array.from({ length: elementsOf(plan, d.name) }, (_, t) => ({
      input: d.name,
      element: t,
      known: held.has(d.name),
    })),
  );
  const tiers: { readonly what: string; readonly columns: Column[] }[] = [];
  const tier = (what: string, columns: Column[]): void => void tiers.push({ what, columns });

  tier('inputs and what the party knows', [
    { name: '1', kind: 'known', source: { from: 'one' } },
    ...elements.map((e): Column => ({
      name: `${e.input}[${e.element}]`,
      kind: e.known ? 'known' : 'secret',
      source: { from: 'input', input: e.input, element: e.element },
    })),
    ...[...knownSizes].flatMap(([name, n]) =>
      Array.from({ length: n }, (_, t): Column => ({
        name: `${name}[${t}]`,
        kind: 'known',
        source: { from: 'known', name, element: t },
      })),
    ),
  ]);
  const itemColumns = (pick: (role: string) => boolean): Column[] =>
    plan.items.flatMap((it, k) =>
      pick(it.role)
        ? Array.from({ length: it.perInstance }, (_, t): Column => ({
            name: `${it.name} [${t}]`,
            kind: 'view',
            source: { from: 'view', item: k, element: t },
          }))
        : [],
    );
  const laneColumns = (): Column[] =>
    plan.items.flatMap((it, k) =>
      it.bits === true && it.width > 1
        ? Array.from({ length: it.perInstance * (it.width - 1) }, (_, q): Column => {
            const t = Math.floor(q / (it.width - 1));
            const lane = 1 + (q % (it.width - 1));
            return {
              name: `${it.name} [${t}] lane ${lane}`,
              kind: 'view',
              source: { from: 'view', item: k, element: t, lane },
            };
          })
        : [],
    );
  tier(
    'received messages',
    itemColumns((r) => r === 'message'),
  );
  tier(
    'the rest of the view',
    itemColumns((r) => r !== 'message'),
  );
  const products = (same: boolean): Column[] => {
    const out: Column[] = [];
    for (let i = 0; i < elements.length; i++)
      for (let j = i; j < elements.length; j++) {
        const a = elements[i]!;
        const b = elements[j]!;
        if ((a.element === b.element) !== same) continue;
        out.push({
          name: i === j ? `${a.input}[${a.element}]²` : `${a.input}[${a.element}]·${b.input}[${b.element}]`,
          kind: a.known && b.known ? 'known' : 'secret',
          source: { from: 'product', a, b },
        });
      }
    return out;
  };
  tier('products of inputs at the same position', products(true));
  tier(
    'hidden draws',
    plan.draws
      .filter((d) => !d.raw)
      .flatMap((d) =>
        Array.from({ length: d.perInstance }, (_, t): Column => ({
          name: `hidden ${d.source}:${d.label}[${t}]`,
          kind: 'hidden',
          source: { from: 'hidden', draw: d, element: t },
        })),
      ),
  );
  tier('products of inputs at different positions', products(false));
  tier('bit lanes above the lowest', laneColumns());

  const kept: Column[] = [];
  const dropped: string[] = [];
  for (const t of tiers) {
    const room = Math.max(0, maxColumns - kept.length);
    kept.push(...t.columns.slice(0, room));
    if (t.columns.length > room) dropped.push(`${t.columns.length - room} of ${t.columns.length} ${t.what}`);
  }
  const columns = KIND_ORDER.flatMap((kind) => kept.filter((c) => c.kind === kind));
  return { columns, dropped };
}

const elementsOf = (plan: BatchPlan, input: string): number => sizeOf(plan.instanceShapes[input]!);

/** The values a sample set gives every column: one array of `samples.length` words per column. */
export function columnValues(
  columns: readonly Column[],
  plan: BatchPlan,
  views: InstanceViews,
  samples: readonly number[],
  secrets: Readonly<Record<string, BigUint64Array>>,
  known: ReadonlyMap<string, BigUint64Array>,
  fill: InstanceFill,
  first: number,
): BigUint64Array[] {
  const m = (1n << BigInt(plan.config.ell)) - 1n;
  const B = views.batch;
  const n = (input: string): number => elementsOf(plan, input);
  const hidden = new Map<string, BigUint64Array>();
  const hiddenWords = (d: PlannedDraw): BigUint64Array => {
    let w = hidden.get(d.id);
    if (w === undefined) {
      w = fill.draw({ source: d.source, label: d.label }, d.perInstance, d.bits, first, B);
      hidden.set(d.id, w);
    }
    return w;
  };
  const input = (e: InputElement, b: number): bigint => secrets[e.input]![b * n(e.input) + e.element]!;
  return columns.map((c) => {
    const out = new BigUint64Array(samples.length);
    const s = c.source;
    samples.forEach((b, i) => {
      let v: bigint;
      switch (s.from) {
        case 'one':
          v = 1n;
          break;
        case 'input':
          v = input(s, b);
          break;
        case 'product':
          v = input(s.a, b) * input(s.b, b);
          break;
        case 'known': {
          const data = known.get(s.name)!;
          v = data[b * (data.length / B) + s.element]!;
          break;
        }
        case 'hidden':
          v = hiddenWords(s.draw)[b * s.draw.perInstance + s.element]!;
          break;
        case 'view': {
          const it = plan.items[s.item]!;
          const w = views.data[s.item]![position(it.parts, s.element, b, B)]!;
          v = s.lane === undefined ? w : (w >> BigInt(s.lane)) & 1n;
          break;
        }
      }
      out[i] = v & m;
    });
    return out;
  });
}
