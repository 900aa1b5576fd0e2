// Worker entry: the helper thread runs TypeScript sources, so it registers the same loader as bin/.
import { register } from 'tsx/esm/api';

register();
await import('./helper-thread.ts');
