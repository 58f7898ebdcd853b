// **spawnChild** starts one benchmark child (bench/child.mjs, bench/drugcentral-child.mjs) in a fresh Node process
// and collects what it reports as `@@{json}` lines, with its peak memory polled from /proc and a deadline.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** Every child gets room for the largest sizes. */
export const NODE_FLAGS = ['--max-old-space-size=16384'];

/** Peak RSS of a running process, from /proc (so a child stopped at the cap still has a figure). */
export function procPeakMB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `script` with `args` (as its one JSON argument) from `cwd`; resolves with its @@events. `deadline(event)`
 * gives the ms allowed until the next event (called with null at start); past it the child is sent `killSignal`
 * and `timedOut` is set.
 */
export function runScript(script, args, { cwd, deadline, nodeFlags = [], env = {}, killSignal = 'SIGKILL' } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const load0 = os.loadavg()[0];
    const child = spawn(process.execPath, [...NODE_FLAGS, ...nodeFlags, script, JSON.stringify(args)], {
      cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
    });
    const events = [];
    let buffer = '';
    let stderr = '';
    let timedOut = false;
    let peakMB = 0;
    let timer;
    const arm = (event) => {
      clearTimeout(timer);
      const ms = deadline?.(event);
      if (ms !== undefined && ms !== Infinity) timer = setTimeout(() => { timedOut = true; child.kill(killSignal); }, ms);
    };
    const poll = setInterval(() => { peakMB = Math.max(peakMB, procPeakMB(child.pid) ?? 0); }, 500);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('@@')) continue;
        const event = JSON.parse(line.slice(2));
        events.push(event);
        arm(event);
      }
    });
    child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
    arm(null);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ events, code, signal, timedOut, stderr, wallMs: performance.now() - started, peakMB, loadavg: [load0, os.loadavg()[0]] });
    });
  });
}
