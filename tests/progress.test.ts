// Progress on a terminal (a bar redrawn in place) and off it (plain lines, only for long work): src/io/progress.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../src/io/progress.js';
import { bin, fixtureDataDir, root, scratchDir } from './helpers.js';

/** A stand-in for process.stderr that records what is written. */
function recordingStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = { isTTY, columns: 80, text: '', write(chunk: string) { stream.text += chunk; return true; } };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress', () => {
  it('draws a bar in place on a terminal and clears it at the end', () => {
    const tty = recordingStream(true);
    const progress = terminalProgress(tty, undefined);
    progress.listener({ stage: 'validate', done: 3, total: 3 });
    expect(tty.text).toMatch(/^\r\x1b\[Kvalidate +\[#+\] 3\/3$/);
    progress.end();
    expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('off a terminal, short work prints nothing', () => {
    const pipe = recordingStream(false);
    const progress = terminalProgress(pipe, undefined);
    for (const stage of ['load', 'map', 'validate']) progress.listener({ stage, done: 0, total: 3 });
    progress.end();
    expect(pipe.text).toBe('');
  });

  it('PHARMALD_PROGRESS=lines prints a line per stage from the start; none prints nothing, even on a terminal', () => {
    const pipe = recordingStream(false);
    const progress = terminalProgress(pipe, 'lines');
    progress.listener({ stage: 'load', done: 0, total: 3 });
    progress.listener({ stage: 'load', done: 1, total: 3 }); // same stage, within 10 s: no line
    progress.listener({ stage: 'validate', done: 2, total: 3 });
    expect(pipe.text.split('\n')).toEqual([
      expect.stringMatching(/^pharmald: load 0\/3 \(\d+\.\d s\)$/),
      expect.stringMatching(/^pharmald: validate 2\/3 \(\d+\.\d s\)$/),
      '',
    ]);
    const tty = recordingStream(true);
    terminalProgress(tty, 'none').listener({ stage: 'load', done: 0, total: 1 });
    expect(tty.text).toBe('');
  });

  it('a real build with PHARMALD_PROGRESS=lines reports each stage on stderr, beside the warnings', () => {
    const out = path.join(scratchDir('pharmald-progress-'), 'out');
    const result = spawnSync(process.execPath, [bin, 'build', '--no-site', '--data', fixtureDataDir, '--out', out], {
      cwd: root, encoding: 'utf8', env: { ...process.env, PHARMALD_PROGRESS: 'lines' },
    });
    expect(result.status, result.stderr).toBe(0);
    const stages = result.stderr.split('\n').filter((line) => line.startsWith('pharmald: ')).map((line) => line.split(' ')[1]);
    expect(stages).toEqual(['load', 'map', 'validate', 'validated', 'serialize', 'write']);
    expect(result.stderr).toMatch(/warning: Mechanism has no supporting literature reference/);
  });
});
