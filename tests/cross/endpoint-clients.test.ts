// Standard SPARQL clients against `pharmald serve`, unchanged: Debian's python3-sparqlwrapper (GET, POST form
// and POST direct × JSON, XML, CSV, TSV for SELECT; JSON, XML for ASK; Turtle, N-Triples, JSON-LD for
// CONSTRUCT), rdflib's SPARQLStore, and curl, each compared with query() in-process; then the clients as they come
// (SPARQLWrapper's defaults, SPARQLStore CONSTRUCT, Graph().parse(entity IRI), an oversized POST read as a 413).
// Debian's Python packages load only under /usr/bin/python3, so that interpreter is called explicitly.
// A missing tool FAILS the test with the Debian package to install: these checks are never skipped.
//
// Run: npx tsc -p . && npx vitest run --config tests/cross/vitest.config.ts tests/cross/endpoint-clients.test.ts
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { query, type QueryResult } from '../../src/query/engine.js';
import { serve, type RunningServer } from '../../src/server/app.js';
import { bundledDataset } from '../helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const PYTHON = '/usr/bin/python3';
const CLIENTS = path.join(here, 'sparql_clients.py');
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

const CLIENTS_MISSING = 'install the Debian packages python3-sparqlwrapper and python3-rdflib '
  + '(apt-get install python3-sparqlwrapper python3-rdflib); they must be importable by /usr/bin/python3';
const CURL_MISSING = 'install the Debian package curl (apt-get install curl)';

const PREFIXES = 'PREFIX pld: <https://w3id.org/pharmald/vocab#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n'
  + 'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n';
const example = (name: string) => readFileSync(path.join(root, 'queries', `${name}.rq`), 'utf8');

const selects: Record<string, string> = {
  // The drugs and their labels.
  drugs: `${PREFIXES}SELECT ?drug ?label WHERE { ?drug a pld:Drug ; rdfs:label ?label } ORDER BY ?label`,
  // Example queries: decimals, language tags, unbound OPTIONAL cells.
  affinities: example('affinities'),
  'systems-and-targets': example('systems-and-targets'),
};
const asks: Record<string, string> = {
  'ketamine-is-a-drug': `${PREFIXES}ASK { ?d a pld:Drug ; rdfs:label "ketamine"@en }`,
  'no-such-drug': `${PREFIXES}ASK { ?d a pld:Drug ; rdfs:label "aspirin"@en }`,
};
const constructs: Record<string, string> = {
  'drug-card': `${PREFIXES}CONSTRUCT { ?d rdfs:label ?l ; skos:exactMatch ?id ; pld:drugClass ?c . ?a pld:affinityValue ?v ; pld:target ?t }
WHERE { { ?d a pld:Drug ; rdfs:label ?l ; skos:exactMatch ?id ; pld:drugClass ?c } UNION { ?a pld:affinityValue ?v ; pld:target ?t } }`,
};

const KETAMINE = 'https://w3id.org/pharmald/id/drug/ketamine';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const defaults: Record<string, string> = {
  'ketamine-label': `${PREFIXES}SELECT ?label WHERE { <${KETAMINE}> rdfs:label ?label }`,
  'ketamine-card': `${PREFIXES}CONSTRUCT { <${KETAMINE}> rdfs:label ?l ; pld:drugClass ?c } WHERE { <${KETAMINE}> rdfs:label ?l ; pld:drugClass ?c }`,
  'ketamine-describe': `DESCRIBE <${KETAMINE}>`,
};
const OVERSIZED = 12_000_000; // over the 1 MiB limit, under the 16 MiB the server drains, over what socket buffers hold

// ---------------------------------------------------------------------------------------------------------
// What the in-process engine answers, in the same plain JSON the Python script gives.

type JsonTerm = Record<string, string>;
interface Table { vars: string[]; rows: Record<string, JsonTerm | string>[] }
type Reduced = Table | { boolean: boolean } | { triples: JsonTerm[][] };

function jsonTerm(term: Term): JsonTerm {
  switch (term.termType) {
    case 'NamedNode': return { type: 'uri', value: term.value };
    case 'BlankNode': return { type: 'bnode', value: term.value };
    case 'Literal':
      if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
      if (term.datatype.value !== XSD_STRING) return { type: 'literal', value: term.value, datatype: term.datatype.value };
      return { type: 'literal', value: term.value };
    default: throw new Error(`unexpected ${term.termType}`);
  }
}

/** A stable text for a value, object keys sorted (Python and JS order keys differently). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

const rowsOf = (table: Table): string[] => table.rows.map(canonical).sort();

async function expectedTable(sparql: string, plain: boolean): Promise<Table> {
  const result = (await query(dataset, sparql)) as Extract<QueryResult, { type: 'bindings' }>;
  expect(result.type).toBe('bindings');
  return {
    vars: [...result.variables],
    rows: result.rows.map((row) => Object.fromEntries(
      plain
        // CSV: every variable, the plain value (blank nodes as _:label), '' when unbound.
        ? result.variables.map((v) => { const t = row[v]; return [v, t === undefined ? '' : t.termType === 'BlankNode' ? `_:${t.value}` : t.value]; })
        : Object.entries(row).map(([v, t]) => [v, jsonTerm(t)]),
    )),
  };
}

async function expectedTriples(sparql: string): Promise<string[]> {
  const result = (await query(dataset, sparql)) as Extract<QueryResult, { type: 'quads' }>;
  expect(result.type).toBe('quads');
  return tripleKeys(result.quads);
}
// A graph is a set: the engine may give one triple per solution.
const tripleKeys = (quads: readonly Quad[]) => [...new Set(quads.map((q) => canonical([jsonTerm(q.subject), jsonTerm(q.predicate), jsonTerm(q.object)])))].sort();

// ---------------------------------------------------------------------------------------------------------
interface ClientAnswer { client: string; method: string /* "default" in extras */; format: string; name: string; contentType?: string | null; result?: Reduced; error?: string }

let dataset: readonly Quad[];
let server: RunningServer;
let endpoint: string;
let answers: ClientAnswer[], extras: ClientAnswer[];
let versions: Record<string, string>;
const scratch = mkdtempSync(path.join(tmpdir(), 'pharmald-clients-'));

interface Run { status: number | null; stdout: string; stderr: string; error?: NodeJS.ErrnoException }

/**
 * Runs a program without blocking: the server answering it lives in this process, so a synchronous spawn
 * would wait for ever on a server that cannot answer.
 */
function run(command: string, args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', (error: NodeJS.ErrnoException) => { clearTimeout(timer); resolve({ status: null, stdout, stderr, error }); });
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
    child.stdin.end(input ?? '');
  });
}

async function runClients(): Promise<{ versions: Record<string, string>; answers: ClientAnswer[]; extras: ClientAnswer[] }> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} does not exist: ${CLIENTS_MISSING}`);
  const clientsAsTheyCome = { defaults, storeGraphs: { 'drug-card': constructs['drug-card'] }, entity: `${server.url}/id/drug/ketamine`, oversized: OVERSIZED };
  const result = await run(PYTHON, [CLIENTS], JSON.stringify({ endpoint, selects, asks, constructs, ...clientsAsTheyCome }));
  if (result.error) throw new Error(`${PYTHON} could not run (${result.error.message}): ${CLIENTS_MISSING}`);
  if (result.status === 3) throw new Error(`${result.stderr.trim()}: ${CLIENTS_MISSING}`);
  if (result.status !== 0) throw new Error(`sparql_clients.py failed (exit ${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as { versions: Record<string, string>; answers: ClientAnswer[]; extras: ClientAnswer[] };
}

async function curl(args: readonly string[]): Promise<Run> {
  const result = await run('curl', args);
  if (result.error?.code === 'ENOENT') throw new Error(`curl not found: ${CURL_MISSING}`);
  if (result.error) throw new Error(`curl could not run (${result.error.message}): ${CURL_MISSING}`);
  return result;
}

beforeAll(async () => {
  dataset = (await bundledDataset()).quads;
  await build({ outDir: path.join(scratch, 'dist') });
  server = await serve({ port: 0, quads: dataset, distDir: path.join(scratch, 'dist') });
  endpoint = `${server.url}/sparql`;
  ({ versions, answers, extras } = await runClients());
});

afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const mediaTypes: Record<string, string> = { json: 'application/sparql-results+json', xml: 'application/sparql-results+xml', csv: 'text/csv',
  tsv: 'text/tab-separated-values', turtle: 'text/turtle', ntriples: 'application/n-triples', jsonld: 'application/ld+json' };

function answerFor(client: string, method: string, format: string, name: string, among = answers): ClientAnswer {
  const found = among.filter((a) => a.client === client && a.method === method && a.format === format && a.name === name);
  expect(found, `${client} ${method} ${format} ${name}`).toHaveLength(1);
  const answer = found[0]!;
  expect(answer.error, `${client} ${method} ${format} ${name}`).toBeUndefined();
  return answer;
}

describe('SPARQLWrapper (python3-sparqlwrapper) and rdflib SPARQLStore (python3-rdflib)', () => {
  it('ran every request: 3 methods × (3 SELECT × 4 formats + 2 ASK × 2 + 1 CONSTRUCT × 3), and SPARQLStore × 5', () => {
    expect(versions['SPARQLWrapper']).toMatch(/^\d+\.\d+/);
    expect(answers).toHaveLength(3 * (3 * 4 + 2 * 2 + 1 * 3) + 5);
    expect(answers.filter((a) => a.error).map((a) => `${a.client} ${a.method} ${a.format} ${a.name}: ${a.error}`)).toEqual([]);
  });

  describe.each(['GET', 'POST', 'POST-direct'])('SELECT via %s', (method) => {
    it.each(Object.keys(selects).flatMap((name) => ['json', 'xml', 'tsv'].map((format) => [name, format] as const)))(
      '%s as %s: the same typed rows as in-process',
      async (name, format) => {
        const answer = answerFor('SPARQLWrapper', method, format, name);
        expect(answer.contentType).toBe(`${mediaTypes[format]}; charset=utf-8`);
        const want = await expectedTable(selects[name]!, false);
        const got = answer.result as Table;
        expect(got.vars).toEqual(want.vars);
        expect(got.rows.length).toBeGreaterThan(0);
        expect(rowsOf(got)).toEqual(rowsOf(want));
      },
    );
    it.each(Object.keys(selects))('%s as csv: the same plain values as in-process', async (name) => {
      const answer = answerFor('SPARQLWrapper', method, 'csv', name);
      expect(answer.contentType).toBe('text/csv; charset=utf-8');
      const want = await expectedTable(selects[name]!, true);
      const got = answer.result as Table;
      expect(got.vars).toEqual(want.vars);
      expect(rowsOf(got)).toEqual(rowsOf(want));
    });
    it.each(Object.keys(asks).flatMap((name) => ['json', 'xml'].map((format) => [name, format] as const)))('ASK %s as %s', async (name, format) => {
      const answer = answerFor('SPARQLWrapper', method, format, name);
      expect(answer.contentType).toBe(`${mediaTypes[format]}; charset=utf-8`);
      const want = (await query(dataset, asks[name]!)) as Extract<QueryResult, { type: 'boolean' }>;
      expect(answer.result).toEqual({ boolean: want.value });
    });
    it.each(Object.keys(constructs).flatMap((name) => ['turtle', 'ntriples', 'jsonld'].map((format) => [name, format] as const)))(
      'CONSTRUCT %s as %s: rdflib parses the same triples as in-process',
      async (name, format) => {
        const answer = answerFor('SPARQLWrapper', method, format, name);
        expect(answer.contentType).toBe(`${mediaTypes[format]}; charset=utf-8`);
        const want = await expectedTriples(constructs[name]!);
        const got = (answer.result as { triples: JsonTerm[][] }).triples.map(canonical).sort();
        expect(got.length).toBeGreaterThan(10);
        expect(got).toEqual(want);
      },
    );
  });

  it('the two ASKs differ (one true, one false), so a constant answer would fail', async () => {
    expect(answerFor('SPARQLWrapper', 'GET', 'json', 'ketamine-is-a-drug').result).toEqual({ boolean: true });
    expect(answerFor('SPARQLWrapper', 'GET', 'json', 'no-such-drug').result).toEqual({ boolean: false });
  });

  it.each([...Object.keys(selects), ...Object.keys(asks)])('rdflib SPARQLStore: Graph(store).query(%s) as in-process', async (name) => {
    const answer = answerFor('rdflib.SPARQLStore', 'GET', 'default', name);
    if (name in asks) {
      const want = (await query(dataset, asks[name]!)) as Extract<QueryResult, { type: 'boolean' }>;
      expect(answer.result).toEqual({ boolean: want.value });
    } else {
      const want = await expectedTable(selects[name]!, false);
      const got = answer.result as Table;
      expect(got.vars).toEqual(want.vars);
      expect(rowsOf(got)).toEqual(rowsOf(want));
    }
  });
});

describe('the clients as they come', () => {
  const extra = (client: string, name: string) => answerFor(client, 'default', 'default', name, extras);
  const triplesOf = (answer: ClientAnswer) => (answer.result as { triples: JsonTerm[][] }).triples.map(canonical).sort();
  const ketamineLabel = canonical([{ type: 'uri', value: KETAMINE }, { type: 'uri', value: `${RDFS}label` }, { type: 'literal', value: 'ketamine', 'xml:lang': 'en' }]);
  it('SPARQLWrapper defaults: SELECT as SPARQL XML, CONSTRUCT and DESCRIBE as RDF/XML (an rdflib graph), as in-process', async () => {
    const select = extra('SPARQLWrapper-defaults', 'ketamine-label');
    expect([select.contentType, select.result]).toEqual(['application/sparql-results+xml; charset=utf-8',
      { vars: ['label'], rows: [{ label: { type: 'literal', value: 'ketamine', 'xml:lang': 'en' } }] }]);
    for (const name of ['ketamine-card', 'ketamine-describe']) {
      const graph = extra('SPARQLWrapper-defaults', name);
      expect(graph.contentType).toBe('application/rdf+xml; charset=utf-8');
      expect(triplesOf(graph)).toEqual(await expectedTriples(defaults[name]!));
      expect(triplesOf(graph)).toContain(ketamineLabel);
    }
  });
  it('rdflib SPARQLStore: a CONSTRUCT (it asks for RDF/XML) gives the in-process graph', async () =>
    expect(triplesOf(extra('rdflib.SPARQLStore', 'drug-card'))).toEqual(await expectedTriples(constructs['drug-card']!)));
  it("rdflib Graph().parse(entity IRI): the entity's triples, as in its .nt file", () => {
    const got = triplesOf(extra('rdflib.Graph.parse', `${server.url}/id/drug/ketamine`));
    expect(got).toEqual(tripleKeys(new Parser().parse(readFileSync(path.join(scratch, 'dist', 'site', 'id', 'drug', 'ketamine.nt'), 'utf8'))));
    expect(got).toContain(ketamineLabel);
  });
  it.each(['urllib', 'SPARQLWrapper'])('%s POSTing a body over the limit reads the 413 and its message', (client) =>
    expect(extra(client, 'oversized').result).toEqual({ status: 413, body: '413 request body over the limit of 1048576 bytes\n' }));
});

describe('curl', () => {
  it('curl --data-urlencode query@FILE with Accept: SPARQL JSON gives the in-process answer', async () => {
    const file = path.join(scratch, 'affinities.rq');
    writeFileSync(file, selects['affinities']!);
    const result = await curl(['-s', '-H', 'Accept: application/sparql-results+json', '--data-urlencode', `query@${file}`,
      '-w', '\n%{http_code} %{content_type}', endpoint]);
    expect(result.status, result.stderr).toBe(0);
    const lastNewline = result.stdout.lastIndexOf('\n');
    expect(result.stdout.slice(lastNewline + 1)).toBe('200 application/sparql-results+json; charset=utf-8');
    const json = JSON.parse(result.stdout.slice(0, lastNewline)) as { head: { vars: string[] }; results: { bindings: Record<string, JsonTerm>[] } };
    const want = await expectedTable(selects['affinities']!, false);
    expect(json.head.vars).toEqual(want.vars);
    expect(json.results.bindings.map(canonical).sort()).toEqual(rowsOf(want));
    expect(json.results.bindings.length).toBeGreaterThan(0);
  });

  it('curl with a CONSTRUCT and Accept: N-Triples, and an UPDATE refused with 403', async () => {
    const file = path.join(scratch, 'card.rq');
    writeFileSync(file, constructs['drug-card']!);
    const nt = await curl(['-s', '-H', 'Accept: application/n-triples', '--data-urlencode', `query@${file}`, endpoint]);
    const lines = nt.stdout.split('\n').filter((line) => line !== '');
    expect(lines.length).toBe((await expectedTriples(constructs['drug-card']!)).length);
    expect(lines.every((line) => line.endsWith(' .'))).toBe(true);
    const update = await curl(['-s', '-w', '\n%{http_code}', '--data-urlencode', 'update=CLEAR ALL', endpoint]);
    expect(update.stdout).toBe('403 SPARQL Update is not allowed: this endpoint is read-only\n\n403');
  });
});
