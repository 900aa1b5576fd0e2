// The view audit of another engine (issue 17 §4): the statistical mode of audit/, fed with the views an
// adapter reports. For each party, the same secret groups as for a built-in protocol (low edge, high
// edge, uniform — or pairs of secrets that reveal the same to the party) run `samples` times each
// through the adapter, in batches along a leading instance axis where the op takes one (never mixing
// groups in a batch, so a batch's shared schedule cannot hide a group's traffic shape); every position
// of every reported item and the view's structure become coordinates (view-samples.ts), projected and
// judged with the same tests, threshold and evidence as this project's own runs
// (audit/statistical-projections.ts, audit/statistical-judge.ts). The relation search and the
// exhaustive enumeration run this project's own protocol code, so for another engine they do not run,
// and the verdict says so (at best `no leak found (incomplete: …)`).
import { type EvidenceBase, DEFAULT_ALPHA, nothingHidden } from '../../audit/statistical.ts';
import { type SecretGroup, secretGroups } from '../../audit/statistical-groups.ts';
import { judgeProjections } from '../../audit/statistical-judge.ts';
import { projectionsOf } from '../../audit/statistical-projections.ts';
import { groupShape } from '../../audit/traffic-shape.ts';
import {
  MODES,
  type ModeOutcome,
  type PartyVerdict,
  type ViewVerdict,
  partyStatus,
  viewVerdict,
} from '../../audit/verdict.ts';
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { BackendCase, Shapes } from '../cases.ts';
import { caseMessage } from '../exchange.ts';
import type { OpUnderTest } from '../handshake.ts';
import type { BackendSession } from '../session.ts';
import { type PartyViews, ViewProblem, collectViews } from './view-samples.ts';

export interface ExternalAuditOptions {
  /** Runs per secret group. */
  readonly samples: number;
  readonly seed: bigint;
  /** Message pairs, and three-term sums with a message, projected at most (each). */
  readonly maxPairs: number;
  /** Instances per request at most, where the op takes a leading instance axis. */
  readonly batch?: number;
}

export interface ViewAuditReport {
  readonly status: 'private' | 'leak' | 'incomplete' | 'trivial' | 'error';
  /** One line for tables. */
  readonly detail: string;
  /** The verdict with its evidence, as the built-in audit gives it (audit/describe.ts prints it). */
  readonly verdict?: ViewVerdict;
  /** The adapter faulted: the runner restarts it. */
  readonly spent: boolean;
}

const DEFAULT_BATCH = 500;

/** Why the modes that run this project's own protocol code do not run on another engine's views. */
const OWN_CODE_ONLY: readonly ModeOutcome[] = [
  {
    mode: 'relation',
    status: 'not run',
    reason: "reported views: the relation search needs every party's randomness as this project draws it",
    ms: 0,
  },
  {
    mode: 'exhaustive',
    status: 'not run',
    reason: "reported views: the enumeration runs this project's own protocol in a tiny ring",
    ms: 0,
  },
];

/** Runs [first, first + batch) of a group, as input tensors (with a leading instance axis when batched). */
function batchInputs(
  op: OpUnderTest,
  ell: number,
  instanceShapes: Shapes,
  values: Readonly<Record<string, BigUint64Array>>,
  first: number,
  batch: number,
  batched: boolean,
): { shapes: Shapes; inputs: Record<string, RingTensor> } {
  const shapes: Record<string, Shape> = {};
  const inputs: Record<string, RingTensor> = {};
  for (const d of op.protocol.inputs()) {
    const s = instanceShapes[d.name]!;
    const n = sizeOf(s);
    shapes[d.name] = batched ? [batch, ...s] : s;
    inputs[d.name] = ringTensor(ell, shapes[d.name]!, values[d.name]!.slice(first * n, (first + batch) * n));
  }
  return { shapes, inputs };
}

const takesInstanceAxis = (op: OpUnderTest, instance: Shapes): boolean => {
  try {
    op.protocol.outputShapes(Object.fromEntries(Object.entries(instance).map(([k, s]) => [k, [2, ...s]])));
    return true;
  } catch {
    return false;
  }
};

type Collected = { views: PartyViews[] } | { error: string; spent: boolean };

/** Every group's runs through the adapter, every party's views read. */
async function runGroups(
  session: BackendSession,
  op: OpUnderTest,
  groups: readonly SecretGroup[],
  instanceShapes: Shapes,
  batched: boolean,
  options: ExternalAuditOptions,
): Promise<Collected> {
  const { config } = session.info;
  const N = options.samples;
  const B = batched ? Math.max(1, Math.min(N, options.batch ?? DEFAULT_BATCH)) : 1;
  const root = rootKey(options.seed);
  const requests: { case: BackendCase; instances: number }[] = [];
  groups.forEach((g) => {
    const values = g.values(N);
    for (let first = 0; first < N; first += B) {
      const batch = Math.min(B, N - first);
      const { shapes, inputs } = batchInputs(op, config.ell, instanceShapes, values, first, batch, batched);
      const id = `${op.key}/views/${g.name}/${first}`;
      const seed = chachaWords(deriveKey(root, `backend-audit/${id}`), 1)[0]!;
      requests.push({ case: { id, index: requests.length, shapes, inputs, seed }, instances: batch });
    }
  });
  const messages = requests.map((r) =>
    caseMessage(op.protocol, config, r.case, {
      inputShares: session.info.inputShares,
      views: true,
      ...(batched ? { instances: r.instances } : {}),
    }),
  );
  const outcome = await session.run(messages.length, (k) => messages[k]!);
  if (outcome.fault !== undefined)
    return { error: `case ${outcome.fault.case}: ${outcome.fault.why}`, spent: true };
  try {
    return {
      views: collectViews(
        outcome.answers,
        requests.map((r) => r.instances),
        config.parties,
        config.ell,
      ),
    };
  } catch (e) {
    if (e instanceof ViewProblem) return { error: e.message, spent: false };
    throw e;
  }
}

export async function auditBackendViews(
  session: BackendSession,
  op: OpUnderTest,
  options: ExternalAuditOptions,
): Promise<ViewAuditReport> {
  const t0 = performance.now();
  const { config } = session.info;
  const protocol = op.protocol;
  const N = options.samples;
  const instanceSize = protocol.privacy().instanceSize;
  const instanceShapes = protocol.shapes(instanceSize);
  const batched = takesInstanceAxis(op, instanceShapes);
  const base: EvidenceBase = {
    mode: 'statistical',
    ell: config.ell,
    instanceSize,
    batching: batched ? 'prepend' : 'unbatched',
    seed: options.seed.toString(),
    samplesPerGroup: N,
    alpha: DEFAULT_ALPHA,
  };
  // Runs are shared between parties whose groups hold the same secrets (every shared-input protocol).
  const collected = new Map<string, PartyViews[]>();
  const verdicts: PartyVerdict[] = [];
  for (let party = 0; party < config.parties; party++) {
    const tp = performance.now();
    const plan = secretGroups(protocol, config, party, instanceShapes, options.seed);
    let statistical: ModeOutcome;
    if (plan.kind === 'trivial')
      statistical = {
        mode: 'statistical',
        status: 'trivial',
        evidence: nothingHidden(base, plan.why),
        coverage: plan.why,
        ms: performance.now() - tp,
      };
    else if (plan.kind === 'none')
      statistical = { mode: 'statistical', status: 'not run', reason: plan.why, ms: performance.now() - tp };
    else {
      const { groups, comparisons } = plan;
      const signature = JSON.stringify(
        groups.map((g) => [g.name, Object.values(g.values(N)).map((v) => Array.from(v, String).join(','))]),
      );
      let views = collected.get(signature);
      if (views === undefined) {
        const got = await runGroups(session, op, groups, instanceShapes, batched, options);
        if ('error' in got) return { status: 'error', detail: got.error, spent: got.spent };
        views = got.views;
        collected.set(signature, views);
      }
      const mine = views[party]!;
      const set = projectionsOf(mine.coordinates, options.maxPairs, [], options.maxPairs);
      const judged = await judgeProjections(
        set,
        { names: groups.map((g) => g.name), comparisons, samplesPerGroup: N },
        DEFAULT_ALPHA,
        `${op.key}'s reported views`,
      );
      const shapeOf = (g: number): string =>
        groupShape(mine.fingerprint, g * N, (g + 1) * N, (f) => mine.structures.get(f)!);
      const pairs = set.pairs < set.messagePairs ? `${set.pairs} of ${set.messagePairs}` : `${set.pairs}`;
      const triples =
        set.triples < set.messageTriples ? `${set.triples} of ${set.messageTriples}` : `${set.triples}`;
      statistical = {
        mode: 'statistical',
        status: judged.leak === undefined ? 'passed' : 'leak',
        evidence: {
          ...base,
          groups: groups.map((g, k) => ({ name: g.name, secret: g.describe, shape: shapeOf(k) })),
          comparisons: comparisons.length,
          projections: {
            coordinates: set.coordinates,
            openings: 0,
            pairs: set.pairs,
            messagePairs: set.messagePairs,
            triples: set.triples,
            messageTriples: set.messageTriples,
          },
          ...judged,
        },
        coverage: `reported views, ℓ ${config.ell}, ${instanceSize}-element instances, ${groups.length} groups × ${N} runs${mine.deviants > 0 ? ` (${mine.deviants} of another structure)` : ''}, ${set.coordinates} coordinates (view structure included) + ${pairs} message pairs + ${triples} three-term sums with a message, ${judged.tests} tests`,
        ms: performance.now() - tp,
      };
    }
    const modes = [...OWN_CODE_ONLY, statistical];
    verdicts.push({ party, ...partyStatus(modes, MODES), modes, ms: performance.now() - tp });
  }
  const verdict = viewVerdict(op.key, protocol, config, verdicts, performance.now() - t0);
  const { status } = verdict;
  const leaks = verdicts.filter((v) => v.status === 'leak');
  const detail =
    leaks.length > 0
      ? `LEAK (party ${leaks.map((v) => v.party).join(', ')}): ${leakLine(leaks[0]!)}`
      : `${status === 'incomplete' ? 'no leak found' : status} (statistical on reported views, Z_2^${config.ell}, ${N} runs per group)`;
  return { status, detail, verdict, spent: false };
}

function leakLine(v: PartyVerdict): string {
  for (const m of v.modes)
    if (m.status === 'leak' && m.evidence.mode === 'statistical' && m.evidence.leak !== undefined)
      return `p = ${m.evidence.leak.p.toExponential(2)} ${m.evidence.leak.test}`;
  return '';
}
