// The conformance pass (issue 2 §8, `npm start`): every registered protocol, under every profile, with
// 2 and 3 parties where the spec allows, on the built-in in-memory backend — one row per case. A spec's
// released-code forms (spec/types.ts `releasedDefects`) get rows of their own, expected to fail: such a
// row passes when its case fails the checks, and is an unexpected pass (a failure of the run) otherwise.
import { executeAndSummarize } from './summarized-run.ts';
import { MpcspecError, usageError } from '../core/errors.ts';
import { REGISTRY, findProtocol } from '../registry/index.ts';
import type { RegisteredDefect } from '../registry/entry.ts';
import { PROFILES, findProfile } from '../spec/profile.ts';
import { type ShapeRequest, buildCase } from './case.ts';
import { checkMemory } from './memory-estimate.ts';
import type { CaseSummary } from './summary.ts';
import type { WarmPools } from './tcp/warm-pools.ts';

export interface ConformanceOptions {
  readonly ids?: readonly string[];
  readonly profiles?: readonly string[];
  readonly parties?: readonly number[];
  readonly size: number;
  /** Shapes instead of `size` (harness/case.ts ShapeRequest). */
  readonly shape?: ShapeRequest;
  readonly seed: bigint;
  /** A case estimated to need more memory than this is an error row, not a run (memory-estimate.ts). */
  readonly maxMemoryBytes?: number;
  /** Run every case with one OS process per party, on these warm pools (default: in memory). */
  readonly tcp?: WarmPools;
}

interface RowKey {
  readonly id: string;
  readonly profile: string;
  readonly parties: number;
  /** Set on a released-code form's row: the case is expected to fail. */
  readonly defect?: RegisteredDefect;
}

export type ConformanceRow =
  | (RowKey & { readonly status: 'ran'; readonly summary: CaseSummary })
  | (RowKey & { readonly status: 'n/a' | 'error'; readonly reason: string });

export type ConformancePlanItem = RowKey;

/**
 * Every (id, profile, party count) of the selection, and its released-code forms; an unknown id or
 * profile or an empty list is a usage error here, before anything runs, so a selection can never
 * quietly match nothing.
 */
export function conformancePlan(o: ConformanceOptions): ConformancePlanItem[] {
  const ids = o.ids ?? REGISTRY.map((p) => p.id);
  const profiles = o.profiles ?? PROFILES.map((p) => p.name);
  const parties = o.parties ?? [2, 3];
  for (const [what, list] of [
    ['protocol ids', ids],
    ['profiles', profiles],
    ['party counts', parties],
  ] as const)
    if (list.length === 0) throw usageError(`conformance: no ${what} selected: nothing to check`);
  ids.forEach(findProtocol);
  profiles.forEach(findProfile);
  return ids.flatMap((id) => {
    const defects = REGISTRY.find((p) => p.id === id)?.releasedDefects ?? [];
    return profiles.flatMap((profile) =>
      parties.flatMap((n) => [
        { id, profile, parties: n },
        ...defects.map((defect) => ({ id, profile, parties: n, defect })),
      ]),
    );
  });
}

export async function runConformanceCase(
  item: ConformancePlanItem,
  o: ConformanceOptions,
): Promise<ConformanceRow> {
  let spec;
  // A released-code form runs on the shapes its defect shows on, unless the user asked for shapes.
  const shape = o.shape ?? item.defect?.shapes;
  try {
    spec = buildCase({
      id: item.id,
      ...(item.defect === undefined ? {} : { params: item.defect.params }),
      profile: item.profile,
      parties: item.parties,
      size: o.size,
      ...(shape === undefined ? {} : { shape }),
      seed: o.seed,
    });
  } catch (e) {
    // an unsupported configuration, or a shape or size this protocol cannot take
    if (e instanceof MpcspecError) return { ...item, status: 'n/a', reason: e.message };
    throw e;
  }
  try {
    await checkMemory(spec, o.maxMemoryBytes);
    const transport =
      o.tcp === undefined ? {} : { transport: 'tcp' as const, tcp: { pool: await o.tcp.get(item.parties) } };
    return { ...item, status: 'ran', summary: await executeAndSummarize({ ...spec, ...transport }) };
  } catch (e) {
    if (e instanceof MpcspecError) return { ...item, status: 'error', reason: e.message };
    throw e;
  }
}

/** A row passes when its case passed — or, for a released-code form, when its case failed as expected. */
export const rowPassed = (r: ConformanceRow): boolean =>
  r.status === 'n/a' || (r.status === 'ran' && r.summary.ok === (r.defect === undefined));
