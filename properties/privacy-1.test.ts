// Shard 1 of the generic view-privacy property (properties/privacy-suite.ts).
import { definePrivacyProperties } from './privacy-suite.ts';

definePrivacyProperties(1);
