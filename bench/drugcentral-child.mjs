// **drugcentral-child** runs ONE measurement of the DrugCentral benchmark (bench/drugcentral.mjs) in a fresh
// process and reports it as `@@{json}` lines on stdout, as bench/child.mjs does for the synthetic data. The
// library is imported from `args.lib` (a compiled lib/ folder, by default the repository's; with the
// from-source loader, tests/support/from-source.mjs, the repository's lib/ URLs run src/ instead).
//
//   node bench/drugcentral-child.mjs '{"stage":"build-data","lib":"/…/lib","data":["data","…/dc"],"out":"…"}'
//
// Only the stage itself is timed; preparing its input (parsing dataset.nt into quads, the shapes) is not, but
// it is in the peak memory (process.resourceUsage().maxRSS at the end).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DataFactory, Parser, Store, Writer } from 'n3';

const args = JSON.parse(process.argv[2] ?? '{}');
const emit = (obj) => process.stdout.write(`@@${JSON.stringify(obj)}\n`);
const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const lib = (file) => import(pathToFileURL(path.join(args.lib, file)).href);
const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const sha = (lines) => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}
const timing = ({ ms, cpuMs }) => ({ ms, cpuMs });

/** dataset.nt of a build, as the quads in canonical order that the build validated. */
async function canonicalInput(file) {
  const { canonicalQuads } = await lib('serialize/canonical.js');
  return canonicalQuads(new Parser({ format: 'application/n-triples' }).parse(readFileSync(file, 'utf8')));
}

/** The shapes the build validates with (generated from the model description). */
async function shapes() {
  const [{ shapesQuads }, { pharmald }] = await Promise.all([lib('generate/shapes.js'), lib('model/pharmald.js')]);
  return shapesQuads(pharmald);
}

/** Output files, with the site's pages (if any) summed into one entry. */
function summarizeFiles(files) {
  const pages = files.filter((f) => f.name.startsWith('site/'));
  const rest = files.filter((f) => !f.name.startsWith('site/'));
  return pages.length ? [...rest, { name: `site/ (${pages.length} files)`, bytes: pages.reduce((n, f) => n + f.bytes, 0) }] : rest;
}

/** Seconds from the start of build() at which each of its progress stages began. */
function stageClock() {
  const t0 = performance.now();
  const began = {};
  return {
    onProgress: (event) => { began[event.stage] ??= Math.round(performance.now() - t0); },
    began,
  };
}

// Validation results, compared as bench/child.mjs compares them: (focus, path, severity, component) tuples, and
// every field (focus, path, value, severity, component, source shape, message).
const termText = (term) => (!term ? '-' : term.termType === 'BlankNode' ? `_:${term.value}` : term.termType === 'Literal' ? JSON.stringify(term.value) + (term.language ? `@${term.language}` : `^^${term.datatype.value}`) : term.value);
const tuple = (focus, p, severity, component) => {
  const t = (term) => (!term ? '-' : term.termType === 'BlankNode' ? '_:blank' : term.value);
  return `${t(focus)} | ${t(p)} | ${t(severity).replace(SH, 'sh:')} | ${t(component).replace(SH, 'sh:')}`;
};
const fullTuple = (focus, p, value, severity, component, sourceShape, message) =>
  `${termText(focus)} | ${termText(p)} | ${termText(value)} | ${termText(severity).replace(SH, 'sh:')} | ${termText(component).replace(SH, 'sh:')} | ${termText(sourceShape)} | ${JSON.stringify(message)}`;

function tuplesFromReportDataset(dataset) {
  const store = new Store([...dataset]);
  const one = (s, p) => store.getObjects(s, DataFactory.namedNode(`${SH}${p}`), null)[0] ?? null;
  const tuples = [];
  const full = [];
  for (const report of store.getSubjects(DataFactory.namedNode(RDF_TYPE), DataFactory.namedNode(`${SH}ValidationReport`), null)) {
    for (const r of store.getObjects(report, DataFactory.namedNode(`${SH}result`), null)) {
      tuples.push(tuple(one(r, 'focusNode'), one(r, 'resultPath'), one(r, 'resultSeverity'), one(r, 'sourceConstraintComponent')));
      const message = store.getObjects(r, DataFactory.namedNode(`${SH}resultMessage`), null).map((m) => m.value).join(' ');
      full.push(fullTuple(one(r, 'focusNode'), one(r, 'resultPath'), one(r, 'value'), one(r, 'resultSeverity'), one(r, 'sourceConstraintComponent'), one(r, 'sourceShape'), message));
    }
  }
  return { tuples: tuples.sort(), full: full.sort() };
}

function summarize({ tuples, full }) {
  const bySeverity = {};
  for (const t of tuples) bySeverity[t.split(' | ')[2]] = (bySeverity[t.split(' | ')[2]] ?? 0) + 1;
  return { results: tuples.length, bySeverity, hash: sha(tuples), fullHash: sha(full), sample: tuples.slice(0, 5), tuples: tuples.length <= 20000 ? tuples : undefined, full: full.length <= 20000 ? full : undefined };
}

/** The projected variables of a SELECT (Oxigraph gives no list, and a variable may be unbound in every row). */
async function selectVariables(sparql) {
  const { Parser: SparqlParser } = await import('sparqljs');
  const parsed = new SparqlParser().parse(sparql);
  return parsed.variables.map((v) => (v.termType === 'Variable' ? v.value : v.variable.value));
}

const stages = {
  /** `pharmald import drugcentral SRC --out DIR`, through the CLI's main() in this process. */
  async import() {
    const { main } = await lib('cli/main.js');
    let out = '';
    let warnings = 0;
    const io = { out: (text) => { out += text; }, err: (text) => { warnings += (text.match(/: warning: /g) ?? []).length; }, isTerminal: false };
    const argv = ['import', 'drugcentral', args.source, '--out', args.out];
    const t = await timed(() => main(argv, io));
    if (t.value !== 0) throw new Error(`pharmald import exited ${t.value}: ${out}`);
    return { ...timing(t), summary: out.trim().slice(0, 600), warnings };
  },

  /** build({ dataDir: [data, import], site }) as `pharmald build --data … --data …` runs it. */
  async build() {
    const { build } = await lib('build.js');
    const clock = stageClock();
    const t = await timed(() => build({ dataDir: args.data, outDir: args.out, site: args.site !== false, onProgress: clock.onProgress }));
    const diagnostics = t.value.diagnostics;
    return {
      ...timing(t), triples: t.value.quads.length, diagnostics: diagnostics.length,
      bySeverity: diagnostics.reduce((m, d) => ({ ...m, [d.severity]: (m[d.severity] ?? 0) + 1 }), {}),
      files: summarizeFiles(t.value.files), stagesBeganMs: clock.began,
    };
  },

  async 'validate-ours'() {
    const { validate } = await lib('validate/validate.js');
    const quads = await canonicalInput(args.nt);
    const shapeQuads = await shapes();
    const t = await timed(() => validate(quads, shapeQuads));
    const tuples = t.value.results.map((r) => tuple(r.focusNode, r.path, DataFactory.namedNode(r.severityIri), r.constraintComponent)).sort();
    const full = t.value.results.map((r) => fullTuple(r.focusNode, r.path, r.value, DataFactory.namedNode(r.severityIri), r.constraintComponent, r.sourceShape, r.message)).sort();
    return { ...timing(t), triples: quads.length, conforms: t.value.conforms, engine: t.value.engine, fallbackReason: t.value.fallbackReason, ...summarize({ tuples, full }) };
  },

  async 'validate-rdf-validate-shacl'() {
    const { default: SHACLValidator } = await import('rdf-validate-shacl');
    const store = new Store(await canonicalInput(args.nt));
    const shapeStore = new Store(await shapes());
    const t = await timed(() => new SHACLValidator(shapeStore).validate(store));
    return { ...timing(t), triples: store.size, conforms: t.value.conforms, ...summarize(tuplesFromReportDataset(t.value.dataset)) };
  },

  async 'validate-shacl-engine'() {
    const { Validator } = await import('shacl-engine');
    const store = new Store(await canonicalInput(args.nt));
    const shapeStore = new Store(await shapes());
    const factory = { ...DataFactory, dataset: (quads) => new Store(quads ?? []) };
    const t = await timed(() => new Validator(shapeStore, { factory }).validate({ dataset: store }));
    return { ...timing(t), triples: store.size, conforms: t.value.conforms, ...summarize(tuplesFromReportDataset(t.value.dataset)) };
  },

  // The serializers and their peers on the merged graph, as bench/child.mjs runs them on the synthetic data.
  async 'ser-turtle'() {
    const { canonicalTurtle } = await lib('serialize/turtle.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => canonicalTurtle(quads));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },
  async 'ser-ntriples'() {
    const { toNTriples } = await lib('serialize/ntriples.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => toNTriples(quads));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },
  async 'ser-jsonld'() {
    const { canonicalJsonLd } = await lib('serialize/jsonld.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => canonicalJsonLd(quads));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },
  async 'n3-ntriples'() {
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => writeWithN3(quads, { format: 'N-Triples' }));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },
  async 'n3-turtle'() {
    const { turtlePrefixes } = await lib('serialize/turtle.js');
    const quads = await canonicalInput(args.nt);
    const t = await timed(() => writeWithN3(quads, { prefixes: turtlePrefixes }));
    return { ...timing(t), triples: quads.length, bytes: Buffer.byteLength(t.value) };
  },
  /** The floor: the same quads → N-Triples lines by concatenation → one string → writeFileSync. */
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

  /**
   * Loads dataset.nt into the engine (Comunica: n3 Parser → N3.Store, our query(); Oxigraph: Store.load), then
   * per query file a first (cold) run and warm runs until `warm` runs or `warmBudgetMs` spent. Streams events.
   */
  async query() {
    const { rowKeys } = await import('./queries.mjs');
    const files = args.queries;
    const text = readFileSync(args.nt, 'utf8');
    let run;
    if (args.engine === 'oxigraph') {
      const oxigraph = (await import('oxigraph')).default;
      const { ms, cpuMs } = await timed(() => {
        const store = new oxigraph.Store();
        store.load(text, { format: 'application/n-triples' });
        run = (sparql, variables) => rowKeysOrdered(store.query(sparql).map((m) => (v) => m.get(v)), variables, rowKeys);
        return store.size;
      });
      emit({ event: 'loaded', ms, cpuMs, maxRssMB: rssMB() });
    } else {
      const { query } = await lib('query/engine.js');
      let store;
      const { ms, cpuMs } = await timed(() => { store = new Store(new Parser({ format: 'application/n-triples' }).parse(text)); });
      run = async (sparql, variables) => {
        const result = await query(store, sparql);
        return rowKeysOrdered(result.rows.map((row) => (v) => row[v]), variables, rowKeys);
      };
      emit({ event: 'loaded', ms, cpuMs, maxRssMB: rssMB() });
    }
    const start = await timed(() => run('SELECT ?o WHERE { <urn:pharmald:bench> <urn:pharmald:bench> ?o }', ['o']));
    emit({ event: 'start', ms: start.ms, maxRssMB: rssMB() });
    for (const { id, file } of files) {
      const sparql = readFileSync(file, 'utf8');
      const variables = await selectVariables(sparql);
      const cold = await timed(() => run(sparql, variables));
      const { sorted, ordered } = cold.value;
      emit({ event: 'cold', id, ms: cold.ms, cpuMs: cold.cpuMs, rows: sorted.length, hash: sha(sorted), orderedHash: sha(ordered), keys: sorted.length <= 2000 ? sorted : sorted.slice(0, 50), maxRssMB: rssMB() });
      const warm = [];
      let spent = 0;
      while (warm.length < (args.warm ?? 5) && spent + (warm.at(-1) ?? cold.ms) <= (args.warmBudgetMs ?? 60000)) {
        const w = await timed(() => run(sparql, variables));
        warm.push(w.ms);
        spent += w.ms;
      }
      emit({ event: 'warm', id, runs: warm, maxRssMB: rssMB() });
    }
    return { ms: 0, done: true };
  },
};

function writeWithN3(quads, options) {
  const writer = new Writer(options);
  for (const q of quads) writer.addQuad(q);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

/** Rows as sorted comparison lines (a multiset, as bench/queries.mjs compares), and in the order given. */
function rowKeysOrdered(rows, variables, rowKeys) {
  const vars = [...variables].sort();
  const { termKey } = queriesModule;
  return { sorted: rowKeys(rows, variables), ordered: rows.map((get) => vars.map((v) => `${v}=${termKey(get(v))}`).join('\t')) };
}
const queriesModule = await import('./queries.mjs');

// A SIGINT from drugcentral.mjs --profile ends the run cleanly, so that --cpu-prof still writes its profile.
process.on('SIGINT', () => process.exit(130));

const stage = stages[args.stage];
if (!stage) {
  console.error(`drugcentral-child: unknown stage ${args.stage}`);
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
