#!/usr/bin/env node
// Load test of the SPARQL endpoint (`npm run bench:endpoint`): starts `pharmald serve` as a child process
// (so the load generator does not share its event loop), then for each example query of queries/ and a
// lookup query, at 1, 16 and 64 concurrent connections, runs autocannon and reports requests/s, p50 / p99
// latency and errors (non-2xx answers + socket errors + timeouts). One more series defeats the answer cache
// (every request a different query) so the cost of really running a query is visible.
//
//   node bench/endpoint.mjs [--duration S] [--quick] [--queries a,b,...] [--connections 1,16,64]
//                           [--lookup-duration S] [--workers N] [--json FILE]
//
//   --duration S         seconds per point (default 10)
//   --quick              3 s per point, only the lookup (cached and uncached) and 2 example queries
//   --queries LIST       only these series (lookup, lookup-uncached, or example names such as chain)
//   --connections LIST   connection counts (default 1,16,64)
//   --lookup-duration S  seconds for the cached lookup at the highest connection count (the target point)
//   --workers N          the server's worker threads (default: the server's own default)
//   --json FILE          where to write the figures (default bench/results/endpoint.json)
//
// Needs the compiled CLI (lib/, from `npx tsc -p .`) and the devDependency autocannon.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACCEPT = 'application/sparql-results+json';
const LOOKUP = 'SELECT ?label WHERE { <https://w3id.org/pharmald/id/drug/ketamine> <http://www.w3.org/2000/01/rdf-schema#label> ?label }';
const TARGET = { query: 'lookup', connections: 64, requestsPerSecond: 2000, errors: 0 };

const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    quick: { type: 'boolean', default: false },
    queries: { type: 'string' },
    connections: { type: 'string' },
    'lookup-duration': { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'string' },
  },
});
const positive = (name, text, fallback) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} takes a positive number, not "${text}"`);
  return n;
};
const duration = positive('duration', values.duration, values.quick ? 3 : 10);
const connectionCounts = (values.connections ?? '1,16,64').split(',').map((c) => positive('connections', c, 1));
const lookupDuration = positive('lookup-duration', values['lookup-duration'], duration);
const jsonFile = path.resolve(values.json ?? path.join(root, 'bench', 'results', 'endpoint.json'));

// The series: the lookup, the lookup with the cache defeated, then the example queries.
const examples = readdirSync(path.join(root, 'queries')).filter((f) => f.endsWith('.rq')).sort()
  .map((file) => ({ name: file.replace(/\.rq$/, ''), sparql: readFileSync(path.join(root, 'queries', file), 'utf8'), cached: true }));
let series = [
  { name: 'lookup', sparql: LOOKUP, cached: true },
  { name: 'lookup-uncached', sparql: LOOKUP, cached: false },
  ...(values.quick ? examples.filter((e) => ['systems-and-targets', 'chain'].includes(e.name)) : examples),
];
if (values.queries) {
  const wanted = values.queries.split(',');
  const unknown = wanted.filter((name) => !series.some((s) => s.name === name) && !examples.some((e) => e.name === name));
  if (unknown.length) throw new Error(`unknown series: ${unknown.join(', ')}`);
  series = [...series, ...examples].filter((s, i, all) => wanted.includes(s.name) && all.findIndex((t) => t.name === s.name) === i);
}

// ---------------------------------------------------------------------------------------------------------

/** Starts `node bin/pharmald.js serve --port 0` and resolves with its URL once it says it is serving. */
function startServer() {
  const args = [path.join(root, 'bin', 'pharmald.js'), 'serve', '--port', '0'];
  if (values.workers) args.push('--workers', values.workers);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`the server did not start in 60 s:\n${stderr}`)); }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      const match = /serving (\d+) triples at (\S+)\/sparql/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[2], triples: Number(match[1]) });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}) before serving:\n${stderr}`)); });
  });
}

let unique = 0;
/** The path of a request for a query; the uncached series makes every request's query different. */
function requestPath(sparql, cached) {
  const text = cached ? sparql : `# request ${++unique}\n${sparql}`;
  return `/sparql?query=${encodeURIComponent(text)}`;
}

function runAutocannon(url, s, connections, seconds) {
  const options = {
    url,
    connections,
    duration: seconds,
    headers: { accept: ACCEPT },
    timeout: 30,
  };
  if (s.cached) options.requests = [{ method: 'GET', path: requestPath(s.sparql, true) }];
  else options.requests = [{ method: 'GET', setupRequest: (request) => ({ ...request, path: requestPath(s.sparql, false) }) }];
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** One request first: a query that does not answer 200 is a broken benchmark, not a slow one. */
async function check(url, s) {
  const response = await fetch(`${url}${requestPath(s.sparql, s.cached)}`, { headers: { accept: ACCEPT } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${s.name} answers ${response.status}: ${body.slice(0, 300)}`);
  const rows = JSON.parse(body).results.bindings.length;
  return { rows, bytes: Buffer.byteLength(body) };
}

const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));
const row = (cells) => `${pad(cells[0], 24)} ${pad(cells[1], 5, true)} ${pad(cells[2], 10, true)} ${pad(cells[3], 8, true)} ${pad(cells[4], 8, true)} ${pad(cells[5], 7, true)}`;

async function main() {
  const server = await startServer();
  const points = [];
  const stop = () => server.child.kill('SIGTERM');
  process.once('SIGINT', () => { stop(); process.exit(130); });
  try {
    console.log(`pharmald endpoint benchmark: ${server.url}/sparql, ${server.triples} triples, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), `
      + `Node ${process.version}, ${duration} s per point${lookupDuration !== duration ? ` (${lookupDuration} s for the lookup at ${Math.max(...connectionCounts)})` : ''}\n`);
    console.log(row(['query', 'conns', 'requests/s', 'p50 ms', 'p99 ms', 'errors']));
    console.log(row(['-'.repeat(24), '-----', '----------', '------', '------', '------']));
    for (const s of series) {
      const shape = await check(server.url, s);
      for (const connections of connectionCounts) {
        const seconds = s.name === 'lookup' && connections === Math.max(...connectionCounts) ? lookupDuration : duration;
        const result = await runAutocannon(server.url, s, connections, seconds);
        const point = {
          query: s.name,
          cached: s.cached,
          connections,
          seconds,
          requestsPerSecond: Math.round(result.requests.average),
          totalRequests: result.requests.total,
          latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
          errors: result.non2xx + result.errors + result.timeouts,
          non2xx: result.non2xx,
          socketErrors: result.errors,
          timeouts: result.timeouts,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count])),
          rows: shape.rows,
          answerBytes: shape.bytes,
        };
        points.push(point);
        console.log(row([s.name, connections, point.requestsPerSecond, point.latencyMs.p50, point.latencyMs.p99, point.errors]));
      }
    }
  } finally {
    stop();
  }

  const target = points.find((p) => p.query === TARGET.query && p.connections === TARGET.connections);
  const verdict = target
    ? { ...TARGET, measured: { requestsPerSecond: target.requestsPerSecond, errors: target.errors, seconds: target.seconds },
        met: target.requestsPerSecond >= TARGET.requestsPerSecond && target.errors === TARGET.errors }
    : undefined;
  if (verdict) {
    console.log(`\ntarget: ≥ ${TARGET.requestsPerSecond} requests/s with ${TARGET.errors} errors for the lookup at ${TARGET.connections} connections: `
      + `${verdict.measured.requestsPerSecond} requests/s, ${verdict.measured.errors} errors over ${verdict.measured.seconds} s → ${verdict.met ? 'met' : 'NOT met'}`);
  }
  mkdirSync(path.dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify({
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg(), platform: `${os.platform()} ${os.release()}` },
    node: process.version,
    server: { triples: server.triples, workers: values.workers ? Number(values.workers) : 'default' },
    settings: { duration, lookupDuration, connections: connectionCounts, accept: ACCEPT },
    target: verdict,
    points,
  }, null, 2)}\n`);
  console.log(`figures written to ${path.relative(process.cwd(), jsonFile)}`);
}

main().catch((error) => {
  console.error(`bench:endpoint: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
