// Shard 2 of the generic correctness properties (properties/correctness-suite.ts).
import { defineCorrectnessProperties } from './correctness-suite.ts';

defineCorrectnessProperties(2);
