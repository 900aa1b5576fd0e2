// The transcript and views (DESIGN.md, Parties; issue 4): every message with its sender, receiver,
// round and label; a party's view is its inputs, its random tapes, its preprocessing and the messages
// it received, in order.
import type { TapeDraw } from '../core/tape.ts';
import type { Payload } from './payload.ts';

export interface Message {
  readonly seq: number;
  readonly from: number;
  readonly to: number;
  /** The sender's logical clock + 1 when sent (DESIGN.md: rounds are measured by logical clocks). */
  readonly round: number;
  readonly label: string;
  readonly payload: Payload;
}

export interface PreprocessingItem {
  readonly kind: string;
  readonly label: string;
  readonly values: Readonly<Record<string, Payload>>;
}

export interface PartyView {
  readonly party: number;
  readonly inputs: Readonly<Record<string, Payload>>;
  readonly tapes: readonly { readonly tape: string; readonly draws: readonly TapeDraw[] }[];
  readonly preprocessing: readonly PreprocessingItem[];
  readonly received: readonly Message[];
}
