// One party's end of the TCP transport (docs/parties.md): an authenticated socket to every other party
// (runtime/tcp/mesh.ts), carrying frames (runtime/tcp/frame.ts), with Nagle off so a round's last
// segment leaves at once. While linked it sends every peer a heartbeat frame several times per timeout,
// so a peer that is computing is heard from and one that is stopped or hung is not: the receive
// deadline measures silence (runtime/channel-transport.ts). Links outlive a job: a party process runs
// job after job on one mesh (harness/tcp/party-main.ts), each in its own word arena.
import type { Socket } from 'node:net';
import { faultError } from '../../core/errors.ts';
import type { WordArena } from '../../core/word-pool.ts';
import { ChannelTransport } from '../channel-transport.ts';
import type { Payload } from '../payload.ts';
import { type Frame, type FrameReader, encodeFrame } from './frame.ts';

const HEARTBEAT = encodeFrame({ type: 'heartbeat' });

/** How often a party sends heartbeats: four per timeout, at most one a second. */
export const heartbeatInterval = (timeoutMs: number): number => Math.max(10, Math.min(1000, timeoutMs / 4));

export class TcpTransport extends ChannelTransport {
  private readonly sockets = new Map<number, Socket>();
  private readonly beat: NodeJS.Timeout;
  private arena: WordArena | undefined;

  constructor(party: number, parties: number, timeoutMs: number) {
    super(party, parties, timeoutMs);
    this.beat = setInterval(() => {
      for (const s of this.sockets.values()) if (s.writable) s.write(HEARTBEAT);
    }, heartbeatInterval(timeoutMs));
    this.beat.unref();
  }

  /** Received payloads go to `arena` (the current job's), or plain arrays when undefined. */
  useArena(arena: WordArena | undefined): void {
    this.arena = arena;
    this.resetTranscript();
  }

  /** Where the frame readers put payloads: the current job's arena. */
  readonly alloc = (n: number): BigUint64Array => this.arena?.alloc(n, false) ?? new BigUint64Array(n);

  /** Take over a linked socket to `peer`; `pending` are frames that followed the set-up. */
  attach(peer: number, socket: Socket, reader: FrameReader, pending: readonly Frame[]): void {
    this.sockets.set(peer, socket);
    this.heard(peer);
    for (const f of pending) this.onFrame(peer, f);
    socket.on('data', (chunk: Buffer) => {
      this.heard(peer);
      try {
        for (const f of reader.push(chunk)) this.onFrame(peer, f);
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        socket.destroy();
      }
    });
    socket.on('close', () => this.peerClosed(peer, 'closed'));
    socket.on('error', (e) => this.peerClosed(peer, `failed (${e.message})`));
  }

  close(): void {
    clearInterval(this.beat);
    for (const s of this.sockets.values()) s.end();
  }

  protected linked(to: number): boolean {
    return this.sockets.has(to);
  }

  protected transmit(to: number, round: number, label: string, payload: Payload): void {
    const width = payload.kind === 'ring' ? payload.ell : payload.width;
    this.sockets
      .get(to)!
      .write(
        encodeFrame(
          { type: 'message', round, label, kind: payload.kind, width, shape: [...payload.shape] },
          payload,
        ),
      );
  }

  private onFrame(peer: number, frame: Frame): void {
    const h = frame.header;
    if (h.type === 'heartbeat') return;
    if (h.type !== 'message' || frame.payload === undefined) {
      this.fail(
        faultError(
          `party ${this.party}: frame ${frame.number} from party ${peer}: type: a '${h.type}' frame after the connection was set up`,
        ),
      );
      return;
    }
    this.incoming(peer, h.round, h.label, frame.payload, frame.number);
  }
}
