// A backend's own counters against the spec's cost formulas for the schedule it claims (issue 17 §2;
// docs/backends.md "Counters"): equal, not ≤, as the built-in properties require. Every counter is
// optional; what is reported is compared, in bits (bytes × 8). The spec states what each party sends;
// what a party receives is what the others send it, which the formulas give per party for 2 parties
// and as a total (every bit sent is received once) for more.
import type { Cost } from '../spec/types.ts';
import type { BackendCase } from './cases.ts';
import type { BackendInfo, OpUnderTest } from './handshake.ts';
import type { Counters } from './protocol/messages.ts';

export interface CounterComparison {
  /** Counter names compared, e.g. ['rounds', 'bitsSent']. */
  readonly compared: readonly string[];
  readonly mismatches: readonly string[];
  /** For tables: spec and backend values of the headline counters. */
  readonly headline: string;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function compareCounters(spec: Cost, counters: Counters, parties: number): CounterComparison {
  const compared = new Set<string>();
  const mismatches: string[] = [];
  const check = (name: string, what: string, expected: number, got: number): void => {
    compared.add(name);
    if (expected !== got) mismatches.push(`${what}: spec ${expected}, backend ${got}`);
  };
  if (counters.rounds !== undefined) check('rounds', 'rounds', spec.rounds, counters.rounds);
  const per = counters.parties;
  if (per !== undefined && per.length !== parties)
    mismatches.push(`counters for ${per.length} parties; the run has ${parties}`);
  else if (per !== undefined) {
    const received = (p: number): number | undefined => (parties === 2 ? spec.bitsSent[1 - p]! : undefined);
    const totals = { received: 0, bytes: 0, receivedAll: true, bytesAll: true };
    per.forEach((c, p) => {
      const bits = (b: number | undefined, bytes: number | undefined): number | undefined =>
        b ?? (bytes === undefined ? undefined : bytes * 8);
      const sent = bits(c.bitsSent, c.bytesSent);
      if (sent !== undefined) check('sent', `party ${p} bits sent`, spec.bitsSent[p]!, sent);
      const recv = bits(c.bitsReceived, c.bytesReceived);
      if (recv === undefined) totals.receivedAll = false;
      else {
        totals.received += recv;
        const r = received(p);
        if (r !== undefined) check('received', `party ${p} bits received`, r, recv);
      }
      if (c.bytes === undefined) totals.bytesAll = false;
      else {
        totals.bytes += c.bytes * 8;
        const r = received(p);
        if (r !== undefined)
          check('bytes', `party ${p} bits sent + received`, spec.bitsSent[p]! + r, c.bytes * 8);
      }
      if (c.messagesSent !== undefined)
        check('messages', `party ${p} messages sent`, spec.messagesSent[p]!, c.messagesSent);
      const offline = bits(c.offlineBits, c.offlineBytes);
      if (offline !== undefined) check('offline', `party ${p} offline bits`, spec.offlineBits[p]!, offline);
    });
    if (parties > 2) {
      if (totals.receivedAll)
        check('received', 'bits received by all parties', sum(spec.bitsSent), totals.received);
      if (totals.bytesAll)
        check('bytes', 'bits sent + received by all parties', 2 * sum(spec.bitsSent), totals.bytes);
    }
  }
  if (counters.preprocessing !== undefined) {
    const kinds = new Set([...Object.keys(spec.preprocessing), ...Object.keys(counters.preprocessing)]);
    for (const k of [...kinds].sort())
      check(
        'preprocessing',
        `preprocessing ${k}`,
        spec.preprocessing[k] ?? 0,
        counters.preprocessing[k] ?? 0,
      );
  }
  const p0 = per?.[0];
  const sent0 = p0?.bitsSent ?? (p0?.bytesSent === undefined ? undefined : p0.bytesSent * 8);
  const parts = [
    ...(counters.rounds === undefined ? [] : [`rounds ${spec.rounds}/${counters.rounds}`]),
    ...(sent0 === undefined ? [] : [`p0 bits ${spec.bitsSent[0]}/${sent0}`]),
    ...(sent0 === undefined && p0?.bytes !== undefined && parties === 2
      ? [`p0 bytes ${(spec.bitsSent[0]! + spec.bitsSent[1]!) / 8}/${p0.bytes}`]
      : []),
  ];
  return { compared: [...compared], mismatches, headline: parts.join(', ') };
}

export interface CostVerdict {
  readonly status: 'equal' | 'differs' | 'not reported' | 'no schedule claimed';
  /** Spec/backend of the headline counters ("rounds 1/1, p0 bits 2048/2048"), or why not judged. */
  readonly detail: string;
  /** The first mismatches, each with its case. */
  readonly mismatches: readonly string[];
}

const MAX_MISMATCHES = 3;

/** The cost verdict of one op over its cases: every reported counter of every case against the spec. */
export function judgeCost(
  op: OpUnderTest,
  info: BackendInfo,
  answered: readonly { case: BackendCase; counters: Counters | undefined }[],
): CostVerdict {
  const reported = answered.filter((a) => a.counters !== undefined);
  if (reported.length === 0) return { status: 'not reported', detail: 'not reported', mismatches: [] };
  if (info.costProfile === undefined)
    return {
      status: 'no schedule claimed',
      detail: 'counters reported, but no profile is claimed to judge them by',
      mismatches: [],
    };
  const mismatches: string[] = [];
  // the headline counters of the first case that differs, or of the first case when none does
  let headline: string | undefined;
  let firstDiffering: string | undefined;
  for (const a of reported) {
    const c = compareCounters(op.protocol.cost(info.config, a.case.shapes), a.counters!, info.config.parties);
    headline ??= c.headline;
    if (c.mismatches.length > 0) firstDiffering ??= c.headline;
    for (const m of c.mismatches)
      if (mismatches.length < MAX_MISMATCHES) mismatches.push(`case ${a.case.id}: ${m}`);
  }
  const partial =
    reported.length < answered.length ? ` (${reported.length} of ${answered.length} cases reported)` : '';
  return {
    status: mismatches.length === 0 ? 'equal' : 'differs',
    detail: `${firstDiffering ?? headline ?? ''}${partial}`,
    mismatches,
  };
}
