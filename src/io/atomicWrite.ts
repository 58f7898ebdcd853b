// **atomicWrite** publishes a set of files into a folder so that a failed or killed build never leaves a
// half-written file: everything is written and flushed in a staging folder beside the targets first,
// then each file is renamed over its old version (rename is atomic on one file system). A lock file
// keeps two builds from writing the same folder at once.
import { link, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';

export interface OutputFile {
  /** Path relative to the output folder, '/'-separated. */
  readonly name: string;
  readonly content: string;
}

const lockName = '.pharmald.lock';
/** Folders this process is writing now (the lock file alone cannot tell two builds of one process apart). */
const heldHere = new Set<string>();

export interface WriteOptions {
  /** Sub-folders that must hold exactly the given files afterwards: anything else in them is removed. */
  readonly prune?: readonly string[];
  /**
   * Which files to flush to disk before they are renamed in (default: all). A kill never loses a written
   * file; a power cut can, unless it was flushed: worth it for downloads, not for pages that rebuild.
   */
  readonly flush?: (name: string) => boolean;
}

export async function writeFilesAtomically(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const release = await lock(outDir);
  const staging = path.join(outDir, `.staging-${process.pid}`);
  try {
    await rm(staging, { recursive: true, force: true });
    await inBatches(files, 32, async (file) => {
      const target = path.join(staging, file.name);
      await mkdir(path.dirname(target), { recursive: true });
      const handle = await open(target, 'w');
      try {
        await handle.writeFile(file.content, 'utf8');
        if (options.flush?.(file.name) ?? true) await handle.sync();
      } finally {
        await handle.close();
      }
    });
    for (const file of files) {
      const target = path.join(outDir, file.name);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, file.name), target);
    }
    for (const folder of options.prune ?? []) await prune(outDir, folder, new Set(files.map((file) => file.name)));
    await syncDirectory(outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await release();
  }
}

/** Takes the folder's lock, or fails with a clear message while another live build holds it. */
async function lock(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, lockName);
  const key = path.resolve(outDir);
  const busy = () => new DataError([{ position: undefined, severity: 'error', message: `another build is writing ${outDir}; try again when it has finished` }]);
  if (heldHere.has(key)) throw busy();
  heldHere.add(key);
  try {
    return await lockFile(file, outDir, key, busy);
  } catch (error) {
    heldHere.delete(key);
    throw error;
  }
}

async function lockFile(file: string, outDir: string, key: string, busy: () => Error): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        heldHere.delete(key);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = await readFile(file, 'utf8').catch(() => '');
      const holder = Number(seen.trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw busy();
      // A lock left by a build that was killed: take it over. Move it aside first and check it is still the
      // one we judged stale, so two builds that found it at once cannot both take it.
      const aside = `${file}.stale-${process.pid}`;
      try {
        await rename(file, aside);
      } catch (renameError) {
        if ((renameError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw renameError;
      }
      if ((await readFile(aside, 'utf8').catch(() => '')) !== seen) {
        await link(aside, file).catch(() => undefined);
        await rm(aside, { force: true });
        throw busy();
      }
      await rm(aside, { force: true });
      if (Number.isInteger(holder) && holder > 0) await rm(path.join(outDir, `.staging-${holder}`), { recursive: true, force: true });
    }
  }
  throw new DataError([{ position: undefined, severity: 'error', message: `cannot lock ${outDir}` }]);
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** Removes the files under outDir/folder that are not in `keep` (names relative to outDir). */
async function prune(outDir: string, folder: string, keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(path.join(outDir, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const name = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!keep.has(name)) await rm(path.join(outDir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
