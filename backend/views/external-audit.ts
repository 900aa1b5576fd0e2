// The view audit of another engine (issue 17 §4): the statistical mode of audit/, fed with the views an
// adapter reports. For each party, the same secret groups as for a built-in protocol (low edge, high
// edge, uniform — or two secrets that reveal the same to the party) run `samples` times each through
// the adapter, in batches along a leading instance axis where the op takes one; each reported view
// item is split into instances and every position becomes a coordinate; audit/statistical.ts judges
// them with the same tests, threshold and evidence as for this project's own runs. A view whose
// structure (items, roles, widths, lengths) changes between runs is reported as a traffic-shape leak.
import { chachaWords, deriveKey, rootKey } from '../../core/prg.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { Coordinate } from '../../audit/coordinates.ts';
import { DEFAULT_ALPHA, judgeViewSamples, nothingToCompare } from '../../audit/statistical.ts';
import { type SecretGroup, secretGroups } from '../../audit/statistical-groups.ts';
import type { PartyVerdict, ViewVerdict } from '../../audit/verdict.ts';
import type { BackendCase, Shapes } from '../cases.ts';
import { caseMessage } from '../exchange.ts';
import type { OpUnderTest } from '../handshake.ts';
import type { BackendSession } from '../session.ts';
import { type PartySamples, ViewProblem, collectSamples } from './view-samples.ts';

export interface ExternalAuditOptions {
  /** Runs per secret group. */
  readonly samples: number;
  readonly seed: bigint;
  /** Coordinate pairs (and triples) projected at most. */
  readonly maxPairs: number;
  /** Instances per request at most, where the op takes a leading instance axis. */
  readonly batch?: number;
}

export interface ViewAuditReport {
  readonly status: 'private' | 'leak' | 'trivial' | 'error';
  /** One line for tables. */
  readonly detail: string;
  /** The verdict with its evidence, as the built-in audit gives it (audit/describe.ts prints it). */
  readonly verdict?: ViewVerdict;
  /** The adapter faulted: the runner restarts it. */
  readonly spent: boolean;
}

const DEFAULT_BATCH = 500;

/** Each group's runs, in order, as input tensors of `batch` instances. */
function batchInputs(
  op: OpUnderTest,
  ell: number,
  instanceShapes: Shapes,
  group: SecretGroup,
  first: number,
  batch: number,
  batched: boolean,
): { shapes: Shapes; inputs: Record<string, RingTensor> } {
  const parts = Array.from({ length: batch }, (_, b) => group.values(first + b));
  const shapes: Record<string, Shape> = {};
  const inputs: Record<string, RingTensor> = {};
  for (const d of op.protocol.inputs()) {
    const s = instanceShapes[d.name]!;
    const n = sizeOf(s);
    const data = new BigUint64Array(batch * n);
    parts.forEach((p, b) => data.set(p[d.name]!, b * n));
    shapes[d.name] = batched ? [batch, ...s] : s;
    inputs[d.name] = ringTensor(ell, shapes[d.name]!, data);
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

export async function auditBackendViews(
  session: BackendSession,
  op: OpUnderTest,
  options: ExternalAuditOptions,
): Promise<ViewAuditReport> {
  const t0 = performance.now();
  const { config } = session.info;
  const protocol = op.protocol;
  const N = options.samples;
  const instanceShapes = protocol.shapes(protocol.privacy().instanceSize);
  const batched = takesInstanceAxis(op, instanceShapes);
  const B = batched ? Math.max(1, Math.min(N, options.batch ?? DEFAULT_BATCH)) : 1;
  const base = {
    mode: 'statistical',
    ell: config.ell,
    batching: batched ? 'prepend' : 'unbatched',
    seed: options.seed.toString(),
    samplesPerGroup: N,
    alpha: DEFAULT_ALPHA,
  } as const;
  // Runs are shared between parties whose groups hold the same secrets (every shared-input protocol).
  const collected = new Map<string, PartySamples[]>();
  const verdicts: PartyVerdict[] = [];
  const root = rootKey(options.seed);
  const error = (detail: string, spent: boolean): ViewAuditReport => ({ status: 'error', detail, spent });
  for (let party = 0; party < config.parties; party++) {
    const tp = performance.now();
    const groups = secretGroups(protocol, config, party, instanceShapes, options.seed);
    if (groups === undefined) {
      verdicts.push({
        party,
        status: 'trivial',
        evidence: nothingToCompare(base),
        ms: performance.now() - tp,
      });
      continue;
    }
    const signature = JSON.stringify(
      groups.map((g) => [
        g.name,
        Array.from({ length: N }, (_, b) => Object.values(g.values(b)).map((v) => Array.from(v, String))),
      ]),
    );
    let samples = collected.get(signature);
    if (samples === undefined) {
      const requests: { case: BackendCase; instances: number }[] = [];
      groups.forEach((g, gi) => {
        for (let first = 0; first < N; first += B) {
          const batch = Math.min(B, N - first);
          const { shapes, inputs } = batchInputs(op, config.ell, instanceShapes, g, first, batch, batched);
          const id = `${op.key}/views/g${gi}/${first}`;
          const seed = chachaWords(deriveKey(root, `backend-audit/${id}`), 1)[0]!;
          requests.push({ case: { id, index: requests.length, shapes, inputs, seed }, instances: batch });
        }
      });
      const messages = requests.map((r) =>
        caseMessage(protocol, config, r.case, {
          inputShares: session.info.inputShares,
          views: true,
          ...(batched ? { instances: r.instances } : {}),
        }),
      );
      const outcome = await session.run(messages.length, (k) => messages[k]!);
      if (outcome.fault !== undefined) return error(`case ${outcome.fault.case}: ${outcome.fault.why}`, true);
      try {
        samples = collectSamples(outcome.answers, requests, config.parties, config.ell);
      } catch (e) {
        if (e instanceof ViewProblem) return error(e.message, false);
        throw e;
      }
      collected.set(signature, samples);
    }
    const mine = samples[party]!;
    if (mine.structure !== undefined) {
      const note = `the view's structure changes between runs (traffic shape is part of the view): ${mine.structure}`;
      verdicts.push({
        party,
        status: 'leak',
        evidence: {
          ...nothingToCompare(base),
          groups: groups.map((g) => ({ name: g.name, secret: g.describe })),
          note,
        },
        ms: performance.now() - tp,
      });
      continue;
    }
    const coordinates: Coordinate[] = [];
    const isMessage: boolean[] = [];
    for (const item of mine.items) {
      const m = ringMask(item.width);
      for (let t = 0; t < item.perInstance; t++) {
        const words = new BigUint64Array(item.instances.length);
        for (let b = 0; b < words.length; b++) words[b] = item.instances[b]![t]! & m;
        coordinates.push({ name: `${item.name}[${t}]`, width: item.width, words });
        isMessage.push(item.role === 'message');
      }
    }
    const { status, evidence } = await judgeViewSamples(
      { coordinates, isMessage, groups, samplesPerGroup: N },
      { samples: N, seed: options.seed, maxPairs: options.maxPairs },
      base,
    );
    verdicts.push({ party, status, evidence, ms: performance.now() - tp });
  }
  const knownLeak = protocol.privacy().knownLeak;
  const verdict: ViewVerdict = {
    id: op.key,
    params: protocol.params,
    profile: config.profile,
    parties: config.parties,
    mode: 'statistical',
    ...(knownLeak === undefined ? {} : { knownLeak }),
    verdicts,
    ok: verdicts.every((v) => v.status !== 'leak'),
    ms: performance.now() - t0,
  };
  const leaks = verdicts.filter((v) => v.status === 'leak');
  const status =
    leaks.length > 0 ? 'leak' : verdicts.every((v) => v.status === 'trivial') ? 'trivial' : 'private';
  const detail =
    leaks.length > 0
      ? `LEAK (party ${leaks.map((v) => v.party).join(', ')}): ${leakLine(leaks[0]!)}`
      : `${status} (statistical Z_2^${config.ell}, ${N} runs per group)`;
  return { status, detail, verdict, spent: false };
}

function leakLine(v: PartyVerdict): string {
  const e = v.evidence;
  if (e.mode !== 'statistical') return '';
  if (e.leak !== undefined) return `p = ${e.leak.p.toExponential(2)} ${e.leak.test}`;
  return e.note ?? '';
}
