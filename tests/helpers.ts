// Shared test helpers: run the real CLI, make scratch folders, and build the bundled dataset once.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDataset, type CompiledDataset } from '../src/build.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = path.join(root, 'data');
export const bin = path.join(root, 'bin', 'pharmald.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pharmald ARGS` as a user would (the compiled CLI, as installed by `npm ci`). */
export function pharmald(args: readonly string[], options: { cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function scratchDir(name = 'pharmald-test-'): string {
  return mkdtempSync(path.join(tmpdir(), name));
}

/** A copy of the bundled data in a scratch folder, to break on purpose. */
export function copyOfData(): string {
  const dir = scratchDir('pharmald-data-');
  cpSync(dataDir, dir, { recursive: true });
  return dir;
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

/** The 1-based line of the first line of a file that contains `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${text} not in ${file}`);
  return index + 1;
}

let compiled: Promise<CompiledDataset> | undefined;
/** The bundled dataset, compiled once per test file. */
export function bundledDataset(): Promise<CompiledDataset> {
  compiled ??= compileDataset({ dataDir });
  return compiled;
}
