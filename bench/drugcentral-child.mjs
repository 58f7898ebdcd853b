// **drugcentral-child** runs ONE measurement of the DrugCentral benchmark (bench/drugcentral.mjs) in a fresh
// process and reports it as `@@{json}` lines on stdout, as bench/child.mjs does for the synthetic data. The
// library is imported from `args.lib` (a compiled lib/ folder, by default the repository's; with the
// from-source loader, tests/support/from-source.mjs, the repository's lib/ URLs run src/ instead).
//
//   node bench/drugcentral-child.mjs '{"stage":"build-data","lib":"/…/lib","data":["data","…/dc"],"out":"…"}'
//
// Only the stage itself is timed; preparing its input (parsing dataset.nt into quads, the shapes) is not, but
// it is in the peak memory (process.resourceUsage().maxRSS at the end).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Parser, Store } from 'n3';
import { emit, rssMB, runStage, sha, sharedStages, summarizeFiles, timed, timing } from './measure.mjs';

const args = JSON.parse(process.argv[2] ?? '{}');
const lib = (file) => import(pathToFileURL(path.join(args.lib, file)).href);

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

/** Seconds from the start of build() at which each of its progress stages began. */
function stageClock() {
  const t0 = performance.now();
  const began = {};
  return {
    onProgress: (event) => { began[event.stage] ??= Math.round(performance.now() - t0); },
    began,
  };
}

/** The projected variables of a SELECT (Oxigraph gives no list, and a variable may be unbound in every row). */
async function selectVariables(sparql) {
  const { Parser: SparqlParser } = await import('sparqljs');
  const parsed = new SparqlParser().parse(sparql);
  return parsed.variables.map((v) => (v.termType === 'Variable' ? v.value : v.variable.value));
}

const stages = {
  ...sharedStages({ lib, args, input: canonicalInput, shapes }),

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

/** Rows as sorted comparison lines (a multiset, as bench/queries.mjs compares), and in the order given. */
function rowKeysOrdered(rows, variables, rowKeys) {
  const vars = [...variables].sort();
  const { termKey } = queriesModule;
  return { sorted: rowKeys(rows, variables), ordered: rows.map((get) => vars.map((v) => `${v}=${termKey(get(v))}`).join('\t')) };
}
const queriesModule = await import('./queries.mjs');

await runStage(stages, args, 'drugcentral-child');
