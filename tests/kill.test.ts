// Atomic builds, proven by killing them. src/io/atomicWrite.ts writes every output file into `.staging-<pid>/`, then
// renames the files one by one over the old ones, under a lock file `.pharmald.lock` holding the pid.
//
// (a) A good build of one version of the data (OLD) is in the out dir; a build of another version (NEW: one label
//     changed) is started as a child process and SIGKILLed at many points. After each kill every output file must be
//     whole: byte-identical to its OLD or its NEW version, never truncated or half-written, and nothing else may be
//     visible but the killed build's own `.staging-<pid>` and `.pharmald.lock`. The next normal build must succeed
//     (taking the stale lock over) and leave neither behind.
//
//     The known limit of renaming file by file: a kill between two renames leaves a MIXED set (the files renamed so
//     far are NEW, the rest OLD). Each file is still whole, and the killed build's lock stays behind, which marks the
//     folder as unfinished; the next build repairs it. This is asserted exactly: a mixed set only after the kill
//     landed between renames (the child had announced at least one rename), only as NEW files first in rename
//     order, and only with the lock still there.
//
//     Series 1 kills at 21 times spread over a whole build; series 2 widens the window of the five dataset renames
//     with a preload (tests/support/fault-injection.mjs waits before each) and aims a kill between each pair. Both
//     build with --no-site (the dataset files only), to keep the test fast; series 3 kills full builds (with the
//     ~330 files of site/) inside their rename window, once.
//
// (b) Two builds into one folder: one waits while the other writes, by way of the lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { bin, copyOfData, edit, snapshot } from './helpers.js';

const lockName = '.pharmald.lock';
const faultInjection = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'fault-injection.mjs')).href;
const busyLine = /^pharmald: error: another build is writing (.+); try again when it has finished$/;

const scratch: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Every file under `dir` by '/'-separated relative path, but the top-level dot-entries (staging, lock). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => !name.startsWith('.'))
    .sort();
}

/** A way of building, with the outputs of both data versions. */
interface Scenario {
  readonly name: string;
  readonly cliArgs: readonly string[];
  readonly site: boolean;
  /** The output files in the order atomicWrite renames them (the order the build lists them). */
  renameOrder: string[];
  oldFiles: ReadonlyMap<string, Buffer>;
  newFiles: ReadonlyMap<string, Buffer>;
}
const datasetOnly: Scenario = { name: '--no-site', cliArgs: ['--no-site'], site: false, renameOrder: [], oldFiles: new Map(), newFiles: new Map() };
const fullBuild: Scenario = { name: 'with site/', cliArgs: [], site: true, renameOrder: [], oldFiles: new Map(), newFiles: new Map() };

let oldData: string;
let newData: string;

interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Resolves when the child has exited and its output is read to the end. */
  readonly done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
  /** Resolves when a stderr line matching `pattern` has arrived. */
  readonly line: (pattern: RegExp) => Promise<void>;
  stderr: string;
}

/** Starts `pharmald build --data DATA --out OUT ARGS` with the fault-injection preload and the given settings. */
function startBuild(data: string, out: string, args: readonly string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [bin, 'build', '--data', data, '--out', out, ...args], {
    env: { ...process.env, ...env, NODE_OPTIONS: [process.env['NODE_OPTIONS'], `--import=${faultInjection}`].filter(Boolean).join(' ') },
  });
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  let stdout = '';
  const handle: Child = {
    process: child,
    pid: child.pid!,
    stderr: '',
    line: (pattern) => new Promise((resolve) => {
      if (pattern.test(handle.stderr)) resolve();
      else waiting.push({ pattern, resolve });
    }),
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status, signal) => resolve({ status, signal, stderr: handle.stderr, stdout }));
    }),
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    handle.stderr += chunk;
    for (const w of [...waiting]) {
      if (w.pattern.test(handle.stderr)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  return handle;
}

/** The lines of stderr that pharmald wrote (without the preload's markers). */
const ownLines = (stderr: string) => stderr.trimEnd().split('\n').filter((line) => !line.startsWith('pharmald-test: '));

const renamesAnnounced = (stderr: string) => (stderr.match(/^pharmald-test: rename \d+ /gm) ?? []).length;

type State = 'old' | 'new' | 'mixed' | 'corrupt';
interface Outcome {
  readonly state: State;
  /** Per output file that is not the same in both versions: which version it is. */
  readonly files: Record<string, 'old' | 'new' | 'neither' | 'missing'>;
  /** Top-level entries other than the output files, and files that belong to neither version. */
  readonly leftovers: string[];
}

function classify(scenario: Scenario, out: string): Outcome {
  const files: Outcome['files'] = {};
  for (const name of scenario.renameOrder) {
    const full = path.join(out, name);
    const oldBytes = scenario.oldFiles.get(name)!;
    const newBytes = scenario.newFiles.get(name)!;
    if (!existsSync(full)) {
      files[name] = 'missing';
      continue;
    }
    const bytes = readFileSync(full);
    if (oldBytes.equals(newBytes)) {
      if (!bytes.equals(oldBytes)) files[name] = 'neither';
      continue;
    }
    files[name] = bytes.equals(oldBytes) ? 'old' : bytes.equals(newBytes) ? 'new' : 'neither';
  }
  const kinds = new Set(Object.values(files));
  const state: State = kinds.has('neither') || kinds.has('missing')
    ? 'corrupt'
    : kinds.has('old') && kinds.has('new') ? 'mixed' : kinds.has('new') ? 'new' : 'old';
  const known = new Set(scenario.renameOrder);
  const topLevel = new Set(scenario.renameOrder.map((name) => name.split('/')[0]!));
  const leftovers = [
    ...readdirSync(out).filter((name) => !topLevel.has(name)),
    ...listFiles(out).filter((name) => !known.has(name)),
  ].sort();
  return { state, files, leftovers };
}

/** The invariants after a kill of the build with pid `pid`, which had announced `announced` renames. */
function expectKilledState(scenario: Scenario, out: string, pid: number, announced: number, label: string): Outcome {
  const outcome = classify(scenario, out);
  const notWhole = Object.entries(outcome.files).filter(([, v]) => v === 'neither' || v === 'missing');
  // Every file whole: one of the two versions, byte for byte.
  expect(outcome.state, `${label}: ${JSON.stringify(Object.fromEntries(notWhole))}`).not.toBe('corrupt');
  // Nothing visible but the killed build's own staging folder and lock.
  for (const name of outcome.leftovers) expect([`.staging-${pid}`, lockName], label).toContain(name);
  if (outcome.leftovers.includes(lockName)) {
    // The pid, or empty when the kill came between creating the lock and writing it.
    expect(['', `${pid}\n`], label).toContain(readFileSync(path.join(out, lockName), 'utf8'));
  }
  if (outcome.state === 'mixed') {
    // The known limit, and only it: killed between two renames, the first files in rename order are NEW, the rest
    // OLD, no more NEW files than renames the child announced, and the lock marks the folder as unfinished.
    expect(announced, `${label}: a mixed set needs a kill after the first rename`).toBeGreaterThan(0);
    const changing = scenario.renameOrder.filter((name) => name in outcome.files);
    const versions = changing.map((name) => outcome.files[name]);
    const newCount = versions.filter((v) => v === 'new').length;
    expect(versions, label).toEqual(changing.map((_, i) => (i < newCount ? 'new' : 'old')));
    expect(scenario.renameOrder.indexOf(changing[newCount - 1]!), label).toBeLessThan(announced);
    expect(outcome.leftovers, label).toContain(lockName);
  }
  if (outcome.state === 'new' && announced === 0) expect(outcome.leftovers, `${label}: NEW without a rename announced`).toEqual([]);
  return outcome;
}

/**
 * The next normal build (in-process, the library's build()) succeeds and leaves exactly the NEW files. Run after every
 * kill that left anything to repair (a lock, a staging folder, NEW or mixed files); a kill that left the folder exactly
 * as it was before the build started leaves nothing for the next build to take over, so it is skipped there to keep
 * the test fast.
 */
async function expectRecovery(scenario: Scenario, out: string, killed: Outcome, label: string): Promise<void> {
  if (killed.state === 'old' && killed.leftovers.length === 0) return;
  await build({ dataDir: newData, outDir: out, site: scenario.site });
  const recovered = classify(scenario, out);
  expect(recovered.state, `${label}: the next build`).toBe('new');
  expect(recovered.leftovers, `${label}: the next build`).toEqual([]);
}

function outWithOldBuild(scenario: Scenario): string {
  const out = tempDir('pharmald-kill-out-');
  for (const [name, bytes] of scenario.oldFiles) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), bytes);
  }
  return out;
}

async function prepare(scenario: Scenario): Promise<void> {
  const oldOut = tempDir('pharmald-kill-old-');
  const newOut = tempDir('pharmald-kill-new-');
  const built = await build({ dataDir: oldData, outDir: oldOut, site: scenario.site });
  await build({ dataDir: newData, outDir: newOut, site: scenario.site });
  scenario.renameOrder = built.files.map((f) => f.name);
  const read = (dir: string) => new Map(listFiles(dir).map((name) => [name, readFileSync(path.join(dir, name))]));
  scenario.oldFiles = read(oldOut);
  scenario.newFiles = read(newOut);
  expect([...scenario.oldFiles.keys()]).toEqual([...scenario.renameOrder].sort());
  expect([...scenario.newFiles.keys()]).toEqual([...scenario.renameOrder].sort());
  // The versions differ in the first file renamed, so a mixed set can be told from a whole one.
  const first = scenario.renameOrder[0]!;
  expect(scenario.oldFiles.get(first)!.equals(scenario.newFiles.get(first)!)).toBe(false);
}

interface KillRecord {
  readonly series: string;
  readonly atMs: number;
  readonly announced: number;
  readonly exited: boolean;
  readonly state: State;
  readonly leftovers: string;
}
const records: KillRecord[] = [];

/** Starts a build of NEW over OLD, kills it when `arm` says, checks the folder, and checks the next build repairs it. */
async function killTrial(scenario: Scenario, series: string, atMs: number, env: Record<string, string>, arm: (child: Child, kill: () => void) => void): Promise<KillRecord> {
  const out = outWithOldBuild(scenario);
  const child = startBuild(newData, out, scenario.cliArgs, env);
  let exitedBeforeKill = false;
  arm(child, () => {
    exitedBeforeKill = child.process.exitCode !== null;
    child.process.kill('SIGKILL');
  });
  const result = await child.done;
  const exited = exitedBeforeKill || result.signal === null;
  const label = `${series}: kill at ${atMs} ms`;
  if (exited) expect(result.status, `${label}: ${result.stderr.slice(-2000)}`).toBe(0);
  const announced = renamesAnnounced(result.stderr);
  const outcome = expectKilledState(scenario, out, child.pid, announced, label);
  const record = { series, atMs, announced, exited, state: outcome.state, leftovers: outcome.leftovers.join(' ') };
  records.push(record);
  await expectRecovery(scenario, out, outcome, label);
  rmSync(out, { recursive: true, force: true });
  return record;
}

beforeAll(async () => {
  oldData = copyOfData();
  newData = copyOfData();
  scratch.push(oldData, newData);
  edit(newData, 'ketamine.yaml', '    label: ketamine\n', '    label: ketamine (edited)\n');
  await prepare(datasetOnly);
}, 120_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  if (records.length > 0) {
    const summary = {
      kills: records.length,
      byState: Object.fromEntries((['old', 'new', 'mixed', 'corrupt'] as const).map((s) => [s, records.filter((r) => r.state === s).length])),
      inRenameWindow: records.filter((r) => r.announced > 0 && !r.exited).length,
      mixed: records.filter((r) => r.state === 'mixed').map((r) => `${r.series}@${r.atMs}ms after ${r.announced} rename(s) announced`),
    };
    console.log(`kill test summary: ${JSON.stringify(summary)}\n${records.map((r) => `  ${r.series} kill at ${r.atMs} ms: ${r.exited ? 'had exited' : 'killed'}, ${r.announced} rename(s) announced, ${r.state}${r.leftovers ? `, left ${r.leftovers}` : ''}`).join('\n')}`);
  }
});

describe('a killed build never leaves a half-written file', () => {
  it('series 1: SIGKILL at 21 times spread over a whole build', async () => {
    // The duration of an undisturbed build, measured here, on this machine and load; the build must equal the library's.
    const probeOut = outWithOldBuild(datasetOnly);
    const started = Date.now();
    const probe = await startBuild(newData, probeOut, datasetOnly.cliArgs).done;
    const duration = Date.now() - started;
    expect(probe.status, probe.stderr).toBe(0);
    expect(classify(datasetOnly, probeOut)).toMatchObject({ state: 'new', leftovers: [] });

    const points = 21;
    for (let i = 0; i < points; i++) {
      const atMs = Math.round((i * duration * 1.1) / (points - 1));
      await killTrial(datasetOnly, 'spread', atMs, {}, (_child, kill) => {
        setTimeout(kill, atMs);
      });
    }
    // The kill at 0 ms came before anything was written. (Whether the late kills find the build finished depends on
    // the machine's load, which changes the build's duration from run to run: not asserted.)
    expect(records.find((r) => r.series === 'spread' && r.atMs === 0)?.state).toBe('old');
  }, 240_000);

  it('series 2: SIGKILL aimed before, between and after the dataset renames (window widened to 5 × 80 ms)', async () => {
    const delay = 80;
    const count = datasetOnly.renameOrder.length;
    for (let k = 0; k <= count; k++) {
      // Rename k happens about (k + 1) × delay after the first is announced: aim between rename k - 1 and rename k.
      const offset = Math.round((k + 0.5) * delay);
      const record = await killTrial(datasetOnly, 'aimed', offset, { PHARMALD_TEST_RENAME_DELAY_MS: String(delay) }, (child, kill) => {
        void child.line(/^pharmald-test: rename 0 /m).then(() => setTimeout(kill, offset));
      });
      expect(record.announced).toBeGreaterThan(0);
    }
    // With the window widened, kills between renames do leave mixed sets: the limit is real, and bounded as asserted.
    expect(records.filter((r) => r.series === 'aimed' && r.state === 'mixed').length).toBeGreaterThan(0);
  }, 240_000);

  it('series 3: SIGKILL inside the rename window of a full build (dataset files and site/ pages)', async () => {
    await prepare(fullBuild);
    const firstPage = fullBuild.renameOrder.findIndex((name) => name.startsWith('site/'));
    expect(firstPage).toBeGreaterThan(0);
    // Aimed at the renames of site/ pages, 5 ms after the first one is announced (no delay: the real window).
    const offset = 5;
    await killTrial(fullBuild, 'full', offset, {}, (child, kill) => {
      void child.line(new RegExp(`^pharmald-test: rename ${firstPage} `, 'm')).then(() => setTimeout(kill, offset));
    });
  }, 240_000);
});

describe('two builds into one folder', () => {
  it('a lock held by a live process: the build fails with one clear line and touches nothing; once the holder is gone it succeeds', async () => {
    const out = outWithOldBuild(datasetOnly);
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(out, lockName), `${sleeper.pid}\n`);
      const before = snapshot(out);
      const blocked = await startBuild(newData, out, datasetOnly.cliArgs).done;
      expect(blocked.status, blocked.stderr).toBe(1);
      const lines = ownLines(blocked.stderr);
      expect(lines[0]).toMatch(busyLine);
      expect(lines[0]).toContain(out);
      expect(lines.slice(1)).toEqual(['pharmald: 1 problem(s) found; nothing was written']);
      expect(blocked.stdout).toBe('');
      expect(snapshot(out)).toEqual(before);
    } finally {
      sleeper.kill('SIGKILL');
      await new Promise((resolve) => (sleeper.exitCode !== null || sleeper.signalCode !== null ? resolve(undefined) : sleeper.once('exit', resolve)));
    }
    // The holder is dead now: its lock is stale, and the next build takes it over.
    const next = await startBuild(newData, out, datasetOnly.cliArgs).done;
    expect(next.status, next.stderr).toBe(0);
    expect(classify(datasetOnly, out)).toMatchObject({ state: 'new', leftovers: [] });
  }, 120_000);

  it('a second build while the first is between staging and renaming: the second exits 1, the first finishes', async () => {
    const out = outWithOldBuild(datasetOnly);
    const gate = path.join(tempDir('pharmald-gate-'), 'open');
    const first = startBuild(newData, out, datasetOnly.cliArgs, { PHARMALD_TEST_RENAME_GATE: gate });
    await first.line(/^pharmald-test: waiting at the rename gate$/m);
    // The first build holds the lock, with every file staged: the overlap is certain.
    expect(readFileSync(path.join(out, lockName), 'utf8')).toBe(`${first.pid}\n`);
    const during = snapshot(out);
    const second = await startBuild(oldData, out, datasetOnly.cliArgs).done;
    expect(second.status, second.stderr).toBe(1);
    const lines = ownLines(second.stderr);
    expect(lines[0]).toMatch(busyLine);
    expect(lines.slice(1)).toEqual(['pharmald: 1 problem(s) found; nothing was written']);
    expect(snapshot(out)).toEqual(during);
    writeFileSync(gate, '');
    const result = await first.done;
    expect(result.status, result.stderr).toBe(0);
    expect(classify(datasetOnly, out)).toMatchObject({ state: 'new', leftovers: [] });
  }, 120_000);

  it('two builds started together: one wins, or they run one after the other; the folder is whole either way', async () => {
    const out = outWithOldBuild(datasetOnly);
    const a = startBuild(newData, out, datasetOnly.cliArgs);
    const b = startBuild(oldData, out, datasetOnly.cliArgs);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    const statuses = [ra.status, rb.status].sort();
    const outcome = classify(datasetOnly, out);
    expect(outcome.leftovers).toEqual([]);
    if (statuses[0] === 0 && statuses[1] === 1) {
      const loser = ra.status === 1 ? ra : rb;
      expect(ownLines(loser.stderr)[0]).toMatch(busyLine);
      expect(outcome.state).toBe(ra.status === 0 ? 'new' : 'old');
    } else {
      expect(statuses).toEqual([0, 0]);
      expect(['old', 'new']).toContain(outcome.state);
    }
    console.log(`two builds started together: exit statuses NEW=${ra.status} OLD=${rb.status}, folder ${outcome.state}`);
  }, 120_000);

  // Known bug (see the report): two builds that both find the same stale lock can both take it over. Here the first
  // takes it and starts renaming; the second, which had read the same dead pid before, then removes the FIRST build's
  // live lock, writes its own, and both write the folder at once. Remove `.fails` once fixed.
  it('two builds that find the same stale lock: only one of them writes', async () => {
    const out = outWithOldBuild(datasetOnly);
    const dead = spawn('true');
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(path.join(out, lockName), `${dead.pid}\n`);
    const gates = tempDir('pharmald-gate-');
    const first = startBuild(newData, out, datasetOnly.cliArgs, { PHARMALD_TEST_TAKEOVER_GATE: path.join(gates, 'first'), PHARMALD_TEST_RENAME_DELAY_MS: '100' });
    const second = startBuild(oldData, out, datasetOnly.cliArgs, { PHARMALD_TEST_TAKEOVER_GATE: path.join(gates, 'second') });
    // Both have read the stale lock's dead pid and are about to remove it.
    await Promise.all([first.line(/taking over a stale lock/), second.line(/taking over a stale lock/)]);
    writeFileSync(path.join(gates, 'first'), '');
    await first.line(/^pharmald-test: rename 0 /m);
    // The first build now holds the lock and is renaming; let the second go on.
    writeFileSync(path.join(gates, 'second'), '');
    const [rFirst, rSecond] = await Promise.all([first.done, second.done]);
    expect(rFirst.status, rFirst.stderr).toBe(0);
    expect(rSecond.status, `the second build must not write while the first holds the lock\n${rSecond.stderr}`).toBe(1);
    expect(ownLines(rSecond.stderr)[0]).toMatch(busyLine);
    expect(classify(datasetOnly, out)).toMatchObject({ state: 'new', leftovers: [] });
  }, 120_000);
});
