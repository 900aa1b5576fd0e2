// What a party context needs from a network (DESIGN.md, "Parties, network, accounting"): send a
// labelled payload stamped with a round, and receive the next message from a given sender, checking its
// label. The in-memory network (runtime/network.ts) runs every party in one process; the TCP transport
// (runtime/tcp/) runs one party per OS process. The same protocol code runs on both.
import type { Payload } from './payload.ts';
import type { Message } from './transcript.ts';

export interface Transport {
  send(from: number, to: number, round: number, label: string, payload: Payload): Message;
  recv(party: number, from: number, label: string, round: number): Promise<Message>;
}
