// **atomicWrite** publishes a whole output folder at once, so a failed or killed build leaves the previous one whole.
// `dist` is a symbolic link to one complete generation in a hidden store beside it; a write builds the next one
// (unchanged files hard-linked), then repoints the link with one atomic rename. Leftovers of killed builds are
// removed by the next write; a lock keeps two builds apart. A plain folder is adopted: moved in, linked back.
import { copyFile, link, lstat, mkdir, open, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { lockName, takeLock } from './lock.js';

export interface OutputFile {
  /** Path relative to the output folder, '/'-separated. */
  readonly name: string;
  /** Text (written as UTF-8) or bytes. */
  readonly content: string | Uint8Array;
}

export interface WriteOptions {
  /** Sub-folders that must hold exactly the given files afterwards: nothing else in them is carried over. */
  readonly prune?: readonly string[];
  /** Files to flush before the switch (default: all): a power cut can lose the others; worth it for downloads. */
  readonly flush?: (name: string) => boolean;
}

const buildPrefix = 'build-';
const adoptedPrefix = 'adopted-';

/** A file written, and its size. */
export interface WrittenFile {
  readonly name: string;
  readonly bytes: number;
}

/** Writes `files` (maybe a stream) as `outDir`'s next generation; current files not rewritten nor pruned are kept. */
export async function writeFilesAtomically(
  outDir: string,
  files: Iterable<OutputFile> | AsyncIterable<OutputFile>,
  options: WriteOptions = {},
): Promise<WrittenFile[]> {
  const linkPath = outputPath(outDir);
  const store = storeOf(linkPath);
  await mkdir(store, { recursive: true });
  const unlock = await takeLock(path.join(store, lockName), outDir);
  try {
    let current = await currentGeneration(outDir, linkPath, store);
    await removeGenerations(store, current);
    if (current && !isInside(store, current)) current = await adopt(current, linkPath, store);

    const next = path.join(store, `${buildPrefix}${Date.now().toString(36)}-${process.pid}`);
    await mkdir(next);
    const flush = options.flush ?? (() => true);
    const folders = new Set<string>([next]);
    const written: WrittenFile[] = [];
    await inBatches(files, 32, async (file) => {
      // Listed before the first await, so the list keeps the order of `files`.
      written.push({ name: file.name, bytes: typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength });
      const target = path.join(next, file.name);
      await mkdir(path.dirname(target), { recursive: true });
      const handle = await open(target, 'wx');
      try {
        await handle.writeFile(file.content);
        if (flush(file.name)) await handle.sync();
      } finally {
        await handle.close();
      }
      if (flush(file.name)) folders.add(path.dirname(target));
    });
    if (current) {
      const names = new Set(written.map((file) => file.name));
      const pruned = (name: string) => (options.prune ?? []).some((folder) => name.startsWith(`${folder}/`));
      for (const name of await filesUnder(current)) {
        if (names.has(name) || pruned(name)) continue;
        await carryOver(path.join(current, name), path.join(next, name));
        if (flush(name)) folders.add(path.dirname(path.join(next, name)));
      }
    }
    for (const folder of folders) await syncDirectory(folder);
    await pointLink(linkPath, store, next);
    await removeGenerations(store, next);
    return written;
  } finally {
    await unlock();
  }
}

/** The absolute output path; refuses paths that cannot be replaced as a whole (the working folder, its parents). */
function outputPath(outDir: string): string {
  const absolute = path.resolve(outDir);
  const cwd = process.cwd();
  if (absolute === path.parse(absolute).root || cwd === absolute || cwd.startsWith(absolute + path.sep)) {
    throw new UsageError(`--out ${outDir}: the output must be a folder of its own, not the working folder or one of its parents (each build replaces it as a whole)`);
  }
  return absolute;
}

/** Where the generations of the output at `linkPath` are kept: a hidden folder beside it. */
export function storeOf(linkPath: string): string {
  return path.join(path.dirname(linkPath), `.${path.basename(linkPath)}.pharmald`);
}

function isInside(store: string, file: string): boolean {
  return path.dirname(file) === store;
}

/** The folder the output shows now: the generation linked to, a plain folder to adopt, or nothing yet. */
async function currentGeneration(outDir: string, linkPath: string, store: string): Promise<string | undefined> {
  const stats = await lstat(linkPath).catch(() => undefined);
  if (!stats) {
    // Killed between the two renames of an adoption: the moved folder is the output.
    const adopted = (await readdir(store)).filter((name) => name.startsWith(adoptedPrefix)).sort().pop();
    if (!adopted) return undefined;
    await pointLink(linkPath, store, path.join(store, adopted));
    return path.join(store, adopted);
  }
  if (stats.isSymbolicLink()) {
    const target = path.resolve(path.dirname(linkPath), await readlink(linkPath));
    if (isInside(store, target)) return target;
    throw new UsageError(`--out ${outDir} is a link to ${target}, which pharmald did not make: give that folder as --out instead`);
  }
  if (stats.isDirectory()) return linkPath;
  throw new DataError([{ position: undefined, severity: 'error', message: `${outDir} exists and is not a folder` }]);
}

/** Moves a plain output folder into the store and links it back (see the top of this module). */
async function adopt(folder: string, linkPath: string, store: string): Promise<string> {
  const generation = path.join(store, `${adoptedPrefix}${Date.now().toString(36)}-${process.pid}`);
  await rename(folder, generation);
  await pointLink(linkPath, store, generation);
  return generation;
}

/** Points `linkPath` at `generation` in one rename of a fresh link over the old one. */
async function pointLink(linkPath: string, store: string, generation: string): Promise<void> {
  const fresh = path.join(store, `.link-${process.pid}`);
  await rm(fresh, { force: true });
  await symlink(path.relative(path.dirname(linkPath), generation), fresh);
  await rename(fresh, linkPath);
  await syncDirectory(path.dirname(linkPath));
}

/** Removes every generation and temporary link in the store but `keep`: leftovers of killed builds. */
async function removeGenerations(store: string, keep: string | undefined): Promise<void> {
  for (const name of await readdir(store)) {
    if (name === lockName || path.join(store, name) === keep) continue;
    if (name.startsWith(buildPrefix) || name.startsWith(adoptedPrefix) || name.startsWith('.link-')) {
      await rm(path.join(store, name), { recursive: true, force: true });
    }
  }
}

/** The files under a generation, '/'-separated and relative; an older pharmald's staging folders and lock are not. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => !name.startsWith('.staging-') && name !== lockName)
    .sort();
}

/** The same file in the next generation: a hard link (no copy, no write to the old file), else a copy. */
async function carryOver(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  const stats = await lstat(from);
  if (stats.isSymbolicLink()) {
    await symlink(await readlink(from), to);
    return;
  }
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    await copyFile(from, to);
  }
}

/** Runs `run` on the items, `size` at a time, taking them from the stream only as they are needed. */
async function inBatches<T>(items: Iterable<T> | AsyncIterable<T>, size: number, run: (item: T) => Promise<void>): Promise<void> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      await Promise.all(batch.map(run));
      batch = [];
    }
  }
  await Promise.all(batch.map(run));
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
