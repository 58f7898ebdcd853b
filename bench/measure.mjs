// **measure** is what the benchmark children (bench/child.mjs on generated data, bench/drugcentral-child.mjs on
// DrugCentral) share: timing one stage, comparing SHACL results across engines, and the stages that run the same
// way on any dataset.nt (the validators, the serializers and their peers, the floor). `lib(file)` imports a module
// of the compiled library (each child says which lib/), so the stages run the same code either child measures.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DataFactory, Store, Writer } from 'n3';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

export const emit = (obj) => process.stdout.write(`@@${JSON.stringify(obj)}\n`);
export const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
export const sha = (lines) => createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

/** Wall time and CPU time (user + system, all threads) of one stage. */
export async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}
export const timing = ({ ms, cpuMs }) => ({ ms, cpuMs });

/** Output files, with the site's pages (if any) summed into one entry. */
export function summarizeFiles(files) {
  const pages = files.filter((f) => f.name.startsWith('site/'));
  const rest = files.filter((f) => !f.name.startsWith('site/'));
  return pages.length ? [...rest, { name: `site/ (${pages.length} files)`, bytes: pages.reduce((n, f) => n + f.bytes, 0) }] : rest;
}

/** Validation results as comparable tuples: focus node, path, severity, constraint component. */
export function tuple(focus, path, severity, component) {
  const t = (term) => (!term ? '-' : term.termType === 'BlankNode' ? '_:blank' : term.value);
  return `${t(focus)} | ${t(path)} | ${t(severity).replace(SH, 'sh:')} | ${t(component).replace(SH, 'sh:')}`;
}

/**
 * The whole result, for "identical results": focus node, path, value, severity, component, source shape and
 * message. Blank nodes by label (every engine reads the same shapes with the same parser, so the blank-node
 * property shapes have the same labels; the data has no blank nodes).
 */
export function fullTuple(focus, path, value, severity, component, sourceShape, message) {
  const t = (term) => (!term ? '-' : term.termType === 'BlankNode' ? `_:${term.value}` : term.termType === 'Literal' ? JSON.stringify(term.value) + (term.language ? `@${term.language}` : `^^${term.datatype.value}`) : term.value);
  return `${t(focus)} | ${t(path)} | ${t(value)} | ${t(severity).replace(SH, 'sh:')} | ${t(component).replace(SH, 'sh:')} | ${t(sourceShape)} | ${JSON.stringify(message)}`;
}

/** Results of a SHACL report dataset (both peers publish one): the top-level sh:result nodes. */
export function tuplesFromReportDataset(dataset) {
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

/** Counts by severity, hashes of both tuple forms, the first violations, and the tuples themselves when few. */
export function summarize({ tuples, full }) {
  const bySeverity = {};
  for (const t of tuples) {
    const severity = t.split(' | ')[2];
    bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
  }
  const violations = tuples.filter((t) => t.includes('sh:Violation'));
  return {
    results: tuples.length, bySeverity, hash: sha(tuples), violations: violations.slice(0, 50), sample: tuples.slice(0, 5),
    tuples: tuples.length <= 20000 ? tuples : undefined, fullHash: sha(full), full: full.length <= 20000 ? full : undefined,
  };
}

export function writeWithN3(quads, options) {
  const writer = new Writer(options);
  for (const q of quads) writer.addQuad(q);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

/**
 * The stages that run the same on any dataset.nt (`args.nt`): ours and the peers'. `input(file)` gives the file's
 * quads in canonical order (as the build validated and wrote them), `shapes()` the shapes the build validates with.
 */
export function sharedStages({ lib, args, input, shapes }) {
  const written = (t, triples) => ({ ...timing(t), triples, bytes: Buffer.byteLength(t.value) });
  return {
    /** Our validate(quads, shapes): compiles the shapes, indexes the quads and validates; `engine` says whether it fell back. */
    async 'validate-ours'() {
      const { validate } = await lib('validate/validate.js');
      const quads = await input(args.nt);
      const shapeQuads = await shapes();
      const t = await timed(() => validate(quads, shapeQuads));
      const tuples = t.value.results.map((r) => tuple(r.focusNode, r.path, DataFactory.namedNode(r.severityIri), r.constraintComponent)).sort();
      const full = t.value.results.map((r) => fullTuple(r.focusNode, r.path, r.value, DataFactory.namedNode(r.severityIri), r.constraintComponent, r.sourceShape, r.message)).sort();
      return { ...timing(t), triples: quads.length, conforms: t.value.conforms, engine: t.value.engine, fallbackReason: t.value.fallbackReason, ...summarize({ tuples, full }) };
    },
    async 'validate-rdf-validate-shacl'() {
      const { default: SHACLValidator } = await import('rdf-validate-shacl');
      const store = new Store(await input(args.nt));
      const shapeStore = new Store(await shapes());
      const t = await timed(() => new SHACLValidator(shapeStore).validate(store));
      return { ...timing(t), triples: store.size, conforms: t.value.conforms, ...summarize(tuplesFromReportDataset(t.value.dataset)) };
    },
    async 'validate-shacl-engine'() {
      const { Validator } = await import('shacl-engine');
      const store = new Store(await input(args.nt));
      const shapeStore = new Store(await shapes());
      // shacl-engine needs a DataFactory with dataset(): n3's factory, with N3.Store as the dataset.
      const factory = { ...DataFactory, dataset: (quads) => new Store(quads ?? []) };
      const t = await timed(() => new Validator(shapeStore, { factory }).validate({ dataset: store }));
      return { ...timing(t), triples: store.size, conforms: t.value.conforms, ...summarize(tuplesFromReportDataset(t.value.dataset)) };
    },
    // As the build writes them: the quads are already in canonical order.
    async 'ser-turtle'() {
      const { canonicalTurtle } = await lib('serialize/turtle.js');
      const quads = await input(args.nt);
      return written(await timed(() => canonicalTurtle(quads)), quads.length);
    },
    async 'ser-ntriples'() {
      const { toNTriples } = await lib('serialize/ntriples.js');
      const quads = await input(args.nt);
      return written(await timed(() => toNTriples(quads)), quads.length);
    },
    async 'ser-jsonld'() {
      const { canonicalJsonLd } = await lib('serialize/jsonld.js');
      const quads = await input(args.nt);
      return written(await timed(() => canonicalJsonLd(quads)), quads.length);
    },
    async 'n3-ntriples'() {
      const quads = await input(args.nt);
      return written(await timed(() => writeWithN3(quads, { format: 'N-Triples' })), quads.length);
    },
    async 'n3-turtle'() {
      const { turtlePrefixes } = await lib('serialize/turtle.js');
      const quads = await input(args.nt);
      return written(await timed(() => writeWithN3(quads, { prefixes: turtlePrefixes })), quads.length);
    },
    /** The floor: the same quads → N-Triples lines by concatenation → one string → writeFileSync. */
    async 'floor-quads'() {
      const { quadsToNTriples } = await import('./floor.mjs');
      const quads = await input(args.nt);
      const t = await timed(() => {
        const text = `${quadsToNTriples(quads).join('\n')}\n`;
        writeFileSync(args.outFile, text);
        return text;
      });
      return written(t, quads.length);
    },
  };
}

/** Runs `stages[args.stage]` and reports it as `@@{json}` lines; a SIGINT (from --profile) ends the run cleanly. */
export async function runStage(stages, args, name) {
  process.on('SIGINT', () => process.exit(130));
  const stage = stages[args.stage];
  if (!stage) {
    console.error(`${name}: unknown stage ${args.stage}`);
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
}
