// A party's view as a flat list of items (spec/privacy.ts; runtime/transcript.ts PartyView): its inputs,
// each draw of its tapes, each preprocessing value, each received message, in that order. An item that is
// one of the party's own raw random draws, verbatim and unmodified (its own tapes, its input shares and
// dealer shares when they are fresh draws), is marked `raw`: uniform and independent of every secret,
// the exhaustive mode conditions on it instead of enumerating it.
import type { PartyView } from '../runtime/transcript.ts';
import type { Payload } from '../runtime/payload.ts';
import type { DrawEvent, InstanceTapes } from './instance-tapes.ts';

export type ItemRole = 'input' | 'tape' | 'preprocessing' | 'message';

export interface ViewItem {
  readonly name: string;
  readonly role: ItemRole;
  /** Meaningful bits per element: ℓ for ring values, the word width for bit tensors and draws. */
  readonly width: number;
  readonly data: BigUint64Array;
  readonly raw?: DrawEvent;
  /** A bit tensor (XOR shares, packed bits): each word holds `width` separate bits. */
  readonly bits?: true;
  /** For a received message: who sent it, its label and its round stamp (traffic shape). */
  readonly message?: { readonly from: number; readonly label: string; readonly round: number };
}

const widthOf = (p: Payload): number => (p.kind === 'ring' ? p.ell : p.width);

function sameWords(a: BigUint64Array, b: BigUint64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function viewItems(view: PartyView, tapes: InstanceTapes): ViewItem[] {
  const dealt = new Map<BigUint64Array, DrawEvent>();
  for (const e of tapes.events) if (e.copy !== undefined) dealt.set(e.buffer, e);
  const rawOf = (p: Payload): DrawEvent | undefined => {
    const e = dealt.get(p.data);
    return e?.copy !== undefined && sameWords(e.copy, p.data) ? e : undefined;
  };
  const items: ViewItem[] = [];
  const push = (name: string, role: ItemRole, p: Payload): void => {
    const raw = rawOf(p);
    items.push({
      name,
      role,
      width: widthOf(p),
      data: p.data,
      ...(raw ? { raw } : {}),
      ...(p.kind === 'bits' ? { bits: true as const } : {}),
    });
  };
  for (const [name, p] of Object.entries(view.inputs)) push(`input ${name}`, 'input', p);
  for (const t of view.tapes)
    for (const d of tapes.byDraws(t.draws))
      items.push({
        name: `tape ${d.event.key.source}:${d.label}`,
        role: 'tape',
        width: d.bits ?? 64,
        data: d.words,
        raw: d.event,
      });
  for (const pre of view.preprocessing)
    for (const [name, p] of Object.entries(pre.values))
      push(`dealer ${pre.label}/${name}`, 'preprocessing', p);
  view.received.forEach((m, k) =>
    items.push({
      name: `message #${k} '${m.label}' from party ${m.from}`,
      role: 'message',
      width: widthOf(m.payload),
      data: m.payload.data,
      ...(m.payload.kind === 'bits' ? { bits: true as const } : {}),
      message: { from: m.from, label: m.label, round: m.round },
    }),
  );
  return items;
}
