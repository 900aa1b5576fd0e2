// The conformance pass (issue 2 §8, `npm start`): every registered protocol, under every profile, with
// 2 and 3 parties where the spec allows, on the built-in in-memory backend — one row per case.
import { executeAndSummarize } from './summarized-run.ts';
import { MpcspecError, usageError } from '../core/errors.ts';
import { REGISTRY, findProtocol } from '../registry/index.ts';
import { PROFILES, findProfile } from '../spec/profile.ts';
import { type ShapeRequest, buildCase, caseConfig } from './case.ts';
import { checkMemory } from './memory-estimate.ts';
import type { CaseSummary } from './summary.ts';

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
}

export type ConformanceRow =
  | {
      readonly status: 'ran';
      readonly id: string;
      readonly profile: string;
      readonly parties: number;
      readonly summary: CaseSummary;
    }
  | {
      readonly status: 'n/a' | 'error';
      readonly id: string;
      readonly profile: string;
      readonly parties: number;
      readonly reason: string;
    };

export interface ConformancePlanItem {
  readonly id: string;
  readonly profile: string;
  readonly parties: number;
}

/**
 * Every (id, profile, party count) of the selection; an unknown id or profile or an empty list is a usage
 * error here, before anything runs, so a selection can never quietly match nothing.
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
  return ids.flatMap((id) =>
    profiles.flatMap((profile) => parties.map((n) => ({ id, profile, parties: n }))),
  );
}

export async function runConformanceCase(
  item: ConformancePlanItem,
  o: ConformanceOptions,
): Promise<ConformanceRow> {
  const { id, profile, parties } = item;
  const why = findProtocol(id).bind().unsupported(caseConfig({ profile, parties }));
  if (why !== undefined) return { status: 'n/a', id, profile, parties, reason: why };
  let spec;
  try {
    spec = buildCase({
      id,
      profile,
      parties,
      size: o.size,
      ...(o.shape === undefined ? {} : { shape: o.shape }),
      seed: o.seed,
    });
  } catch (e) {
    // a shape or size this protocol cannot take (--shape is one shape for every protocol)
    if (e instanceof MpcspecError) return { status: 'n/a', id, profile, parties, reason: e.message };
    throw e;
  }
  try {
    await checkMemory(spec, o.maxMemoryBytes);
    return { status: 'ran', id, profile, parties, summary: await executeAndSummarize(spec) };
  } catch (e) {
    if (e instanceof MpcspecError) return { status: 'error', id, profile, parties, reason: e.message };
    throw e;
  }
}

export const rowPassed = (r: ConformanceRow): boolean =>
  r.status === 'n/a' || (r.status === 'ran' && r.summary.ok);
