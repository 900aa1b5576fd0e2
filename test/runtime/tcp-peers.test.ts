// Bad input on the wire (docs/parties.md, "Authenticated peers" and "Wire format"): a hand-driven socket
// plays the peer of a real party 0 and sends what an honest party never would — a spoofed hello, an
// unknown or duplicate party, garbage, a huge length prefix, a bad shape, an unknown label. Each ends in
// one line naming the peer, the frame and the field, as a fault (exit code 3 at the CLI).
import { createHmac } from 'node:crypto';
import { type Socket, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MpcspecError } from '../../core/errors.ts';
import { fromIntegers } from '../../core/ring.ts';
import { type Listener, connectMesh, listen } from '../../runtime/tcp/mesh.ts';
import { TcpTransport } from '../../runtime/tcp/tcp-transport.ts';
import { FrameReader, encodeFrame } from '../../runtime/tcp/frame.ts';

const SECRET = Buffer.alloc(32, 7);
const hmac = (key: Uint8Array, text: string): string => createHmac('sha256', key).update(text).digest('hex');

const open: { sockets: Socket[]; transports: TcpTransport[]; listeners: Listener[] } = {
  sockets: [],
  transports: [],
  listeners: [],
};
afterEach(() => {
  for (const s of open.sockets.splice(0)) s.destroy();
  for (const t of open.transports.splice(0)) t.close();
  for (const l of open.listeners.splice(0)) l.server.close();
});

/** Party 0 of `parties`, listening, with connectMesh under way. */
async function party0(parties: number) {
  const listener = await listen('127.0.0.1');
  const transport = new TcpTransport(0, parties, 10_000);
  open.listeners.push(listener);
  open.transports.push(transport);
  const peers = Array.from({ length: parties }, () => ({ host: '127.0.0.1', port: listener.port }));
  const linked = connectMesh(transport, listener, peers, SECRET, 10_000);
  return { listener, transport, linked };
}

/** A raw connection to party 0 that answers its challenge with `hello(challengeNonce)`. */
function dial(port: number, hello: (nonce: string) => Buffer): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    open.sockets.push(socket);
    const reader = new FrameReader(9, 'party 0');
    socket.on('data', (chunk: Buffer) => {
      for (const f of reader.push(chunk))
        if (f.header.type === 'challenge') {
          socket.write(hello(f.header.nonce));
          resolve(socket);
        }
    });
    socket.on('error', () => undefined);
  });
}

const honestHello =
  (party: number, key: Uint8Array = SECRET) =>
  (nonce: string) =>
    encodeFrame({ type: 'hello', party, to: 0, nonce: 'ab', mac: hmac(key, `hello|${party}|0|${nonce}`) });

async function failureOf(p: Promise<unknown>): Promise<MpcspecError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MpcspecError) return e;
    throw e;
  }
  throw new Error('no failure');
}

/** Party 0 linked with a hand-driven party 1 (which knows the secret); its hello was frame 1. */
async function linkedPair() {
  const { listener, transport, linked } = await party0(2);
  const socket = await dial(listener.port, honestHello(1));
  await linked;
  return { transport, socket };
}

describe('authenticated peers', () => {
  it('a hello with a MAC under another secret (a spoofed party) is rejected, naming connection and field', async () => {
    const { listener, linked } = await party0(2);
    void dial(listener.port, honestHello(1, Buffer.alloc(32, 8)));
    const e = await failureOf(linked);
    expect(e.kind).toBe('fault');
    expect(e.message).toMatch(
      /^party 0: frame 1 from the connection from 127\.0\.0\.1:\d+: mac: the hello claiming to be party 1 does not verify under this run's secret/,
    );
  });

  it('a replayed hello (a MAC over an old challenge) is rejected', async () => {
    const { listener, linked } = await party0(2);
    void dial(listener.port, () => honestHello(1)('00'.repeat(16)));
    expect((await failureOf(linked)).message).toMatch(
      /mac: the hello claiming to be party 1 does not verify/,
    );
  });

  it('a hello from an unknown party', async () => {
    const { listener, linked } = await party0(2);
    void dial(listener.port, honestHello(5));
    expect((await failureOf(linked)).message).toMatch(
      /^party 0: frame 1 from the connection from 127\.0\.0\.1:\d+: party: 5 is not a party that connects to party 0/,
    );
  });

  it('a second connection claiming a party already linked (a duplicate party)', async () => {
    const { listener, linked } = await party0(3);
    await dial(listener.port, honestHello(1));
    void dial(listener.port, honestHello(1));
    expect((await failureOf(linked)).message).toMatch(
      /frame 1 from the connection from 127\.0\.0\.1:\d+: party: party 1 is already connected \(a duplicate party\)/,
    );
  });
});

describe('malformed frames after linking', () => {
  const ring = (n: number) =>
    fromIntegers(
      64,
      [n],
      Array.from({ length: n }, (_, i) => BigInt(i)),
    );

  it('a message arrives whole, however the stream is cut', async () => {
    const { transport, socket } = await linkedPair();
    const frame = encodeFrame(
      { type: 'message', round: 1, label: 'x', kind: 'ring', width: 64, shape: [3] },
      ring(3),
    );
    for (let i = 0; i < frame.length; i += 5) socket.write(frame.subarray(i, i + 5));
    const m = await transport.recv(0, 1, 'x', 0);
    expect([...m.payload.data]).toEqual([0n, 1n, 2n]);
  });

  it('garbage', async () => {
    const { transport, socket } = await linkedPair();
    socket.write(Buffer.from([3, 0, 0, 0, 0x7b, 0x7b, 0x7b]));
    const e = await failureOf(transport.recv(0, 1, 'x', 0));
    expect(e.kind).toBe('fault');
    expect(e.message).toBe('party 0: frame 2 from party 1: header: not JSON (garbage on the connection?)');
  });

  it('a huge length prefix fails at once, without waiting for 4 GiB', async () => {
    const { transport, socket } = await linkedPair();
    socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect((await failureOf(transport.recv(0, 1, 'x', 0))).message).toBe(
      'party 0: frame 2 from party 1: length prefix: a header of 4294967295 bytes, more than 65536 (garbage on the connection?)',
    );
  });

  it('a negative shape', async () => {
    const { transport, socket } = await linkedPair();
    socket.write(
      encodeFrame({ type: 'message', round: 1, label: 'x', kind: 'ring', width: 64, shape: [-2] }),
    );
    expect((await failureOf(transport.recv(0, 1, 'x', 0))).message).toBe(
      "party 0: frame 2 from party 1 (label 'x', round 1): shape [-2] is not a shape: dimensions are non-negative integers",
    );
  });

  it('a frame of an unknown kind (bad shape of the header)', async () => {
    const { transport, socket } = await linkedPair();
    const head = Buffer.from(
      JSON.stringify({ type: 'message', round: 1, label: 'x', kind: 'float', width: 64, shape: [1] }),
    );
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    socket.write(Buffer.concat([len, head]));
    expect((await failureOf(transport.recv(0, 1, 'x', 0))).message).toMatch(
      /^party 0: frame 2 from party 1 \(label 'x', round 1\): header: .*kind/,
    );
  });

  it('a round before the first', async () => {
    const { transport, socket } = await linkedPair();
    socket.write(
      encodeFrame({ type: 'message', round: 0, label: 'x', kind: 'ring', width: 64, shape: [1] }, ring(1)),
    );
    expect((await failureOf(transport.recv(0, 1, 'x', 0))).message).toBe(
      "party 0: frame 2 from party 1 (label 'x', round 0): round 0 is not a round: messages are stamped from round 1",
    );
  });

  it('a message for an unknown label', async () => {
    const { transport, socket } = await linkedPair();
    socket.write(
      encodeFrame({ type: 'message', round: 1, label: 'y', kind: 'ring', width: 64, shape: [1] }, ring(1)),
    );
    const e = await failureOf(transport.recv(0, 1, 'x', 0));
    expect(e.kind).toBe('fault');
    expect(e.message).toBe(
      "party 0, round 0: frame 2 from party 1: label: expected 'x' from party 1 but the next message on that channel is 'y' (Z_2^64[1], sent in round 1)",
    );
  });

  it('a set-up frame after linking', async () => {
    const { transport, socket } = await linkedPair();
    socket.write(encodeFrame({ type: 'welcome', mac: '00' }));
    expect((await failureOf(transport.recv(0, 1, 'x', 0))).message).toBe(
      "party 0: frame 2 from party 1: type: a 'welcome' frame after the connection was set up",
    );
  });
});
