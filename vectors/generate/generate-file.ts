// One vector file: a registered protocol under one profile (issue 5 §3). Groups follow GROUP_PLANS;
// a plan the protocol does not support is left out with a header line saying why. Test ids are assigned
// here, in order, 1…N; the notes explain exactly the flags the file uses.
import { MpcspecError } from '../../core/errors.ts';
import type { RegisteredProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';
import { findProfile } from '../../spec/profile.ts';
import { type Flag, NOTES, Flag as FlagCodec } from '../format/flags.ts';
import { canonicalJson } from '../format/canonical.ts';
import { SCHEMA_NAME, type TestGroupJson, type VectorFileJson } from '../format/vector-file.ts';
import { type DraftCase, groupCases } from './cases.ts';
import { type GroupPlan, INVALID_CASES_PROFILE, caseShapes, groupPlans } from './plan.ts';
import { groupHeader } from './record.ts';

export const GENERATOR_VERSION = 'mpcspec-vectors 1';

/** Bytes of test records a file may hold beyond its always-kept cases (a few MB in all). */
const FILE_BUDGET = 20 * 1024;

/** Keep cases by rank (then group order) while the budget lasts; rank 0 is always kept. */
function withinBudget(groups: readonly (readonly DraftCase[])[]): Set<DraftCase> {
  const all = groups.flatMap((cases, g) => cases.map((c, i) => ({ c, g, i, size: canonicalJson(c).length })));
  all.sort((a, b) => a.c.rank - b.c.rank || a.g - b.g || a.i - b.i);
  const keep = new Set<DraftCase>();
  let used = 0;
  for (const { c, size } of all) {
    if (c.rank === 0) {
      keep.add(c);
      continue;
    }
    if (used + size > FILE_BUDGET) continue;
    keep.add(c);
    used += size;
  }
  return keep;
}

/** A group in words, for header lines: parties, ring, and parameters other than the defaults. */
const describeGroup = (g: Omit<TestGroupJson, 'tests'>): string =>
  `${g.parties} parties, ℓ ${g.ell}, params ${JSON.stringify(g.params)}`;

export const vectorFileName = (id: string, profile: string): string => `${id}.${profile}.json`;

export interface GeneratedFile {
  readonly name: string;
  readonly file: VectorFileJson;
  readonly problems: readonly string[];
}

interface PlannedGroup {
  readonly group?: Omit<TestGroupJson, 'tests'> & { readonly drafts: DraftCase[] };
  readonly skipped?: string;
  readonly problems: readonly string[];
}

async function planGroup(reg: RegisteredProtocol, profile: string, plan: GroupPlan): Promise<PlannedGroup> {
  const where = `${reg.id}/${profile}/${plan.key}`;
  try {
    const config = resolveConfig(profile, {
      parties: plan.parties,
      ...(plan.ell === undefined || plan.ell === findProfile(profile).ell ? {} : { ell: plan.ell }),
    });
    const protocol = reg.bind(plan.params);
    const why = protocol.unsupported(config);
    if (why !== undefined) return { skipped: `${plan.key}: not supported (${why})`, problems: [] };
    const shapes = caseShapes(protocol, config);
    const empty = Object.entries(protocol.domain(config, shapes)).find(
      ([, d]) => d.kind === 'real' && !(d.min <= d.max),
    );
    if (empty !== undefined)
      return { skipped: `${plan.key}: the domain of ${empty[0]} is empty in this ring`, problems: [] };
    const { cases, problems } = await groupCases(
      { protocol, config, shapes, path: [reg.id, profile, plan.key] },
      plan.invalid && profile === INVALID_CASES_PROFILE,
    );
    // rank 0 (always kept) stays 0 in every group; the others give way group by group
    const drafts = cases.map((c) => (c.rank === 0 ? c : { ...c, rank: c.rank + plan.rankOffset }));
    return { group: { ...groupHeader(protocol, config, shapes), drafts }, problems };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (
      e instanceof MpcspecError &&
      e.kind !== 'internal' &&
      (plan.ell !== undefined || plan.params !== undefined)
    )
      return { skipped: `${plan.key}: not generated (${reason})`, problems: [] };
    return { problems: [`${where}: ${reason}`] };
  }
}

export async function generateFile(reg: RegisteredProtocol, profile: string): Promise<GeneratedFile> {
  const planned: PlannedGroup[] = [];
  for (const plan of groupPlans(reg.variants)) planned.push(await planGroup(reg, profile, plan));
  let tcId = 0;
  const used = new Set<Flag>();
  const keep = withinBudget(planned.map((p) => p.group?.drafts ?? []));
  const leftOut: string[] = [];
  const testGroups: TestGroupJson[] = planned.flatMap((p, g) => {
    if (p.group === undefined) return [];
    const { drafts, ...header } = p.group;
    const kept = drafts.filter((d) => keep.has(d));
    if (kept.length < drafts.length)
      leftOut.push(
        `Group ${groupPlans(reg.variants)[g]!.key} (${describeGroup(header)}): ${drafts.length - kept.length} of ${drafts.length} generated case(s) left out to keep the file small.`,
      );
    const tests = kept.map((d) => {
      d.flags.forEach((f) => used.add(f));
      return { tcId: ++tcId, comment: d.comment, flags: [...d.flags], result: d.result, ...d.record };
    });
    return tests.length === 0 ? [] : [{ ...header, tests }];
  });
  const flagOrder = Object.keys(FlagCodec.keys) as Flag[];
  const file: VectorFileJson = {
    algorithm: reg.id,
    schema: SCHEMA_NAME,
    generatorVersion: GENERATOR_VERSION,
    numberOfTests: tcId,
    header: [
      `Test vectors of '${reg.id}' (${reg.title}) under the ${profile} profile.`,
      `Source: ${reg.source}.`,
      'Generated by `npm run vectors` (mpcspec vectors generate); do not edit. Format: docs/vectors.md.',
      ...planned.flatMap((p) => (p.skipped === undefined ? [] : [`Group ${p.skipped}.`])),
      ...leftOut,
    ],
    notes: Object.fromEntries(flagOrder.filter((f) => used.has(f)).map((f) => [f, NOTES[f]])),
    profile,
    testGroups,
  };
  return { name: vectorFileName(reg.id, profile), file, problems: planned.flatMap((p) => p.problems) };
}
