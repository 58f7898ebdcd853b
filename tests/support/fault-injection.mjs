// Preload (node --import) for tests/kill.test.ts: marks, holds, widens or gates the steps of a child build, so
// that kills and concurrent builds can be aimed at them. Nothing else changes.
//   PHARMALD_TEST_HOLD_AT         a regular expression: at the first line written to stderr (pharmald's own, e.g. a
//                                 `pharmald: STAGE …` progress line, or a marker below) that it matches, write
//                                 `pharmald-test: holding` and freeze the whole process (at most 60 s), so that a
//                                 kill sent on seeing that line lands exactly there
//   PHARMALD_TEST_SWAP_DELAY_MS   wait this long before each switch of the output link (default 0)
//   PHARMALD_TEST_SWAP_GATE       before the first switch, wait until this file exists (at most 60 s)
//   PHARMALD_TEST_TAKEOVER_GATE   before removing or moving a .pharmald.lock this build did not write (a stale lock
//                                 being taken over), wait until this file exists (at most 60 s)
// Markers on stderr, one line each: `pharmald-test: writing N NAME` as the Nth file (from 1) of a new generation is
// created, `pharmald-test: swap N` before and `pharmald-test: swapped N` after each switch (N from 0),
// `pharmald-test: adopted` after the move of a plain folder, `pharmald-test: waiting at the swap gate`,
// `pharmald-test: taking over a stale lock`.
import { existsSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const env = process.env;
const swapDelayMs = Number(env.PHARMALD_TEST_SWAP_DELAY_MS ?? 0);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mark = (text) => process.stderr.write(`pharmald-test: ${text}\n`);

// Writes to stderr are synchronous on a pipe: every line before the hold has reached the test when it freezes.
const holdAt = env.PHARMALD_TEST_HOLD_AT ? new RegExp(env.PHARMALD_TEST_HOLD_AT) : undefined;
if (holdAt) {
  const write = process.stderr.write.bind(process.stderr);
  let held = false;
  process.stderr.write = function (chunk, ...rest) {
    const result = write(chunk, ...rest);
    if (!held && String(chunk).split('\n').some((line) => holdAt.test(line))) {
      held = true;
      write('pharmald-test: holding\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    }
    return result;
  };
}

async function waitFor(file) {
  for (let waited = 0; !existsSync(file) && waited < 60_000; waited += 5) await sleep(5);
}

const { open, rename, rm, writeFile } = fsp;
let written = 0;
let swaps = 0;
const locksWritten = new Set();

const isForeignLock = (file) => String(file).endsWith('.pharmald.lock') && !locksWritten.has(path.resolve(String(file)));
async function takeoverGate() {
  if (!env.PHARMALD_TEST_TAKEOVER_GATE) return;
  mark('taking over a stale lock');
  await waitFor(env.PHARMALD_TEST_TAKEOVER_GATE);
}

fsp.rename = async function (from, to) {
  if (isForeignLock(from)) await takeoverGate();
  if (path.basename(String(to)).startsWith('adopted-')) {
    await rename(from, to);
    mark('adopted');
    return;
  }
  if (!path.basename(String(from)).startsWith('.link-')) return rename(from, to);
  const n = swaps++;
  if (n === 0 && env.PHARMALD_TEST_SWAP_GATE) {
    mark('waiting at the swap gate');
    await waitFor(env.PHARMALD_TEST_SWAP_GATE);
  }
  mark(`swap ${n}`);
  if (swapDelayMs > 0) await sleep(swapDelayMs);
  await rename(from, to);
  mark(`swapped ${n}`);
};

fsp.open = async function (file, flags, ...rest) {
  const generation = /[\\/](build-[^\\/]+)[\\/](.+)$/.exec(String(file));
  if (flags === 'wx' && generation) mark(`writing ${++written} ${generation[2].split(path.sep).join('/')}`);
  return open(file, flags, ...rest);
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
