// What researchers' own tools ask `pharmald serve` for, over real HTTP: Accept q-values, a generic
// `application/json`, RDF/XML for graphs (parsed back by an independent parser, oxigraph, and compared with the
// Turtle answer), RDF/XML and JSON at entity IRIs, and an oversized body written whole by a client that reads
// the answer only afterwards (as Python's urllib does): it must read the 413, not a broken pipe.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import * as oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { serve, type RunningServer } from '../src/server/app.js';
import { canonicalGraph } from '../src/serialize/canonical.js';
import { termToNTriples } from '../src/serialize/ntriples.js';
import { splitIri, toRdfXml } from '../src/serialize/rdfxml.js';
import { copyOfData, fixtureDataDir, scratchDir } from './helpers.js';

const KETAMINE = 'https://w3id.org/pharmald/id/drug/ketamine';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const PREFIXES = `PREFIX pld: <https://w3id.org/pharmald/vocab#>\nPREFIX rdfs: <${RDFS}>\n`;
const SELECT = `${PREFIXES}SELECT ?label WHERE { <${KETAMINE}> rdfs:label ?label }`;
const ASK = `${PREFIXES}ASK { <${KETAMINE}> a pld:Drug }`;
const CONSTRUCT = `${PREFIXES}CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . FILTER(?s = <${KETAMINE}>) }`;
const DESCRIBE = `DESCRIBE <${KETAMINE}>`;
const LIMIT = 2048;

let server: RunningServer;
let dist: string;

interface Answer { status: number; type: string; body: string; headers: Headers }

async function get(pathAndQuery: string, accept?: string): Promise<Answer> {
  const response = await fetch(`${server.url}${pathAndQuery}`, { headers: accept === undefined ? {} : { Accept: accept } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text(), headers: response.headers };
}

const sparql = (query: string, accept?: string) => get(`/sparql?query=${encodeURIComponent(query)}`, accept);

/** A graph as a sorted set of N-Triples lines, blank nodes relabelled in order (the graphs here have at most a few). */
function lines(quads: Iterable<Quad>): string[] {
  const blanks = new Map<string, string>();
  const key = (term: Quad['subject'] | Quad['object']) => term.termType === 'BlankNode'
    ? `_:${blanks.get(term.value) ?? (blanks.set(term.value, `b${blanks.size}`), blanks.get(term.value))}`
    : termToNTriples(term);
  return [...new Set([...quads].map((q) => `${key(q.subject)} ${termToNTriples(q.predicate)} ${key(q.object)} .`))].sort();
}

const fromRdfXml = (text: string) => oxigraph.parse(text, { format: 'application/rdf+xml', base_iri: 'http://example.org/base' }) as unknown as Quad[];
const fromTurtle = (text: string) => new Parser({ format: 'text/turtle' }).parse(text);

beforeAll(async () => {
  dist = scratchDir();
  const built = await build({ dataDir: copyOfData(fixtureDataDir), outDir: dist });
  server = await serve({ port: 0, host: '127.0.0.1', quads: built.quads, distDir: dist, workers: 1, maxBodyBytes: LIMIT });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('Accept q-values at /sparql', () => {
  it.each([
    ['text/csv;q=0.5, application/sparql-results+xml;q=0.9', 'application/sparql-results+xml'],
    ['application/sparql-results+json;q=0, */*', 'application/sparql-results+xml'],
    ['text/tab-separated-values;q=1, application/sparql-results+json;q=0.99', 'text/tab-separated-values'],
    ['*/*;q=0.1, text/csv;q=0.2', 'text/csv'],
    // SPARQLWrapper's JSON and rdflib SPARQLStore's default for SELECT.
    ['application/sparql-results+json,application/json,text/javascript,application/javascript', 'application/sparql-results+json'],
    ['application/sparql-results+xml, application/rdf+xml', 'application/sparql-results+xml'],
  ])('SELECT with Accept %s → %s', async (accept, type) => {
    const answer = await sparql(SELECT, accept);
    expect(answer.status, answer.body).toBe(200);
    expect(answer.type).toBe(`${type}; charset=utf-8`);
    expect(answer.body).toContain('ketamine');
  });

  it('q=0 means not acceptable: 406 when nothing else is left', async () => {
    const answer = await sparql(SELECT, 'application/sparql-results+json;q=0, application/json;q=0, text/turtle');
    expect(answer.status).toBe(406);
    expect(answer.body).toContain('offered: application/sparql-results+json');
    const graph = await sparql(CONSTRUCT, 'application/rdf+xml;q=0, text/*;q=0, application/*;q=0');
    expect(graph.status).toBe(406);
  });

  it.each([
    ['application/rdf+xml', 'application/rdf+xml'],
    ['application/sparql-results+xml, application/rdf+xml', 'application/rdf+xml'],
    ['text/turtle;q=0.4, application/rdf+xml;q=0.6, application/n-triples;q=0.5', 'application/rdf+xml'],
    ['application/rdf+xml;q=0, */*', 'text/turtle'],
    ['application/ld+json;q=0.2, application/n-triples', 'application/n-triples'],
  ])('CONSTRUCT with Accept %s → %s', async (accept, type) => {
    const answer = await sparql(CONSTRUCT, accept);
    expect(answer.status, answer.body).toBe(200);
    expect(answer.type).toBe(`${type}; charset=utf-8`);
  });
});

describe('application/json', () => {
  it('SELECT and ASK: SPARQL JSON results, answered as the application/json asked for', async () => {
    const select = await sparql(SELECT, 'application/json');
    expect(select.status, select.body).toBe(200);
    expect(select.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(select.body)).toEqual({ head: { vars: ['label'] }, results: { bindings: [{ label: { type: 'literal', value: 'ketamine', 'xml:lang': 'en' } }] } });
    const ask = await sparql(ASK, 'application/json');
    expect(ask.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(ask.body)).toEqual({ head: {}, boolean: true });
  });

  it('CONSTRUCT and DESCRIBE: JSON-LD, the same triples as the Turtle answer', async () => {
    for (const query of [CONSTRUCT, DESCRIBE]) {
      const answer = await sparql(query, 'application/json');
      expect(answer.status, answer.body).toBe(200);
      expect(answer.type).toBe('application/json; charset=utf-8');
      const quads = new Parser({ format: 'application/n-quads' }).parse(await jsonld.toRDF(JSON.parse(answer.body) as object, { format: 'application/n-quads' }) as unknown as string);
      const turtle = await sparql(query, 'text/turtle');
      expect(lines(quads)).toEqual(lines(fromTurtle(turtle.body)));
      expect(lines(quads)).toContain(`<${KETAMINE}> <${RDFS}label> "ketamine"@en .`);
    }
  });
});

describe('RDF/XML', () => {
  it.each([['CONSTRUCT', CONSTRUCT], ['DESCRIBE', DESCRIBE]])('%s as RDF/XML parses back (oxigraph) to the Turtle answer', async (_form, query) => {
    const xml = await sparql(query, 'application/rdf+xml');
    expect(xml.status, xml.body).toBe(200);
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<rdf:RDF/);
    const turtle = await sparql(query, 'text/turtle');
    const want = lines(fromTurtle(turtle.body));
    expect(want.length).toBeGreaterThan(5);
    expect(lines(fromRdfXml(xml.body))).toEqual(want);
  });

  it('writes every kind of term and awkward text so that it parses back the same, and the same bytes for the same graph', () => {
    const { namedNode: iri, literal, blankNode, quad } = DataFactory;
    const odd = 'a & b < c > d " \' \t tab\nline\r\nCRLF ]]> é 😀 ';
    const quads = [
      quad(iri('http://example.org/s?a=1&b=2'), iri('http://example.org/vocab#label'), literal(odd, 'en-GB')),
      quad(iri('http://example.org/s?a=1&b=2'), iri('http://example.org/vocab/has-part'), blankNode('x')),
      quad(blankNode('x'), iri('http://example.org/x#1st'), literal('  12.50 ', iri('http://www.w3.org/2001/XMLSchema#decimal'))),
      quad(blankNode('x'), iri('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), iri('http://example.org/vocab#Part')),
      quad(blankNode('x'), iri('http://example.org/ns/é_ü'), literal('')),
      quad(blankNode('x'), iri('http://www.w3.org/1999/02/22-rdf-syntax-ns#_1'), literal('<b>bold</b>', iri('http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral'))),
    ];
    const xml = toRdfXml(canonicalGraph(quads).quads);
    expect(lines(fromRdfXml(xml))).toEqual(lines(quads));
    expect(toRdfXml(canonicalGraph([...quads].reverse()).quads)).toBe(xml);
    expect(xml).toContain('xmlns:ns1="http://example.org/vocab#"');
    expect(xml).toContain('&#13;');
  });

  it('splits a predicate IRI at the longest XML name that ends it, and refuses one that ends in none', () => {
    expect(splitIri('https://w3id.org/pharmald/vocab#hasMechanism')).toEqual({ namespace: 'https://w3id.org/pharmald/vocab#', local: 'hasMechanism' });
    expect(splitIri('http://example.org/x#1st')).toEqual({ namespace: 'http://example.org/x#1', local: 'st' });
    expect(splitIri('http://example.org/p/123')).toBeUndefined();
    expect(splitIri('http://example.org/p/')).toBeUndefined();
    const { namedNode: iri, literal, quad } = DataFactory;
    expect(() => toRdfXml([quad(iri('http://example.org/s'), iri('http://example.org/p/1'), literal('x'))])).toThrow(/RDF\/XML cannot write the predicate <http:\/\/example.org\/p\/1>/);
    expect(() => toRdfXml([quad(iri('http://example.org/s'), iri('http://example.org/p'), literal('bell \u0007'))])).toThrow(/XML 1.0 cannot hold/);
  });

  it('a graph RDF/XML cannot write: the client\'s next choice, else 406 saying why', async () => {
    const query = `CONSTRUCT { <${KETAMINE}> <http://example.org/p/1> ?l } WHERE { <${KETAMINE}> <${RDFS}label> ?l }`;
    const only = await sparql(query, 'application/rdf+xml');
    expect(only.status).toBe(406);
    expect(only.body).toMatch(/^406 RDF\/XML cannot write the predicate <http:\/\/example.org\/p\/1>.*offered: text\/turtle/);
    const next = await sparql(query, 'application/rdf+xml, text/turtle;q=0.5');
    expect(next.status, next.body).toBe(200);
    expect(next.type).toBe('text/turtle; charset=utf-8');
    expect(lines(fromTurtle(next.body))).toEqual([`<${KETAMINE}> <http://example.org/p/1> "ketamine"@en .`]);
  });
});

describe('an entity IRI', () => {
  const entity = '/id/drug/ketamine';
  const fileTriples = () => lines(new Parser({ format: 'application/n-triples' }).parse(readFileSync(path.join(dist, 'site', 'id', 'drug', 'ketamine.nt'), 'utf8')));

  it("rdflib's Graph().parse(IRI) Accept gets RDF/XML: the entity file's triples", async () => {
    const answer = await get(entity, 'application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1');
    expect(answer.status, answer.body).toBe(200);
    expect(answer.type).toBe('application/rdf+xml; charset=utf-8');
    expect(answer.headers.get('vary')).toContain('Accept');
    expect(answer.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(lines(fromRdfXml(answer.body))).toEqual(fileTriples());
    expect(fileTriples()).toContain(`<${KETAMINE}> <${RDFS}label> "ketamine"@en .`);
  });

  it('application/json gets the JSON-LD, a browser still the page, and q=0 is honoured', async () => {
    const json = await get(entity, 'application/json');
    expect(json.status).toBe(200);
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(json.body).toBe(readFileSync(path.join(dist, 'site', 'id', 'drug', 'ketamine.jsonld'), 'utf8'));
    expect((await get(entity, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).type).toBe('text/html; charset=utf-8');
    expect((await get(entity, 'text/html;q=0, */*')).type).toBe('text/turtle; charset=utf-8');
    expect((await get(entity, 'text/turtle;q=0.3, application/ld+json;q=0.7')).type).toBe('application/ld+json; charset=utf-8');
    expect((await get(entity, 'text/html;q=0, text/turtle;q=0')).status).toBe(406);
    expect((await get(entity, '*/*;q=0')).status).toBe(406);
  });
});

/**
 * POSTs `total` bytes in `pieces` writes, `gapMs` apart, never waiting for the answer; resolves with what it read
 * and whether the answer came only after the last byte was written (a client like urllib reads no sooner).
 */
function postWhole(total: number, pieces: number, gapMs: number, declareLength: boolean): Promise<{ status: number; headers: Record<string, unknown>; body: string; afterBody: boolean }> {
  const url = new URL(server.url);
  const piece = Buffer.alloc(Math.ceil(total / pieces), 0x78);
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname, port: url.port, path: '/sparql', method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', ...(declareLength ? { 'Content-Length': piece.length * pieces } : {}) },
    }, (res) => {
      const afterBody = written;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), afterBody }));
      res.on('error', reject);
    });
    req.on('error', reject);
    let written = false;
    let sent = 0;
    const next = () => {
      if (sent === pieces) return void req.end();
      sent++;
      written = sent === pieces;
      req.write(piece);
      setTimeout(next, gapMs);
    };
    next();
  });
}

describe('a request body over the limit', () => {
  it.each([[true], [false]])('written whole and slowly (Content-Length declared: %s) is read and dropped, then the 413 is read', async (declared) => {
    const answer = await postWhole(3 * LIMIT, 12, 40, declared);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(`413 request body over the limit of ${LIMIT} bytes\n`);
    expect(answer.headers.connection).toBe('close');
    // Answered only once the whole body was read: a client that reads after writing finds the answer waiting.
    expect(answer.afterBody).toBe(true);
    // The server goes on answering.
    expect((await sparql(ASK, 'application/json')).status).toBe(200);
  });
});
