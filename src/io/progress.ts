// **progress** shows long work: one bar that redraws in place on a terminal; elsewhere (CI logs, pipes) plain
// `pharmald: …` lines, but only once the work has run for a while, so short builds keep their output clean.
// PHARMALD_PROGRESS=bar|lines|none overrides the choice (`lines` prints from the start).
import type { WriteStream } from 'node:tty';

/** A step of the work: which stage, and how far through it. */
export interface ProgressEvent {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** Tells `listener` of a list's stages as they start (i of n as `done: i, total: n - 1`: the last says done). */
export function stages<S extends string>(names: readonly S[], listener: ProgressListener = () => undefined): (stage: S) => void {
  return (stage) => listener({ stage, done: names.indexOf(stage), total: names.length - 1 });
}

/** Tells `listener` of one stage's steps: `step(done)` of `total`. */
export function steps(stage: string, total: number, listener: ProgressListener = () => undefined): (done: number) => void {
  return (done) => listener({ stage, done, total });
}

export interface Progress {
  readonly listener: ProgressListener;
  /** Clears the bar (nothing to do for lines). */
  readonly end: () => void;
}

/** Work shorter than this prints no progress lines. */
const quietMs = 10_000;
/** Within one stage, a progress line at most this often. */
const lineEveryMs = 10_000;

/** A bar on `stream` if it is a terminal, else progress lines for long work (see the top of this module). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, mode = process.env['PHARMALD_PROGRESS']): Progress {
  const chosen = mode === 'bar' || mode === 'lines' || mode === 'none' ? mode : stream.isTTY ? 'bar' : 'lines';
  if (chosen === 'none') return { listener: () => undefined, end: () => undefined };
  if (chosen === 'bar') return progressBar(stream as WriteStream);
  return progressLines(stream, mode === 'lines' ? 0 : quietMs);
}

function progressBar(tty: WriteStream): Progress {
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

/** `pharmald: STAGE DONE/TOTAL (S s)`: at each new stage and every 10 s within one, after `quiet` ms of work. */
function progressLines(stream: NodeJS.WriteStream, quiet: number): Progress {
  const started = Date.now();
  let stage = '';
  let last = 0;
  return {
    listener(event) {
      const now = Date.now();
      const newStage = event.stage !== stage;
      stage = event.stage;
      if (now - started < quiet || (!newStage && now - last < lineEveryMs)) return;
      last = now;
      stream.write(`pharmald: ${event.stage} ${event.done}/${event.total} (${((now - started) / 1000).toFixed(1)} s)\n`);
    },
    end: () => undefined,
  };
}
