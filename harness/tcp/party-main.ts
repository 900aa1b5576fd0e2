// The body of a party process (`mpcspec party`, started by harness/tcp/orchestrate.ts): listen, tell the
// parent the port, take the job, connect to the other parties, run the protocol as one party over TCP,
// and report outputs, measured cost and the messages sent. The dealer runs inside every party process
// from the dealer seed, each process keeping only its own shares (the material depends only on the seed
// and the labels, so every process computes the same).
import { createInterface } from 'node:readline';
import { MpcspecError, runtimeError } from '../../core/errors.ts';
import { KeyedTape } from '../../core/tape.ts';
import { decodeOrThrow } from '../../core/validation.ts';
import { PartyContext } from '../../runtime/context.ts';
import { Dealer } from '../../runtime/dealer.ts';
import { createPartyState } from '../../runtime/party-state.ts';
import { runKeys } from '../../runtime/run.ts';
import type { Transport } from '../../runtime/transport.ts';
import { connectMesh, listen } from '../../runtime/tcp/mesh.ts';
import { TcpTransport } from '../../runtime/tcp/tcp-transport.ts';
import { findProtocol } from '../../registry/index.ts';
import { type OutgoingPartyResult, PartyJob, fromWire, toWire } from './wire.ts';

export const FAULT_EXIT_CODE = 3;

function readLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', (line) => {
      resolve(line); // before close(): closing emits 'close' at once, whose reject must come second
      rl.close();
    });
    rl.once('close', () =>
      reject(runtimeError('party process: the parent closed stdin before sending the job')),
    );
  });
}

const writeLine = (value: unknown): Promise<void> =>
  new Promise((resolve) => process.stdout.write(`${JSON.stringify(value)}\n`, () => resolve()));

/** A transport that exits the process right before sending `label` (fault injection for tests). */
function withExitBefore(inner: Transport, label: string | null): Transport {
  if (label === null) return inner;
  return {
    send: (from, to, round, l, payload) => {
      if (l === label) process.exit(FAULT_EXIT_CODE);
      return inner.send(from, to, round, l, payload);
    },
    recv: (party, from, l, round) => inner.recv(party, from, l, round),
  };
}

export async function partyMain(host: string): Promise<number> {
  const listener = await listen(host);
  await writeLine({ port: listener.port });
  let transport: TcpTransport | undefined;
  try {
    const job = decodeOrThrow(PartyJob, JSON.parse(await readLine()), 'party job', 'runtime');
    const n = job.config.parties;
    transport = new TcpTransport(job.party, n, job.timeoutMs);
    await connectMesh(transport, listener, job.host, job.ports, job.timeoutMs);
    const keys = runKeys(BigInt(job.seed), n);
    const dealer = new Dealer(n, new KeyedTape('dealer', keys.dealer, false));
    const state = createPartyState(
      job.party,
      n,
      keys,
      withExitBefore(transport, job.exitBeforeLabel),
      dealer,
    );
    const protocol = findProtocol(job.id).bind(job.params);
    const inputs = Object.fromEntries(Object.entries(job.inputs).map(([k, v]) => [k, fromWire(v)]));
    const outputs = await protocol.run(new PartyContext(state), job.config, job.shapes, inputs);
    const c = state.counters;
    const result: OutgoingPartyResult = {
      ok: true,
      outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, toWire(v)])),
      metrics: {
        rounds: c.clock,
        bitsSent: c.bitsSent,
        bitsReceived: c.bitsReceived,
        messagesSent: c.messagesSent,
        messagesReceived: c.messagesReceived,
        offlineBits: dealer.offlineBits[job.party]!,
      },
      preprocessing: { ...dealer.preprocessing },
      sent: transport.transcript.map((m) => ({
        seq: m.seq,
        from: m.from,
        to: m.to,
        round: m.round,
        label: m.label,
        payload: toWire(m.payload),
      })),
    };
    await writeLine(result);
    return 0;
  } catch (e) {
    const kind = e instanceof MpcspecError ? e.kind : 'internal';
    await writeLine({ ok: false, kind, message: e instanceof Error ? e.message : String(e) });
    return 2;
  } finally {
    transport?.close();
    listener.server.close();
  }
}
