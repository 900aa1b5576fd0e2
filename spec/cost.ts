// Cost algebra for spec formulas (DESIGN.md, "Parties, network, accounting"). Specs build their exact
// cost from these pieces: sequential composition adds rounds, parallel composition (messages that do
// not depend on each other) takes the larger round count; bits and messages always add.
import type { Config } from './config.ts';
import type { Cost } from './types.ts';

const perParty = (config: Config, f: (party: number) => number): number[] =>
  Array.from({ length: config.parties }, (_, i) => f(i));

export const free = (config: Config): Cost => ({
  rounds: 0,
  bitsSent: perParty(config, () => 0),
  messagesSent: perParty(config, () => 0),
  offlineBits: perParty(config, () => 0),
  preprocessing: {},
});

function merge(a: Cost, b: Cost, rounds: number): Cost {
  const pre: Record<string, number> = { ...a.preprocessing };
  for (const [k, v] of Object.entries(b.preprocessing)) pre[k] = (pre[k] ?? 0) + v;
  return {
    rounds,
    bitsSent: a.bitsSent.map((x, i) => x + b.bitsSent[i]!),
    messagesSent: a.messagesSent.map((x, i) => x + b.messagesSent[i]!),
    offlineBits: a.offlineBits.map((x, i) => x + b.offlineBits[i]!),
    preprocessing: pre,
  };
}

/** b runs after a (b's first message depends on a's output). */
export const seq = (config: Config, ...parts: Cost[]): Cost =>
  parts.reduce((acc, c) => merge(acc, c, acc.rounds + c.rounds), free(config));

/** a and b run side by side (neither waits for the other). */
export const par = (config: Config, ...parts: Cost[]): Cost =>
  parts.reduce((acc, c) => merge(acc, c, Math.max(acc.rounds, c.rounds)), free(config));

/** `times` repetitions of the same sequential cost. */
export const repeat = (config: Config, times: number, c: Cost): Cost =>
  seq(config, ...Array.from({ length: times }, () => c));

/** Every party sends `elements` ring elements of `width` bits to every other party, in one round. */
export const openToAllCost = (config: Config, elements: number, width = config.ell): Cost => ({
  ...free(config),
  rounds: elements > 0 ? 1 : 0,
  bitsSent: perParty(config, () => (config.parties - 1) * elements * width),
  messagesSent: perParty(config, () => config.parties - 1),
});

/** Every party but `receiver` sends its share of `elements` ring elements to `receiver`. */
export const openToOneCost = (config: Config, receiver: number, elements: number): Cost => ({
  ...free(config),
  rounds: 1,
  bitsSent: perParty(config, (i) => (i === receiver ? 0 : elements * config.ell)),
  messagesSent: perParty(config, (i) => (i === receiver ? 0 : 1)),
});

/** Dealer material: `items` of `kind`, each delivering `elementsPerItem` ring elements to every party. */
export const dealerCost = (
  config: Config,
  kind: string,
  items: number,
  elementsPerParty: number,
  width = config.ell,
): Cost => ({
  ...free(config),
  offlineBits: perParty(config, () => elementsPerParty * width),
  preprocessing: items > 0 ? { [kind]: items } : {},
});

/**
 * CrypTen's communication counter for one party of a two-party run, in bytes: (elements sent + elements
 * received) × 8 (crypten/communicator/communicator.py), i.e. both parties' bits sent, over 8.
 */
export function cryptenCounterBytes(cost: Cost): number {
  if (cost.bitsSent.length !== 2) throw new Error('cryptenCounterBytes: a two-party cost is needed');
  return (cost.bitsSent[0]! + cost.bitsSent[1]!) / 8;
}
