// **progress** shows long work on a terminal: one bar that redraws in place on a TTY, nothing otherwise
// (so logs and pipes stay clean).
import type { WriteStream } from 'node:tty';

/** A step of the work: which stage, and how far through it. */
export interface ProgressEvent {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** A listener that draws a bar on `stream` if it is a terminal, else does nothing; `end()` clears it. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { listener: ProgressListener; end: () => void } {
  if (!stream.isTTY) return { listener: () => undefined, end: () => undefined };
  const tty = stream as WriteStream;
  let drawn = false;
  let last = 0;
  return {
    listener({ stage, done, total }) {
      const now = Date.now();
      if (done < total && now - last < 50) return; // at most 20 redraws a second
      last = now;
      const width = Math.max(10, Math.min(40, (tty.columns ?? 80) - stage.length - 20));
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      tty.write(`\r\x1b[K${stage.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) tty.write('\r\x1b[K');
    },
  };
}
