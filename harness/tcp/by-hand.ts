// One party of a run whose parties are started by hand, one per host (docs/parties.md, "Parties on
// separate hosts"): every host gets the same case (protocol, profile, size, seed — so each derives the
// same seeded inputs and keeps its own shares), the list of all parties' addresses, and the same secret
// file; party i listens on its own address, links the authenticated mesh, runs the protocol as party i
// and reports its measured cost, time and a digest of its output shares. No parent is involved.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { inputError } from '../../core/errors.ts';
import { KeyedTape } from '../../core/tape.ts';
import { WordArena } from '../../core/word-pool.ts';
import { PartyContext } from '../../runtime/context.ts';
import { Dealer } from '../../runtime/dealer.ts';
import { createPartyState } from '../../runtime/party-state.ts';
import { runKeys } from '../../runtime/run.ts';
import { type Peer, connectMesh, listen } from '../../runtime/tcp/mesh.ts';
import { TcpTransport } from '../../runtime/tcp/tcp-transport.ts';
import { performance } from 'node:perf_hooks';
import { type CaseRequest, buildCase } from '../case.ts';
import { partyInputs } from '../party-inputs.ts';

export interface ByHandRequest {
  readonly party: number;
  readonly peers: readonly Peer[];
  readonly secretFile: string;
  readonly timeoutMs: number;
  readonly request: CaseRequest;
}

export interface ByHandReport {
  readonly party: number;
  readonly protocol: string;
  readonly linkMs: number;
  readonly elapsedMs: number;
  readonly rounds: number;
  readonly bitsSent: number;
  readonly bitsReceived: number;
  readonly offlineBits: number;
  /** SHA-256 of this party's output shares (names and words), to compare runs. */
  readonly outputDigest: string;
}

/** The run's secret: the file's bytes (at least 16; e.g. `openssl rand -hex 32 > secret`). */
export function readSecret(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw inputError(`--secret-file: cannot read '${file}': ${(e as Error).message}`);
  }
  const secret = Buffer.from(bytes.toString('utf8').trim(), 'utf8');
  if (secret.length < 16)
    throw inputError(
      `--secret-file: '${file}' holds ${secret.length} bytes; a run's secret needs at least 16`,
    );
  return secret;
}

export async function runPartyByHand(r: ByHandRequest): Promise<ByHandReport> {
  const n = r.peers.length;
  const spec = buildCase({ ...r.request, parties: n });
  const secret = readSecret(r.secretFile);
  const self = r.peers[r.party]!;
  const t0 = performance.now();
  const listener = await listen(self.host, self.port);
  const transport = new TcpTransport(r.party, n, r.timeoutMs);
  try {
    await connectMesh(transport, listener, r.peers, secret, r.timeoutMs, transport.alloc);
    const linkMs = performance.now() - t0;
    const inputs = partyInputs(spec.protocol.inputs(), spec.inputs, spec.config, spec.seed)[r.party]!;
    return await WordArena.within(async () => {
      transport.useArena(WordArena.current());
      const t1 = performance.now();
      const keys = runKeys(spec.seed, n);
      const dealer = new Dealer(n, new KeyedTape('dealer', keys.dealer, false), n - 1, r.party);
      const state = createPartyState(r.party, n, keys, transport, dealer);
      const outputs = await spec.protocol.run(new PartyContext(state), spec.config, spec.shapes, inputs);
      const elapsedMs = performance.now() - t1;
      const hash = createHash('sha256');
      for (const [name, v] of Object.entries(outputs).sort(([a], [b]) => (a < b ? -1 : 1))) {
        hash.update(name);
        hash.update(new Uint8Array(v.data.buffer, v.data.byteOffset, v.data.byteLength));
      }
      transport.useArena(undefined);
      const c = state.counters;
      return {
        party: r.party,
        protocol: spec.protocol.id,
        linkMs,
        elapsedMs,
        rounds: c.clock,
        bitsSent: c.bitsSent,
        bitsReceived: c.bitsReceived,
        offlineBits: dealer.offlineBits[r.party]!,
        outputDigest: hash.digest('hex'),
      };
    });
  } finally {
    transport.close();
    listener.server.close();
  }
}
