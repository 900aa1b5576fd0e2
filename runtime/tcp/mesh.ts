// Connecting n party processes into a full mesh over TCP: each party listens; party i dials every
// j < i and introduces itself with a hello frame; it accepts the others and learns who they are from
// their hello. Connecting has a deadline, and a peer that never shows up is named in the error.
import { type AddressInfo, type Server, type Socket, connect, createServer } from 'node:net';
import { runtimeError } from '../../core/errors.ts';
import { FrameReader, encodeFrame } from './frame.ts';
import type { TcpTransport } from './tcp-transport.ts';

export interface Listener {
  readonly server: Server;
  readonly port: number;
  /**
   * Connections accepted before connectMesh takes over, with the bytes they sent: a faster peer may
   * dial in (and send) before this party has received its job.
   */
  readonly early: { readonly socket: Socket; readonly chunks: Buffer[] }[];
}

export function listen(host: string): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    const early: Listener['early'][number][] = [];
    server.on('connection', (socket) => {
      const entry = { socket, chunks: [] as Buffer[] };
      socket.on('data', (c: Buffer) => entry.chunks.push(c));
      early.push(entry);
    });
    server.once('error', reject);
    server.listen(0, host, () => resolve({ server, port: (server.address() as AddressInfo).port, early }));
  });
}

/** Connect `transport` to every other party; resolves when all n−1 links are attached. */
export function connectMesh(
  transport: TcpTransport,
  listener: Listener,
  host: string,
  ports: readonly number[],
  timeoutMs: number,
): Promise<void> {
  const { party, parties } = transport;
  return new Promise((resolve, reject) => {
    const linked = new Set<number>();
    const timer = setTimeout(() => {
      const missing = Array.from({ length: parties }, (_, i) => i).filter(
        (i) => i !== party && !linked.has(i),
      );
      reject(
        runtimeError(
          `party ${party}: could not connect to part${missing.length === 1 ? 'y' : 'ies'} ${missing.join(', ')} within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    const done = (
      peer: number,
      socket: Socket,
      reader: FrameReader,
      pending: Parameters<TcpTransport['attach']>[3],
    ): void => {
      transport.attach(peer, socket, reader, pending);
      linked.add(peer);
      if (linked.size === parties - 1) {
        clearTimeout(timer);
        listener.server.close();
        resolve();
      }
    };
    const accept = (socket: Socket, chunks: readonly Buffer[]): void => {
      socket.removeAllListeners('data');
      socket.setNoDelay(true);
      const reader = new FrameReader(party, 'a connecting party');
      const onData = (chunk: Buffer): void => {
        try {
          const frames = reader.push(chunk);
          const hello = frames[0];
          if (hello === undefined) return;
          if (hello.header.type !== 'hello' || hello.header.party <= party || hello.header.party >= parties) {
            throw runtimeError(
              `party ${party}: a connection did not introduce itself as a party above ${party}`,
            );
          }
          socket.off('data', onData);
          reader.identify(`party ${hello.header.party}`);
          done(hello.header.party, socket, reader, frames.slice(1));
        } catch (e) {
          clearTimeout(timer);
          socket.destroy();
          reject(e);
        }
      };
      socket.on('data', onData);
      if (chunks.length > 0) onData(Buffer.concat(chunks));
    };
    for (const e of listener.early.splice(0)) accept(e.socket, e.chunks);
    listener.server.removeAllListeners('connection');
    listener.server.on('connection', (socket: Socket) => accept(socket, []));
    for (let peer = 0; peer < party; peer++) {
      const socket = connect({ host, port: ports[peer]! }, () => {
        socket.setNoDelay(true);
        socket.write(encodeFrame({ type: 'hello', party }));
        done(peer, socket, new FrameReader(party, `party ${peer}`), []);
      });
      socket.once('error', (e) => {
        if (!linked.has(peer)) {
          clearTimeout(timer);
          reject(
            runtimeError(
              `party ${party}: cannot connect to party ${peer} at ${host}:${ports[peer]}: ${e.message}`,
            ),
          );
        }
      });
    }
  });
}
