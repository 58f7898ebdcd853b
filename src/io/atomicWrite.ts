// **atomicWrite** publishes a set of files into a folder so that a failed or killed build never leaves a
// half-written file: everything is written and flushed in a staging folder beside the targets first,
// then each file is renamed over its old version (rename is atomic on one file system).
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  readonly name: string;
  readonly content: string;
}

export async function writeFilesAtomically(outDir: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const staging = path.join(outDir, `.staging-${process.pid}-${Date.now()}`);
  await mkdir(staging);
  try {
    for (const file of files) {
      const handle = await open(path.join(staging, file.name), 'w');
      try {
        await handle.writeFile(file.content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const file of files) await rename(path.join(staging, file.name), path.join(outDir, file.name));
    await syncDirectory(outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
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
