// **child** runs ONE measurement in a fresh process and reports it as a line `@@{json}` on stdout:
// { ms, maxRssMB, ...details }. bench.mjs starts one child per measurement, so the peak memory
// (process.resourceUsage().maxRSS) belongs to that measurement alone (with the inputs it needs loaded).
//
//   node bench/child.mjs '{"stage":"build","data":"…/data","out":"…/out"}'
//
// Only the stage itself is timed; preparing its input (parsing dataset.nt, loading the YAML for the map
// stage…) is not, but it is in the peak memory.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DataFactory, Parser, Store, Writer } from 'n3';

const args = JSON.parse(process.argv[2] ?? '{}');
const emit = (obj) => process.stdout.write(`@@${JSON.stringify(obj)}\n`);
const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Wall time and CPU time (user + system, all threads) of one stage. */
async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}
const timing = ({ ms, cpuMs }) => ({ ms, cpuMs });

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

/** Output files, with the site's pages (if any) summed into one entry. */
function summarizeFiles(files) {
  const pages = files.filter((f) => f.name.startsWith('site/'));
  const rest = files.filter((f) => !f.name.startsWith('site/'));
  return pages.length ? [...rest, { name: `site/ (${pages.length} files)`, bytes: pages.reduce((n, f) => n + f.bytes, 0) }] : rest;
}

const sha = (lines) => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

/** Validation results as comparable tuples: focus node, path, severity, constraint component. */
function tuple(focus, path, severity, component) {
  const t = (term) => (!term ? '-' : term.termType === 'BlankNode' ? '_:blank' : term.value);
  return `${t(focus)} | ${t(path)} | ${t(severity).replace(SH, 'sh:')} | ${t(component).replace(SH, 'sh:')}`;
}

/**
 * The whole result, for "identical results": focus node, path, value, severity, component, source shape and
 * message. Blank nodes by label (every engine reads the same shapes file with the same parser, so the
 * blank-node property shapes have the same labels; the data has no blank nodes).
 */
function fullTuple(focus, path, value, severity, component, sourceShape, message) {
  const t = (term) => (!term ? '-' : term.termType === 'BlankNode' ? `_:${term.value}` : term.termType === 'Literal' ? JSON.stringify(term.value) + (term.language ? `@${term.language}` : `^^${term.datatype.value}`) : term.value);
  return `${t(focus)} | ${t(path)} | ${t(value)} | ${t(severity).replace(SH, 'sh:')} | ${t(component).replace(SH, 'sh:')} | ${t(sourceShape)} | ${JSON.stringify(message)}`;
}

/** Results of a SHACL report dataset (both peers publish one): the top-level sh:result nodes. */
function tuplesFromReportDataset(dataset) {
  const store = new Store([...dataset]);
  const one = (s, p) => store.getObjects(s, DataFactory.namedNode(`${SH}${p}`), null)[0] ?? null;
  const reports = store.getSubjects(DataFactory.namedNode(RDF_TYPE), DataFactory.namedNode(`${SH}ValidationReport`), null);
  const out = [];
  const full = [];
  for (const report of reports) {
    for (const r of store.getObjects(report, DataFactory.namedNode(`${SH}result`), null)) {
      out.push(tuple(one(r, 'focusNode'), one(r, 'resultPath'), one(r, 'resultSeverity'), one(r, 'sourceConstraintComponent')));
      const message = store.getObjects(r, DataFactory.namedNode(`${SH}resultMessage`), null).map((m) => m.value).join(' ');
      full.push(fullTuple(one(r, 'focusNode'), one(r, 'resultPath'), one(r, 'value'), one(r, 'resultSeverity'), one(r, 'sourceConstraintComponent'), one(r, 'sourceShape'), message));
    }
  }
  return { tuples: out.sort(), full: full.sort() };
}

function summarize({ tuples, full }) {
  const bySeverity = {};
  for (const t of tuples) {
    const severity = t.split(' | ')[2];
    bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
  }
  const violations = tuples.filter((t) => t.includes('sh:Violation'));
  return {
    results: tuples.length, bySeverity, hash: sha(tuples), violations: violations.slice(0, 50), tuples: tuples.length <= 20000 ? tuples : undefined,
    fullHash: sha(full), full: full.length <= 20000 ? full : undefined,
  };
}

const stages = {
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
   * Our validate(quads, shapes): compiles the shapes, indexes the quads (already in memory, untimed to load)
   * and validates, all timed; `engine` says whether the compiled validator ran or it fell back.
   */
  async 'validate-ours'() {
    const { validate } = await import('../lib/validate/validate.js');
    const quads = await canonicalInput(args.nt);
    const shapes = await shapesQuads();
    const t = await timed(() => validate(quads, shapes));
    const tuples = t.value.results.map((r) => tuple(r.focusNode, r.path, DataFactory.namedNode(r.severityIri), r.constraintComponent)).sort();
    const full = t.value.results.map((r) => fullTuple(r.focusNode, r.path, r.value, DataFactory.namedNode(r.severityIri), r.constraintComponent, r.sourceShape, r.message)).sort();
    return { ...timing(t), triples: quads.length, conforms: t.value.conforms, engine: t.value.engine, fallbackReason: t.value.fallbackReason, ...summarize({ tuples, full }) };
  },

  async 'validate-rdf-validate-shacl'() {
    const { default: SHACLValidator } = await import('rdf-validate-shacl');
    const store = new Store(await canonicalInput(args.nt));
    const shapes = new Store(await shapesQuads());
    const t = await timed(() => new SHACLValidator(shapes).validate(store));
    return { ...timing(t), triples: store.size, conforms: t.value.conforms, ...summarize(tuplesFromReportDataset(t.value.dataset)) };
  },

  async 'validate-shacl-engine'() {
    const { Validator } = await import('shacl-engine');
    const store = new Store(await canonicalInput(args.nt));
    const shapes = new Store(await shapesQuads());
    // shacl-engine needs a DataFactory with dataset(): n3's factory, with N3.Store as the dataset.
    const factory = { ...DataFactory, dataset: (quads) => new Store(quads ?? []) };
    const t = await timed(() => new Validator(shapes, { factory }).validate({ dataset: store }));
    return { ...timing(t), triples: store.size, conforms: t.value.conforms, ...summarize(tuplesFromReportDataset(t.value.dataset)) };
  },

  async 'ser-turtle'() {
    // As the build writes it: the quads are already in canonical order.
    const { canonicalTurtle } = await import('../lib/serialize/turtle.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => canonicalTurtle(quads));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },

  async 'ser-ntriples'() {
    const { toNTriples } = await import('../lib/serialize/ntriples.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => toNTriples(quads));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },

  async 'ser-jsonld'() {
    const { canonicalJsonLd } = await import('../lib/serialize/jsonld.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => canonicalJsonLd(quads));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
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

  async 'n3-ntriples'() {
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => writeWithN3(quads, { format: 'N-Triples' }));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },

  async 'n3-turtle'() {
    const { turtlePrefixes } = await import('../lib/serialize/turtle.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => writeWithN3(quads, { prefixes: turtlePrefixes }));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },

  async 'floor-quads'() {
    const { quadsToNTriples } = await import('./floor.mjs');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => {
      const text = `${quadsToNTriples(quads).join('\n')}\n`;
      writeFileSync(args.outFile, text);
      return text;
    });
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
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

function writeWithN3(quads, options) {
  const writer = new Writer(options);
  for (const q of quads) writer.addQuad(q);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

// A SIGINT from bench/profile.mjs ends the run cleanly, so that --cpu-prof still writes its profile.
process.on('SIGINT', () => process.exit(130));

const stage = stages[args.stage];
if (!stage) {
  console.error(`child: unknown stage ${args.stage}`);
  process.exit(2);
}
try {
  const result = await stage();
  if (result?.done) emit({ event: 'done', maxRssMB: rssMB() });
  else if (result) emit({ event: 'result', stage: args.stage, ...result, maxRssMB: rssMB() });
} catch (error) {
  emit({ event: 'error', stage: args.stage, message: String(error?.stack ?? error).slice(0, 4000), maxRssMB: rssMB() });
  process.exitCode = 1;
}
