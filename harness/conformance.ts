// The conformance pass (issue 2 §8, `npm start`): every registered protocol, under every profile, with
// 2 and 3 parties where the spec allows, on the built-in in-memory backend — one row per case.
import { executeAndSummarize } from './summarized-run.ts';
import { MpcspecError } from '../core/errors.ts';
import { REGISTRY } from '../registry/index.ts';
import { PROFILES } from '../spec/profile.ts';
import { type ShapeRequest, buildCase } from './case.ts';
import type { CaseSummary } from './summary.ts';

export interface ConformanceOptions {
  readonly ids?: readonly string[];
  readonly profiles?: readonly string[];
  readonly parties?: readonly number[];
  readonly size: number;
  /** Shapes instead of `size` (harness/case.ts ShapeRequest). */
  readonly shape?: ShapeRequest;
  readonly seed: bigint;
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

export function conformancePlan(o: ConformanceOptions): ConformancePlanItem[] {
  const ids = o.ids ?? REGISTRY.map((p) => p.id);
  const profiles = o.profiles ?? PROFILES.map((p) => p.name);
  const parties = o.parties ?? [2, 3];
  return ids.flatMap((id) =>
    profiles.flatMap((profile) => parties.map((n) => ({ id, profile, parties: n }))),
  );
}

export async function runConformanceCase(
  item: ConformancePlanItem,
  o: ConformanceOptions,
): Promise<ConformanceRow> {
  const { id, profile, parties } = item;
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
    if (e instanceof MpcspecError) return { status: 'n/a', id, profile, parties, reason: e.message };
    throw e;
  }
  const why = spec.protocol.unsupported(spec.config);
  if (why !== undefined) return { status: 'n/a', id, profile, parties, reason: why };
  try {
    return { status: 'ran', id, profile, parties, summary: await executeAndSummarize(spec) };
  } catch (e) {
    if (e instanceof MpcspecError) return { status: 'error', id, profile, parties, reason: e.message };
    throw e;
  }
}

export const rowPassed = (r: ConformanceRow): boolean =>
  r.status === 'n/a' || (r.status === 'ran' && r.summary.ok);
