// `mpcspec conform --backend`: the conformance run of another engine through its adapter (issue 17 §2).
// For each op the backend offers (or the ones asked for), seeded cases from the spec's domain go to the
// adapter; the answers are checked against the reference within the implementation bound (wrap events
// against the binomial allowance), the reference against the ideal, and the backend's counters against
// the spec's cost for the profile it claims. A failing op goes to defect identification. An adapter
// fault fails the op it happened in, names the case, and the runner restarts the adapter for the next.
import { MpcspecError, usageError } from '../core/errors.ts';
import type { ShapeRequest } from '../harness/case.ts';
import { REGISTRY, type RegisteredProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { type BackendCase, caseSource } from './cases.ts';
import { type CostVerdict, judgeCost } from './cost-counters.ts';
import { type DefectVerdict, identifyDefect } from './defects/identify.ts';
import { caseMessage, readOutputs } from './exchange.ts';
import type { OpUnderTest } from './handshake.ts';
import type { Counters } from './protocol/messages.ts';
import { BackendSession } from './session.ts';
import {
  type AnsweredCase,
  type ReferenceOutputs,
  type ValueVerdict,
  ValueTally,
  referenceOutputs,
} from './value-check.ts';
import {
  type ExternalAuditOptions,
  type ViewAuditReport,
  auditBackendViews,
} from './views/external-audit.ts';

export type OpStatus = 'pass' | 'fail' | 'error' | 'missing' | 'n/a';

export interface OpReport {
  readonly key: string;
  readonly id: string;
  readonly family: string;
  readonly params: unknown;
  readonly status: OpStatus;
  /** For error, missing and n/a: why, naming the case where there is one. */
  readonly reason?: string;
  /** The parameters offered are a spec's released-code form: judged by those it claims, expected to fail. */
  readonly releasedDefect?: { readonly defect: string; readonly title: string; readonly claims: unknown };
  readonly casesPlanned: number;
  readonly casesAnswered: number;
  readonly value?: ValueVerdict;
  readonly cost: CostVerdict;
  readonly defect?: DefectVerdict;
  readonly views?: ViewAuditReport;
}

export interface BackendReport {
  readonly backend: { readonly name: string; readonly version: string; readonly command: string };
  readonly config: Config;
  readonly costProfile?: string;
  readonly seed: string;
  readonly casesPerOp: number;
  readonly size: number;
  readonly ops: readonly OpReport[];
  /** Registered ops the backend does not offer (not a failure unless asked for with --only). */
  readonly notOffered: readonly string[];
  /** Ops the backend offers that mpcspec does not know. */
  readonly unknownOps: readonly string[];
  /** Ops the run tried (every status but n/a): a run that tried none checked nothing. */
  readonly checked: number;
  readonly ok: boolean;
  readonly ms: number;
}

export interface BackendRunOptions {
  readonly command: string;
  readonly only?: readonly string[];
  readonly cases: number;
  readonly size: number;
  /** Shapes instead of `size` (`--shape`): every case of every op has them. */
  readonly shape?: ShapeRequest;
  readonly seed: bigint;
  readonly profile?: string;
  readonly timeoutMs: number;
  readonly audit?: ExternalAuditOptions;
  readonly registry?: readonly RegisteredProtocol[];
  /** Progress: cases done of the total, and what runs now. */
  readonly progress?: (done: number, total: number, label: string) => void;
}

export interface OpRun {
  readonly report: OpReport;
  /** The session is spent (a fault): the runner starts another. */
  readonly spent: boolean;
}

/** One op's cases through a running session, checked; exported for the runner's benchmark. */
export async function runOp(
  session: BackendSession,
  op: OpUnderTest,
  o: BackendRunOptions,
  registry: readonly RegisteredProtocol[],
  progress: (label: string) => void,
): Promise<OpRun> {
  const info = session.info;
  const { config } = info;
  const protocol = op.protocol;
  const released = protocol.releasedDefect;
  const base = {
    key: op.key,
    id: op.entry.id,
    family: op.entry.family,
    params: protocol.params,
    ...(released === undefined
      ? {}
      : { releasedDefect: { defect: released.defect, title: released.title, claims: released.claims } }),
  };
  const source = caseSource(protocol, config, op.key, o.size, o.seed, o.shape);
  const cases: BackendCase[] = [];
  const answered: AnsweredCase[] = [];
  const references: ReferenceOutputs[] = [];
  const counters: { case: BackendCase; counters: Counters | undefined }[] = [];
  const problems: string[] = [];
  const tally = new ValueTally(protocol, config);
  const outcome = await session.run(
    o.cases,
    (k) => {
      const c = source(k);
      cases.push(c);
      return caseMessage(protocol, config, c, { inputShares: info.inputShares });
    },
    (a, k) => {
      const c = cases[k]!;
      progress(`${op.key} ${c.id}`);
      if ('backendError' in a) {
        problems.push(`case ${c.id}: the backend reported an error: ${a.backendError}`);
        return;
      }
      const read = readOutputs(protocol, config, c, a.result);
      if (!read.ok) {
        problems.push(read.problem);
        return;
      }
      const answer = { case: c, outputs: read.outputs };
      const reference = referenceOutputs(protocol, config, c);
      answered.push(answer);
      references.push(reference);
      tally.add(answer, reference);
      counters.push({ case: c, counters: a.result.cost });
    },
  );
  if (outcome.fault !== undefined) problems.unshift(`case ${outcome.fault.case}: ${outcome.fault.why}`);
  const value = answered.length > 0 ? tally.verdict() : undefined;
  const cost = judgeCost(op, info, counters);
  const valueFails = value !== undefined && !value.ok;
  const defect =
    valueFails && value.violations + value.wrapEvents > 0
      ? identifyDefect(op.entry, protocol, config, answered, references, registry)
      : undefined;
  const failed = valueFails || (value !== undefined && !value.approximation.ok) || cost.status === 'differs';
  const status: OpStatus = problems.length > 0 ? 'error' : failed ? 'fail' : 'pass';
  return {
    report: {
      ...base,
      status,
      ...(problems.length > 0
        ? {
            reason:
              problems.length === 1 ? problems[0]! : `${problems[0]!} (and ${problems.length - 1} more)`,
          }
        : {}),
      casesPlanned: o.cases,
      casesAnswered: answered.length,
      ...(value === undefined ? {} : { value }),
      cost,
      ...(defect === undefined ? {} : { defect }),
    },
    spent: outcome.fault !== undefined,
  };
}

export async function runBackendConformance(o: BackendRunOptions): Promise<BackendReport> {
  const t0 = performance.now();
  const registry = o.registry ?? REGISTRY;
  if (o.only !== undefined)
    for (const id of o.only)
      if (!registry.some((r) => r.id === id))
        throw usageError(`--only: unknown protocol '${id}'; run 'mpcspec list' to see the registered ids`);
  const sessionOptions = {
    ...(o.profile === undefined ? {} : { profile: o.profile }),
    timeoutMs: o.timeoutMs,
    registry,
  };
  let session: BackendSession | undefined = await BackendSession.start(o.command, sessionOptions);
  let lost = '';
  const info = session.info;
  const wanted = (id: string): boolean => o.only === undefined || o.only.includes(id);
  const offered = info.ops.filter((op) => wanted(op.entry.id));
  const reports: OpReport[] = [];
  const missing = (o.only ?? []).filter((id) => !info.ops.some((op) => op.entry.id === id));
  const runnable = offered.filter((op) => op.unsupported === undefined);
  const auditable = o.audit === undefined ? [] : runnable.filter((op) => op.views);
  const total = runnable.length * o.cases + auditable.length;
  let done = 0;
  const tick = (label: string): void => {
    done += 1;
    o.progress?.(done, total, label);
  };
  o.progress?.(0, total, 'handshake');
  try {
    for (const op of offered) {
      if (op.unsupported !== undefined) {
        reports.push(notRun(op, 'n/a', op.unsupported, o.cases));
        continue;
      }
      if (session === undefined) {
        reports.push(
          notRun(
            op,
            'error',
            `not run: the adapter did not restart after an earlier fault: ${lost}`,
            o.cases,
          ),
        );
        continue;
      }
      const before = done;
      const run = await runOp(session, op, o, registry, tick);
      done = before + o.cases;
      reports.push(run.report);
      if (run.spent) ({ session, lost } = await restart(session, o.command, sessionOptions));
    }
    if (o.audit !== undefined)
      for (const op of auditable) {
        const k = reports.findIndex((r) => r.key === op.key);
        if (session === undefined) {
          reports[k] = {
            ...reports[k]!,
            status: 'error',
            reason: `views not audited: the adapter did not restart: ${lost}`,
          };
          continue;
        }
        const views = await auditBackendViews(session, op, o.audit);
        tick(`${op.key} views`);
        const r = reports[k]!;
        const leak = views.status === 'leak';
        reports[k] = {
          ...r,
          views,
          ...(leak && r.status === 'pass' ? { status: 'fail' } : {}),
          ...(views.status === 'error' && r.status === 'pass'
            ? { status: 'error', reason: views.detail }
            : {}),
        };
        if (views.spent) ({ session, lost } = await restart(session, o.command, sessionOptions));
      }
  } finally {
    await session?.close();
  }
  for (const id of missing)
    reports.push({
      key: id,
      id,
      family: registry.find((r) => r.id === id)!.family,
      params: registry.find((r) => r.id === id)!.defaults,
      status: 'missing',
      reason: `the backend does not offer ${id} (its handshake lists ${info.ops.length} ops)`,
      casesPlanned: 0,
      casesAnswered: 0,
      cost: { status: 'not reported', detail: '', mismatches: [] },
    });
  const checked = reports.filter((r) => r.status !== 'n/a').length;
  const ok = checked > 0 && reports.every((r) => r.status === 'pass' || r.status === 'n/a');
  return {
    backend: { name: info.name, version: info.version, command: o.command },
    config: info.config,
    ...(info.costProfile === undefined ? {} : { costProfile: info.costProfile }),
    seed: o.seed.toString(),
    casesPerOp: o.cases,
    size: o.size,
    ops: reports,
    notOffered: registry
      .filter((r) => wanted(r.id) && !info.ops.some((op) => op.entry.id === r.id))
      .map((r) => r.id),
    unknownOps: info.unknownOps,
    checked,
    ok,
    ms: performance.now() - t0,
  };
}

function notRun(op: OpUnderTest, status: OpStatus, reason: string, planned: number): OpReport {
  return {
    key: op.key,
    id: op.entry.id,
    family: op.entry.family,
    params: op.protocol.params,
    status,
    reason,
    casesPlanned: status === 'n/a' ? 0 : planned,
    casesAnswered: 0,
    cost: { status: 'not reported', detail: '', mismatches: [] },
  };
}

/** A new session after a fault; none, and why, when the adapter does not start again. */
async function restart(
  old: BackendSession,
  command: string,
  options: Parameters<typeof BackendSession.start>[1],
): Promise<{ session: BackendSession | undefined; lost: string }> {
  await old.kill();
  try {
    return { session: await BackendSession.start(command, options), lost: '' };
  } catch (e) {
    if (e instanceof MpcspecError) return { session: undefined, lost: e.message };
    throw e;
  }
}
