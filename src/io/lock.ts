// **lock** keeps two builds from writing one output at once: a file created exclusively with the writer's pid; a
// dead holder's lock is taken over by exactly one of the builds that find it.
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';

export const lockName = '.pharmald.lock';
/** Locks this process holds now (the lock file alone cannot tell two builds of one process apart). */
const heldHere = new Set<string>();

/** Takes the lock `file` for writing `what`, or fails while another live build holds it. */
export async function takeLock(file: string, what: string): Promise<() => Promise<void>> {
  const key = path.resolve(file);
  const busy = () => new DataError([{ position: undefined, severity: 'error', message: `another build is writing ${what}; try again when it has finished` }]);
  if (heldHere.has(key)) throw busy();
  heldHere.add(key);
  try {
    await lockFile(file, what, busy);
  } catch (error) {
    heldHere.delete(key);
    throw error;
  }
  return async () => {
    heldHere.delete(key);
    await rm(file, { force: true });
  };
}

async function lockFile(file: string, what: string, busy: () => Error): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = await readFile(file, 'utf8').catch(() => '');
      const holder = Number(seen.trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw busy();
      // Empty: its holder has created it and not yet written its pid (a moment, longer on a loaded machine).
      // Only a lock left empty for long is a killed build's.
      if (seen.trim() === '' && ((await lockAge(file)) ?? emptyLockStaleMs) < emptyLockStaleMs) throw busy();
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
    }
  }
  throw new DataError([{ position: undefined, severity: 'error', message: `cannot lock ${what}` }]);
}

/** How long a lock may stay empty while its holder writes its pid. */
const emptyLockStaleMs = 10_000;

/** Milliseconds since the lock was last written; undefined once it is gone (its holder freed it: try again). */
async function lockAge(file: string): Promise<number | undefined> {
  const stats = await stat(file).catch(() => undefined);
  return stats && Date.now() - stats.mtimeMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
