// **child** runs ONE measurement in a fresh process and reports it as a line `@@{json}` on stdout:
// { ms, maxRssMB, ...details }. bench.mjs starts one child per measurement, so the peak memory
// (process.resourceUsage().maxRSS) belongs to that measurement alone (with the inputs it needs loaded).
//
//   node bench/child.mjs '{"stage":"build","data":"…/data","out":"…/out"}'
//
// Only the stage itself is timed; preparing its input (parsing dataset.nt, loading the YAML for the map
// stage…) is not, but it is in the peak memory.
import { readFileSync, writeFileSync } from 'node:fs';
import { Parser, Store } from 'n3';
import { emit, rssMB, runStage, sha, sharedStages, summarizeFiles, timed, timing } from './measure.mjs';

const args = JSON.parse(process.argv[2] ?? '{}');
const lib = (file) => import(new URL(`../lib/${file}`, import.meta.url).href);

function parseNTriplesFile(file) {
  return new Parser({ format: 'application/n-triples' }).parse(readFileSync(file, 'utf8'));
}

async function canonicalInput(file) {
  const { canonicalQuads } = await import('../lib/serialize/canonical.js');
  return canonicalQuads(parseNTriplesFile(file));
}

async function shapesQuads() {
  const { shapesFile } = await import('../lib/paths.js');
  const { parseTurtleFile } = await import('../lib/rdf/parse.js');
  return parseTurtleFile(shapesFile);
}

const stages = {
  ...sharedStages({ lib, args, input: canonicalInput, shapes: shapesQuads }),

  /** Two results: load (YAML → model) and map (model → quads). maxRSS only grows, so each is that stage's peak. */
  async 'load-map'() {
    const { loadModel } = await import('../lib/model/load.js');
    const { modelToQuads } = await import('../lib/generate/quads.js');
    const { pharmald } = await import('../lib/model/pharmald.js');
    const load = await timed(() => loadModel(args.data));
    emit({ event: 'result', stage: 'load', ...timing(load), drugs: load.value.model.drugs.length, mechanisms: load.value.model.mechanisms.length, maxRssMB: rssMB() });
    const map = await timed(() => modelToQuads(pharmald, load.value));
    emit({ event: 'result', stage: 'map', ...timing(map), quads: map.value.quads.length, maxRssMB: rssMB() });
    return null;
  },

  async compile() {
    const { compileDataset } = await import('../lib/build.js');
    const t = await timed(() => compileDataset({ dataDir: args.data }));
    return { ...timing(t), triples: t.value.quads.length, diagnostics: t.value.diagnostics.length };
  },

  async build() {
    const { build } = await import('../lib/build.js');
    const t = await timed(() => build({ dataDir: args.data, outDir: args.out }));
    return { ...timing(t), triples: t.value.quads.length, diagnostics: t.value.diagnostics.length, files: summarizeFiles(t.value.files) };
  },

  /** build() with { site: false }: the data files only, without the web pages (where build has that option). */
  async 'build-data'() {
    const { build } = await import('../lib/build.js');
    const t = await timed(() => build({ dataDir: args.data, outDir: args.out, site: false }));
    return { ...timing(t), triples: t.value.quads.length, diagnostics: t.value.diagnostics.length, files: summarizeFiles(t.value.files) };
  },

  /** Not a benchmark: writes dataset.nt (load → map → + ontology → canonical → N-Triples, no SHACL). */
  async prepare() {
    const { loadModel } = await import('../lib/model/load.js');
    const { modelToQuads } = await import('../lib/generate/quads.js');
    const { pharmald } = await import('../lib/model/pharmald.js');
    const { ontologyFile } = await import('../lib/paths.js');
    const { parseTurtleFile } = await import('../lib/rdf/parse.js');
    const { canonicalQuads } = await import('../lib/serialize/canonical.js');
    const { toNTriples } = await import('../lib/serialize/ntriples.js');
    const t = await timed(async () => {
      const mapped = modelToQuads(pharmald, await loadModel(args.data));
      const quads = canonicalQuads([...mapped.quads, ...(await parseTurtleFile(ontologyFile))]);
      const text = toNTriples(quads);
      writeFileSync(args.nt, text);
      return quads.length;
    });
    return { ...timing(t), triples: t.value };
  },

  /**
   * What-if for a proposed fix (not pharmald's code): src/serialize/jsonld.ts with the quads handed to
   * jsonld.fromRDF as an RDF/JS dataset instead of N-Quads text. The text path goes through rdf-canonize's
   * NQuads.parse, whose duplicate check compares each quad with every quad before it: O(n²).
   */
  async 'whatif-jsonld-quads'() {
    const { default: jsonld } = await import('jsonld');
    const [{ jsonLdContext }, { pharmald }] = await Promise.all([import('../lib/generate/context.js'), import('../lib/model/pharmald.js')]);
    const quads = await canonicalInput(args.nt);
    const t = await timed(async () => {
      const expanded = await jsonld.fromRDF(quads);
      const context = jsonLdContext(pharmald);
      const compacted = await jsonld.compact(expanded, context['@context'], { graph: true });
      const id = (x) => String(x ?? '');
      const graph = [...(compacted['@graph'] ?? [])].sort((a, b) => (id(a.id) < id(b.id) ? -1 : id(a.id) > id(b.id) ? 1 : 0));
      return `${JSON.stringify({ '@context': context['@context'], '@graph': graph }, null, 2)}\n`;
    });
    const result = { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
    if (args.compareWith) {
      const { toJsonLd } = await import('../lib/serialize/jsonld.js');
      result.identicalToOurs = (await toJsonLd(quads)) === t.value;
    }
    return result;
  },

  async 'floor-model'() {
    const { modelToNTriples } = await import('./floor.mjs');
    const { loadModel } = await import('../lib/model/load.js');
    const { ontologyFile } = await import('../lib/paths.js');
    const { parseTurtleFile } = await import('../lib/rdf/parse.js');
    const { quadToNTriples } = await import('../lib/serialize/ntriples.js');
    const loaded = await loadModel(args.data);
    const ontologyLines = (await parseTurtleFile(ontologyFile)).map(quadToNTriples);
    const t = await timed(() => {
      const lines = modelToNTriples(loaded.model, ontologyLines);
      writeFileSync(args.outFile, `${lines.join('\n')}\n`);
      return lines;
    });
    const result = { ...timing(t), triples: t.value.length };
    if (args.verify) {
      // Same triple set as the build's dataset.nt?
      const expected = readFileSync(args.nt, 'utf8').split('\n').filter(Boolean);
      const got = [...new Set(t.value)].sort();
      const gotSet = new Set(got);
      const missing = expected.filter((l) => !gotSet.has(l));
      const extraSet = new Set(expected);
      const extra = got.filter((l) => !extraSet.has(l));
      result.verified = missing.length === 0 && extra.length === 0 && got.length === t.value.length;
      result.verifyDetail = { expected: expected.length, got: t.value.length, unique: got.length, missing: missing.slice(0, 5), extra: extra.slice(0, 5) };
    }
    return result;
  },

  /** Streams events: loaded, start, then per query cold / warm. */
  async query() {
    const { benchmarkQueries, rowKeys } = await import('./queries.mjs');
    const queries = benchmarkQueries(args.sample).slice(args.from ?? 0);
    const capMs = args.capMs ?? 120000;
    const warmRuns = args.warm ?? 5;
    let run; // (sparql, variables) => sorted row keys
    let indexedRun;
    if (args.engine === 'oxigraph') {
      const oxigraph = (await import('oxigraph')).default;
      const text = readFileSync(args.nt, 'utf8');
      const { ms } = await timed(() => {
        const store = new oxigraph.Store();
        store.load(text, { format: 'application/n-triples' });
        run = (sparql, variables) => {
          const rows = store.query(sparql);
          return rowKeys(rows.map((m) => (v) => m.get(v)), variables);
        };
        return store.size;
      });
      emit({ event: 'loaded', ms, maxRssMB: rssMB() });
    } else {
      let { query } = await import('../lib/query/engine.js');
      const text = readFileSync(args.nt, 'utf8');
      let store;
      const { ms } = await timed(async () => {
        store = new Store(new Parser({ format: 'application/n-triples' }).parse(text));
        if (args.engine === 'comunica-indexed') {
          // What-if (bench/source.mjs): the same Comunica and the same indexed source, given as a plain
          // RDF/JS source (`sources: [source]`), so Comunica joins pattern by pattern; query() instead hands
          // each basic graph pattern to the source whole (src/query/querysource.ts).
          const { PredicateIndexedSource } = await import('./source.mjs');
          const source = new PredicateIndexedSource(store);
          const { QueryEngine } = await import('@comunica/query-sparql');
          const engine = new QueryEngine();
          query = undefined;
          indexedRun = async (sparql) => (await engine.queryBindings(sparql, { sources: [source] })).toArray();
        }
      });
      run = indexedRun
        ? async (sparql, variables) => rowKeys((await indexedRun(sparql)).map((b) => (v) => b.get(v)), variables)
        : async (sparql, variables) => {
          const result = await query(store, sparql);
          return rowKeys(result.rows.map((row) => (v) => row[v]), variables);
        };
      emit({ event: 'loaded', ms, maxRssMB: rssMB() });
    }
    const start = await timed(() => run('SELECT ?o WHERE { <urn:pharmald:bench> <urn:pharmald:bench> ?o }', ['o']));
    emit({ event: 'start', ms: start.ms, maxRssMB: rssMB() });
    for (const q of queries) {
      const projected = q.variables;
      const cold = await timed(() => run(q.sparql, projected));
      const keys = cold.value;
      emit({ event: 'cold', id: q.id, ms: cold.ms, rows: keys.length, hash: sha(keys), keys: keys.length <= 2000 ? keys : keys.slice(0, 50), maxRssMB: rssMB() });
      const warm = [];
      let spent = 0;
      while (warm.length < warmRuns && spent < capMs) {
        const w = await timed(() => run(q.sparql, projected));
        warm.push(w.ms);
        spent += w.ms;
      }
      emit({ event: 'warm', id: q.id, runs: warm, maxRssMB: rssMB() });
    }
    return { ms: 0, done: true };
  },
};

await runStage(stages, args, 'child');
