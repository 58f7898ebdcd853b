// The SPARQL endpoint of `pharmald serve`, over HTTP, in-process:
//   1. the W3C SPARQL 1.1 Protocol test cases (tests/fixtures/w3c-protocol/manifest.ttl) that apply to a
//      read-only endpoint, replayed request by request from the manifest (one `it` per case);
//   2. the limits: UPDATE and non-allowed SERVICE refused, bodies over the limit, a runaway query cut off
//      while the server keeps serving, the result-size limit, the concurrency limit, malformed queries;
//   3. content negotiation and every result format parsed back and compared with the in-process engine;
//   4. the service description and the query UI page at GET /sparql.
// The servers run in-process, from src/; their worker threads load src/query/worker.ts (see tests/helpers.ts), which
// the first test proves on `pharmald serve` in a child process. No test here times anything: speed is measured by
// `npm run bench:endpoint`; the limits are checked by what the server answers.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import jsonld from 'jsonld';
import { Parser, type Quad as N3Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, type QueryResult } from '../src/query/engine.js';
import { QueryPool, QueryRefused } from '../src/query/pool.js';
import { serve, type RunningServer, type ServeOptions } from '../src/server/app.js';
import { bin, bundledDataset, fixtureDataDir, moduleLog, root } from './helpers.js';

const fixtures = path.join(root, 'tests', 'fixtures', 'w3c-protocol');
const manifestFile = path.join(fixtures, 'manifest.ttl');

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const HT = 'http://www.w3.org/2011/http#';
const HTS = 'http://www.w3.org/2011/http-statusCodes#';
const CNT = 'http://www.w3.org/2011/content#';
const UT = 'http://www.w3.org/2009/sparql/tests/test-update#';
const SD = 'http://www.w3.org/ns/sparql-service-description#';
const PLD = 'https://w3id.org/pharmald/vocab#';
const KETAMINE = 'https://w3id.org/pharmald/id/drug/ketamine';

const PREFIXES = `PREFIX pld: <${PLD}>\nPREFIX rdfs: <${RDFS}>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n`;

// ---------------------------------------------------------------------------------------------------------
// HTTP: every response body is kept, to prove at the end that none carries a stack trace.

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const bodies: { what: string; body: string }[] = [];

async function call(base: string, pathAndQuery: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${base}${pathAndQuery}`, { redirect: 'manual', ...init });
  const body = await response.text();
  bodies.push({ what: `${init.method ?? 'GET'} ${pathAndQuery.slice(0, 80)} → ${response.status}`, body });
  return { status: response.status, headers: response.headers, body };
}

/** GET /sparql?query=… with an Accept header. */
function get(base: string, sparql: string, accept?: string, extra = ''): Promise<Answer> {
  return call(base, `/sparql?query=${encodeURIComponent(sparql)}${extra}`, { headers: accept ? { Accept: accept } : {} });
}

/** POST application/x-www-form-urlencoded. */
function postForm(base: string, fields: Record<string, string>, accept?: string): Promise<Answer> {
  return call(base, '/sparql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(accept ? { Accept: accept } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

/** POST a body with a Content-Type (as bytes, so fetch adds no Content-Type of its own). */
function postDirect(base: string, contentType: string | undefined, body: string | Buffer, accept?: string): Promise<Answer> {
  return call(base, '/sparql', {
    method: 'POST',
    headers: { ...(contentType ? { 'Content-Type': contentType } : {}), ...(accept ? { Accept: accept } : {}) },
    body: new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'utf8') : body),
  });
}

/** A well-behaved client: on 503 it waits as Retry-After says and tries again (a few times). */
async function untilAnswered(base: string, sparql: string, accept?: string): Promise<Answer> {
  let answer = await get(base, sparql, accept);
  for (let tries = 0; tries < 8 && answer.status === 503; tries++) {
    await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get('retry-after') ?? 1) * 1000));
    answer = await get(base, sparql, accept);
  }
  return answer;
}

let unique = 0;
/** A lookup that misses the answer cache (a new comment each time), so it really runs in a worker. */
function freshLookup(): string {
  return `# probe ${++unique} ${Date.now()}\nSELECT ?label WHERE { <${KETAMINE}> <${RDFS}label> ?label }`;
}

function mediaTypeOf(answer: Answer): string {
  return (answer.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// RDF helpers

function parseRdf(text: string, format: string, baseIRI?: string): N3Quad[] {
  return new Parser({ format, baseIRI }).parse(text);
}

/** One canonical line per triple (simple literals and xsd:string literals written alike). */
function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      if (term.language) return `${JSON.stringify(term.value)}@${term.language.toLowerCase()}`;
      if (term.datatype.value === `${XSD}string`) return JSON.stringify(term.value);
      return `${JSON.stringify(term.value)}^^<${term.datatype.value}>`;
    }
    default: return `?${term.value}`;
  }
}

function tripleKeys(quads: readonly Quad[]): string[] {
  // A graph is a set: CONSTRUCT answers in-process may repeat a triple (one per solution).
  return [...new Set(quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`))].sort();
}

async function jsonLdToQuads(text: string): Promise<N3Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    // Everything needed is inlined: a document that tries to load a remote context is an error.
    documentLoader: async (url: string) => { throw new Error(`JSON-LD tried to load ${url}`); },
  })) as unknown as string;
  return parseRdf(nquads, 'application/n-quads');
}

/** A SPARQL JSON term, written independently of src/query/results.ts. */
function expectedJsonTerm(term: Term): Record<string, string> {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  if (term.termType !== 'Literal') throw new Error(`unexpected ${term.termType}`);
  if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
  if (term.datatype.value !== `${XSD}string`) return { type: 'literal', value: term.value, datatype: term.datatype.value };
  return { type: 'literal', value: term.value };
}

function sortedJson(values: readonly unknown[]): string[] {
  return values.map((v) => JSON.stringify(v, Object.keys(v as object).sort())).sort();
}

// ---------------------------------------------------------------------------------------------------------
// The W3C manifest, read with n3: a small table of cases, each a list of requests with expectations.

interface ManifestRequest {
  readonly method: string;
  /** The manifest's absolutePath with its `/sparql/` prefix replaced by our `/sparql`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly expectedStatus: readonly string[];
  readonly expectedBoolean: boolean | undefined;
  readonly expectedFormat: string | undefined;
}

interface ManifestCase {
  readonly id: string;
  readonly name: string;
  readonly graphData: readonly { file: string; label: string }[];
  readonly requests: readonly ManifestRequest[];
}

function readManifest(file: string): ManifestCase[] {
  const quads = parseRdf(readFileSync(file, 'utf8'), 'text/turtle', pathToFileURL(file).href);
  const objects = (s: Term, p: string) => quads.filter((q) => q.subject.equals(s) && q.predicate.value === p).map((q) => q.object);
  const one = (s: Term, p: string): Term | undefined => objects(s, p)[0];
  const list = (head: Term | undefined): Term[] => {
    const items: Term[] = [];
    for (let node = head; node && node.value !== `${RDF}nil`; node = one(node, `${RDF}rest`)) items.push(one(node, `${RDF}first`)!);
    return items;
  };
  const manifest = quads.find((q) => q.predicate.value === `${RDF}type` && q.object.value === `${MF}Manifest`)!.subject;
  return list(one(manifest, `${MF}entries`)).map((entry) => {
    const action = one(entry, `${MF}action`)!;
    const requests = list(one(action, `${HT}requests`)).map((request): ManifestRequest => {
      const headers: Record<string, string> = {};
      for (const header of list(one(request, `${HT}headers`))) headers[one(header, `${HT}fieldName`)!.value] = one(header, `${HT}fieldValue`)!.value;
      const bodyNode = one(request, `${HT}body`);
      let body: Buffer | undefined;
      if (bodyNode) {
        const chars = one(bodyNode, `${CNT}chars`)!.value;
        const encoding = (one(bodyNode, `${CNT}characterEncoding`)?.value ?? 'UTF-8').toUpperCase();
        // UTF-16 as the manifest says: a byte-order mark, then little-endian code units.
        body = encoding === 'UTF-16' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chars, 'utf16le')]) : Buffer.from(chars, 'utf8');
      }
      const absolutePath = one(request, `${HT}absolutePath`)!.value;
      expect(absolutePath.startsWith('/sparql/')).toBe(true);
      const response = one(request, `${HT}resp`)!;
      const expectedBoolean = one(response, `${MF}expectedBoolean`);
      return {
        method: one(request, `${HT}methodName`)!.value,
        path: `/sparql${absolutePath.slice('/sparql/'.length)}`,
        headers,
        body,
        expectedStatus: objects(response, `${MF}expectedStatus`).map((s) => s.value.slice(HTS.length)),
        expectedBoolean: expectedBoolean === undefined ? undefined : expectedBoolean.value === 'true',
        expectedFormat: one(response, `${MF}expectedFormat`)?.value,
      };
    });
    return {
      id: entry.value.slice(entry.value.indexOf('#') + 1),
      name: one(entry, `${MF}name`)!.value,
      graphData: objects(entry, `${UT}graphData`).map((g) => ({ file: fileURLToPath(one(g, `${UT}graph`)!.value), label: one(g, `${RDFS}label`)!.value })),
      requests,
    };
  });
}

const cases = readManifest(manifestFile);
const queryCases = cases.filter((c) => c.id.startsWith('query_') || c.id.startsWith('bad_query_') || c.id === 'bad_multiple_queries');
const updateCases = cases.filter((c) => c.id.startsWith('update_'));
const badUpdateCases = cases.filter((c) => c.id.startsWith('bad_update_') || c.id === 'bad_multiple_updates');

/** Every named graph any case loads (graph IRI → its triples), from the fixtures' .nt files. */
function namedGraphsOfManifest(): Record<string, Quad[]> {
  const graphs: Record<string, Quad[]> = {};
  for (const { file, label } of cases.flatMap((c) => c.graphData)) graphs[label] ??= parseRdf(readFileSync(file, 'utf8'), 'application/n-triples');
  return graphs;
}

/** Sends one manifest request as it is written (no header of our own but what fetch must add). */
function send(base: string, request: ManifestRequest): Promise<Answer> {
  return call(base, request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body === undefined ? undefined : new Uint8Array(request.body),
  });
}

function statusClass(status: number): string {
  return `StatusCode${Math.floor(status / 100)}xx`;
}

/** Reads a boolean answer in whichever result format the server chose. */
function booleanOf(answer: Answer): boolean {
  const type = mediaTypeOf(answer);
  if (type === 'application/sparql-results+json') {
    const json = JSON.parse(answer.body) as { head: unknown; boolean: unknown };
    expect(json.head).toEqual({});
    expect(typeof json.boolean).toBe('boolean');
    return json.boolean as boolean;
  }
  if (type === 'application/sparql-results+xml') {
    expect(answer.body).toContain('<sparql xmlns="http://www.w3.org/2005/sparql-results#">');
    const match = /<boolean>(true|false)<\/boolean>/.exec(answer.body);
    expect(match).not.toBeNull();
    return match![1] === 'true';
  }
  throw new Error(`a boolean answer came as ${type}`);
}

/** Checks an answer against the format the manifest expects; the content is parsed, not just typed. */
async function checkFormat(answer: Answer, format: string, text: string): Promise<void> {
  const type = mediaTypeOf(answer);
  if (format === 'boolean') {
    expect(['application/sparql-results+json', 'application/sparql-results+xml']).toContain(type);
    booleanOf(answer);
  } else if (format === 'tabular') {
    expect(['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values']).toContain(type);
    // The only tabular case is SELECT (1 AS ?value) {}: one row, ?value = 1.
    if (type === 'application/sparql-results+json') {
      expect(JSON.parse(answer.body)).toEqual({
        head: { vars: ['value'] },
        results: { bindings: [{ value: { type: 'literal', value: '1', datatype: `${XSD}integer` } }] },
      });
    } else {
      expect(answer.body).toMatch(/value/);
    }
  } else if (format === 'RDF') {
    expect(['text/turtle', 'application/n-triples', 'application/rdf+xml', 'application/ld+json']).toContain(type);
    const quads = type === 'application/ld+json' ? await jsonLdToQuads(answer.body) : parseRdf(answer.body, type);
    if (/^CONSTRUCT/.test(text)) {
      // CONSTRUCT { <s> <p> 1 } WHERE {}: one triple whose object is the integer 1.
      expect(quads).toHaveLength(1);
      expect(termKey(quads[0]!.object)).toBe(`"1"^^<${XSD}integer>`);
      expect(quads[0]!.subject.value).toMatch(/s$/);
      expect(quads[0]!.predicate.value).toMatch(/p$/);
    } else {
      // DESCRIBE <http://example.org/> over an empty protocol dataset: an empty graph.
      expect(quads).toHaveLength(0);
    }
  } else {
    throw new Error(`unknown expectedFormat ${format}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Servers: the main one (the ketamine data plus the W3C named graphs, default limits) and small ones with
// one limit each.

let dataset: readonly Quad[];
let main: RunningServer; // the ketamine data + the W3C named graphs, default limits
let limited: RunningServer; // maxResults 10, maxBodyBytes 2048, federates with main only
let runaway: RunningServer; // timeoutMs 1000, 2 workers: started early so its threads are up when its test runs
const servers: RunningServer[] = [];

async function start(options: ServeOptions): Promise<RunningServer> {
  const server = await serve({ port: 0, host: '127.0.0.1', quads: dataset, ...options });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  dataset = (await bundledDataset()).quads;
  // One server at a time, each warmed before the next starts: a thread's first query loads Comunica, and
  // many threads loading it at once on two cores are slow. The 1 s-limit server starts last and is not
  // queried here: its threads start while the protocol cases run.
  main = await start({ namedGraphs: namedGraphsOfManifest() });
  for (const answer of await Promise.all([untilAnswered(main.url, freshLookup()), untilAnswered(main.url, freshLookup())])) {
    expect(answer.status, answer.body).toBe(200);
  }
  limited = await start({ maxResults: 10, maxBodyBytes: 2048, workers: 1, federate: [`${main.url}/sparql`] });
  const warm = await untilAnswered(limited.url, freshLookup());
  expect(warm.status, warm.body).toBe(200);
  runaway = await start({ timeoutMs: 1000, workers: 2 });
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

// ---------------------------------------------------------------------------------------------------------

describe('the server under test', () => {
  it('is the source: `pharmald serve` as a child answers from a worker thread that runs src/query/worker.ts, nothing of lib/', async () => {
    const log = moduleLog();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', '1', '--data', fixtureDataDir], { env: { ...process.env, ...log.env } });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          const serving = /^pharmald: serving \d+ triples at (\S+)\/sparql /m.exec(stderr);
          if (serving) resolve(serving[1]!);
        });
        child.once('exit', () => reject(new Error(`pharmald serve ended: ${stderr}`)));
      });
      const answer = await untilAnswered(url, freshLookup(), 'application/sparql-results+json');
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).results.bindings[0].label.value).toBe('ketamine');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const modules = log.modules();
    expect(modules).toEqual(expect.arrayContaining(['bin/pharmald.js', 'src/server/app.ts', 'src/query/pool.ts', 'src/query/worker.ts', 'src/query/engine.ts']));
    expect(modules.filter((m) => !m.startsWith('src/') && m !== 'bin/pharmald.js')).toEqual([]);
  });
});

describe('W3C SPARQL 1.1 Protocol test cases (read-only endpoint)', () => {
  it('reads the manifest: 34 cases, split into query, update and bad update cases', () => {
    expect(cases).toHaveLength(34);
    expect(queryCases.map((c) => c.id)).toEqual([
      'query_post_form', 'query_dataset_default_graphs_get', 'query_dataset_default_graphs_post', 'query_dataset_named_graphs_post',
      'query_dataset_named_graphs_get', 'query_dataset_full', 'query_multiple_dataset', 'query_get', 'query_content_type_select',
      'query_content_type_ask', 'query_content_type_describe', 'query_content_type_construct', 'query_post_direct',
      'bad_query_method', 'bad_multiple_queries', 'bad_query_wrong_media_type', 'bad_query_missing_form_type',
      'bad_query_missing_direct_type', 'bad_query_non_utf8', 'bad_query_syntax',
    ]);
    expect(updateCases).toHaveLength(7);
    expect(badUpdateCases).toHaveLength(7);
    expect(queryCases.length + updateCases.length + badUpdateCases.length).toBe(cases.length);
    expect(Object.keys(namedGraphsOfManifest()).sort()).toEqual([1, 2, 3].map((n) => `http://kasei.us/2009/09/sparql/data/data${n}.rdf`));
  });

  describe('query cases: the status, format and boolean the manifest expects', () => {
    it.each(queryCases.map((c) => [c.id, c] as const))('%s', async (_id, testCase) => {
      for (const request of testCase.requests) {
        const answer = await send(main.url, request);
        expect(request.expectedStatus, `${testCase.name}: got ${answer.status} ${answer.body}`).toContain(statusClass(answer.status));
        if (answer.status >= 400) {
          // A refusal says why, in one line of text.
          expect(answer.body).toMatch(new RegExp(`^${answer.status} \\S.*\\n$`));
          continue;
        }
        const text = request.body?.toString('utf8') ?? new URL(request.path, 'http://x').searchParams.get('query') ?? '';
        if (request.expectedFormat) await checkFormat(answer, request.expectedFormat, text);
        if (request.expectedBoolean !== undefined) expect(booleanOf(answer)).toBe(request.expectedBoolean);
      }
    });
  });

  describe('update cases: every update refused with 403 and a message, and the data is left as it was', () => {
    it.each(updateCases.map((c) => [c.id, c] as const))('%s', async (_id, testCase) => {
      const [update, ...checks] = testCase.requests;
      expect(update!.headers['content-type']).toMatch(/^application\/(sparql-update|x-www-form-urlencoded)$/);
      const refused = await send(main.url, update!);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatch(/^403 SPARQL Update is not allowed: this endpoint is read-only\n$/);
      // The manifest's follow-up ASKs expect the update's effect; here nothing was written, so each is false.
      for (const check of checks) {
        expect(check.expectedBoolean).toBe(true);
        const answer = await send(main.url, check);
        expect(answer.status).toBe(200);
        expect(booleanOf(answer)).toBe(false);
      }
    });
  });

  describe('bad update cases: 4xx with a message', () => {
    it.each(badUpdateCases.map((c) => [c.id, c] as const))('%s', async (_id, testCase) => {
      for (const request of testCase.requests) {
        expect(request.expectedStatus).toEqual(['StatusCode4xx']);
        const answer = await send(main.url, request);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.body).toMatch(new RegExp(`^${answer.status} \\S.*\\n$`));
      }
    });
  });

  it('the protocol dataset replaces the query\'s own: the named graphs are visible only when named', async () => {
    const graphs = 'SELECT ?g WHERE { GRAPH ?g { ?s a ?t } } ORDER BY ?g';
    const named = await get(main.url, graphs, 'application/sparql-results+json',
      `&named-graph-uri=${encodeURIComponent('http://kasei.us/2009/09/sparql/data/data1.rdf')}&named-graph-uri=${encodeURIComponent('http://kasei.us/2009/09/sparql/data/data3.rdf')}`);
    expect(named.status).toBe(200);
    const rows = (JSON.parse(named.body) as { results: { bindings: { g: { value: string } }[] } }).results.bindings;
    expect(rows.map((r) => r.g.value)).toEqual(['http://kasei.us/2009/09/sparql/data/data1.rdf', 'http://kasei.us/2009/09/sparql/data/data3.rdf']);
    // Without a protocol dataset, the default graph is the ketamine data (not the W3C graphs).
    const ketamine = await get(main.url, `ASK { <${KETAMINE}> a <${PLD}Drug> }`, 'application/sparql-results+json');
    expect(JSON.parse(ketamine.body)).toEqual({ head: {}, boolean: true });
    const w3c = await get(main.url, 'ASK { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?t }', 'application/sparql-results+json');
    expect(JSON.parse(w3c.body)).toEqual({ head: {}, boolean: false });
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('read-only and bounded', () => {
  const update = 'INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }';
  const readOnly = /^403 SPARQL Update is not allowed: this endpoint is read-only\n$/;

  it('refuses UPDATE via a form (update=…) with 403 and a message', async () => {
    const answer = await postForm(main.url, { update });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(readOnly);
  });

  it('refuses UPDATE via a direct POST (application/sparql-update) with 403 and a message', async () => {
    const answer = await postDirect(main.url, 'application/sparql-update', update);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(readOnly);
  });

  it('refuses an update sent as a query (query=INSERT …, GET and direct POST) with 403', async () => {
    const viaGet = await get(main.url, update);
    expect(viaGet.status).toBe(403);
    expect(viaGet.body).toMatch(readOnly);
    const viaPost = await postDirect(main.url, 'application/sparql-query', `DELETE WHERE { ?s ?p ?o }`);
    expect(viaPost.status).toBe(403);
    expect(viaPost.body).toMatch(readOnly);
    // ...and nothing changed.
    const still = await get(main.url, `ASK { <urn:x:s> ?p ?o }`, 'application/sparql-results+json');
    expect(JSON.parse(still.body)).toEqual({ head: {}, boolean: false });
  });

  it('refuses SERVICE to an endpoint not on the allow-list with 403, naming it', async () => {
    const answer = await get(main.url, 'SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }');
    expect(answer.status).toBe(403);
    expect(answer.body).toBe('403 SERVICE <http://example.org/sparql> is not allowed; this endpoint federates with no other\n');
    // Nested inside OPTIONAL / UNION, and SERVICE SILENT, are found too.
    const nested = await get(main.url, 'SELECT * WHERE { { ?s ?p ?o } UNION { OPTIONAL { SERVICE SILENT <http://evil.example/q> { ?s ?p ?o } } } }');
    expect(nested.status).toBe(403);
    expect(nested.body).toContain('SERVICE <http://evil.example/q> is not allowed');
  });

  it('federates with an allowed SERVICE (the main server), and still refuses any other', async () => {
    const allowed = `${main.url}/sparql`;
    const answer = await get(limited.url, `SELECT ?label WHERE { SERVICE <${allowed}> { <${KETAMINE}> <${RDFS}label> ?label } }`, 'application/sparql-results+json');
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body).results.bindings).toEqual([{ label: { type: 'literal', value: 'ketamine', 'xml:lang': 'en' } }]);
    const other = await get(limited.url, 'SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }');
    expect(other.status).toBe(403);
    expect(other.body).toContain(`allowed: ${allowed}`);
  });

  it('refuses a request body over maxBodyBytes with 413 (form, direct and chunked without Content-Length)', async () => {
    const big = `SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(4096)}`;
    const form = await postForm(limited.url, { query: big });
    expect(form.status).toBe(413);
    expect(form.body).toBe('413 request body over the limit of 2048 bytes\n');
    const direct = await postDirect(limited.url, 'application/sparql-query', big);
    expect(direct.status).toBe(413);
    const chunks = [Buffer.from('SELECT * WHERE { ?s ?p ?o } # '), ...Array.from({ length: 8 }, () => Buffer.alloc(1024, 0x78))];
    const chunked = await call(limited.url, '/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query' },
      body: new ReadableStream({ pull(controller) { const next = chunks.shift(); if (next) controller.enqueue(new Uint8Array(next)); else controller.close(); } }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // A body just under the limit is answered.
    const small = await postDirect(limited.url, 'application/sparql-query', `ASK { <${KETAMINE}> ?p ?o } # ${'x'.repeat(1000)}`, 'application/sparql-results+json');
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body).boolean).toBe(true);
  });

  it('refuses an answer over maxResults with 400 mentioning LIMIT; under it, the rows come', async () => {
    const over = await get(limited.url, `SELECT ?e ?id WHERE { ?e <http://www.w3.org/2004/02/skos/core#exactMatch> ?id }`);
    expect(over.status).toBe(400);
    expect(over.body).toMatch(/^400 the answer has \d+ results, over the limit of 10: add a LIMIT\n$/);
    const graph = await get(limited.url, `CONSTRUCT { ?e <http://www.w3.org/2004/02/skos/core#exactMatch> ?id } WHERE { ?e <http://www.w3.org/2004/02/skos/core#exactMatch> ?id }`);
    expect(graph.status).toBe(400);
    expect(graph.body).toContain('add a LIMIT');
    const capped = await get(limited.url, `SELECT ?e ?id WHERE { ?e <http://www.w3.org/2004/02/skos/core#exactMatch> ?id } LIMIT 10`, 'application/sparql-results+json');
    expect(capped.status).toBe(200);
    expect(JSON.parse(capped.body).results.bindings).toHaveLength(10);
  });

  it('does not count a worker\'s start-up against the time limit: a fresh server (0.3 s limit, 1 worker) answers its first query, and again after a runaway query', async () => {
    // A warm worker answers a lookup in a few ms; loading the engine in a new thread takes about a second.
    const fresh = await start({ timeoutMs: 300, workers: 1, maxQueue: 4 });
    const first = await get(fresh.url, freshLookup(), 'application/sparql-results+json');
    expect(first.status, first.body).toBe(200);
    expect(JSON.parse(first.body).results.bindings[0].label.value).toBe('ketamine');
    const stopped = await get(fresh.url, 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }');
    expect(stopped.status).toBe(504);
    // The thread was terminated and a new one started: its start-up must not eat the next query's second.
    const next = await get(fresh.url, freshLookup(), 'application/sparql-results+json');
    expect(next.status, next.body).toBe(200);
  });

  it('stops a runaway query at the time limit with 504 while other queries are answered, during and after', async () => {
    await Promise.all([untilAnswered(runaway.url, freshLookup()), untilAnswered(runaway.url, freshLookup())]);
    const cross = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
    const runaway1 = get(runaway.url, cross);
    let done = false;
    void runaway1.finally(() => { done = true; });
    // Fresh (uncached) lookups, one after another, while the runaway query holds one of the two workers: each
    // answer is counted as "during" only if the runaway query had not been answered when it came.
    let answeredDuring = 0;
    while (!done) {
      const answer = await get(runaway.url, freshLookup(), 'application/sparql-results+json');
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body).results.bindings[0].label.value).toBe('ketamine');
      if (!done) answeredDuring++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const stopped = await runaway1;
    expect(stopped.status).toBe(504);
    expect(stopped.body).toBe('504 the query ran over the time limit of 1 s and was stopped\n');
    expect(answeredDuring).toBeGreaterThanOrEqual(1);
    // After: two lookups at once, one of them on the thread started in place of the stopped one.
    const after = await Promise.all([untilAnswered(runaway.url, freshLookup()), untilAnswered(runaway.url, freshLookup())]);
    expect(after.map((a) => a.status)).toEqual([200, 200]);
  });

  it('answers 503 with Retry-After when every worker is busy and the queue is full; the same slot answers again after', async () => {
    const single = await start({ workers: 1, maxQueue: 0, timeoutMs: 1500 });
    const cached = freshLookup();
    expect((await untilAnswered(single.url, cached)).status).toBe(200);
    const slow = get(single.url, 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }');
    // Until the slow query has reached the worker, a lookup is still answered; from then on, refused.
    let full = await get(single.url, freshLookup());
    for (let tries = 0; full.status === 200 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      full = await get(single.url, freshLookup());
    }
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('1');
    expect(full.body).toBe('503 too many queries at once; try again shortly\n');
    // An answer already in the cache does not need a worker.
    const fromCache = await get(single.url, cached);
    expect(fromCache.status).toBe(200);
    expect(fromCache.body).toContain('"ketamine"');
    const stopped = await slow;
    expect(stopped.status).toBe(504);
    // The only worker slot was replaced, and it answers new queries (a client honouring Retry-After while
    // the fresh worker starts gets its answer).
    const again = await untilAnswered(single.url, freshLookup(), 'application/sparql-results+json');
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body).results.bindings[0].label.value).toBe('ketamine');
  });

  it('answers a malformed query with 400 and the parser\'s message', async () => {
    const answer = await get(main.url, 'SELECT ?s WHERE { ?s ?p ');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/^400 SPARQL syntax: Parse error on line 1: .*Expecting /);
    expect(answer.body.trimEnd().split('\n')).toHaveLength(1);
    const posted = await postDirect(main.url, 'application/sparql-query', 'SELEKT * { ?s ?p ?o }');
    expect(posted.status).toBe(400);
    expect(posted.body).toContain('Parse error');
    const noQuery = await postForm(main.url, { other: 'x' });
    expect(noQuery.status).toBe(400);
    expect(noQuery.body).toBe('400 no query parameter in the form\n');
  });

  it('answers 406 for an Accept it cannot meet, naming what it offers', async () => {
    const select = await get(main.url, 'SELECT * WHERE { ?s ?p ?o } LIMIT 1', 'image/png');
    expect(select.status).toBe(406);
    expect(select.body).toContain('offered: application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values');
    const construct = await get(main.url, 'CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1', 'application/sparql-results+json');
    expect(construct.status).toBe(406);
    expect(construct.body).toContain('text/turtle');
  });

  it('answers GET with CORS headers, and an OPTIONS preflight with 204', async () => {
    const answer = await get(main.url, `ASK { <${KETAMINE}> ?p ?o }`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('vary')).toBe('Accept');
    const refused = await get(main.url, 'ASK {');
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await call(main.url, '/sparql', {
      method: 'OPTIONS',
      headers: { Origin: 'http://elsewhere.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.body).toBe('');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/GET.*POST/);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('answers other methods with 405 and Allow, unknown paths with 404', async () => {
    const del = await call(main.url, '/sparql', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toContain('POST');
    const missing = await call(main.url, '/nothing/here');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('404 nothing at /nothing/here\n');
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('result formats, parsed back and compared with the in-process engine', () => {
  const select = `${PREFIXES}SELECT ?mechanism ?target ?value ?uncertainty ?reference ?year WHERE {
  ?m a pld:Mechanism ; rdfs:label ?mechanism .
  OPTIONAL { ?m pld:target ?target }
  OPTIONAL { ?m pld:hasAffinity ?a . ?a pld:affinityValue ?value . OPTIONAL { ?a pld:affinityUncertainty ?uncertainty } }
  OPTIONAL { ?m pld:supportedBy ?reference . ?reference pld:year ?year }
} ORDER BY ?mechanism ?target ?value ?reference`;
  const vars = ['mechanism', 'target', 'value', 'uncertainty', 'reference', 'year'];
  const construct = `${PREFIXES}CONSTRUCT { ?e skos:exactMatch ?id ; rdfs:label ?label . ?a pld:affinityValue ?v }
WHERE { { ?e skos:exactMatch ?id ; rdfs:label ?label } UNION { ?a pld:affinityValue ?v } }`;
  let expected: Extract<QueryResult, { type: 'bindings' }>;
  let expectedGraph: string[];

  beforeAll(async () => {
    expected = (await query(dataset, select)) as typeof expected;
    expectedGraph = tripleKeys(((await query(dataset, construct)) as Extract<QueryResult, { type: 'quads' }>).quads);
  });

  it('the comparison query has IRIs, language-tagged and typed literals, and unbound cells', () => {
    expect(expected.rows.length).toBeGreaterThan(30);
    const terms = expected.rows.flatMap((row) => Object.values(row));
    expect(terms.some((t) => t.termType === 'NamedNode')).toBe(true);
    expect(terms.some((t) => t.termType === 'Literal' && t.language)).toBe(true);
    expect(terms.some((t) => t.termType === 'Literal' && t.datatype.value === `${XSD}decimal`)).toBe(true);
    expect(terms.some((t) => t.termType === 'Literal' && t.datatype.value === `${XSD}gYear`)).toBe(true);
    expect(expected.rows.some((row) => !row['target'])).toBe(true);
    expect(expected.rows.some((row) => row['uncertainty'])).toBe(true);
    expect(expectedGraph.length).toBeGreaterThan(50);
  });

  it('SELECT as SPARQL JSON (the default): the standard structure with typed bindings', async () => {
    for (const answer of [await get(main.url, select), await get(main.url, select, 'application/sparql-results+json'), await postForm(main.url, { query: select }, 'application/sparql-results+json')]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/sparql-results+json; charset=utf-8');
      const json = JSON.parse(answer.body) as { head: { vars: string[] }; results: { bindings: Record<string, Record<string, string>>[] } };
      expect(json.head.vars).toEqual(vars);
      const want = expected.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, t]) => [k, expectedJsonTerm(t)])));
      expect(sortedJson(json.results.bindings)).toEqual(sortedJson(want));
      const value = json.results.bindings.find((b) => b['value'])!['value']!;
      expect(value).toEqual({ type: 'literal', value: expect.stringMatching(/^\d+(\.\d+)?$/), datatype: `${XSD}decimal` });
    }
  });

  it('SELECT as SPARQL XML: the results namespace, the variables and one <result> per row', async () => {
    const answer = await postDirect(main.url, 'application/sparql-query', select, 'application/sparql-results+xml');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/sparql-results+xml; charset=utf-8');
    expect(answer.body).toMatch(/^<\?xml version="1.0"\?>\n<sparql xmlns="http:\/\/www.w3.org\/2005\/sparql-results#">/);
    expect([...answer.body.matchAll(/<variable name="(\w+)"\/>/g)].map((m) => m[1])).toEqual(vars);
    expect(answer.body.match(/<result>/g)).toHaveLength(expected.rows.length);
    const decimals = expected.rows.filter((row) => row['value']).length;
    expect(answer.body.match(/<binding name="value"><literal datatype="http:\/\/www.w3.org\/2001\/XMLSchema#decimal">/g)).toHaveLength(decimals);
    expect(answer.body).toMatch(/<binding name="mechanism"><literal xml:lang="en">/);
    expect(answer.body).toMatch(/<binding name="target"><uri>https:\/\/w3id.org\/pharmald\/id\/target\//);
  });

  it('SELECT as CSV and TSV: the header and one line per row', async () => {
    const csv = await get(main.url, select, 'text/csv');
    expect(csv.status).toBe(200);
    expect(mediaTypeOf(csv)).toBe('text/csv');
    const csvLines = csv.body.split('\r\n');
    expect(csvLines[0]).toBe(vars.join(','));
    expect(csvLines.at(-1)).toBe('');
    expect(csvLines).toHaveLength(expected.rows.length + 2);
    const first = expected.rows[0]!;
    expect(csvLines[1]!.startsWith(`${/[",]/.test(first['mechanism']!.value) ? '"' : ''}${first['mechanism']!.value.split('"')[0]}`)).toBe(true);

    const tsv = await get(main.url, select, 'text/tab-separated-values');
    expect(tsv.status).toBe(200);
    expect(mediaTypeOf(tsv)).toBe('text/tab-separated-values');
    const tsvLines = tsv.body.split('\n');
    expect(tsvLines[0]).toBe(vars.map((v) => `?${v}`).join('\t'));
    expect(tsvLines).toHaveLength(expected.rows.length + 2);
    // TSV cells are terms in N-Triples syntax (empty when unbound), row for row as in-process.
    const parseCell = (cell: string) => (cell === '' ? '' : termKey(parseRdf(`<urn:s> <urn:p> ${cell} .`, 'application/n-triples')[0]!.object));
    const gotRows = tsvLines.slice(1, -1).map((line) => line.split('\t').map(parseCell).join(' | ')).sort();
    const wantRows = expected.rows.map((row) => vars.map((v) => (row[v] ? termKey(row[v]!) : '')).join(' | ')).sort();
    expect(gotRows).toEqual(wantRows);
    for (const line of tsvLines.slice(1, -1)) {
      const cells = line.split('\t');
      expect(cells).toHaveLength(vars.length);
      expect(cells[0]).toMatch(/^".*"@en$/);
      expect(cells[1]).toMatch(/^(<https:\/\/w3id\.org\/pharmald\/id\/target\/[^>]+>)?$/);
      expect(cells[2]).toMatch(/^("[\d.]+"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#decimal>)?$/);
      expect(cells[5]).toMatch(/^("\d{4}"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#gYear>)?$/);
    }
  });

  it('ASK in every solution format', async () => {
    const ask = `ASK { <${KETAMINE}> a <${PLD}Drug> }`;
    expect(JSON.parse((await get(main.url, ask, 'application/sparql-results+json')).body)).toEqual({ head: {}, boolean: true });
    expect((await get(main.url, ask, 'application/sparql-results+xml')).body).toContain('<boolean>true</boolean>');
    expect((await get(main.url, ask, 'text/csv')).body).toBe('_askResult\r\ntrue\r\n');
    expect((await get(main.url, ask, 'text/tab-separated-values')).body).toBe('?_askResult\ntrue\n');
  });

  it('CONSTRUCT as Turtle (the default), N-Triples and JSON-LD parse back to the same triples', async () => {
    const turtle = await get(main.url, construct);
    expect(turtle.status).toBe(200);
    expect(mediaTypeOf(turtle)).toBe('text/turtle');
    expect(tripleKeys(parseRdf(turtle.body, 'text/turtle'))).toEqual(expectedGraph);

    const nt = await postForm(main.url, { query: construct }, 'application/n-triples');
    expect(nt.status).toBe(200);
    expect(mediaTypeOf(nt)).toBe('application/n-triples');
    expect(tripleKeys(parseRdf(nt.body, 'application/n-triples'))).toEqual(expectedGraph);

    const ld = await postDirect(main.url, 'application/sparql-query', construct, 'application/ld+json');
    expect(ld.status).toBe(200);
    expect(mediaTypeOf(ld)).toBe('application/ld+json');
    expect(tripleKeys(await jsonLdToQuads(ld.body))).toEqual(expectedGraph);
  });

  it('DESCRIBE as Turtle and N-Triples: the same triples as in-process', async () => {
    const describeQuery = `DESCRIBE <${KETAMINE}>`;
    const want = tripleKeys(((await query(dataset, describeQuery)) as Extract<QueryResult, { type: 'quads' }>).quads);
    expect(want.some((t) => t.includes(`<${RDFS}label> "ketamine"@en`))).toBe(true);
    const turtle = await get(main.url, describeQuery, 'text/turtle');
    expect(tripleKeys(parseRdf(turtle.body, 'text/turtle'))).toEqual(want);
    const nt = await get(main.url, describeQuery, 'application/n-triples;q=1, text/turtle;q=0.5');
    expect(mediaTypeOf(nt)).toBe('application/n-triples');
    expect(tripleKeys(parseRdf(nt.body, 'application/n-triples'))).toEqual(want);
  });

  it('negotiates by q-values and wildcards', async () => {
    const ask = `ASK { <${KETAMINE}> ?p ?o }`;
    expect(mediaTypeOf(await get(main.url, ask, 'text/csv;q=0.5, application/sparql-results+xml'))).toBe('application/sparql-results+xml');
    expect(mediaTypeOf(await get(main.url, ask, 'text/*'))).toBe('text/csv');
    expect(mediaTypeOf(await get(main.url, ask, '*/*'))).toBe('application/sparql-results+json');
    expect(mediaTypeOf(await get(main.url, `CONSTRUCT WHERE { <${KETAMINE}> a ?t }`, 'application/*'))).toBe('application/n-triples');
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('GET /sparql without a query', () => {
  it('gives an RDF client a SPARQL 1.1 Service Description with sd:endpoint', async () => {
    for (const accept of ['text/turtle', 'application/n-triples']) {
      const answer = await call(main.url, '/sparql', { headers: { Accept: accept } });
      expect(answer.status).toBe(200);
      expect(mediaTypeOf(answer)).toBe(accept);
      const quads = parseRdf(answer.body, accept);
      const endpoint = `${main.url}/sparql`;
      const has = (s: string, p: string, o: string) => quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
      expect(has(endpoint, `${RDF}type`, `${SD}Service`)).toBe(true);
      expect(has(endpoint, `${SD}endpoint`, endpoint)).toBe(true);
      expect(has(endpoint, `${SD}supportedLanguage`, `${SD}SPARQL11Query`)).toBe(true);
      for (const format of ['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'JSON-LD']) {
        expect(has(endpoint, `${SD}resultFormat`, `http://www.w3.org/ns/formats/${format}`)).toBe(true);
      }
      const triples = quads.find((q) => q.predicate.value === 'http://rdfs.org/ns/void#triples');
      expect(triples?.object.value).toBe(String(main.tripleCount));
      expect(has(endpoint, `${SD}feature`, `${SD}BasicFederatedQuery`)).toBe(false);
    }
    // A server that federates says so.
    const federated = parseRdf((await call(limited.url, '/sparql', { headers: { Accept: 'text/turtle' } })).body, 'text/turtle');
    expect(federated.some((q) => q.predicate.value === `${SD}feature` && q.object.value === `${SD}BasicFederatedQuery`)).toBe(true);
  });

  it('gives a browser the YASGUI query page with the example queries, served from the package', async () => {
    const answer = await call(main.url, '/sparql', { headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('<script src="/sparql/ui/yasgui.min.js"></script>');
    expect(answer.body).toContain('<link rel="stylesheet" href="/sparql/ui/yasgui.min.css">');
    expect(answer.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/);
    const examples = JSON.parse(/<script type="application\/json" id="examples">(.*?)<\/script>/s.exec(answer.body)![1]!) as { name: string; query: string }[];
    const files = readdirSync(path.join(root, 'queries')).filter((f) => f.endsWith('.rq')).sort();
    expect(examples.map((e) => `${e.name}.rq`)).toEqual(files);
    expect(examples[0]!.query).toBe(readFileSync(path.join(root, 'queries', files[0]!), 'utf8'));

    const script = await call(main.url, '/sparql/ui/yasgui.min.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.body.length).toBeGreaterThan(100_000);
    expect(script.body).toContain('Yasgui');
    const css = await call(main.url, '/sparql/ui/yasgui.min.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.yasqe');
  });
});

describe('no stack trace in any response', () => {
  it('no body of any answer above contains a stack frame', () => {
    expect(bodies.length).toBeGreaterThan(100);
    expect(bodies.filter((b) => b.body.length < 10_000 && b.body.startsWith('4')).length).toBeGreaterThan(30);
    // (The YASGUI assets are third-party files, not answers: left out.)
    const answers = bodies.filter((b) => !b.what.includes('/sparql/ui/'));
    const leaking = answers.filter((b) => b.body.includes('    at ') || /\n\s*at \S+ \(/.test(b.body) || /\.(ts|js):\d+:\d+/.test(b.body));
    expect(leaking.map((b) => b.what)).toEqual([]);
  });
});

describe('a query engine that fails to start', () => {
  it('answers the waiting and later queries with a 500 that says why, and stops starting workers', async () => {
    const workerFile = new URL(`data:text/javascript,${encodeURIComponent("throw new Error('engine broken at start');")}`);
    const pool = new QueryPool({ nquads: '', workers: 2, maxQueue: 8, timeoutMs: 10_000, maxResults: 10, workerFile });
    const refusal = (promise: Promise<string>) => promise.then(() => undefined, (error: unknown) => error);
    try {
      const pending = await refusal(pool.run('ASK {}', 'application/sparql-results+json'));
      expect(pending).toBeInstanceOf(QueryRefused);
      expect(pending).toMatchObject({ status: 500, message: 'the query engine failed to start: engine broken at start' });
      const later = await refusal(pool.run('ASK {}', 'application/sparql-results+json'));
      expect(later).toMatchObject({ status: 500, message: 'the query engine failed to start: engine broken at start' });
    } finally {
      await pool.close();
    }
  });
});
