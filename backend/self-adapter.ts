// mpcspec's own engine behind the backend protocol (issue 17 §5; `mpcspec self-adapter`): a
// subprocess that proves the runner end to end. It offers every registered op under every registered
// parameter set its configuration supports, asks for the runner's input shares, runs every party on the
// in-memory network, and answers with every party's output shares, its measured counters (rounds,
// bits sent and received, messages, offline bits, preprocessing) and, when asked, every party's view —
// for a batch of instances, each instance run on its own so every view item is instance-major.
import { createInterface } from 'node:readline';
import { isLeft } from 'fp-ts/lib/Either.js';
import { MpcspecError } from '../core/errors.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { type RingTensor, ringTensor } from '../core/ring.ts';
import { type Shape, sizeOf } from '../core/shape.ts';
import { describeValidationErrors } from '../core/validation.ts';
import { partyInputs } from '../harness/party-inputs.ts';
import { type BoundProtocol, REGISTRY } from '../registry/index.ts';
import type { Payload } from '../runtime/payload.ts';
import { type RunResult, runParties } from '../runtime/run.ts';
import type { PartyView as EngineView } from '../runtime/transcript.ts';
import type { PartyOutputs } from '../protocols/types.ts';
import type { Config } from '../spec/config.ts';
import type * as t from 'io-ts';
import {
  CaseMessage,
  type Counters,
  type HandshakeMessage,
  PROTOCOL_VERSION,
  type ResultMessage,
  type ViewItem,
} from './protocol/messages.ts';
import { wordsFromWire, wordsToWire } from './protocol/words.ts';

type Shapes = Readonly<Record<string, Shape>>;
/** Results and view items as written: ring words as decimal strings. */
type ResultWire = t.OutputOf<typeof ResultMessage>;
type ItemWire = t.OutputOf<typeof ViewItem>;

/** Every registered op under every registered parameter set that runs in this configuration. */
export function offeredOps(config: Config): { id: string; params: Record<string, unknown> }[] {
  return REGISTRY.flatMap((entry) =>
    [entry.defaults as Record<string, unknown>, ...entry.variants].flatMap((params) => {
      try {
        return entry.bind(params).unsupported(config) === undefined
          ? [{ id: entry.id, params: { ...params } }]
          : [];
      } catch (e) {
        if (e instanceof MpcspecError) return [];
        throw e;
      }
    }),
  );
}

export function selfHandshake(config: Config): HandshakeMessage {
  return {
    type: 'handshake',
    protocol: PROTOCOL_VERSION,
    backend: { name: 'mpcspec (self)', version: '0.1.0' },
    parties: config.parties,
    profile: config.profile,
    inputShares: true,
    views: true,
    ops: offeredOps(config),
  };
}

const words = (t: Payload): string[] => wordsToWire(t.data, t.kind === 'ring' ? t.ell : 64);

function viewItems(v: EngineView): ItemWire[] {
  const width = (p: Payload): number => (p.kind === 'ring' ? p.ell : p.width);
  const item = (name: string, role: ItemWire['role'], p: Payload): ItemWire => ({
    name,
    role,
    width: width(p),
    words: words(p),
  });
  return [
    ...Object.entries(v.inputs).map(([name, p]) => item(`input ${name}`, 'input', p)),
    ...v.tapes.flatMap((tape) =>
      tape.draws.map((d): ItemWire => ({
        name: `tape ${tape.tape}:${d.label}`,
        role: 'randomness',
        width: 64,
        words: Array.from(d.words, String),
      })),
    ),
    ...v.preprocessing.flatMap((pre) =>
      Object.entries(pre.values).map(([name, p]) => item(`dealer ${pre.label}/${name}`, 'preprocessing', p)),
    ),
    ...v.received.map((m, k) =>
      item(`message #${k} '${m.label}' from party ${m.from}`, 'message', m.payload),
    ),
  ];
}

function counters(run: RunResult<PartyOutputs>): Counters {
  return {
    rounds: run.metrics.rounds,
    parties: run.metrics.parties.map((p) => ({
      bitsSent: p.bitsSent,
      bitsReceived: p.bitsReceived,
      messagesSent: p.messagesSent,
      offlineBits: p.offlineBits,
    })),
    preprocessing: { ...run.metrics.preprocessing },
  };
}

interface Instance {
  readonly shapes: Shapes;
  readonly clear: Record<string, RingTensor>;
  readonly shares?: Record<string, Payload>[];
  readonly seed: bigint;
}

function ringOf(ell: number, shape: Shape, given: readonly string[], what: string): RingTensor {
  const w = wordsFromWire(given.map(BigInt), ell);
  if ('outOfRange' in w) throw new MpcspecError('input', `${what}[${w.outOfRange}] is not in Z_2^${ell}`);
  return ringTensor(ell, shape, w.data);
}

/** Instance b of a batch: every tensor's b-th slice along its first axis. */
function sliceInstance(x: Instance, b: number, count: number): Instance {
  const slice = (t: RingTensor): RingTensor => {
    const n = sizeOf(t.shape) / count;
    return ringTensor(t.ell, t.shape.slice(1), t.data.slice(b * n, (b + 1) * n));
  };
  return {
    shapes: Object.fromEntries(Object.entries(x.shapes).map(([k, s]) => [k, s.slice(1)])),
    clear: Object.fromEntries(Object.entries(x.clear).map(([k, t]) => [k, slice(t)])),
    ...(x.shares === undefined
      ? {}
      : {
          shares: x.shares.map((p) =>
            Object.fromEntries(Object.entries(p).map(([k, t]) => [k, slice(t as RingTensor)])),
          ),
        }),
    seed: chachaWords(deriveKey(rootKey(x.seed), `instance/${b}`), 1)[0]!,
  };
}

async function runInstance(
  protocol: BoundProtocol,
  config: Config,
  x: Instance,
): Promise<RunResult<PartyOutputs>> {
  const perParty = x.shares ?? partyInputs(protocol.inputs(), x.clear, config, x.seed);
  return runParties({ parties: config.parties, seed: x.seed, inputs: perParty }, (ctx, i) =>
    protocol.run(ctx, config, x.shapes, perParty[i]!),
  );
}

export async function answerCase(config: Config, m: CaseMessage): Promise<ResultWire> {
  const protocol = REGISTRY.find((r) => r.id === m.op)?.bind(m.params);
  if (protocol === undefined) throw new MpcspecError('usage', `unknown op '${m.op}'`);
  const shapes = Object.fromEntries(Object.entries(m.inputs).map(([k, v]) => [k, v.shape]));
  const clear = Object.fromEntries(
    Object.entries(m.inputs).map(([k, v]) => [k, ringOf(config.ell, v.shape, v.ring, `input ${k}`)]),
  );
  const shares = m.shares?.map((p, i) =>
    Object.fromEntries(
      Object.entries(p).map(([k, w]) => [k, ringOf(config.ell, shapes[k]!, w, `party ${i} share of ${k}`)]),
    ),
  );
  const seed = BigInt(m.seed);
  const whole: Instance = { shapes, clear, ...(shares === undefined ? {} : { shares }), seed };
  if (m.views === true) {
    const count = m.instances ?? 1;
    const instances =
      m.instances === undefined
        ? [whole]
        : Array.from({ length: count }, (_, b) => sliceInstance(whole, b, count));
    const perParty: ItemWire[][][] = Array.from({ length: config.parties }, () => []);
    for (const x of instances) {
      const run = await runInstance(protocol, config, x);
      run.views.forEach((v, p) => perParty[p]!.push(viewItems(v)));
    }
    // instance-major: each item's words are instance 0's, then instance 1's, …
    const views = perParty.map((runs, party) => ({
      party,
      items: runs[0]!.map((item, k) => ({ ...item, words: runs.flatMap((r) => r[k]?.words ?? []) })),
    }));
    return { type: 'result', case: m.case, views };
  }
  const run = await runInstance(protocol, config, whole);
  const outputShares = run.outputs.map((o) =>
    Object.fromEntries(
      protocol
        .outputs()
        .filter((d) => d.delivery === 'shared')
        .map((d) => [d.name, o[d.name] === undefined ? [] : words(o[d.name]!)]),
    ),
  );
  const receiver = protocol.receivers(config)[0] ?? 0;
  const clearOutputs = protocol.outputs().filter((d) => d.delivery === 'clear');
  return {
    type: 'result',
    case: m.case,
    ...(clearOutputs.length === 0
      ? {}
      : {
          outputs: Object.fromEntries(
            clearOutputs.map((d) => [d.name, { ring: words(run.outputs[receiver]![d.name]!) }]),
          ),
        }),
    outputShares,
    cost: counters(run),
  };
}

/** The adapter loop: answer `hello` with the handshake, every case with a result or an error, until bye. */
export async function serveSelfAdapter(
  config: Config,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const write = (m: unknown): void => {
    output.write(`${JSON.stringify(m)}\n`);
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      write({ type: 'error', message: `not a JSON line: ${line.slice(0, 80)}` });
      continue;
    }
    const type = (json as { type?: unknown }).type;
    if (type === 'hello') write(selfHandshake(config));
    else if (type === 'bye') break;
    else if (type === 'case') {
      const decoded = CaseMessage.decode(json);
      const id = (json as { case?: unknown }).case;
      if (isLeft(decoded)) {
        write({
          type: 'error',
          ...(typeof id === 'string' ? { case: id } : {}),
          message: describeValidationErrors(decoded.left),
        });
        continue;
      }
      try {
        write(await answerCase(config, decoded.right));
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        write({ type: 'error', case: decoded.right.case, message: e.message });
      }
    }
  }
}
