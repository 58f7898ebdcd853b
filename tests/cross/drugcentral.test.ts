// Cross-checks of the MERGED dataset (the curated data/ plus DrugCentral 2016-05-09, about 434k triples) with tools
// that are not ours, all Debian packages:
//   1. raptor2-utils (`rapper`) parses dataset.ttl and dataset.nt: no error, as many triples as pharmald reports;
//   2. python3-rdflib parses dataset.ttl, dataset.nt and dataset.jsonld (and python3-pyld expands dataset.jsonld)
//      to the same graph as pharmald's dataset.nt, compared line by line in canonical N-Triples;
//   3. Apache Jena's SHACL (libapache-jena-java) finds no violation in dataset.ttl against shapes/pharmald.shacl.ttl;
//   4. rdflib's SPARQL engine (on the graph it parsed from dataset.nt) and pharmald's (Comunica, in-process over
//      dataset.nt as `pharmald query --dataset` reads it) give the same solutions to every queries/*.rq, each timed;
//   5. the cross-drug example queries answer with real content (amantadine and ketamine at the curated NMDA
//      receptor; a sodium channel shared by lamotrigine and lidocaine), the same through the CLI.
// Once per file (beforeAll), `pharmald import drugcentral` and `pharmald build --data data --data IMPORTED --no-site`
// run as a user would run them; the outside tools then run side by side (at most two Python processes at a time)
// while the tests wait for their answers. Timings per step are printed at the end.
// A missing tool FAILS the test with the Debian package to install: these checks are never skipped.
//
// Run: npx vitest run --config tests/cross/vitest.config.ts tests/cross/drugcentral.test.ts
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Store } from 'n3';
import type { Term } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../src/query/engine.js';
import { toSparqlJson } from '../../src/query/results.js';
import { parseRdfFile } from '../../src/rdf/parse.js';
import { toStore } from '../../src/rdf/store.js';
import { bin, root } from '../helpers.js';
import { firstOrderKey, multisetDiff, rows, termKey, type SparqlJson } from './sparqlJson.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(root, 'sources', 'drugcentral', '2016-05-09');
const PYTHON = '/usr/bin/python3';
const TOOL = path.join(here, 'rdflib_tool.py');
const JENA = path.join(here, 'jena-shacl.sh');
const SHAPES = path.join(root, 'shapes', 'pharmald.shacl.ttl');
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SH = 'http://www.w3.org/ns/shacl#';

const RAPTOR_MISSING = 'install the Debian package raptor2-utils (apt-get install raptor2-utils)';
const RDFLIB_MISSING = 'install the Debian packages python3 and python3-rdflib (apt-get install python3-rdflib); '
  + 'they must be importable by /usr/bin/python3';
const PYLD_MISSING = 'install the Debian package python3-pyld (apt-get install python3-pyld); it must be importable by /usr/bin/python3';
const JENA_MISSING = 'install the Debian packages libapache-jena-java and default-jre-headless '
  + '(apt-get install libapache-jena-java default-jre-headless); jena-shacl.sh also needs python3';

/** Every step waits at most this long: the whole file is meant to take a few minutes on CI's 2 cores. */
const STEP_TIMEOUT = 600_000;

// ---------------------------------------------------------------------------------------------------------
// Running processes (asynchronously, so the outside tools run side by side), and timing them

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

const timings: [step: string, seconds: number][] = [];
const now = () => performance.now() / 1000;
const started = now();

function run(step: string, command: string, args: readonly string[], missing: string, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const begin = now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, PHARMALD_PROGRESS: 'none' },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new Error(`${command} not found: ${missing}`) : error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const seconds = now() - begin;
      timings.push([step, seconds]);
      resolve({ status, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), seconds });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** `pharmald ARGS` as a user runs it: bin/pharmald.js in a child process (running src/, see tests/helpers.ts). */
const pharmald = (step: string, args: readonly string[]) => run(step, process.execPath, [bin, ...args], 'node');

/** Runs at most `limit` tasks at a time; each task's promise settles on its own. */
function limited(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
/** At most two Python processes at once: each holds a parsed copy of the dataset (about 650 MB) and a core. */
const python = limited(2);

/** Started in beforeAll, awaited by a test: marked handled, so a failure is reported by the test that awaits it. */
function background<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function rdflibTool<T>(step: string, args: readonly string[], input?: string): Promise<T> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} does not exist: ${RDFLIB_MISSING}`);
  const result = await python(() => run(step, PYTHON, [TOOL, ...args], RDFLIB_MISSING, input));
  if (result.status === 3) throw new Error(`python3-rdflib is not importable by ${PYTHON} (${result.stderr.trim()}): ${RDFLIB_MISSING}`);
  if (result.status !== 0) throw new Error(`rdflib_tool.py ${args.join(' ')} failed (exit ${result.status}, ${result.signal ?? 'no signal'}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** A SELECT answer as plain objects: variable → term key (unbound variables absent). */
function table(json: SparqlJson): Record<string, string>[] {
  return json.results!.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([v, t]) => [v, termKey(t)])));
}
const en = (text: string) => `${JSON.stringify(text)}@en`;

// ---------------------------------------------------------------------------------------------------------
// The queries: every example query, and ASK questions that pin the cross-drug answers to IRIs

const queryFiles = readdirSync(path.join(root, 'queries')).filter((f) => f.endsWith('.rq')).sort();
const querySource = (file: string) => readFileSync(path.join(root, 'queries', file), 'utf8');

const PREFIXES = `
PREFIX pld: <https://w3id.org/pharmald/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX drug: <https://w3id.org/pharmald/id/drug/>
PREFIX target: <https://w3id.org/pharmald/id/target/>
`;

/** ASK questions both engines must answer as stated. */
const asks: readonly { name: string; answer: boolean; body: string }[] = [
  {
    name: 'amantadine blocks the curated NMDA receptor (target:nmda-receptor), the only target labelled "NMDA receptor"',
    answer: true,
    body: `drug:amantadine rdfs:label "amantadine"@en ; pld:hasMechanism ?m .
      ?m pld:actionType pld:ChannelBlocker ; pld:target target:nmda-receptor .
      target:nmda-receptor rdfs:label "NMDA receptor"@en .
      FILTER NOT EXISTS { ?other rdfs:label "NMDA receptor"@en . FILTER (?other != target:nmda-receptor) }`,
  },
  {
    name: 'ketamine is one drug (drug:ketamine) that blocks the curated NMDA receptor',
    answer: true,
    body: `drug:ketamine rdfs:label "ketamine"@en ; pld:hasMechanism ?m .
      ?m pld:actionType pld:ChannelBlocker ; pld:target target:nmda-receptor .
      FILTER NOT EXISTS { ?other a pld:Drug ; rdfs:label "ketamine"@en . FILTER (?other != drug:ketamine) }`,
  },
  {
    name: 'lamotrigine (an FDA "Anti-epileptic Agent") and lidocaine (an FDA "Antiarrhythmic") both act on Nav1.5 (UniProt Q14524)',
    answer: true,
    body: `drug:lamotrigine pld:inPharmacologicClass ?c1 ; pld:hasMechanism/pld:target target:uniprot-q14524 .
      ?c1 rdfs:label "Anti-epileptic Agent"@en ; pld:classType pld:FdaEstablishedClass .
      drug:lidocaine pld:inPharmacologicClass ?c2 ; pld:hasMechanism/pld:target target:uniprot-q14524 .
      ?c2 rdfs:label "Antiarrhythmic"@en ; pld:classType pld:FdaEstablishedClass .
      target:uniprot-q14524 rdfs:label "Sodium channel protein type 5 subunit alpha"@en .`,
  },
  {
    name: 'the same question fails when one nuance changes: lidocaine is no FDA "Anti-epileptic Agent"',
    answer: false,
    body: `drug:lidocaine pld:inPharmacologicClass ?c . ?c rdfs:label "Anti-epileptic Agent"@en ; pld:classType pld:FdaEstablishedClass .`,
  },
];
const askSparql = (body: string) => `${PREFIXES}ASK {\n${body}\n}`;

interface RdflibAnswer {
  readonly name: string;
  readonly result?: SparqlJson;
  readonly error?: string;
  readonly seconds: number;
}

interface SameGraph {
  readonly pyldMissing?: string;
  readonly format: string;
  readonly triples: number;
  readonly referenceLines: number;
  readonly referenceDistinctLines: number;
  readonly groundOnlyInReference: readonly string[];
  readonly groundOnlyInFile: readonly string[];
  readonly groundOnlyInReferenceCount: number;
  readonly groundOnlyInFileCount: number;
  readonly blankNodeTriples: number;
  readonly referenceBlankNodeTriples: number;
  readonly blankNodeIsomorphic: boolean;
  readonly parseSeconds: number;
  readonly seconds: number;
  /** With --queries: rdflib's answers on the graph it parsed. */
  readonly queries?: readonly RdflibAnswer[];
}

// ---------------------------------------------------------------------------------------------------------
// Once per file: import, build, then start the outside tools

let scratch: string;
let imported: string;
let dist: string;
let importRun: Run;
let buildRun: Run;
/** The triple count pharmald reports ("built N triples into …"). */
let reported: number;
let ntLines: string[];
let store: Store;
const comunicaSeconds = new Map<string, number>();

let rapper: Record<'turtle' | 'ntriples', Promise<Run>>;
let jena: Promise<Run>;
let sameGraph: Record<string, Promise<SameGraph>>;
let cliAnswer: Promise<Run>;

/** In the order they start, two at a time: the longest (dataset.nt, then the queries) first, so both lanes end together. */
const GRAPH_FILES = [
  ['nt', 'dataset.nt'],
  ['turtle', 'dataset.ttl'],
  ['pyld', 'dataset.jsonld'],
  ['json-ld', 'dataset.jsonld'],
] as const;
const CROSS_DRUG = ['ion-channel-blockers.rq', 'shared-targets.rq'];
/** One query through the CLI as well (each run parses dataset.nt again, about 10 s of a core). */
const CLI_QUERY = 'ion-channel-blockers.rq';

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'pharmald-cross-drugcentral-'));
  imported = path.join(scratch, 'drugcentral');
  dist = path.join(scratch, 'dist');
  importRun = await pharmald('pharmald import drugcentral', ['import', 'drugcentral', SOURCE, '--out', imported]);
  if (importRun.status !== 0) throw new Error(`pharmald import drugcentral failed (exit ${importRun.status}):\n${importRun.stderr.slice(-4000)}`);
  buildRun = await pharmald('pharmald build (merged, --no-site)', ['build', '--data', path.join(root, 'data'), '--data', imported, '--out', dist, '--no-site']);
  if (buildRun.status !== 0) throw new Error(`pharmald build failed (exit ${buildRun.status}):\n${buildRun.stderr.slice(-4000)}`);
  const count = /^built (\d+) triples into /m.exec(buildRun.stdout);
  if (!count) throw new Error(`pharmald build printed no "built N triples" line:\n${buildRun.stdout}`);
  reported = Number(count[1]);

  const file = (name: string) => path.join(dist, name);
  rapper = {
    turtle: background(run('rapper dataset.ttl', 'rapper', ['-i', 'turtle', '-c', file('dataset.ttl')], RAPTOR_MISSING)),
    ntriples: background(run('rapper dataset.nt', 'rapper', ['-i', 'ntriples', '-c', file('dataset.nt')], RAPTOR_MISSING)),
  };
  jena = background(run('Jena SHACL dataset.ttl', 'sh', [JENA, SHAPES, file('dataset.ttl')], JENA_MISSING));
  const rdflibQueries = [
    ...queryFiles.map((f) => ({ name: `file:${f}`, sparql: querySource(f) })),
    ...asks.map((a, i) => ({ name: `ask:${i}`, sparql: askSparql(a.body) })),
  ];
  // rdflib answers the queries on the graph it parses from dataset.nt (one parse for both checks); that job first,
  // as the most tests wait for it.
  sameGraph = Object.fromEntries(GRAPH_FILES.map(([format, name]) => [format, background(format === 'nt'
    ? rdflibTool<SameGraph>('rdflib: dataset.nt vs dataset.nt, then every query', ['same-graph', file('dataset.nt'), file(name), format, '--queries'], JSON.stringify(rdflibQueries))
    : rdflibTool<SameGraph>(`${format === 'pyld' ? 'pyld + rdflib' : 'rdflib'}: ${name} vs dataset.nt`, ['same-graph', file('dataset.nt'), file(name), format]),
  )]));
  cliAnswer = background(pharmald(`pharmald query ${CLI_QUERY} --dataset dataset.nt`, ['query', path.join(root, 'queries', CLI_QUERY), '--dataset', file('dataset.nt'), '--format', 'json']));

  // Comunica's side, in this process, over dataset.nt read as `pharmald query --dataset` reads it.
  const begin = now();
  store = toStore(await parseRdfFile(file('dataset.nt')));
  timings.push(['Comunica: parse dataset.nt into a store (in-process)', now() - begin]);
  ntLines = readFileSync(file('dataset.nt'), 'utf8').split('\n').filter((line) => line !== '');
}, STEP_TIMEOUT);

afterAll(() => {
  timings.push(['whole file (start of the module to afterAll)', now() - started]);
  const width = Math.max(...timings.map(([step]) => step.length));
  console.log(`drugcentral.test.ts timings (seconds):\n${timings.map(([step, s]) => `  ${step.padEnd(width)}  ${s.toFixed(1)}`).join('\n')}`);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function comunica(name: string, sparql: string): Promise<SparqlJson> {
  const begin = now();
  const result = await query(store, sparql);
  if (result.type === 'quads') throw new Error('expected a SELECT or ASK answer, got a graph');
  const json = toSparqlJson(result) as SparqlJson;
  if (!comunicaSeconds.has(name)) {
    comunicaSeconds.set(name, now() - begin);
    timings.push([`Comunica: ${name}`, now() - begin]);
  }
  return json;
}

let rdflibTimed = false;
async function rdflibAnswer(name: string): Promise<SparqlJson> {
  const report = await sameGraph['nt']!;
  if (!report.queries) throw new Error('rdflib_tool.py same-graph --queries gave no answers');
  if (!rdflibTimed) {
    rdflibTimed = true;
    timings.push([`rdflib: parse dataset.nt (${report.triples} triples)`, report.parseSeconds]);
    for (const a of report.queries) timings.push([`rdflib: ${a.name}`, a.seconds]);
  }
  const answer = report.queries.find((a) => a.name === name);
  if (!answer) throw new Error(`rdflib gave no answer for ${name}`);
  if (answer.error !== undefined || !answer.result) throw new Error(`rdflib could not answer ${name}: ${answer.error}`);
  return answer.result;
}

// ---------------------------------------------------------------------------------------------------------

describe('0. the merged dataset is built as a user builds it', () => {
  it('pharmald import drugcentral 2016-05-09 writes a data folder', () => {
    const summary = /^imported DrugCentral into .*: (\d+) drugs, (\d+) mechanisms, (\d+) targets/m.exec(importRun.stdout);
    expect(summary, importRun.stdout).not.toBeNull();
    expect(Number(summary![1])).toBeGreaterThan(3000);
    expect(Number(summary![2])).toBeGreaterThan(2000);
  });

  it('pharmald build --data data --data IMPORTED --no-site: no violation, ketamine reconciled into one drug', () => {
    expect(reported).toBeGreaterThan(400_000);
    expect(ntLines.length, 'lines of dataset.nt').toBe(reported);
    expect(buildRun.stderr).not.toMatch(/: (violation|error): /);
    expect(buildRun.stderr).toMatch(/info: mechanism ketamine-\S+ is ketamine-nmda-receptor-block \(data\/ketamine\.yaml:\d+\)/);
    expect(buildRun.stderr).toMatch(/info: target \S+ \(\d+ UniProt accessions\) is nmda-receptor \(data\/targets\.yaml:\d+\)/);
    const ketamine = ntLines.filter((l) => l.endsWith(' <http://www.w3.org/2000/01/rdf-schema#label> "ketamine"@en .') && l.startsWith('<https://w3id.org/pharmald/id/drug/'));
    expect(ketamine).toEqual(['<https://w3id.org/pharmald/id/drug/ketamine> <http://www.w3.org/2000/01/rdf-schema#label> "ketamine"@en .']);
    expect(existsSync(path.join(dist, 'site')), '--no-site writes no site/').toBe(false);
  });
});

describe('1. raptor (rapper) parses the merged files and counts the triples pharmald reports', () => {
  it.each([['turtle', 'dataset.ttl'], ['ntriples', 'dataset.nt']] as const)('rapper -i %s -c %s', async (syntax, file) => {
    const result = await rapper[syntax];
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => /^rapper: (error|warning)/i.test(line)), result.stderr).toEqual([]);
    const match = /Parsing returned (\d+) triples?/.exec(result.stderr);
    expect(match ? Number(match[1]) : undefined, `rapper's count of ${file}:\n${result.stderr}`).toBe(reported);
  }, STEP_TIMEOUT);
});

describe('2. rdflib (and pyld) read the same graph from every merged file as pharmald\'s dataset.nt', () => {
  it('blank nodes occur only in the vocabulary (owl:unionOf domains and their lists), none in the data', () => {
    const blank = ntLines.filter((l) => /^_:|\s_:[^\s"<>]+ \.$/.test(l));
    expect(blank.length).toBeGreaterThan(0);
    const vocabulary = (l: string) =>
      /^<https:\/\/w3id\.org\/pharmald\/vocab#\w+> <http:\/\/www\.w3\.org\/2000\/01\/rdf-schema#(domain|range)> _:\w+ \.$/.test(l)
      || /^_:\w+ <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type> <http:\/\/www\.w3\.org\/2002\/07\/owl#Class> \.$/.test(l)
      || /^_:\w+ <http:\/\/www\.w3\.org\/2002\/07\/owl#unionOf> _:\w+ \.$/.test(l)
      || /^_:\w+ <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#first> <https:\/\/w3id\.org\/pharmald\/vocab#\w+> \.$/.test(l)
      || /^_:\w+ <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#rest> (_:\w+|<http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#nil>) \.$/.test(l);
    expect(blank.filter((l) => !vocabulary(l)), 'triples with a blank node outside the vocabulary').toEqual([]);
    expect(ntLines.filter((l) => l.startsWith('<https://w3id.org/pharmald/id/') && / _:\w+ \.$/.test(l))).toEqual([]);
  });

  it.each(GRAPH_FILES)('%s: %s holds exactly the triples of dataset.nt (canonical N-Triples lines; blank-node part isomorphic)', async (format, file) => {
    const c = await sameGraph[format]!;
    if (c.pyldMissing !== undefined) throw new Error(`python3-pyld is not importable by ${PYTHON} (${c.pyldMissing}): ${PYLD_MISSING}`);
    expect(c.referenceLines).toBe(reported);
    expect(c.referenceDistinctLines, 'dataset.nt has no repeated line').toBe(reported);
    expect(c.triples, `rdflib's triple count of ${file} (${format})`).toBe(reported);
    expect({ onlyInDatasetNt: c.groundOnlyInReference, onlyInFile: c.groundOnlyInFile },
      `${file} (${format}) vs dataset.nt: ${c.groundOnlyInReferenceCount} triples only in dataset.nt, ${c.groundOnlyInFileCount} only in ${file}`)
      .toEqual({ onlyInDatasetNt: [], onlyInFile: [] });
    expect(c.blankNodeTriples).toBe(c.referenceBlankNodeTriples);
    expect(c.blankNodeTriples).toBeGreaterThan(0);
    expect(c.blankNodeIsomorphic, 'the triples with a blank node are isomorphic').toBe(true);
  }, STEP_TIMEOUT);

  it('the comparison can fail: altered copies of a part of dataset.nt are reported as different', async () => {
    // The FILE is a part of dataset.nt (the ketamine lines and every blank-node line); each REFERENCE is an altered
    // copy of it, read as text as dataset.nt is.
    const part = ntLines.filter((l) => l.includes('ketamine') || /^_:|\s_:[^\s"<>]+ \.$/.test(l));
    const partFile = path.join(scratch, 'part.nt');
    writeFileSync(partFile, `${part.join('\n')}\n`);
    const DECIMAL = '^^<http://www.w3.org/2001/XMLSchema#decimal>';
    const mutants: readonly { name: string; search: string; replacement: string; ground: boolean }[] = [
      { name: 'datatype dropped', search: `"659.0"${DECIMAL}`, replacement: '"659.0"', ground: true },
      { name: 'lexical form changed, same value', search: `"659.0"${DECIMAL}`, replacement: `"659"${DECIMAL}`, ground: true },
      { name: 'language tag changed', search: '"ketamine"@en .', replacement: '"ketamine"@en-gb .', ground: true },
      { name: 'a blank-node list item changed', search: '<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <https://w3id.org/pharmald/vocab#Mechanism> .', replacement: '<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <https://w3id.org/pharmald/vocab#Drug> .', ground: false },
    ];
    const text = readFileSync(partFile, 'utf8');
    const results = await Promise.all(mutants.map((m, i) => {
      if (!text.includes(m.search)) throw new Error(`mutant "${m.name}": ${m.search} is not in the part of dataset.nt`);
      const mutantFile = path.join(scratch, `mutant-${i}.nt`);
      writeFileSync(mutantFile, text.replace(m.search, m.replacement));
      return rdflibTool<SameGraph>(`rdflib: mutant ${i}`, ['same-graph', mutantFile, partFile, 'nt']);
    }));
    results.forEach((c, i) => {
      const m = mutants[i]!;
      expect([c.groundOnlyInReferenceCount, c.groundOnlyInFileCount, c.blankNodeIsomorphic], `mutant "${m.name}"`)
        .toEqual(m.ground ? [1, 1, true] : [0, 0, false]);
    });
  }, STEP_TIMEOUT);
});

describe('3. Jena SHACL: the merged dataset.ttl has no violation against shapes/pharmald.shacl.ttl', () => {
  interface JenaResult { severity: string; focus: string; path: string; message: string }
  let results: JenaResult[] | undefined;
  let conforms: boolean | undefined;
  const jenaResults = async (): Promise<JenaResult[]> => {
    if (results) return results;
    const r = await jena;
    if (r.status === 3) throw new Error(`${r.stderr.trim()}\n${JENA_MISSING}`);
    if (r.status !== 0) throw new Error(`jena-shacl.sh failed (exit ${r.status}, ${r.signal ?? 'no signal'}):\n${r.stderr.slice(-4000)}`);
    const report = new Store(new Parser({ format: 'text/turtle' }).parse(r.stdout));
    const reports = report.getSubjects(`${RDF}type`, `${SH}ValidationReport`, null);
    if (reports.length !== 1) throw new Error(`Jena's output holds ${reports.length} sh:ValidationReport:\n${r.stdout.slice(0, 4000)}`);
    const one = (s: Term, p: string) => report.getObjects(s, `${SH}${p}`, null)[0]?.value ?? '-';
    conforms = one(reports[0]!, 'conforms') === 'true';
    results = report.getObjects(reports[0]!, `${SH}result`, null).map((res) => ({
      severity: one(res, 'resultSeverity').replace(SH, 'sh:'),
      focus: one(res, 'focusNode'),
      path: one(res, 'resultPath'),
      message: one(res, 'resultMessage'),
    }));
    return results;
  };

  it('no result of severity sh:Violation (warnings allowed: counted, and printed with the timings)', async () => {
    const all = await jenaResults();
    const warnings = all.filter((r) => r.severity === 'sh:Warning');
    timings.push([`(Jena SHACL results: ${all.length}, of which ${warnings.length} warnings)`, 0]);
    expect(all.filter((r) => r.severity !== 'sh:Warning' && r.severity !== 'sh:Info'), 'Jena results that are not warnings').toEqual([]);
    // SHACL: sh:conforms is true only without any result, so a warning makes it false.
    expect(conforms, 'sh:conforms').toBe(all.length === 0);
  }, STEP_TIMEOUT);

  it('Jena\'s warnings are the warnings pharmald build printed (same messages and paths)', async () => {
    const PLD = 'https://w3id.org/pharmald/vocab#';
    const ours = buildRun.stderr.split('\n')
      .map((line) => /: warning: (.*) \((pldsh:\w+), (pld:\w+)\)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]} | ${m[3]}`).sort();
    const theirs = (await jenaResults()).filter((r) => r.severity === 'sh:Warning')
      .map((r) => `${r.message} | ${r.path.replace(PLD, 'pld:')}`).sort();
    expect(theirs).toEqual(ours);
  }, STEP_TIMEOUT);
});

describe('4. rdflib and Comunica give the same solutions to every example query on the merged dataset', () => {
  it('there are example queries to run, the cross-drug ones among them', () => {
    expect(queryFiles).toEqual(expect.arrayContaining(CROSS_DRUG));
  });

  it.each(queryFiles)('%s', async (file) => {
    const sparql = querySource(file);
    const ours = await comunica(file, sparql);
    const theirs = await rdflibAnswer(`file:${file}`);
    expect(theirs.head.vars, 'projected variables').toEqual(ours.head.vars);
    const a = rows(ours);
    const b = rows(theirs);
    expect(a.length, `${file} answers nothing in Comunica: a query that answers nothing proves nothing`).toBeGreaterThan(0);
    expect(multisetDiff(a, b), `${file}: Comunica ${a.length} rows, rdflib ${b.length} rows`).toEqual({ onlyComunica: [], onlyRdflib: [] });
    expect(a.length).toBe(b.length);
  }, STEP_TIMEOUT);

  it.each(queryFiles.filter((file) => firstOrderKey(querySource(file))))('%s: both engines order by the first ORDER BY key the same way', async (file) => {
    const sparql = querySource(file);
    const key = firstOrderKey(sparql)!;
    const sequence = (json: SparqlJson) => json.results!.bindings.map((row) => (row[key] ? termKey(row[key]!) : 'UNBOUND'));
    expect(sequence(await rdflibAnswer(`file:${file}`)), `?${key}`).toEqual(sequence(await comunica(file, sparql)));
  }, STEP_TIMEOUT);
});

describe('5. the cross-drug queries answer with real content', () => {
  it.each(asks.map((a, i) => [a.name, i] as const))('ASK, both engines: %s', async (_name, i) => {
    const ask = asks[i]!;
    const sparql = askSparql(ask.body);
    expect((await comunica(`ask:${i}`, sparql)).boolean, `Comunica: ${sparql}`).toBe(ask.answer);
    expect((await rdflibAnswer(`ask:${i}`)).boolean, `rdflib: ${sparql}`).toBe(ask.answer);
  }, STEP_TIMEOUT);

  it('the NMDA receptor of the answers is the curated one (data/targets.yaml)', () => {
    expect(readFileSync(path.join(root, 'data', 'targets.yaml'), 'utf8')).toMatch(/^ {2}- id: nmda-receptor$/m);
  });

  it('ion-channel-blockers.rq: amantadine and ketamine block the NMDA receptor, with their uses', async () => {
    const answer = table(await comunica('ion-channel-blockers.rq', querySource('ion-channel-blockers.rq')));
    expect(answer.length).toBeGreaterThan(100);
    const at = (drug: string) => answer.filter((r) => r['drug'] === en(drug) && r['target'] === en('NMDA receptor'));
    const amantadine = at('amantadine').map((r) => r['use']);
    expect(amantadine).toEqual(expect.arrayContaining([en('Parkinsonism'), en('Influenza A Prevention')]));
    const ketamine = at('ketamine').map((r) => r['use']);
    expect(ketamine).toEqual(expect.arrayContaining([en('anaesthesia'), en('analgesia'), en('rapid antidepressant')]));
    // Many drugs, not only the curated ones.
    expect(new Set(answer.map((r) => r['drug'])).size).toBeGreaterThan(50);
  }, STEP_TIMEOUT);

  it('shared-targets.rq: lamotrigine (anti-epileptic) and lidocaine (antiarrhythmic) share six sodium channels', async () => {
    const answer = table(await comunica('shared-targets.rq', querySource('shared-targets.rq')));
    const shared = answer.filter((r) => r['drugOfFirst'] === en('lamotrigine') && r['drugOfSecond'] === en('lidocaine')).map((r) => r['target']).sort();
    expect(shared).toEqual([2, 3, 4, 5, 9, 10].map((n) => en(`Sodium channel protein type ${n} subunit alpha`)).sort());
    expect(answer.length).toBeGreaterThan(20);
  }, STEP_TIMEOUT);

  it.each([CLI_QUERY])('pharmald query %s --dataset dist/dataset.nt --format json gives the rows of the in-process engine', async (file) => {
    const result = await cliAnswer;
    expect(result.status, result.stderr).toBe(0);
    const cli = JSON.parse(result.stdout) as SparqlJson;
    const inProcess = await comunica(file, querySource(file));
    expect(cli.head.vars).toEqual(inProcess.head.vars);
    expect(rows(cli), `${file}: the CLI's rows in the in-process order`).toEqual(rows(inProcess));
  }, STEP_TIMEOUT);
});
