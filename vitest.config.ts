import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

// The tests test the source, never the compiled lib/ (which may be stale). Test files import src/ (a test that
// imports lib/ is refused below); every process the tests start — the test processes, the CLI children
// (bin/pharmald.js), the query worker threads — runs with tests/support/from-source.mjs, which loads src/ for lib/.
export const fromSource = fileURLToPath(new URL('tests/support/from-source.mjs', import.meta.url));
const lib = fileURLToPath(new URL('lib/', import.meta.url));
const bench = fileURLToPath(new URL('bench/', import.meta.url));
const src = fileURLToPath(new URL('src/', import.meta.url));

export const refuseLib: Plugin = {
  name: 'pharmald-refuse-lib',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    // A path into lib/ is refused whether or not lib/ has the file (it need not exist), as is a package that resolves there.
    const named = path.isAbsolute(source) ? source : importer && source.startsWith('.') ? path.resolve(path.dirname(importer), source) : undefined;
    // The bench tools import lib/ (they run standalone after a compile); under test they get the source instead.
    if (named?.startsWith(lib) && importer?.startsWith(bench)) return src + named.slice(lib.length).replace(/\.js$/, '.ts');
    const resolved = named?.startsWith(lib) ? undefined : await this.resolve(source, importer, { ...options, skipSelf: true });
    if ((named ?? resolved?.id ?? '').startsWith(lib)) this.error(`${importer ?? 'a test'} imports ${source}: the tests run src/, import it from there`);
    return resolved;
  },
};

export const sourceTestOptions = {
  execArgv: ['--import', fromSource],
  env: { NODE_OPTIONS: [process.env['NODE_OPTIONS'], `--import=${fromSource}`].filter(Boolean).join(' ') },
};

export default defineConfig({
  plugins: [refuseLib],
  test: {
    include: ['tests/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    ...sourceTestOptions,
  },
});
