// Module resolution hooks of tests/support/from-source.mjs: a module of lib/ resolves to its source in src/.
// With PHARMALD_TEST_MODULE_LOG=FILE, each module of the package that a thread loads (not node_modules) is
// appended to FILE as a URL, one a line, so a test can see what ran.
import { appendFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url).href;
const lib = `${root}lib/`;
const src = `${root}src/`;
const log = process.env.PHARMALD_TEST_MODULE_LOG;

/** The source of a module URL in lib/ (lib/x/y.js → src/x/y.ts); any other URL as it is. */
const toSource = (url) => (url.startsWith(lib) ? `${src}${url.slice(lib.length).replace(/\.js$/, '.ts')}` : url);

/** A path specifier as a URL, before lib/ is asked whether it has the file (it may not: lib/ need not exist). */
function asUrl(specifier, parentURL) {
  if (specifier.startsWith('file:')) return specifier;
  if (/^\.{0,2}\//.test(specifier) && parentURL) return new URL(specifier, parentURL).href;
  return undefined;
}

async function resolveFromSource(specifier, context, nextResolve) {
  const url = asUrl(specifier, context.parentURL);
  if (url !== undefined && url.startsWith(lib)) return nextResolve(toSource(url), context);
  const resolved = await nextResolve(specifier, context);
  return resolved.url.startsWith(lib) ? nextResolve(toSource(resolved.url), context) : resolved;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await resolveFromSource(specifier, context, nextResolve);
  if (log && resolved.url.startsWith(root) && !resolved.url.includes('/node_modules/')) appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
