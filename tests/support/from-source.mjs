// Preload (node --import) for every process the tests run, so that they test the source, never the compiled
// lib/ (which may be stale): TypeScript through tsx, and each module of lib/ replaced by its source in src/
// (lib/x/y.js → src/x/y.ts). bin/pharmald.js, the query worker threads and anything else that names lib/ then
// run src/. vitest.config.ts starts the test processes with it and passes it on to their children
// (NODE_OPTIONS); worker threads inherit it.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();

register('./from-source-hooks.mjs', import.meta.url);
