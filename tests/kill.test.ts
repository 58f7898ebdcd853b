// Atomic builds, proven by killing them. src/io/atomicWrite.ts writes each build as a new generation in a hidden
// store beside the output (`.OUT.pharmald/build-…`), then switches the output path, a symbolic link, to it with one
// rename; a lock file in the store keeps two builds apart.
//
// (a) A good build of one version of the data (OLD) is published in the out path; a build of another version (NEW:
//     one label changed) is started as a child process (running src/, see tests/helpers.ts) and SIGKILLed at a
//     chosen point. After each kill the out path must show exactly OLD or exactly NEW: every file byte-identical to
//     one version, all of them the same version, and nothing else (leftovers of the killed build stay inside the
//     store). The next normal build must succeed (taking the stale lock over) and leave the store with one
//     generation and no lock.
//
//     How each kill is known to land where it is aimed: the child prints its stages (PHARMALD_PROGRESS=lines:
//     `pharmald: load …`, `map`, `validate`, `serialize`, `write`, `site`) and, through the preload
//     tests/support/fault-injection.mjs, the steps of the write (`pharmald-test: writing N NAME` as the Nth file of
//     the new generation is created, `swap 0` / `swapped 0` around the switch of the link). The preload freezes the
//     child at the first line that matches the aim (PHARMALD_TEST_HOLD_AT) and says `pharmald-test: holding`; only
//     then is it killed. So the kill lands at that line and no later: the test checks that the child died of the
//     kill, that the last stage line and step it printed are the aimed ones, and what the store holds (nothing new
//     before the write; a generation with fewer files than the build writes while writing; a whole one before the
//     switch; the new output after it).
//
//     Series 1 aims at every stage of a build without pages, and at three steps of its write; series 2 at the pages
//     of a full build (with site/, a few hundred files) and at its switch; both build tests/fixtures/data. Series 3
//     starts from a plain output folder (an older pharmald's, or made by hand), which the first build moves into the
//     store: the one step with a window where the path is missing; a kill there loses nothing, and the next build
//     links it back.
//
// (b) Two builds into one output: one waits while the other writes, by way of the lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { storeOf } from '../src/io/atomicWrite.js';
import { lockName } from '../src/io/lock.js';
import { bin, copyOfData, edit, fixtureDataDir, moduleLog, snapshot } from './helpers.js';

const faultInjection = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'fault-injection.mjs')).href;
const busyLine = /^pharmald: error: another build is writing (.+); try again when it has finished$/;

const scratch: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Every file under `dir` (followed if it is a link) by '/'-separated relative path. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** A way of building, with the outputs of both data versions. */
interface Scenario {
  readonly name: string;
  readonly cliArgs: readonly string[];
  readonly site: boolean;
  oldFiles: ReadonlyMap<string, Buffer>;
  newFiles: ReadonlyMap<string, Buffer>;
}
const datasetOnly: Scenario = { name: '--no-site', cliArgs: ['--no-site'], site: false, oldFiles: new Map(), newFiles: new Map() };
const fullBuild: Scenario = { name: 'with site/', cliArgs: [], site: true, oldFiles: new Map(), newFiles: new Map() };

let oldData: string;
let newData: string;

interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Resolves when the child has exited and its output is read to the end. */
  readonly done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
  /** Resolves when a stderr line matching `pattern` has arrived; fails with the child's stderr after 60 s. */
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
    line: (pattern) => new Promise((resolve, reject) => {
      if (pattern.test(handle.stderr)) return resolve();
      const timer = setTimeout(() => reject(new Error(`no line ${pattern} from build ${child.pid} in 60 s; its stderr:\n${handle.stderr}`)), 60_000);
      waiting.push({ pattern, resolve: () => { clearTimeout(timer); resolve(); } });
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

type State = 'old' | 'new' | 'mixed' | 'corrupt' | 'missing';

/** What the out path shows: OLD, NEW, a mix of whole files, or anything else (corrupt), and the files that are neither. */
function classify(scenario: Scenario, out: string, extra: readonly string[] = []): { state: State; odd: string[] } {
  if (!existsSync(out)) return { state: 'missing', odd: [] };
  const names = listFiles(out);
  const expected = [...new Set([...scenario.oldFiles.keys(), ...extra])].sort();
  if (JSON.stringify(names) !== JSON.stringify(expected)) return { state: 'corrupt', odd: names.filter((n) => !expected.includes(n)).concat(expected.filter((n) => !names.includes(n))) };
  const versions = new Set<string>();
  const odd: string[] = [];
  for (const name of scenario.oldFiles.keys()) {
    const bytes = readFileSync(path.join(out, name));
    const old = bytes.equals(scenario.oldFiles.get(name)!);
    const neu = bytes.equals(scenario.newFiles.get(name)!);
    if (!old && !neu) odd.push(name);
    else if (old !== neu) versions.add(old ? 'old' : 'new');
  }
  if (odd.length > 0) return { state: 'corrupt', odd };
  if (versions.size > 1) return { state: 'mixed', odd: [] };
  return { state: versions.has('new') ? 'new' : 'old', odd: [] };
}

/** The store beside `out` holds the current generation and nothing else: no lock, no leftover generation, no temporary link. */
function expectTidyStore(out: string, label: string): void {
  expect(lstatSync(out).isSymbolicLink(), `${label}: ${out} is the link to a generation`).toBe(true);
  expect(readdirSync(storeOf(out)), label).toEqual([path.basename(generationOf(out))]);
}

/** The generation folder the out link points to. */
const generationOf = (out: string) => path.resolve(path.dirname(out), readlinkSync(out));

/** Where a kill is aimed: the first stderr line of the child that matches `at`, and what must be true there. */
interface Aim {
  readonly name: string;
  /** A regular expression for the line to hold the child at (see the top of this file). */
  readonly at: string;
  /** The last `pharmald: STAGE` line the child printed before it was held. */
  readonly stage: string;
  readonly state: 'old' | 'new';
  /** What the store holds besides the generation the out path shows, as `describeStore` writes it. */
  readonly store: RegExp;
}

interface KillRecord {
  readonly series: string;
  readonly aim: string;
  readonly heldAt: string;
  readonly state: State;
  readonly store: string;
}
const records: KillRecord[] = [];

async function publishedOld(scenario: Scenario): Promise<string> {
  const out = path.join(tempDir('pharmald-kill-'), 'out');
  await build({ dataDir: oldData, outDir: out, site: scenario.site });
  return out;
}

/**
 * What the store beside `out` holds besides the generation `out` shows: `generation of N files` (a killed build's,
 * or the old one after a switch), then `lock`, then `link` (a fresh link not yet renamed over `out`).
 */
function describeStore(out: string): string {
  const store = storeOf(out);
  const kinds = ['generation', 'lock', 'link'];
  return readdirSync(store).filter((name) => path.join(store, name) !== generationOf(out)).map((name) => {
    if (name === lockName) return 'lock';
    if (name.startsWith('.link-')) return 'link';
    return `generation of ${listFiles(path.join(store, name)).length} files`;
  }).sort((a, b) => kinds.indexOf(a.split(' ')[0]!) - kinds.indexOf(b.split(' ')[0]!)).join(', ');
}

/** The `pharmald: STAGE …` lines of a child's stderr, as their stage names. */
const stagesOf = (stderr: string) => [...stderr.matchAll(/^pharmald: (\S+) \d+\/\d+ \(/gm)].map((m) => m[1]!);

/**
 * Starts a build of NEW over OLD with its stages on stderr, holds it at the aimed line and kills it there, then
 * checks where it was (the child was killed, its last stage and step, the store), the out path, and that the
 * next build repairs everything.
 */
async function killTrial(scenario: Scenario, series: string, aim: Aim): Promise<KillRecord> {
  const out = await publishedOld(scenario);
  const child = startBuild(newData, out, scenario.cliArgs, { PHARMALD_PROGRESS: 'lines', PHARMALD_TEST_HOLD_AT: aim.at });
  await child.line(/^pharmald-test: holding$/m);
  child.process.kill('SIGKILL');
  const result = await child.done;
  const label = `${series}, ${aim.name}`;
  expect(result.signal, `${label}: the child was killed, not finished\n${result.stderr}`).toBe('SIGKILL');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.pop(), label).toBe('pharmald-test: holding');
  const heldAt = lines.pop()!;
  expect(heldAt, label).toMatch(new RegExp(aim.at));
  expect(stagesOf(result.stderr).pop(), `${label}: the last stage it began`).toBe(aim.stage);
  const store = describeStore(out);
  expect(store, `${label}: the store`).toMatch(aim.store);
  const outcome = classify(scenario, out);
  expect(outcome.state, `${label}: ${JSON.stringify(outcome)}`).toBe(aim.state);
  const record = { series, aim: aim.name, heldAt, state: outcome.state, store };
  records.push(record);
  // The next normal build repairs whatever the kill left, and leaves one generation.
  await build({ dataDir: newData, outDir: out, site: scenario.site });
  expect(classify(scenario, out).state, `${label}: the next build`).toBe('new');
  expectTidyStore(out, `${label}: the next build`);
  return record;
}

async function prepare(scenario: Scenario): Promise<void> {
  const oldOut = path.join(tempDir('pharmald-kill-old-'), 'out');
  const newOut = path.join(tempDir('pharmald-kill-new-'), 'out');
  await build({ dataDir: oldData, outDir: oldOut, site: scenario.site });
  await build({ dataDir: newData, outDir: newOut, site: scenario.site });
  const read = (dir: string) => new Map(listFiles(dir).map((name) => [name, readFileSync(path.join(dir, name))]));
  scenario.oldFiles = read(oldOut);
  scenario.newFiles = read(newOut);
  expect([...scenario.oldFiles.keys()]).toEqual([...scenario.newFiles.keys()]);
  // The versions differ in the dataset files, so OLD and NEW can be told apart.
  expect(scenario.oldFiles.get('dataset.nt')!.equals(scenario.newFiles.get('dataset.nt')!)).toBe(false);
}

beforeAll(async () => {
  oldData = copyOfData(fixtureDataDir);
  newData = copyOfData(fixtureDataDir);
  scratch.push(oldData, newData);
  edit(newData, 'ketamine.yaml', '    label: ketamine\n', '    label: ketamine (edited)\n');
  await prepare(datasetOnly);
}, 120_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  if (records.length > 0) {
    console.log(`kill test: ${records.length} kills\n${records.map((r) => `  ${r.series}, ${r.aim}: held at "${r.heldAt}", out ${r.state}, store ${r.store || 'tidy'}`).join('\n')}`);
  }
});

describe('a killed build leaves the previous output whole', () => {
  it('series 1: SIGKILL in each stage of a build, and in each step of its write', async () => {
    // An undisturbed child build: it publishes NEW, runs the source, and prints the stages aimed at below.
    const probeOut = await publishedOld(datasetOnly);
    const log = moduleLog();
    const probe = await startBuild(newData, probeOut, datasetOnly.cliArgs, { PHARMALD_PROGRESS: 'lines', ...log.env }).done;
    expect(probe.status, probe.stderr).toBe(0);
    expect(classify(datasetOnly, probeOut).state).toBe('new');
    expectTidyStore(probeOut, 'an undisturbed build');
    expect(stagesOf(probe.stderr)).toEqual(['load', 'map', 'validate', 'validated', 'serialize', 'write']);
    expect(log.modules()).toEqual(expect.arrayContaining(['src/build.ts', 'src/io/atomicWrite.ts']));
    const files = datasetOnly.newFiles.size;
    expect(probe.stderr).toContain(`pharmald-test: writing ${files} `);

    const nothingWritten = /^$/;
    const stageAims = ['load', 'map', 'validate', 'serialize', 'write'].map((stage): Aim => (
      { name: `${stage} stage`, at: `^pharmald: ${stage} \\d`, stage, state: 'old', store: nothingWritten }));
    const writeAims: readonly Aim[] = [
      // Holding the lock, the third file of the generation about to be created: at most two exist.
      { name: 'writing the files', at: '^pharmald-test: writing 3 ', stage: 'write', state: 'old', store: /^generation of [0-2] files, lock$/ },
      // Every file written and flushed, the fresh link made, not yet renamed over the out path.
      { name: 'before the switch', at: '^pharmald-test: swap 0$', stage: 'write', state: 'old', store: new RegExp(`^generation of ${files} files, lock, link$`) },
      // The link switched; the old generation not yet removed.
      { name: 'after the switch', at: '^pharmald-test: swapped 0$', stage: 'write', state: 'new', store: new RegExp(`^generation of ${files} files, lock$`) },
    ];
    for (const aim of [...stageAims, ...writeAims]) await killTrial(datasetOnly, 'series 1', aim);
  }, 240_000);

  it('series 2: SIGKILL while a full build makes and writes its pages, and before its switch', async () => {
    await prepare(fullBuild);
    const files = fullBuild.newFiles.size;
    const pages = [...fullBuild.newFiles.keys()].filter((name) => name.startsWith('site/')).length;
    expect(pages).toBeGreaterThan(100);
    // The dataset files come first, then the pages, made as they are written (the first pages are made before the
    // first file is written, so the last stage begun is site from the start): the first, the middle and the last
    // file, each about to be created, with the files before it (some, or none) on disk.
    for (const n of [1, Math.round(files / 2), files]) {
      await killTrial(fullBuild, 'series 2', {
        name: `writing file ${n} of ${files}`, at: `^pharmald-test: writing ${n} `, stage: 'site', state: 'old',
        store: /^generation of \d+ files, lock$/,
      });
      const written = Number(/^generation of (\d+) files/.exec(records.at(-1)!.store)![1]);
      expect(written, `writing file ${n}: the files on disk`).toBeLessThan(n);
      if (n > files - pages) expect(records.at(-1)!.heldAt).toMatch(/ site\//);
    }
    await killTrial(fullBuild, 'series 2', {
      name: 'before the switch', at: '^pharmald-test: swap 0$', stage: 'site', state: 'old', store: new RegExp(`^generation of ${files} files, lock, link$`),
    });
  }, 240_000);

  it('series 3: a plain output folder is adopted; a kill inside the adoption loses nothing and the next build links it back', async () => {
    const out = path.join(tempDir('pharmald-kill-plain-'), 'out');
    for (const [name, bytes] of datasetOnly.oldFiles) {
      mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
      writeFileSync(path.join(out, name), bytes);
    }
    writeFileSync(path.join(out, 'notes.txt'), 'kept by every build\n');
    // Held right after the folder is moved into the store, before it is linked back.
    const child = startBuild(newData, out, datasetOnly.cliArgs, { PHARMALD_TEST_HOLD_AT: '^pharmald-test: adopted$' });
    await child.line(/^pharmald-test: holding$/m);
    child.process.kill('SIGKILL');
    expect((await child.done).signal).toBe('SIGKILL');
    // The window: the path is missing, the old folder is whole in the store.
    expect(existsSync(out)).toBe(false);
    const store = storeOf(out);
    const adopted = readdirSync(store).filter((name) => name.startsWith('adopted-'));
    expect(adopted).toHaveLength(1);
    expect(classify(datasetOnly, path.join(store, adopted[0]!), ['notes.txt']).state).toBe('old');
    // The next build links it back first, then publishes NEW, keeping the file it did not make.
    const next = await startBuild(newData, out, datasetOnly.cliArgs).done;
    expect(next.status, next.stderr).toBe(0);
    expect(classify(datasetOnly, out, ['notes.txt']).state).toBe('new');
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('kept by every build\n');
    expectTidyStore(out, 'after the adoption');
  }, 120_000);
});

describe('two builds into one output', () => {
  it('a lock held by a live process: the build fails with one clear line and touches nothing; once the holder is gone it succeeds', async () => {
    const out = await publishedOld(datasetOnly);
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(storeOf(out), lockName), `${sleeper.pid}\n`);
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
    expect(classify(datasetOnly, out).state).toBe('new');
    expectTidyStore(out, 'after a stale lock');
  }, 120_000);

  it('a second build while the first waits to switch: the second exits 1, the first finishes', async () => {
    const out = await publishedOld(datasetOnly);
    const gate = path.join(tempDir('pharmald-gate-'), 'open');
    const first = startBuild(newData, out, datasetOnly.cliArgs, { PHARMALD_TEST_SWAP_GATE: gate });
    await first.line(/^pharmald-test: waiting at the swap gate$/m);
    // The first build holds the lock, with its generation written: the overlap is certain.
    expect(readFileSync(path.join(storeOf(out), lockName), 'utf8')).toBe(`${first.pid}\n`);
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
    expect(classify(datasetOnly, out).state).toBe('new');
    expectTidyStore(out, 'after both');
  }, 120_000);

  it('two builds started together: one wins, or they run one after the other; the output is whole either way', async () => {
    const out = await publishedOld(datasetOnly);
    const a = startBuild(newData, out, datasetOnly.cliArgs);
    const b = startBuild(oldData, out, datasetOnly.cliArgs);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    const statuses = [ra.status, rb.status].sort();
    const outcome = classify(datasetOnly, out);
    expectTidyStore(out, 'after both');
    if (statuses[0] === 0 && statuses[1] === 1) {
      const loser = ra.status === 1 ? ra : rb;
      expect(ownLines(loser.stderr)[0]).toMatch(busyLine);
      expect(outcome.state).toBe(ra.status === 0 ? 'new' : 'old');
    } else {
      expect(statuses).toEqual([0, 0]);
      expect(['old', 'new']).toContain(outcome.state);
    }
  }, 120_000);

  it('two builds that find the same stale lock: only one of them writes', async () => {
    const out = await publishedOld(datasetOnly);
    // A pid above Linux's highest (pid_max ≤ 4,194,304): dead for certain, where a finished child's pid could be
    // given to a new process by the time the builds look at it.
    writeFileSync(path.join(storeOf(out), lockName), `${4_194_305}\n`);
    const gates = tempDir('pharmald-gate-');
    const first = startBuild(newData, out, datasetOnly.cliArgs, { PHARMALD_TEST_TAKEOVER_GATE: path.join(gates, 'first'), PHARMALD_TEST_SWAP_DELAY_MS: '100' });
    const second = startBuild(oldData, out, datasetOnly.cliArgs, { PHARMALD_TEST_TAKEOVER_GATE: path.join(gates, 'second') });
    // Both have read the stale lock's dead pid and are about to remove it.
    await Promise.all([first.line(/taking over a stale lock/), second.line(/taking over a stale lock/)]);
    writeFileSync(path.join(gates, 'first'), '');
    await first.line(/^pharmald-test: swap 0$/m);
    // The first build now holds the lock and is switching; let the second go on.
    writeFileSync(path.join(gates, 'second'), '');
    const [rFirst, rSecond] = await Promise.all([first.done, second.done]);
    expect(rFirst.status, rFirst.stderr).toBe(0);
    expect(rSecond.status, `the second build must not write while the first holds the lock\n${rSecond.stderr}`).toBe(1);
    expect(ownLines(rSecond.stderr)[0]).toMatch(busyLine);
    expect(classify(datasetOnly, out).state).toBe('new');
  }, 120_000);
});

describe('what the output path is', () => {
  it('a link into the store: files a build did not write (releases, a curator\'s own) are kept, hard-linked, and a copy made with cp -L is a plain folder', async () => {
    const out = await publishedOld(datasetOnly);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    mkdirSync(path.join(out, 'releases', '0.1.0'), { recursive: true });
    // Written into the current generation by hand, as an older release would be: carried into the next one.
    writeFileSync(path.join(out, 'releases', '0.1.0', 'dataset.nt'), 'x\n');
    await build({ dataDir: newData, outDir: out, site: false });
    expect(readFileSync(path.join(out, 'releases', '0.1.0', 'dataset.nt'), 'utf8')).toBe('x\n');
    expect(classify(datasetOnly, out, ['releases/0.1.0/dataset.nt']).state).toBe('new');
    const copy = path.join(tempDir('pharmald-copy-'), 'copy');
    cpSync(out, copy, { recursive: true, dereference: true });
    expect(lstatSync(copy).isDirectory()).toBe(true);
    expect(snapshot(copy)).toEqual(snapshot(out));
  }, 60_000);
});
