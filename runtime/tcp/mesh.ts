// Connecting n party processes into a full mesh over TCP, with authenticated peers (docs/parties.md,
// "Authenticated peers"): each party listens; party i dials every j < i (retrying while j is not yet
// listening) and accepts every j > i. The acceptor opens with a challenge (its id and a fresh nonce);
// the dialler answers with a hello carrying its id, the id it meant to reach, its own nonce and
// HMAC-SHA256(secret, "hello|i|j|challenge nonce"); the acceptor checks the ids and the MAC and answers
// with a welcome, HMAC(secret, "welcome|j|i|dialler's nonce"), which the dialler checks. So a
// connection that does not know the run's secret cannot pass as a party, and a replayed hello fails
// (the challenge is fresh). A connection from an unknown or duplicate party, a hello whose MAC does not
// verify, or a malformed frame ends the set-up with a one-line fault naming the connection's address,
// the frame and the field; a peer that never shows up is named at the deadline.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';
import { faultError } from '../../core/errors.ts';
import { type AllocWords, type Frame, FrameReader, encodeFrame } from './frame.ts';
import type { TcpTransport } from './tcp-transport.ts';

export interface Listener {
  readonly server: Server;
  readonly port: number;
  /**
   * Connections accepted before connectMesh takes over, with the bytes they sent: a faster peer may
   * dial in before this party has received its job.
   */
  readonly early: { readonly socket: Socket; readonly chunks: Buffer[] }[];
}

export interface Peer {
  readonly host: string;
  readonly port: number;
}

export function listen(host: string, port = 0): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    const early: Listener['early'][number][] = [];
    server.on('connection', (socket) => {
      const entry = { socket, chunks: [] as Buffer[] };
      socket.on('data', (c: Buffer) => entry.chunks.push(c));
      socket.on('error', () => undefined); // a connection that fails before set-up is only not linked
      early.push(entry);
    });
    server.once('error', (e) =>
      reject(faultError(`cannot listen on ${host}:${port}: ${(e as Error).message}`)),
    );
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port, early }));
  });
}

const mac = (secret: Uint8Array, text: string): string =>
  createHmac('sha256', secret).update(text).digest('hex');

function macMatches(secret: Uint8Array, text: string, claimed: string): boolean {
  const want = Buffer.from(mac(secret, text), 'hex');
  const got = Buffer.from(claimed, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

const nonce = (): string => randomBytes(16).toString('hex');
const addressOf = (s: Socket): string => `${s.remoteAddress ?? '?'}:${s.remotePort ?? '?'}`;
const RETRY_MS = 100;

/** The first set-up frame on `socket`, then the frames that followed it in the same chunks. */
function onFrames(
  socket: Socket,
  reader: FrameReader,
  initial: readonly Buffer[],
  handle: (frames: Frame[]) => void,
): void {
  const onData = (chunk: Buffer): void => handle(reader.push(chunk));
  socket.on('data', onData);
  for (const c of initial) onData(c);
}

/**
 * Connect `transport` to every other party; resolves when all n−1 links are authenticated and attached.
 * `secret` is the run's shared secret: every party of one run must hold the same bytes.
 */
export function connectMesh(
  transport: TcpTransport,
  listener: Listener,
  peers: readonly Peer[],
  secret: Uint8Array,
  timeoutMs: number,
  alloc?: AllocWords,
): Promise<void> {
  const { party, parties } = transport;
  return new Promise((resolve, reject) => {
    const linked = new Set<number>();
    const sockets = new Set<Socket>();
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const s of sockets) s.destroy();
      listener.server.close();
      reject(e);
    };
    const timer = setTimeout(() => {
      const missing = Array.from({ length: parties }, (_, i) => i).filter(
        (i) => i !== party && !linked.has(i),
      );
      fail(
        faultError(
          `party ${party}: could not connect to part${missing.length === 1 ? 'y' : 'ies'} ${missing.join(', ')} within ${timeoutMs} ms (${missing.map((i) => `party ${i} at ${peers[i]?.host}:${peers[i]?.port}`).join(', ')})`,
        ),
      );
    }, timeoutMs);
    const done = (peer: number, socket: Socket, reader: FrameReader, pending: readonly Frame[]): void => {
      if (settled) return;
      socket.removeAllListeners('data');
      socket.removeAllListeners('error');
      sockets.delete(socket);
      transport.attach(peer, socket, reader, pending);
      linked.add(peer);
      if (linked.size === parties - 1) {
        settled = true;
        clearTimeout(timer);
        listener.server.close();
        resolve();
      }
    };
    const guarded = (socket: Socket, body: () => void): void => {
      try {
        body();
      } catch (e) {
        socket.destroy();
        fail(e instanceof Error ? e : new Error(String(e)));
      }
    };

    // Accepting party j > party: challenge, check the hello, welcome.
    const accept = (socket: Socket, chunks: readonly Buffer[]): void => {
      socket.removeAllListeners('data');
      socket.setNoDelay(true);
      sockets.add(socket);
      const from = `the connection from ${addressOf(socket)}`;
      const reader = new FrameReader(party, from, alloc);
      const challenge = nonce();
      socket.write(encodeFrame({ type: 'challenge', party, nonce: challenge }));
      let introduced = false;
      onFrames(socket, reader, chunks, (frames) =>
        guarded(socket, () => {
          if (introduced || frames.length === 0) return;
          const [hello, ...rest] = frames as [Frame, ...Frame[]];
          const h = hello.header;
          const at = `party ${party}: frame ${hello.number} from ${from}`;
          if (h.type !== 'hello') throw faultError(`${at}: type: expected a hello, got '${h.type}'`);
          if (!Number.isInteger(h.party) || h.party <= party || h.party >= parties)
            throw faultError(
              `${at}: party: ${h.party} is not a party that connects to party ${party} (parties ${party + 1}…${parties - 1} of 0…${parties - 1} do)`,
            );
          if (h.to !== party)
            throw faultError(`${at}: to: the hello is for party ${h.to}, this is party ${party}`);
          if (linked.has(h.party))
            throw faultError(`${at}: party: party ${h.party} is already connected (a duplicate party)`);
          if (!macMatches(secret, `hello|${h.party}|${party}|${challenge}`, h.mac))
            throw faultError(
              `${at}: mac: the hello claiming to be party ${h.party} does not verify under this run's secret (a spoofed hello, or a different secret)`,
            );
          introduced = true;
          reader.identify(`party ${h.party}`);
          socket.write(
            encodeFrame({ type: 'welcome', mac: mac(secret, `welcome|${party}|${h.party}|${h.nonce}`) }),
          );
          done(h.party, socket, reader, rest);
        }),
      );
      socket.on('error', () => sockets.delete(socket)); // dropped before its hello: only not linked
    };
    for (const e of listener.early.splice(0)) accept(e.socket, e.chunks);
    listener.server.removeAllListeners('connection');
    listener.server.on('connection', (socket: Socket) => accept(socket, []));

    // Dialling party j < party: answer the challenge, check the welcome.
    const dial = (peer: number): void => {
      const { host, port } = peers[peer]!;
      const where = `party ${peer} at ${host}:${port}`;
      const socket = connect({ host, port });
      sockets.add(socket);
      const reader = new FrameReader(party, where, alloc);
      const mine = nonce();
      let stage: 'challenge' | 'welcome' | 'linked' = 'challenge';
      socket.once('connect', () => socket.setNoDelay(true));
      onFrames(socket, reader, [], (frames) =>
        guarded(socket, () => {
          for (let k = 0; k < frames.length && stage !== 'linked'; k++) {
            const f = frames[k]!;
            const h = f.header;
            const at = `party ${party}: frame ${f.number} from ${where}`;
            if (stage === 'challenge') {
              if (h.type !== 'challenge')
                throw faultError(`${at}: type: expected a challenge, got '${h.type}'`);
              if (h.party !== peer)
                throw faultError(`${at}: party: the listener there is party ${h.party}, not party ${peer}`);
              socket.write(
                encodeFrame({
                  type: 'hello',
                  party,
                  to: peer,
                  nonce: mine,
                  mac: mac(secret, `hello|${party}|${peer}|${h.nonce}`),
                }),
              );
              stage = 'welcome';
            } else {
              if (h.type !== 'welcome') throw faultError(`${at}: type: expected a welcome, got '${h.type}'`);
              if (!macMatches(secret, `welcome|${peer}|${party}|${mine}`, h.mac))
                throw faultError(
                  `${at}: mac: the welcome does not verify under this run's secret (not party ${peer}, or a different secret)`,
                );
              stage = 'linked';
              done(peer, socket, reader, frames.slice(k + 1));
            }
          }
        }),
      );
      socket.on('close', () => {
        if (stage === 'welcome' && !settled)
          fail(
            faultError(
              `party ${party}: ${where} closed the connection after this party's hello: it did not accept it (a different secret?)`,
            ),
          );
      });
      socket.on('error', (e: NodeJS.ErrnoException) => {
        sockets.delete(socket);
        if (settled || stage === 'linked') return;
        // Not listening yet (a party started by hand a moment later): try again until the deadline.
        if (e.code === 'ECONNREFUSED' && stage === 'challenge')
          setTimeout(() => settled || dial(peer), RETRY_MS);
        else fail(faultError(`party ${party}: cannot connect to ${where}: ${e.message}`));
      });
    };
    for (let peer = 0; peer < party; peer++) dial(peer);
  });
}
