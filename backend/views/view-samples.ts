// Another engine's views as samples for the audit (issue 17 §4): each view item an adapter reports for
// a batch of instances, split into its instances (instance-major, or along the axis the adapter names),
// collected per party over every answer; a view whose items change between runs is recorded as a
// change of structure (traffic shape), which the audit reports as a leak.
import { formatShape, sizeOf, type Shape } from '../../core/shape.ts';
import type { BackendCase } from '../cases.ts';
import type { ViewItem } from '../protocol/messages.ts';
import { wordsFromWire } from '../protocol/words.ts';
import type { CaseAnswer } from '../session.ts';

/** A view the adapter sent that cannot be read (missing, wrong lengths, words too wide). */
export class ViewProblem extends Error {}

/** One party's view items, one entry per item, each split into instances. */
export interface ItemSamples {
  readonly name: string;
  readonly role: ViewItem['role'];
  readonly width: number;
  readonly perInstance: number;
  readonly instances: BigUint64Array[];
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

export interface PartySamples {
  readonly items: ItemSamples[];
  /** How the view's structure changed between runs, if it did (traffic shape depends on the run). */
  structure?: string;
}

const describeItem = (it: { name: string; role: string; width: number; perInstance: number }): string =>
  `'${it.name}' (${it.role}, ${it.perInstance} words of ${it.width} bits)`;

/** Every party's items per answer, instances appended in request order (group after group). */
export function collectSamples(
  answers: readonly CaseAnswer[],
  requests: readonly { case: BackendCase; instances: number }[],
  parties: number,
  ell: number,
): PartySamples[] {
  const perParty: PartySamples[] = Array.from({ length: parties }, () => ({ items: [] }));
  answers.forEach((a, k) => {
    const where = `case ${a.case}`;
    if ('backendError' in a)
      throw new ViewProblem(`${where}: the backend reported an error: ${a.backendError}`);
    for (let p = 0; p < parties; p++) {
      const view = a.result.views?.find((v) => v.party === p);
      if (view === undefined)
        throw new ViewProblem(`${where}: views were asked for, but party ${p}'s view is missing`);
      const mine = perParty[p]!;
      const got = view.items.map((item) => {
        const instances = splitInstances(item, requests[k]!.instances, ell, where);
        return {
          name: item.name,
          role: item.role,
          width: item.width ?? ell,
          perInstance: instances[0]?.length ?? 0,
          instances,
        };
      });
      if (k === 0) {
        mine.items.push(...got);
        continue;
      }
      if (mine.structure !== undefined) continue;
      if (got.length !== mine.items.length) {
        mine.structure = `${where} has ${got.length} view items where the first run had ${mine.items.length}`;
        continue;
      }
      const i = got.findIndex((g, j) => describeItem(g) !== describeItem(mine.items[j]!));
      if (i >= 0) {
        mine.structure = `${where}'s view item ${i} is ${describeItem(got[i]!)} where the first run had ${describeItem(mine.items[i]!)}`;
        continue;
      }
      got.forEach((g, j) => mine.items[j]!.instances.push(...g.instances));
    }
  });
  return perParty;
}
