#!/usr/bin/env node
// **validate-workers** measures what "use both cores" would cost our SHACL validation (issue #6): before a
// worker thread can check half of the focus nodes it needs the whole data graph (an sh:class check looks at
// any node), and JavaScript objects do not cross threads. So the main thread must encode the quads (a term
// dictionary and an Int32Array of triples), post them (the strings are copied, the array is transferred), and
// each worker must rebuild terms and its own index. This prints those costs beside a whole single-thread
// validate() of the same quads.
//
//   npx tsc -p . && node bench/validate-workers.mjs [--size 1m]     (bench/.data/SIZE-v7/, from bench.mjs)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DataFactory, Parser } from 'n3';

const here = path.dirname(fileURLToPath(import.meta.url));
const size = process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : '1m';
const { validate, planValidation } = await import('../lib/validate/validate.js');
const { DataGraph } = await import('../lib/validate/data-graph.js');
const { termKey } = await import('../lib/validate/terms.js');
const { canonicalQuads } = await import('../lib/serialize/canonical.js');
const { parseTurtleFile } = await import('../lib/rdf/parse.js');
const { shapesFile } = await import('../lib/paths.js');

const quads = canonicalQuads(new Parser({ format: 'application/n-triples' }).parse(readFileSync(path.join(here, '.data', `${size}-v7`, 'dataset.nt'), 'utf8')));
const shapes = await parseTurtleFile(shapesFile);
const since = (t) => Math.round(performance.now() - t);

let t = performance.now();
const vocabulary = planValidation(shapes).shapes.vocabulary;
DataGraph.of(quads, vocabulary);
const indexMs = since(t);
t = performance.now();
const report = await validate(quads, shapes);
const wholeMs = since(t);

t = performance.now();
const ids = new Map();
const strings = [];
const triples = new Int32Array(quads.length * 3);
const id = (term) => {
  const key = termKey(term);
  let i = ids.get(key);
  if (i === undefined) {
    ids.set(key, (i = strings.length));
    strings.push(key);
  }
  return i;
};
quads.forEach((q, n) => {
  triples[3 * n] = id(q.subject);
  triples[3 * n + 1] = id(q.predicate);
  triples[3 * n + 2] = id(q.object);
});
const encodeMs = since(t);

const worker = new Worker("require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m.strings.length))", { eval: true });
await new Promise((resolve) => worker.once('online', resolve));
t = performance.now();
worker.postMessage({ strings, triples }, [triples.buffer]);
await new Promise((resolve) => worker.once('message', resolve));
const postMs = since(t);
await worker.terminate();

t = performance.now();
strings.map((s) => (s.startsWith('"') ? DataFactory.literal(s.slice(1, s.lastIndexOf('"'))) : s.startsWith('_:') ? DataFactory.blankNode(s.slice(2)) : DataFactory.namedNode(s)));
const rebuildMs = since(t);

console.log(`${size}: ${quads.length} quads, ${strings.length} distinct terms; ${report.results.length} results (${report.engine})`);
console.log(`  single thread, whole validate():            ${wholeMs} ms (the index alone, built once before: ${indexMs} ms)`);
console.log(`  before a worker could start checking:       encode ${encodeMs} ms + post ${postMs} ms + rebuild terms ${rebuildMs} ms + its own index ≈ ${indexMs} ms = ${encodeMs + postMs + rebuildMs + indexMs} ms`);
