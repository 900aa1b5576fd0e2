// The registry: every protocol mpcspec knows, by id. A family adds itself by one import here; the
// generic properties, the conformance run, vectors and the CLI pick it up from this list.
import { usageError } from '../core/errors.ts';
import { arithmeticProtocols } from './arithmetic.ts';
import { kernelProtocols } from './kernels.ts';
import { comparisonProtocols } from './comparison.ts';
import { attentionProtocols } from './attention.ts';
import { linearProtocols } from './linear.ts';
import { geluProtocols } from './gelu.ts';
import { layerNormProtocols } from './layernorm.ts';
import type { RegisteredProtocol } from './entry.ts';

export type { BoundProtocol, RegisteredProtocol } from './entry.ts';

export const REGISTRY: readonly RegisteredProtocol[] = [
  ...arithmeticProtocols,
  ...kernelProtocols,
  ...comparisonProtocols,
  ...attentionProtocols,
  ...linearProtocols,
  ...geluProtocols,
  ...layerNormProtocols,
];

export function findProtocol(id: string): RegisteredProtocol {
  const p = REGISTRY.find((q) => q.id === id);
  if (p === undefined)
    throw usageError(
      `unknown protocol '${id}'; run 'mpcspec list' to see the ${REGISTRY.length} registered ids`,
    );
  return p;
}
