// Relation mode (issue 16 §1): exact Z_{2^ℓ}-linear relations between party i's view and the secrets.
// Views are collected with random secrets (uniform in the spec's domain) and fresh randomness; the
// relations that hold on every sample among the hidden draws, the view, the secrets with their products
// of two, and what the party knows (columns.ts) are the kernel of the sample matrix, computed in Howell
// form (howell.ts) with the coordinates in that order. Then:
//   • a relation that uses no hidden draw says the party computes Σ c·(secret terms) from its view; it is
//     a leak unless what the party knows determines the same secret terms (a relation among secrets and
//     known coordinates alone: e.g. an output it receives) — decided by reducing its secret part by the
//     Howell basis of those relations;
//   • a relation that uses hidden draws describes a masked value (x − a = view terms): its view part is
//     an opening, whose distribution the statistical mode tests (short, biased or point-mass masks);
//   • when every secret element is determined by what the party knows, nothing is hidden (trivial).
// Samples: N = coordinates + 64, so a relation that holds on all of them by chance needs the samples to
// miss a direction of the view's span; every leak is checked again on 64 fresh samples before it is
// reported (a relation that fails there is discarded and the search is rerun with twice the samples).
// Cost: O(C²·(N + C)) word operations for C coordinates, whatever ℓ — sized by coordinates, not by 2^ℓ.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import type { BatchPlan } from '../batch-plan.ts';
import { collectViews } from '../instance-views.ts';
import { type Knowledge, knowledgeOf } from '../knowledge.ts';
import { outOfReach } from '../out-of-reach.ts';
import { PrgFill } from '../prg-fill.ts';
import { uniformSecrets } from '../secret-values.ts';
import type { RelationEvidence } from '../verdict.ts';
import { type Column, chooseColumns, columnValues } from './columns.ts';
import { type HowellRow, kernel, reduce } from './howell.ts';
import { relationText } from './relation-text.ts';
import { valuation } from './ring-arith.ts';

export interface RelationOptions {
  readonly seed: bigint;
  /** Coordinates at most (the cost grows as their cube). */
  readonly maxColumns: number;
}

/** A masked value the party sees: Σ coefficient·(view coordinate), per instance. */
export interface Opening {
  readonly name: string;
  readonly terms: readonly {
    readonly item: number;
    readonly element: number;
    readonly lane?: number;
    readonly coefficient: bigint;
  }[];
}

export interface RelationResult {
  readonly status: 'passed' | 'leak' | 'trivial';
  readonly evidence: RelationEvidence;
  readonly openings: readonly Opening[];
  readonly coverage: string;
}

const MARGIN = 64;
const VERIFY = 64;

/** An independent seed per use of the audit seed. */
const derivedSeed = (seed: bigint, use: string): bigint =>
  chachaWords(deriveKey(rootKey(seed), `audit/${use}`), 1)[0]!;

interface Samples {
  readonly values: BigUint64Array[];
  readonly used: number;
  readonly otherShape: number;
}

/**
 * The columns' values on `wanted` instances whose view has the plan's traffic shape (collecting more when
 * some do not). Relations are read on views of one shape: the party sees the shape, and the other modes
 * compare shapes. Throws OutOfReach when fewer than `wanted` have it after three tries.
 */
async function sampleColumns(
  plan: BatchPlan,
  knowledge: Knowledge,
  columns: readonly Column[],
  seed: bigint,
  wanted: number,
): Promise<Samples> {
  let count = wanted;
  for (let attempt = 0; ; attempt++) {
    const fill = new PrgFill(seed, count);
    const secrets = uniformSecrets(plan.protocol, plan.config, plan.instanceShapes, seed, 'relation');
    const views = await collectViews(plan, fill, secrets, 0, count);
    const samples = Array.from({ length: count }, (_, b) => b).filter((b) => views.deviant[b] === 0);
    if (samples.length >= wanted) {
      const clear = secrets(0, count);
      const known = knownValues(plan, knowledge, clear, count);
      return {
        values: columnValues(columns, plan, views, samples.slice(0, wanted), clear, known, fill, 0),
        used: wanted,
        otherShape: count - samples.length,
      };
    }
    if (attempt === 2)
      throw outOfReach(
        `${plan.protocol.id}: party ${plan.party}'s traffic shape differs from the plan's in ${count - samples.length} of ${count} samples; the relation search needs ${wanted} views of one shape (the other modes compare shapes)`,
      );
    count = Math.ceil((count * wanted * 1.5) / Math.max(1, samples.length));
  }
}

/** Outputs and reveals the party knows, per instance, concatenated (inputs are columns of their own). */
function knownValues(
  plan: BatchPlan,
  knowledge: Knowledge,
  clear: Readonly<Record<string, BigUint64Array>>,
  count: number,
): Map<string, BigUint64Array> {
  const out = new Map<string, BigUint64Array>();
  if (!knowledge.learns) return out;
  const sizes = plan.protocol.inputs().map((d) => [d.name, clear[d.name]!.length / count] as const);
  for (let b = 0; b < count; b++) {
    const one = Object.fromEntries(sizes.map(([n, k]) => [n, clear[n]!.subarray(b * k, (b + 1) * k)]));
    for (const v of knowledge.values(one)) {
      if (knowledge.inputs.includes(v.name)) continue;
      let data = out.get(v.name);
      if (data === undefined) out.set(v.name, (data = new BigUint64Array(v.data.length * count)));
      data.set(v.data, b * v.data.length);
    }
  }
  return out;
}

function holds(row: ArrayLike<bigint>, values: readonly BigUint64Array[], ell: number): boolean {
  const m = (1n << BigInt(ell)) - 1n;
  const n = values[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    let s = 0n;
    for (let j = 0; j < values.length; j++) if (row[j] !== 0n) s += row[j]! * values[j]![i]!;
    if ((s & m) !== 0n) return false;
  }
  return true;
}

export async function auditRelations(plan: BatchPlan, options: RelationOptions): Promise<RelationResult> {
  const { ell } = plan.config;
  const knowledge = knowledgeOf(plan.protocol, plan.config, plan.party, plan.instanceShapes);
  const probe = knowledge.values(
    uniformSecrets(plan.protocol, plan.config, plan.instanceShapes, 0n, 'probe')(0, 1),
  );
  const knownSizes = new Map(
    probe.filter((v) => !knowledge.inputs.includes(v.name)).map((v) => [v.name, v.data.length] as const),
  );
  const { columns, dropped } = chooseColumns(plan, knowledge, knownSizes, options.maxColumns);
  const range = (kind: Column['kind']): [number, number] => {
    const first = columns.findIndex((c) => c.kind === kind);
    return [first, first < 0 ? -1 : first + columns.filter((c) => c.kind === kind).length];
  };
  const [s0, s1] = range('secret');
  const [v0, v1] = range('view');
  const [h0, h1] = range('hidden');
  const count = (kind: Column['kind']): number => columns.filter((c) => c.kind === kind).length;
  const coverageCols = `${count('view')} view + ${count('hidden')} hidden + ${count('secret')} secret + ${count('known')} known coordinates`;

  let samples = columns.length + MARGIN;
  for (let attempt = 0; ; attempt++) {
    const main = await sampleColumns(
      plan,
      knowledge,
      columns,
      derivedSeed(options.seed, `relation/${attempt}`),
      samples,
    );
    await yieldToEventLoop();
    const basis = kernel(main.values, ell);
    const inSecret = (h: HowellRow): boolean => s0 >= 0 && h.pivot >= s0 && h.pivot < s1;
    const sBasis = basis.filter(inSecret);
    const secretPart = (row: BigUint64Array): boolean =>
      s0 >= 0 && row.subarray(s0, s1).some((x) => x !== 0n);
    const leaks = basis
      .filter((h) => v0 >= 0 && h.pivot >= v0 && h.pivot < v1)
      .map((h) => reduce(h.row, sBasis, ell))
      .filter(secretPart);
    const verify =
      leaks.length === 0
        ? undefined
        : await sampleColumns(
            plan,
            knowledge,
            columns,
            derivedSeed(options.seed, `relation/verify/${attempt}`),
            VERIFY,
          );
    const confirmed = verify === undefined ? [] : leaks.filter((r) => holds(r, verify.values, ell));
    if (confirmed.length < leaks.length && attempt === 0) {
      samples *= 2; // a relation the fresh samples break was an accident of the sample: look again with more
      continue;
    }
    const openings = basis
      .filter((h) => h0 >= 0 && h.pivot >= h0 && h.pivot < h1 && secretPart(h.row))
      .map((h, k) => opening(h.row, columns, v0, v1, k, ell))
      .filter((o) => o.terms.length > 0);
    const unknown = columns.flatMap((c, j) => (c.kind === 'secret' && c.source.from === 'input' ? [j] : []));
    const knowsAll =
      confirmed.length === 0 &&
      unknown.every((j) => {
        const e = new BigUint64Array(columns.length);
        e[j] = 1n;
        return !secretPart(reduce(e, sBasis, ell));
      });
    const identities = basis.filter((h) => s0 >= 0 && h.pivot >= s0);
    const shown =
      confirmed[0] === undefined
        ? undefined
        : relationText(simplest(confirmed[0], identities, columns, ell), columns, ell);
    const evidence: RelationEvidence = {
      mode: 'relation',
      ell,
      instanceSize: plan.instanceSize,
      batching: plan.mode,
      samples: main.used,
      verification: verify?.used ?? 0,
      otherShape: main.otherShape,
      columns: {
        hidden: count('hidden'),
        view: count('view'),
        secret: count('secret'),
        known: count('known'),
      },
      dropped,
      relations: basis.length,
      openings: openings.length,
      ...(shown === undefined
        ? {}
        : {
            leak: {
              relation: shown.text,
              secret: shown.secret,
              terms: shown.terms,
              more: confirmed.length - 1,
            },
          }),
      ...(knowsAll ? { note: 'what the party knows determines every secret element' } : {}),
    };
    const coverage = `ℓ ${ell}, ${plan.instanceSize}-element instances, ${coverageCols}${dropped.length > 0 ? ` (left out: ${dropped.join('; ')})` : ''}, ${main.used} samples`;
    return {
      status: shown !== undefined ? 'leak' : knowsAll ? 'trivial' : 'passed',
      evidence,
      openings,
      coverage,
    };
  }
}

/** Terms, then products, then coefficient bits: what makes a relation harder to read. */
function readingCost(row: BigUint64Array, columns: readonly Column[], ell: number): number {
  let cost = 0;
  for (let j = 0; j < row.length; j++) {
    if (row[j] === 0n) continue;
    const x = BigInt.asIntN(ell, row[j]!);
    cost += 1000 + (columns[j]!.source.from === 'product' ? 100 : 0) + (x < 0n ? -x : x).toString(2).length;
  }
  return cost;
}

/**
 * The same relation written with fewer and smaller terms: adding ± an identity among secrets and known
 * coordinates (e.g. 2^(ℓ−1)·(x² − x) = 0, since x² ≡ x mod 2) changes how it reads, not what it says.
 */
function simplest(
  row: BigUint64Array,
  identities: readonly HowellRow[],
  columns: readonly Column[],
  ell: number,
): BigUint64Array {
  const m = (1n << BigInt(ell)) - 1n;
  let best = row;
  let cost = readingCost(row, columns, ell);
  for (let pass = 0; pass < 2; pass++)
    for (const id of identities)
      for (const k of [1n, m]) {
        const next = best.map((x, j) => (x + k * id.row[j]!) & m);
        const c = readingCost(next, columns, ell);
        if (c < cost) {
          best = next;
          cost = c;
        }
      }
  // the first secret term positive on the right-hand side (multiplying by −1 changes nothing it says)
  const lead = best.find((x, j) => x !== 0n && columns[j]!.kind === 'secret');
  return lead !== undefined && BigInt.asIntN(ell, lead) > 0n ? best.map((x) => (m + 1n - x) & m) : best;
}

/**
 * The view side of a relation with hidden draws, as a projection. A common power of two is divided out:
 * a mask r taken from the low bits of a draw d gives only 2^k·(view side) = 2^k·(x + d), and the test
 * must see the whole masked value x + r, whose high bits show a short mask.
 */
function opening(
  row: BigUint64Array,
  columns: readonly Column[],
  v0: number,
  v1: number,
  k: number,
  ell: number,
): Opening {
  const picked: { j: number; c: bigint }[] = [];
  let g = 64;
  for (let j = v0; j < v1; j++) {
    const c = row[j]!;
    if (c === 0n || columns[j]!.source.from !== 'view') continue;
    picked.push({ j, c });
    g = Math.min(g, valuation(c));
  }
  const terms = picked.map(({ j, c }) => {
    const s = columns[j]!.source as Extract<Column['source'], { from: 'view' }>;
    return {
      item: s.item,
      element: s.element,
      ...(s.lane === undefined ? {} : { lane: s.lane }),
      // the quotient is defined mod 2^(ℓ−g): take the lift of smallest magnitude (−8 / 8 = −1, not 2^61 − 1)
      coefficient: BigInt.asUintN(ell, BigInt.asIntN(ell, c) >> BigInt(g)),
    };
  });
  const names = picked.map(({ j }) => columns[j]!.name);
  return {
    name: `masked value ${k} (${names.length} terms: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`,
    terms,
  };
}
