// The body of a party process (`mpcspec party`, started by harness/tcp/orchestrate.ts; docs/parties.md):
// listen and print the port, take the set-up (peers, the run's secret), link the authenticated mesh,
// then run job after job on it — each in its own word arena (core/word-pool.ts), so the recycled
// buffers, the helper thread and the SIMD loops work here as in one process — and print one result per
// job. While it lives it prints an `alive` beat, so the parent tells a busy party from a stopped one.
// When the parent goes away (stdin closes) the party exits: it is never left behind.
//
// The dealer runs inside every party process from the dealer seed: every party derives the same
// material from the same keyed draws, and keeps only its own shares. Drawing only one's own shares is
// not possible for the derived party (its share is value − Σ others', so it needs the values) and saves
// little for the others with two parties; a dealer process of its own would add a round trip and a
// copy of every share per item. See docs/parties.md, "The dealer".
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { MpcspecError } from '../../core/errors.ts';
import { KeyedTape } from '../../core/tape.ts';
import { decodeOrThrow } from '../../core/validation.ts';
import { WordArena } from '../../core/word-pool.ts';
import { PartyContext } from '../../runtime/context.ts';
import { Dealer } from '../../runtime/dealer.ts';
import { createPartyState } from '../../runtime/party-state.ts';
import { runKeys } from '../../runtime/run.ts';
import type { Transport } from '../../runtime/transport.ts';
import { type Listener, connectMesh, listen } from '../../runtime/tcp/mesh.ts';
import { TcpTransport, heartbeatInterval } from '../../runtime/tcp/tcp-transport.ts';
import type * as Registry from '../../registry/index.ts';
import {
  type OutgoingPartyResult,
  ParentLine,
  type PartyJob,
  type PartySetup,
  fromWire,
  toWire,
} from './wire.ts';

/** A party's exit codes: 0 done, 2 a usage or input error in its job, 3 a runtime fault (a peer). */
export const PARTY_EXIT = { ok: 0, usage: 2, fault: 3, injected: 97 } as const;

const writeLine = (value: unknown): Promise<void> =>
  new Promise((resolve) => process.stdout.write(`${JSON.stringify(value)}\n`, () => resolve()));

/**
 * Fault injection for tests: exit, or stop this process (SIGSTOP), right before sending `label`; or stay
 * alive (beating) but wait `delayMs` before receiving it.
 */
function withFault(inner: Transport, fault: PartyJob['fault'], delayMs: number): Transport {
  if (fault === null) return inner;
  return {
    send: (from, to, round, l, payload) => {
      if (l === fault.label && fault.action === 'exit') process.exit(PARTY_EXIT.injected);
      if (l === fault.label && fault.action === 'stop') process.kill(process.pid, 'SIGSTOP');
      return inner.send(from, to, round, l, payload);
    },
    recv: async (party, from, l, round) => {
      if (l === fault.label && fault.action === 'delay') await new Promise((r) => setTimeout(r, delayMs));
      return inner.recv(party, from, l, round);
    },
  };
}

async function runJob(
  job: PartyJob,
  transport: TcpTransport,
  party: number,
  { findProtocol }: typeof Registry,
): Promise<OutgoingPartyResult> {
  return WordArena.within(async () => {
    const arena = WordArena.current()!;
    transport.useArena(arena);
    try {
      const t0 = performance.now();
      const n = job.config.parties;
      const keys = runKeys(BigInt(job.seed), n);
      const dealer = new Dealer(n, new KeyedTape('dealer', keys.dealer, false), n - 1, party);
      const state = createPartyState(
        party,
        n,
        keys,
        withFault(transport, job.fault, 3 * transport.timeoutMs),
        dealer,
      );
      const protocol = findProtocol(job.id).bind(job.params);
      const inputs = Object.fromEntries(
        Object.entries(job.inputs).map(([k, v]) => [k, fromWire(v, `party ${party}: input '${k}'`)]),
      );
      const outputs = await protocol.run(new PartyContext(state), job.config, job.shapes, inputs);
      const elapsedMs = performance.now() - t0;
      const c = state.counters;
      return {
        ok: true,
        outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, toWire(v)])),
        metrics: {
          rounds: c.clock,
          bitsSent: c.bitsSent,
          bitsReceived: c.bitsReceived,
          messagesSent: c.messagesSent,
          messagesReceived: c.messagesReceived,
          offlineBits: dealer.offlineBits[party]!,
        },
        elapsedMs,
        preprocessing: { ...dealer.preprocessing },
        sent: job.transcript
          ? transport.transcript.map((m) => ({
              seq: m.seq,
              from: m.from,
              to: m.to,
              round: m.round,
              label: m.label,
              payload: toWire(m.payload),
            }))
          : [],
      };
    } finally {
      transport.useArena(undefined);
    }
  });
}

async function link(setup: PartySetup, listener: Listener): Promise<TcpTransport> {
  const transport = new TcpTransport(setup.party, setup.peers.length, setup.timeoutMs);
  await connectMesh(
    transport,
    listener,
    setup.peers,
    Buffer.from(setup.secret, 'hex'),
    setup.timeoutMs,
    transport.alloc,
  );
  return transport;
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MpcspecError(
      'usage',
      `party process: a line from the parent is not JSON: ${text.slice(0, 80)}`,
    );
  }
}

/** Serve the parent's lines until it closes stdin; resolves to the exit code. */
export async function partyMain(host: string): Promise<number> {
  let listener: Listener;
  try {
    listener = await listen(host);
  } catch (e) {
    await writeLine({ ok: false, kind: 'fault', message: e instanceof Error ? e.message : String(e) });
    return PARTY_EXIT.fault;
  }
  await writeLine({ type: 'port', port: listener.port });
  // Every protocol's modules load while the peers start and link (most of a party's start-up).
  const registry = import('../../registry/index.ts');
  registry.catch(() => undefined); // reported where it is awaited
  let beat = setInterval(() => void writeLine({ type: 'alive' }), 1000);
  let transport: TcpTransport | undefined;
  let party = -1;
  const rl = createInterface({ input: process.stdin });
  let busy = false;
  // The parent is gone (or done): a party in the middle of a job has nobody to report to.
  rl.once('close', () => {
    if (busy) process.exit(PARTY_EXIT.fault);
  });
  try {
    for await (const text of rl) {
      busy = true;
      const line = decodeOrThrow(ParentLine, parseLine(text), 'party process: line from the parent', 'usage');
      if (line.type === 'setup') {
        party = line.party;
        transport = await link(line, listener);
        await registry;
        clearInterval(beat);
        beat = setInterval(() => void writeLine({ type: 'alive' }), heartbeatInterval(line.timeoutMs));
        await writeLine({ type: 'linked' });
      } else {
        if (transport === undefined)
          throw new MpcspecError('usage', 'party process: a job before the set-up');
        await writeLine(await runJob(line, transport, party, await registry));
      }
      busy = false;
    }
    return PARTY_EXIT.ok;
  } catch (e) {
    const kind = e instanceof MpcspecError ? e.kind : 'internal';
    await writeLine({ ok: false, kind, message: e instanceof Error ? e.message : String(e) });
    return kind === 'fault' ? PARTY_EXIT.fault : PARTY_EXIT.usage;
  } finally {
    clearInterval(beat);
    rl.close();
    transport?.close();
    listener.server.close();
  }
}
