// Preload (node --import) for tests/kill.test.ts: marks, widens or holds the steps of src/io/atomicWrite.ts in a
// child build, so that kills and concurrent builds can be aimed at them. Nothing else changes.
//   PHARMALD_TEST_RENAME_DELAY_MS  wait this long before each rename out of a .staging-* folder (default 0)
//   PHARMALD_TEST_RENAME_DELAY_FIRST  …but only before the first N of them (default: all)
//   PHARMALD_TEST_RENAME_GATE      before the first such rename, wait until this file exists (at most 60 s)
//   PHARMALD_TEST_TAKEOVER_GATE    before removing or moving a .pharmald.lock this build did not write (a stale lock
//                                  being taken over), wait until this file exists (at most 60 s)
// Markers on stderr, one line each: `pharmald-test: rename N NAME` (N from 0) before each rename,
// `pharmald-test: waiting at the rename gate`, `pharmald-test: taking over a stale lock`.
import { existsSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const env = process.env;
const delayMs = Number(env.PHARMALD_TEST_RENAME_DELAY_MS ?? 0);
const delayFirst = Number(env.PHARMALD_TEST_RENAME_DELAY_FIRST ?? Infinity);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mark = (text) => process.stderr.write(`pharmald-test: ${text}\n`);
async function waitFor(file) {
  for (let waited = 0; !existsSync(file) && waited < 60_000; waited += 5) await sleep(5);
}

const { rename, rm, writeFile } = fsp;
let renames = 0;
const locksWritten = new Set();

const isForeignLock = (file) => String(file).endsWith('.pharmald.lock') && !locksWritten.has(path.resolve(String(file)));
async function takeoverGate() {
  if (!env.PHARMALD_TEST_TAKEOVER_GATE) return;
  mark('taking over a stale lock');
  await waitFor(env.PHARMALD_TEST_TAKEOVER_GATE);
}

fsp.rename = async function (from, to) {
  if (isForeignLock(from)) await takeoverGate();
  if (!String(from).includes(`${path.sep}.staging-`)) return rename(from, to);
  const n = renames++;
  if (n === 0 && env.PHARMALD_TEST_RENAME_GATE) {
    mark('waiting at the rename gate');
    await waitFor(env.PHARMALD_TEST_RENAME_GATE);
  }
  mark(`rename ${n} ${path.basename(String(to))}`);
  if (delayMs > 0 && n < delayFirst) await sleep(delayMs);
  return rename(from, to);
};

fsp.writeFile = async function (file, ...rest) {
  const result = await writeFile(file, ...rest);
  if (String(file).endsWith('.pharmald.lock')) locksWritten.add(path.resolve(String(file)));
  return result;
};

fsp.rm = async function (file, ...rest) {
  if (isForeignLock(file)) await takeoverGate();
  return rm(file, ...rest);
};

syncBuiltinESMExports();
