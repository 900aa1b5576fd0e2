// Another engine's views as view coordinates for the audit (issue 17 §4): each view item an adapter
// reports for a batch of instances is split into its instances (instance-major, or along the axis the
// adapter names), and every position of every item becomes a coordinate over all runs, group after
// group. The view's structure — which items, roles, widths and lengths — is its traffic shape: the
// first run's structure lays the coordinates out, and a run of another structure keeps zeros there and
// is told apart by traffic-shape numbers (message items, bits received, a fingerprint of the structure,
// a hash of its content), which the audit tests like any coordinate (audit/coordinates.ts).
import { type Coordinate, shapeCoordinates } from '../../audit/coordinates.ts';
import { fingerprint } from '../../audit/traffic-shape.ts';
import { formatShape, sizeOf, type Shape } from '../../core/shape.ts';
import type { ViewItem } from '../protocol/messages.ts';
import { wordsFromWire } from '../protocol/words.ts';
import type { CaseAnswer } from '../session.ts';

/** A view the adapter sent that cannot be read (missing, wrong lengths, words too wide). */
export class ViewProblem extends Error {}

/** One item of a view, per instance. */
interface ItemLayout {
  readonly name: string;
  readonly role: ViewItem['role'];
  readonly width: number;
  readonly perInstance: number;
}

/** One party's reported views over every run. */
export interface PartyViews {
  readonly coordinates: readonly Coordinate[];
  /** Per run: the fingerprint of its view's structure. */
  readonly fingerprint: Float64Array;
  /** Every structure seen, by fingerprint, in words (in full when runs differ, else its message traffic). */
  readonly structures: ReadonlyMap<number, string>;
  /** Runs whose structure differs from the first run's. */
  readonly deviants: number;
}

/** Instance b's words of an item reported for a batch of `batch` instances. */
function splitInstances(item: ViewItem, batch: number, ell: number, where: string): BigUint64Array[] {
  const width = item.width ?? ell;
  if (width > 64) throw new ViewProblem(`${where}: item '${item.name}' has width ${width} (at most 64)`);
  const w = wordsFromWire(item.words, width);
  if ('outOfRange' in w)
    throw new ViewProblem(`${where}: item '${item.name}' word ${w.outOfRange} does not fit ${width} bits`);
  const data = w.data;
  if (item.shape !== undefined) {
    const shape: Shape = item.shape;
    const axis = item.batchAxis ?? 0;
    if (sizeOf(shape) !== data.length || axis >= shape.length || shape[axis] !== batch)
      throw new ViewProblem(
        `${where}: item '${item.name}' has ${data.length} words, shape ${formatShape(shape)} and batch axis ${axis}; ${batch} instances expected along that axis`,
      );
    const outer = sizeOf(shape.slice(0, axis));
    const inner = sizeOf(shape.slice(axis + 1));
    return Array.from({ length: batch }, (_, b) => {
      const out = new BigUint64Array(outer * inner);
      for (let o = 0; o < outer; o++)
        out.set(data.subarray((o * batch + b) * inner, (o * batch + b + 1) * inner), o * inner);
      return out;
    });
  }
  if (data.length % batch !== 0)
    throw new ViewProblem(
      `${where}: item '${item.name}' has ${data.length} words, not a multiple of the ${batch} instances`,
    );
  const k = data.length / batch;
  return Array.from({ length: batch }, (_, b) => data.slice(b * k, (b + 1) * k));
}

const describeItem = (it: ItemLayout): string =>
  `'${it.name}' (${it.role}, ${it.perInstance} words of ${it.width} bits)`;

const messageItems = (layout: readonly ItemLayout[]): readonly ItemLayout[] =>
  layout.filter((it) => it.role === 'message');

/** A view's message traffic in words: "2 message items, 128 bits received". */
function describeTraffic(layout: readonly ItemLayout[]): string {
  const messages = messageItems(layout);
  const bits = messages.reduce((a, it) => a + it.perInstance * it.width, 0);
  return `${messages.length} message item${messages.length === 1 ? '' : 's'}, ${bits} bits received`;
}

/** The whole structure of a view in words: its traffic, then every item. */
const describeStructure = (layout: readonly ItemLayout[]): string =>
  `${describeTraffic(layout)}: ${layout.map(describeItem).join('; ')}`;

class PartyViewsBuilder {
  layout: ItemLayout[] | undefined;
  data: BigUint64Array[][] = [];
  readonly count: Float64Array;
  readonly bits: Float64Array;
  readonly fingerprint: Float64Array;
  readonly contentKey: Float64Array;
  readonly structures = new Map<number, string>();
  readonly traffic = new Map<number, string>();
  deviants = 0;

  constructor(private readonly total: number) {
    this.count = new Float64Array(total);
    this.bits = new Float64Array(total);
    this.fingerprint = new Float64Array(total);
    this.contentKey = new Float64Array(total);
  }

  /** The items of instances [offset, offset + instances.length) (each item's words per instance). */
  put(offset: number, layout: ItemLayout[], instances: readonly BigUint64Array[][]): void {
    const text = describeStructure(layout);
    const fp = fingerprint(text);
    this.structures.set(fp, text);
    this.traffic.set(fp, describeTraffic(layout));
    const messages = messageItems(layout);
    const bits = messages.reduce((a, it) => a + it.perInstance * it.width, 0);
    if (this.layout === undefined) {
      this.layout = layout;
      this.data = layout.map((it) =>
        Array.from({ length: it.perInstance }, () => new BigUint64Array(this.total)),
      );
    }
    const conforming = describeStructure(this.layout) === text;
    instances.forEach((items, b) => {
      const run = offset + b;
      this.count[run] = messages.length;
      this.bits[run] = bits;
      this.fingerprint[run] = fp;
      if (conforming) {
        layout.forEach((_, k) => items[k]!.forEach((w, t) => (this.data[k]![t]![run] = w)));
        return;
      }
      this.deviants += 1;
      this.contentKey[run] = fingerprint(items.map((ws) => ws.join(',')).join(';'));
    });
  }

  done(): PartyViews {
    const coordinates: Coordinate[] = (this.layout ?? []).flatMap((it, k) =>
      this.data[k]!.map((words, t) => ({
        name: `${it.name} [${t}]`,
        width: it.width,
        words,
        ...(it.role === 'message' ? { message: true } : {}),
      })),
    );
    coordinates.push(
      ...shapeCoordinates({
        'message items received': this.count,
        'bits received': this.bits,
        'view structure (items, roles, widths, lengths)': this.fingerprint,
        'another structure, content hash': this.contentKey,
      }),
    );
    return {
      coordinates,
      fingerprint: this.fingerprint,
      structures: this.structures.size > 1 ? this.structures : this.traffic,
      deviants: this.deviants,
    };
  }
}

/** Every party's reported views, runs appended in request order (group after group). */
export function collectViews(
  answers: readonly CaseAnswer[],
  instancesPerRequest: readonly number[],
  parties: number,
  ell: number,
): PartyViews[] {
  const total = instancesPerRequest.reduce((a, n) => a + n, 0);
  const builders = Array.from({ length: parties }, () => new PartyViewsBuilder(total));
  let offset = 0;
  answers.forEach((a, k) => {
    const where = `case ${a.case}`;
    if ('backendError' in a)
      throw new ViewProblem(`${where}: the backend reported an error: ${a.backendError}`);
    const batch = instancesPerRequest[k]!;
    for (let p = 0; p < parties; p++) {
      const view = a.result.views?.find((v) => v.party === p);
      if (view === undefined)
        throw new ViewProblem(`${where}: views were asked for, but party ${p}'s view is missing`);
      const split = view.items.map((item) => splitInstances(item, batch, ell, where));
      const layout = view.items.map((item, j) => ({
        name: item.name,
        role: item.role,
        width: item.width ?? ell,
        perInstance: split[j]![0]?.length ?? 0,
      }));
      builders[p]!.put(
        offset,
        layout,
        Array.from({ length: batch }, (_, b) => split.map((s) => s[b]!)),
      );
    }
    offset += batch;
  });
  return builders.map((b) => b.done());
}
