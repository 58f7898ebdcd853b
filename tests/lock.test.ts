// The output lock: a lock file that exists but is still empty belongs to a build that has created it and not yet
// written its pid, and must not be taken over (two builds would then write one output at once); one left empty
// for long is a killed build's, and is taken over.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../src/errors.js';
import { lockName, takeLock } from '../src/io/lock.js';
import { scratchDir } from './helpers.js';

describe('takeLock', () => {
  it('refuses a lock that is empty and new: its holder is writing its pid', async () => {
    const file = path.join(scratchDir('pharmald-lock-'), lockName);
    writeFileSync(file, '');
    const taking = takeLock(file, 'dist');
    await expect(taking).rejects.toBeInstanceOf(DataError);
    await expect(taking).rejects.toThrow(/another build is writing dist/);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('takes over a lock left empty for longer than a build takes to write its pid, and frees it after', async () => {
    const file = path.join(scratchDir('pharmald-lock-'), lockName);
    writeFileSync(file, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const unlock = await takeLock(file, 'dist');
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n`);
    await unlock();
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });
});
