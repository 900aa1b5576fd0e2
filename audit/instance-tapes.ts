// Tapes that serve many protocol instances at once (issue 4): every draw is filled for a batch of
// instances in block layout — instance b owns words [b·n, (b+1)·n) of a draw of n words per instance —
// from an `InstanceFill` (the audit's enumeration, or a seeded PRG). Plugged into runParties (`tapes`)
// and into the harness's input sharing. A party's tape records a copy of each draw, so its view holds
// the raw random tape even when a protocol reuses the buffer (zero sharing does).
import { runtimeError } from '../core/errors.ts';
import type { Tape, TapeDraw } from '../core/tape.ts';

/** One random variable of a run: a (source, label) pair; the two parties of a pair tape share it. */
export interface DrawKey {
  readonly source: string;
  readonly label: string;
}

export const drawId = (k: DrawKey): string => `${k.source}\u0000${k.label}`;

export interface InstanceFill {
  /** Words for instances [first, first + batch) of one draw of `perInstance` words of `bits` bits. */
  draw(
    key: DrawKey,
    perInstance: number,
    bits: number | undefined,
    first: number,
    batch: number,
  ): BigUint64Array;
}

/** A draw as the run made it: the buffer handed out and, for harness and dealer, a copy to detect reuse. */
export interface DrawEvent {
  readonly key: DrawKey;
  readonly id: string;
  readonly perInstance: number;
  readonly bits: number | undefined;
  readonly buffer: BigUint64Array;
  readonly copy?: BigUint64Array;
}

export interface BitsDraw extends TapeDraw {
  readonly bits: number | undefined;
  readonly event: DrawEvent;
}

/**
 * Where a batched draw puts instance b's words: its n words per instance are cut into `chunks` equal
 * runs, and run j of every instance comes before run j + 1 of any — word t of instance b sits at
 * ⌊t/s⌋·s·B + b·s + t mod s with s = n / chunks. One chunk is a block ([b·n, (b+1)·n): a tensor with a
 * leading batch axis); n chunks put word t at t·B + b (a protocol that stacks n one-word gates into one
 * request); k chunks are k stacked tensors of n/k words per instance.
 */
export type DrawLayout = number;

/**
 * The draws that must share a layout: the values of one dealer request and their share draws (the
 * dealer combines them position by position: c = a·b, share = value − draw), or one tape draw.
 */
export function drawGroup(key: DrawKey): string {
  if (key.source !== 'dealer') return drawId(key);
  const value = key.label.replace(/\/share\/\d+$/, '');
  const cut = value.lastIndexOf('/');
  return `dealer\u0000${cut < 0 ? value : value.slice(0, cut)}`;
}

/** Chunks per instance by draw group (drawGroup); a group not listed is one block. */
export type DrawLayouts = ReadonlyMap<string, DrawLayout>;

export const layoutOf = (layouts: DrawLayouts, key: DrawKey): DrawLayout => layouts.get(drawGroup(key)) ?? 1;

export class InstanceTapes {
  readonly events: DrawEvent[] = [];
  private readonly made: InstanceTape[] = [];

  constructor(
    private readonly fill: InstanceFill,
    readonly first: number,
    readonly batch: number,
    private readonly layouts: DrawLayouts = new Map(),
  ) {}

  /** The factory runParties asks for each party's, the dealer's and each pair's tape. */
  readonly factory = (source: string, owner: string): Tape => {
    const t = new InstanceTape(
      this,
      source,
      owner,
      source.startsWith('party/') || source.startsWith('przs/'),
    );
    this.made.push(t);
    return t;
  };

  /** The harness's tape (input sharing). */
  harness(): Tape {
    return new InstanceTape(this, 'harness', 'harness', false);
  }

  /** The tape whose draw log is `draws` (a view's tape entry), with the bit widths of its draws. */
  byDraws(draws: readonly TapeDraw[]): readonly BitsDraw[] {
    const t = this.made.find((m) => m.draws === draws);
    if (t === undefined) throw runtimeError('audit: a view names a tape the audit did not make');
    return t.log;
  }

  take(source: string, label: string, count: number, bits: number | undefined, keepCopy: boolean): DrawEvent {
    if (count % this.batch !== 0)
      throw runtimeError(
        `audit: draw '${label}' from ${source} has ${count} words, not a multiple of the ${this.batch} instances run together`,
      );
    const key = { source, label };
    const perInstance = count / this.batch;
    const filled = this.fill.draw(key, perInstance, bits, this.first, this.batch);
    const chunks = layoutOf(this.layouts, key);
    if (perInstance % chunks !== 0)
      throw runtimeError(
        `audit: draw '${label}' from ${source} has ${perInstance} words per instance, not ${chunks} equal runs`,
      );
    const buffer = chunks > 1 && this.batch > 1 ? chunked(filled, perInstance, chunks, this.batch) : filled;
    const event: DrawEvent = {
      key,
      id: drawId(key),
      perInstance,
      bits,
      buffer,
      ...(keepCopy ? { copy: buffer.slice() } : {}),
    };
    this.events.push(event);
    return event;
  }
}

class InstanceTape implements Tape {
  private readonly used = new Set<string>();
  readonly log: BitsDraw[] = [];

  constructor(
    private readonly tapes: InstanceTapes,
    private readonly source: string,
    readonly owner: string,
    private readonly record: boolean,
  ) {}

  words(label: string, count: number, bits?: number): BigUint64Array {
    if (this.used.has(label))
      throw runtimeError(
        `${this.owner}: random label '${label}' drawn twice; every draw needs its own label`,
      );
    this.used.add(label);
    const e = this.tapes.take(this.source, label, count, bits, !this.record);
    if (this.record) this.log.push({ label, words: e.buffer.slice(), bits, event: e });
    return e.buffer;
  }

  get draws(): readonly TapeDraw[] {
    return this.log;
  }
}

/** A block-layout fill (instance b at [b·n, (b+1)·n)) rearranged into `chunks` runs per instance. */
function chunked(block: BigUint64Array, n: number, chunks: number, batch: number): BigUint64Array {
  const s = n / chunks;
  const out = new BigUint64Array(block.length);
  for (let b = 0; b < batch; b++)
    for (let t = 0; t < n; t++) out[Math.floor(t / s) * s * batch + b * s + (t % s)] = block[b * n + t]!;
  return out;
}
