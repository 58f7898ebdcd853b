#!/usr/bin/env node
// **explain** shows what Comunica does with a benchmark query over an N3.Store: the physical plan (join
// actors, their order and the cardinalities they were given), and every call Comunica makes to the source
// (match and countQuads, grouped by which positions of the pattern are bound), with timings.
//
//   node bench/explain.mjs [--size 100k] [--query b] [--source store|wrapped|ours] [--cap S]
//
// --source ours runs the query as pharmald's query() does (whole basic graph patterns handed to the source,
// src/query/querysource.ts) and prints what Comunica handed to the source and the plan around it.
// --source wrapped runs the same query over bench/source.mjs's IndexedSource given as a plain RDF/JS source
// (Comunica joins pattern by pattern), to compare.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import { QueryEngine } from '@comunica/query-sparql';
import { benchmarkQueries } from './queries.mjs';
import { parseSize } from './gen.mjs';
import { sizeLabel } from './bench.mjs';
import { PredicateIndexedSource } from './source.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const shape = (s, p, o, g) => [s, p, o].map((t) => (t && t.termType !== 'Variable' ? (t === p ? `<${t.value.replace(/^.*[#/]/, '')}>` : 'B') : '?')).join(' ');

/** A Proxy that counts and times the source calls Comunica makes. */
export function instrument(source) {
  const calls = new Map();
  const note = (kind, key, ms, n) => {
    const k = `${kind} ${key}`;
    const c = calls.get(k) ?? { calls: 0, ms: 0, results: 0 };
    c.calls++; c.ms += ms; c.results += n;
    calls.set(k, c);
  };
  const proxy = new Proxy(source, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'countQuads') {
        return (...args) => {
          const t0 = performance.now();
          const n = value.apply(target, args);
          note('countQuads', shape(...args), performance.now() - t0, typeof n === 'number' ? n : 0);
          return n;
        };
      }
      if (prop === 'match' || prop === 'matchBindings') {
        return (...args) => {
          const t0 = performance.now();
          const stream = value.apply(target, args);
          const key = prop === 'match' ? shape(...args) : shape(...args.slice(1));
          // Only 'end' is listened to: a 'data' listener would switch the stream to flowing mode and take
          // the items from Comunica. A stream Comunica drops before its end (a probe) counts with 0 ms.
          note(prop, key, 0, 0);
          stream.on?.('end', () => { calls.get(`${prop} ${key}`).ms += performance.now() - t0; });
          return stream;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { proxy, calls };
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = { size: '100k', query: 'b', source: 'store', cap: 120 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--size') opt.size = value();
    else if (flag === '--query') opt.query = value();
    else if (flag === '--source') opt.source = value();
    else if (flag === '--cap') opt.cap = Number(value());
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  const dir = path.join(here, '.data', sizeLabel(parseSize(opt.size)));
  const manifest = JSON.parse(readFileSync(path.join(dir, 'data', 'manifest.json'), 'utf8'));
  const q = benchmarkQueries(manifest.sample).find((x) => x.id === opt.query);
  let t0 = performance.now();
  const store = new Store(new Parser({ format: 'application/n-triples' }).parse(readFileSync(path.join(dir, 'dataset.nt'), 'utf8')));
  console.log(`N3.Store: ${store.size} quads in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (opt.source === 'ours') {
    // What query() does: the whole basic graph pattern goes to the source (src/query/querysource.ts).
    const { ConjunctiveQuerySource, IndexedSource } = await import('./source.mjs');
    const ours = new ConjunctiveQuerySource(new IndexedSource(store));
    const handed = [];
    const queryBindings = ours.queryBindings.bind(ours);
    ours.queryBindings = (operation, context) => {
      handed.push(operation.type === 'pattern' ? 'pattern' : `${operation.type} of ${operation.input?.length ?? operation.patterns?.length} operations`);
      return queryBindings(operation, context);
    };
    const engine = new QueryEngine();
    console.log(`\nquery (${q.id}) ${q.title}:\n${q.sparql}`);
    for (const run of ['cold', 'warm']) {
      handed.length = 0;
      t0 = performance.now();
      const rows = await (await engine.queryBindings(q.sparql, ours.context)).toArray();
      console.log(`${run}: ${rows.length} rows in ${(performance.now() - t0).toFixed(1)} ms; handed to the source: ${handed.join(', ')}`);
    }
    const plan = await engine.explain(q.sparql, ours.context, 'physical');
    console.log(`\nphysical plan:\n${typeof plan.data === 'string' ? plan.data : JSON.stringify(plan.data, null, 2)}`);
    return;
  }
  let source = store;
  if (opt.source === 'wrapped') {
    t0 = performance.now();
    source = new PredicateIndexedSource(store);
    console.log(`PredicateIndexedSource built in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  // Time spent inside N3.Store's index iteration, per pattern shape (the generator behind match()).
  const reads = new Map();
  const readQuads = store.readQuads.bind(store);
  store.readQuads = function* timedReadQuads(s, p, o, g) {
    const key = shape(s, p, o, g);
    const r = reads.get(key) ?? { calls: 0, quads: 0, ms: 0 };
    reads.set(key, r);
    r.calls++;
    const it = readQuads(s, p, o, g);
    for (;;) {
      const t = performance.now();
      const next = it.next();
      r.ms += performance.now() - t;
      if (next.done) return;
      r.quads++;
      yield next.value;
    }
  };
  const { proxy, calls } = instrument(source);
  const engine = new QueryEngine();
  // The timed, counted run comes first (nothing else has touched the source), then the plan.
  console.log(`\nquery (${q.id}) ${q.title}:\n${q.sparql}`);
  t0 = performance.now();
  const timer = setTimeout(() => { report(true); process.exit(0); }, opt.cap * 1000);
  const rows = await (await engine.queryBindings(q.sparql, { sources: [proxy] })).toArray();
  clearTimeout(timer);
  report(false, rows.length);
  const plan = await engine.explain(q.sparql, { sources: [proxy] }, 'physical');
  console.log(`\nphysical plan (a second run, with its own counts):\n${typeof plan.data === 'string' ? plan.data : JSON.stringify(plan.data, null, 2)}`);

  function report(capped, n) {
    const ms = performance.now() - t0;
    console.log(`\n${capped ? `stopped after ${opt.cap} s` : `${n} rows in ${ms.toFixed(0)} ms`}; source calls (pattern shape: B bound, ? variable):`);
    const rowsOut = [...calls].sort((a, b) => b[1].ms - a[1].ms);
    console.log('  time inside N3.Store index iteration (readQuads), by pattern: calls, quads read, ms');
    for (const [k, r] of [...reads].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${String(r.calls).padStart(8)} × ${k.padEnd(44)} ${r.ms.toFixed(1).padStart(7)} ms  ${r.quads} quads`);
    console.log('  calls from Comunica:');
    for (const [k, c] of rowsOut.slice(0, 20)) {
      console.log(`  ${String(c.calls).padStart(8)} × ${k.padEnd(44)} ${c.ms.toFixed(0).padStart(7)} ms${k.startsWith('countQuads') ? `  counted ${c.results}` : ' (call → end of stream, summed, overlapping)'}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => { console.error(error); process.exit(1); });
}
