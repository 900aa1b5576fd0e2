// A view verdict in words (for the CLI and the conformance summary): the verdict, then per party the
// evidence — distributions compared and tapes enumerated, or tests, sample sizes, seeds and p-values.
import type { ExhaustiveEvidence, PartyVerdict, StatisticalEvidence, ViewVerdict } from './verdict.ts';

const pow2 = (bits: number): string => (bits <= 16 ? String(2 ** bits) : `2^${bits}`);
const ms = (t: number): string => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(2)} s`);

/** One line: 'private', 'LEAK' or 'trivial' with mode and ring, for tables. */
export function verdictLine(v: ViewVerdict): string {
  const e = v.verdicts[0]?.evidence;
  const ring = e === undefined ? '' : ` Z_2^${e.ell}`;
  const status = v.ok ? (v.verdicts.every((p) => p.status === 'trivial') ? 'trivial' : 'private') : 'LEAK';
  return `${status} (${v.mode}${ring})`;
}

function exhaustive(e: ExhaustiveEvidence): string {
  const own = e.complete
    ? `all ${pow2(e.ownBits)} own tapes`
    : `${e.ownTapes} sampled own tapes of ${pow2(e.ownBits)}`;
  const head = `Z_2^${e.ell}, ${pow2(e.secretBits)} secrets in ${e.classes} class(es) × ${pow2(e.hiddenBits)} hidden tapes × ${own}; ${e.distributionsCompared} distributions compared, ${e.evaluations} evaluations; view keys ${e.keys} (${e.viewBits} bits); batching ${e.batching}`;
  if (e.leak === undefined) return head;
  const l = e.leak;
  return `${head}\n      differs: {${l.secretA}} vs {${l.secretB}} under own tape {${l.ownTape}}\n      total-variation distance ${l.distance.toFixed(4)}; view {${l.witness}} seen ${l.countA} vs ${l.countB} times of ${l.tapes}`;
}

function statistical(e: StatisticalEvidence): string {
  if (e.note !== undefined) return `Z_2^${e.ell}: ${e.note}`;
  const groups = e.groups.map((g) => `${g.name} {${g.secret}}`).join('; ');
  const p = e.smallest
    .slice(0, 3)
    .map((t) => `p = ${t.p.toExponential(2)} ${t.test}`)
    .join('\n        ');
  return `Z_2^${e.ell}, ${e.samplesPerGroup} runs per group (seed ${e.seed}), groups: ${groups}\n      ${e.coordinates} coordinates, ${e.pairs} pairs, ${e.triples} triples, ${e.tests} tests, α = ${e.alpha}, Bonferroni threshold ${e.threshold.toExponential(2)}; batching ${e.batching}\n      smallest: ${p}`;
}

export function describeParty(p: PartyVerdict): string {
  const body = p.evidence.mode === 'exhaustive' ? exhaustive(p.evidence) : statistical(p.evidence);
  return `  party ${p.party}: ${p.status === 'leak' ? 'LEAK' : p.status} (${ms(p.ms)}) — ${body}`;
}

export function describeVerdict(v: ViewVerdict): string {
  const lines = [`${v.id}: ${verdictLine(v)}, ${v.profile} profile, ${v.parties} parties, ${ms(v.ms)}`];
  if (v.exhaustiveOutOfReach !== undefined)
    lines.push(`  exhaustive out of reach: ${v.exhaustiveOutOfReach}`);
  if (v.knownLeak !== undefined) lines.push(`  declared known leak: ${v.knownLeak}`);
  for (const p of v.verdicts) lines.push(describeParty(p));
  return lines.join('\n');
}
