// Shard 1 of the committed-vector checks (vectors/committed-suite.ts).
import { defineCommittedVectorTests } from './committed-suite.ts';

defineCommittedVectorTests(1);
