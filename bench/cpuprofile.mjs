// **cpuprofile** summarizes a V8 .cpuprofile (node --cpu-prof): self time per function and per package.
import { readFileSync } from 'node:fs';

/** Self time per function (name, file:line), and per file, from a .cpuprofile. */
export function summarizeProfile(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    total += us;
    const url = callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*\/(lib|bench)\//, '$1/');
    const fn = `${callFrame.functionName || '(anonymous)'}  ${url ? `${url}:${callFrame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const pkg = url.startsWith('node_modules/')
      ? url.split('/').slice(0, url.split('/')[1].startsWith('@') ? 3 : 2).join('/')
      : url || callFrame.functionName;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + us);
  }
  const rows = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: us / total }));
  return { totalMs: Math.round(total / 1000), functions: rows(byFunction), packages: rows(byFile) };
}

