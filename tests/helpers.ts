// Shared test helpers: run the real CLI, make scratch folders, and build the bundled dataset once.
//
// Every process the tests start runs the source (src/), never the compiled lib/: vitest.config.ts starts the test
// processes with tests/support/from-source.mjs and hands it to their children in NODE_OPTIONS, so bin/pharmald.js,
// and the query worker threads, load src/ wherever they name lib/.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { compileDataset, type CompiledDataset } from '../src/build.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = path.join(root, 'data');
export const bin = path.join(root, 'bin', 'pharmald.js');
/** A small data folder, fixed, for the tests of the pipeline (the bundled data/ may grow: see tests/fixtures/data). */
export const fixtureDataDir = path.join(root, 'tests', 'fixtures', 'data');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `pharmald ARGS` as a user would: bin/pharmald.js in a child process (running src/, see the top). */
export function pharmald(args: readonly string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The async twin of `pharmald()` (same binary, same options), so concurrent tests overlap. */
export function pharmaldAsync(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every line of stderr is a diagnostic or a `pharmald:` line: never a stack trace, an error dump or a warning. */
export function expectCleanStderr(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/Error:|FATAL|Warning:/);
  if (stderr === '') return;
  expect(stderr.endsWith('\n')).toBe(true);
  for (const line of stderr.slice(0, -1).split('\n')) {
    expect(line).toMatch(/^(\S+:\d+:\d+: (error|violation|warning|info): \S.*|pharmald: \S.*)$/);
  }
}

export function scratchDir(name = 'pharmald-test-'): string {
  return mkdtempSync(path.join(tmpdir(), name));
}

/** A copy of a data folder (the bundled data unless told) in a scratch folder, to break on purpose. */
export function copyOfData(from = dataDir): string {
  const dir = scratchDir('pharmald-data-');
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** The drug file that README's "How to add a drug" would have a curator write (tests/fixtures/new-drug/). */
export const newDrugFile = path.join(root, 'tests', 'fixtures', 'new-drug', 'examplamine.yaml');

/** A copy of the bundled data with a second drug added as README's "How to add a drug" says: one more file. */
export function dataWithNewDrug(): string {
  const dir = copyOfData();
  if (existsSync(path.join(dir, path.basename(newDrugFile)))) throw new Error(`${path.basename(newDrugFile)} is in data/ already`);
  cpSync(newDrugFile, path.join(dir, path.basename(newDrugFile)));
  return dir;
}

/**
 * What a child process ran: give it `env` (see tests/support/from-source-hooks.mjs), then `modules()` lists the
 * package's modules that any of its threads loaded, relative to the root (e.g. `src/cli/main.ts`), sorted.
 */
export function moduleLog(): { env: Record<string, string>; modules: () => string[] } {
  const file = path.join(scratchDir('pharmald-modules-'), 'modules');
  const rootUrl = pathToFileURL(root).href + '/';
  return {
    env: { PHARMALD_TEST_MODULE_LOG: file },
    modules: () => [...new Set(readFileSync(file, 'utf8').trimEnd().split('\n').map((url) => url.slice(rootUrl.length)))].sort(),
  };
}

/** Replaces `search` (which must occur) in a file of a data copy. */
export function edit(dir: string, file: string, search: string | RegExp, replacement: string): void {
  const full = path.join(dir, file);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(search, replacement);
  if (next === text) throw new Error(`edit of ${file}: ${String(search)} not found`);
  writeFileSync(full, next);
}

/** Every file of a folder with its bytes, to prove a failed build left it untouched. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      files[name] = readFileSync(path.join(dir, name), 'base64');
    } catch {
      files[name] = '<dir>';
    }
  }
  return files;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function write(dir: string, file: string, content: string | Buffer): void {
  writeFileSync(path.join(dir, file), content);
}

/**
 * Where text is in a data file, as the CLI counts: the 1-based line of the `nth` line containing `lineText`, and
 * the 1-based column, in characters (UTF-16 code units of the decoded line), of `colText` on it.
 */
export function pos(dir: string, file: string, lineText: string, colText = lineText, nth = 1): { line: number; col: number } {
  const lines = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '').split('\n');
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(lineText) && ++seen === nth);
  if (index < 0) throw new Error(`${lineText} (#${nth}) not in ${file}`);
  const col = lines[index]!.indexOf(colText);
  if (col < 0) throw new Error(`${colText} not on line ${index + 1} of ${file}`);
  return { line: index + 1, col: col + 1 };
}

/** The position of an entity of a list (the first key of its mapping, e.g. `id` of `  - id: x`). */
export const entity = (dir: string, file: string, id: string) => pos(dir, file, `- id: ${id}`, 'id:');

/** The 1-based line of the first line of a file that contains `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

const compiled = new Map<string, Promise<CompiledDataset>>();
/** The dataset of a data folder, compiled once per test file. */
export function datasetOf(dir: string): Promise<CompiledDataset> {
  if (!compiled.has(dir)) compiled.set(dir, compileDataset({ dataDir: dir }));
  return compiled.get(dir)!;
}

/** The bundled dataset, compiled once per test file. */
export const bundledDataset = (): Promise<CompiledDataset> => datasetOf(dataDir);

/** An HTTP answer as it came: status, headers and the body's bytes. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A request to the server at `base` with the path sent exactly as written (fetch would normalise `..` away). */
export function rawRequest(base: string, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
