// One party of bench/netem.sh (docs/models.md, "Parties on separate hosts, simulated"): builds the same
// plan as the other process, derives its own input share and (at the owner) the synthetic weights from
// the seed, connects to its peer over TCP across the shaped veth link, runs one layer's steps through
// the TCP transport (runtime/tcp, as `run --transport tcp` uses it), and prints one JSON line with its
// wall time and counters. Party 0 first prints {"port": p} for party 1 to dial.
//   node --import tsx bench/netem-party.ts <party> <listen-host> <peer-host> <peer-port|-> <model> <recipe>
//        <profile> <seq> <layer>
import { createHash } from 'node:crypto';
import { KeyedTape } from '../core/tape.ts';
import { PartyContext } from '../runtime/context.ts';
import { Dealer } from '../runtime/dealer.ts';
import { createPartyState } from '../runtime/party-state.ts';
import { runKeys } from '../runtime/run.ts';
import { connectMesh, listen } from '../runtime/tcp/mesh.ts';
import { TcpTransport } from '../runtime/tcp/tcp-transport.ts';
import { planModel } from '../model/plan.ts';
import { encodedWeights, layerSeed, runLayerSteps, shareInput } from '../model/private-run.ts';
import { gaussians, syntheticWeights } from '../model/weight-source.ts';
import { resolveConfig } from '../spec/config.ts';
import { findModel } from '../spec/model/builtins.ts';
import { findRecipe } from '../spec/model/recipes.ts';
import { STAND_IN_RECIPE } from '../model/stand-in-recipe.ts';

const [partyArg, listenHost, peerHost, peerPort, modelName, recipeName, profile, seqArg, layerArg] =
  process.argv.slice(2);
const party = Number(partyArg);
const seed = 7n;
const model = findModel(modelName!);
const plan = planModel({
  model,
  recipe: recipeName === 'stand-in' ? STAND_IN_RECIPE : findRecipe(recipeName!),
  config: resolveConfig(profile!),
  seq: Number(seqArg),
  layers: Number(layerArg) + 1,
});
const index = Number(layerArg);
const layer = plan.layers[index]!;
const share = shareInput(plan, gaussians(seed, 'inputs/hidden', plan.seq * model.hidden), seed)[party]!;
const weight = encodedWeights(plan, syntheticWeights(model, seed));

const listener = await listen(listenHost!);
if (party === 0) process.stdout.write(`${JSON.stringify({ port: listener.port })}\n`);
const transport = new TcpTransport(party, 2, 600_000);
// party 1 dials party 0; both hold the run's secret (here derived from the bench's seed: the link is a
// shaped veth pair on one machine, not a network anyone else reaches)
const peers = [
  { host: party === 0 ? listenHost! : peerHost!, port: party === 0 ? listener.port : Number(peerPort) },
  { host: party === 1 ? listenHost! : peerHost!, port: party === 1 ? listener.port : 0 },
];
const secret = createHash('sha256').update(`netem-bench/${seed}`).digest();
await connectMesh(transport, listener, peers, secret, 60_000);
const keys = runKeys(layerSeed(seed, index), 2);
const dealer = new Dealer(2, new KeyedTape('dealer', keys.dealer, false));
const state = createPartyState(party, 2, keys, transport, dealer, undefined, false);
const t0 = performance.now();
await runLayerSteps(new PartyContext(state), plan, layer, share, weight);
const ms = performance.now() - t0;
const c = state.counters;
process.stdout.write(
  `${JSON.stringify({ party, ms, rounds: c.clock, bitsSent: c.bitsSent, bitsReceived: c.bitsReceived })}\n`,
);
transport.close();
listener.server.close();
