// The program a PartyPool starts for each party (harness/tcp/orchestrate.ts): `partyMain` without the
// CLI around it, so a party process loads only what a party runs (docs/parties.md, "Start-up").
// Arguments: the address to listen on. `mpcspec party` (cli/commands/party.ts) runs the same body.
import { partyMain } from './party-main.ts';

process.exitCode = await partyMain(process.argv[2] ?? '127.0.0.1');
