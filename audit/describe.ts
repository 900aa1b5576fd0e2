// A view verdict in words (for the CLI and the conformance summary): the verdict, then per party each
// mode's result with what it covered and the evidence — the relation found, the distributions compared
// and tapes enumerated, or the tests, sample sizes, seeds and p-values — and why a mode did not run.
import {
  type ExhaustiveEvidence,
  MODES,
  type ModeName,
  type ModeOutcome,
  type PartyVerdict,
  type RelationEvidence,
  type StatisticalEvidence,
  type ViewVerdict,
} from './verdict.ts';

const ms = (t: number): string => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);

/** One line: `private`, `LEAK (…)`, `no leak found (incomplete: …)` or `trivial`, for tables and headers. */
export function verdictLine(v: ViewVerdict): string {
  if (v.status === 'leak') {
    const who = v.verdicts
      .filter((p) => p.status === 'leak')
      .map(
        (p) =>
          `party ${p.party}: ${p.modes
            .filter((m) => m.status === 'leak')
            .map((m) => m.mode)
            .join(', ')}`,
      );
    return `LEAK (${who.join('; ')})`;
  }
  if (v.status === 'incomplete') {
    const missing = [
      ...new Set(v.verdicts.flatMap((p) => p.modes.filter((m) => m.status === 'not run').map((m) => m.mode))),
    ];
    const unrequested = MODES.filter((m) => !v.verdicts.some((p) => p.modes.some((x) => x.mode === m)));
    const parts = [
      ...missing.map((m) => `${m} not run`),
      ...(unrequested.length > 0 ? [`${unrequested.join(', ')} not requested`] : []),
    ];
    return `no leak found (incomplete: ${parts.join('; ')})`;
  }
  return v.status;
}

const modeWord = (m: ModeOutcome): string => (m.status === 'leak' ? 'LEAK' : m.status);

/** A short coverage note per mode, for table cells. */
function brief(m: ModeOutcome): string {
  if (m.status === 'not run') return 'not run';
  const e = m.evidence;
  const what =
    e.mode === 'relation'
      ? `ℓ${e.ell}, ${e.instanceSize} el., ${e.columns.view + e.columns.hidden + e.columns.secret + e.columns.known} coords${e.dropped.length > 0 ? ' (capped)' : ''}`
      : e.mode === 'exhaustive'
        ? `Z_2^${e.ell}, ${e.complete ? 'all' : `${e.ownTapes} of 2^${e.ownBits}`} own tapes`
        : `ℓ${e.ell}, ${e.instanceSize} el., ${e.groups.length}×${e.samplesPerGroup}`;
  return m.status === 'trivial' ? 'trivial' : `${modeWord(m)} (${what})`;
}

/** The cell of one mode in the conformance table: the same for every party, or party by party. */
export function modeCell(v: ViewVerdict, mode: ModeName): string {
  const cells = v.verdicts.map((p) => {
    const m = p.modes.find((x) => x.mode === mode);
    return m === undefined ? '—' : brief(m);
  });
  return cells.every((c) => c === cells[0])
    ? (cells[0] ?? '—')
    : cells.map((c, k) => `p${v.verdicts[k]!.party}: ${c}`).join('; ');
}

/** The conformance summary's view-privacy table: header and one row per protocol. */
export const VIEW_TABLE_HEADER = ['protocol', 'verdict', ...MODES, 'time'] as const;
export const viewTableRow = (v: ViewVerdict): string[] => [
  v.id,
  verdictLine(v),
  ...MODES.map((m) => modeCell(v, m)),
  `${(v.ms / 1000).toFixed(2)} s`,
];

function relation(e: RelationEvidence): string {
  const dropped = e.dropped.length > 0 ? `\n        left out (budget): ${e.dropped.join('; ')}` : '';
  const shape = e.otherShape > 0 ? `; ${e.otherShape} samples with another traffic shape set aside` : '';
  const head = `${e.relations} relations, ${e.openings} masked values (tested by the statistical mode), checked on ${e.verification} fresh samples; batching ${e.batching}${shape}${dropped}`;
  if (e.leak !== undefined)
    return `${head}\n        the view determines ${e.leak.secret}:\n          ${e.leak.relation}${e.leak.more > 0 ? `\n        and ${e.leak.more} more leaking relation(s)` : ''}`;
  return e.note === undefined ? head : `${head}\n        ${e.note}`;
}

function exhaustive(e: ExhaustiveEvidence): string {
  const head = `${e.distributionsCompared} distributions compared, ${e.evaluations} evaluations (budget 2^${e.budgetBits}); hidden draws: ${e.hiddenDraws.join(', ') || 'none'}; view keys ${e.keys} (${e.viewBits} bits); batching ${e.batching}`;
  if (e.leak === undefined) return head;
  const l = e.leak;
  return `${head}\n        differs: {${l.secretA}} vs {${l.secretB}} under own tape {${l.ownTape}}\n        total-variation distance ${l.distance.toFixed(4)}; view {${l.witness}} seen ${l.countA} vs ${l.countB} times of ${l.tapes}`;
}

function statistical(e: StatisticalEvidence): string {
  if (e.note !== undefined) return e.note;
  const groups = e.groups.map((g) => `${g.name} {${g.secret}} (traffic: ${g.shape})`).join('\n          ');
  const p = e.smallest
    .slice(0, 3)
    .map((t) => `p = ${t.p.toExponential(2)} ${t.test}`)
    .join('\n          ');
  return `seed ${e.seed}, α = ${e.alpha}, Bonferroni threshold ${e.threshold.toExponential(2)}; batching ${e.batching}\n        groups (${e.comparisons} comparisons):\n          ${groups}\n        smallest:\n          ${p}`;
}

function describeMode(m: ModeOutcome): string {
  if (m.status === 'not run') return `    ${m.mode}: not run — ${m.reason}`;
  const e = m.evidence;
  const body = e.mode === 'relation' ? relation(e) : e.mode === 'exhaustive' ? exhaustive(e) : statistical(e);
  return `    ${m.mode}: ${modeWord(m)} (${ms(m.ms)}) — ${m.coverage}\n        ${body}`;
}

const partyWord = (p: PartyVerdict): string =>
  p.status === 'leak' ? 'LEAK' : p.status === 'incomplete' ? 'no leak found (incomplete)' : p.status;

export function describeParty(p: PartyVerdict): string {
  return [`  party ${p.party}: ${partyWord(p)} (${ms(p.ms)})`, ...p.modes.map(describeMode)].join('\n');
}

export function describeVerdict(v: ViewVerdict): string {
  const lines = [`${v.id}: ${verdictLine(v)}, ${v.profile} profile, ${v.parties} parties, ${ms(v.ms)}`];
  if (v.knownLeak !== undefined) lines.push(`  declared known leak: ${v.knownLeak}`);
  for (const p of v.verdicts) lines.push(describeParty(p));
  return lines.join('\n');
}
