// `pharmald publish` against a small Graph Store written here (node:http): the RFC 2617 digest example, the
// challenge parser, chunking (PUT then POSTs, whole lines, blank-node triples together), the Digest and
// Basic handshakes, and every failure as one line with exit 1 (or 2 for the command line's own mistakes).
// The real store (Virtuoso) is in tests/cross/virtuoso.test.ts.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseChallenge, digestAuthorization, parseChallenges } from '../src/publish/auth.js';
import { chunkTriples } from '../src/publish/chunks.js';
import { toNTriples } from '../src/serialize/ntriples.js';
import { expectCleanStderr, pharmaldAsync, scratchDir, write } from './helpers.js';

const { namedNode, blankNode, literal, quad } = DataFactory;
const EX = 'http://example.org/';

describe('digest authentication (RFC 2617 / RFC 7616)', () => {
  it('gives the RFC 2617 § 3.5 example response', () => {
    const challenge = parseChallenges('Digest realm="testrealm@host.com", qop="auth,auth-int", '
      + 'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')[0]!;
    const header = digestAuthorization(challenge, { user: 'Mufasa', password: 'Circle Of Life' },
      { method: 'GET', uri: '/dir/index.html', nc: 1, cnonce: '0a4f113b' });
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(header.startsWith('Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html"')).toBe(true);
  });

  it('reads several challenges in one header, quoted commas included, and prefers Digest to Basic', () => {
    const challenges = parseChallenges('Basic realm="a, b", Digest realm="SPARQL", nonce="n1", qop="auth", algorithm="MD5", stale=false');
    expect(challenges).toEqual([
      { scheme: 'basic', params: { realm: 'a, b' } },
      { scheme: 'digest', params: { realm: 'SPARQL', nonce: 'n1', qop: 'auth', algorithm: 'MD5', stale: 'false' } },
    ]);
    expect(chooseChallenge(challenges)?.scheme).toBe('digest');
    expect(chooseChallenge(parseChallenges('Bearer realm="x", Basic realm="y"'))?.scheme).toBe('basic');
    expect(chooseChallenge(parseChallenges('Bearer realm="x"'))).toBeUndefined();
  });
});

describe('chunking', () => {
  // Two blank-node structures (an RDF list of three, and a pair of linked nodes), among ground triples.
  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const quads: Quad[] = [];
  for (let i = 0; i < 20; i++) quads.push(quad(namedNode(`${EX}s${i}`), namedNode(`${EX}p`), literal(`v${i}`)));
  quads.splice(3, 0, quad(namedNode(`${EX}list`), namedNode(`${EX}items`), blankNode('l0')));
  for (let i = 0; i < 3; i++) {
    quads.splice(5 + i * 4, 0,
      quad(blankNode(`l${i}`), namedNode(`${RDF}first`), literal(`item ${i}`)),
      quad(blankNode(`l${i}`), namedNode(`${RDF}rest`), i === 2 ? namedNode(`${RDF}nil`) : blankNode(`l${i + 1}`)));
  }
  quads.push(quad(blankNode('x'), namedNode(`${EX}knows`), blankNode('y')), quad(blankNode('y'), namedNode(`${EX}name`), literal('y')));
  quads.push(quads[0]!); // a duplicate, sent once

  it('keeps every triple once, in whole lines, at most N per chunk, each blank-node structure in one chunk', () => {
    const { chunks, triples } = chunkTriples(quads, 4);
    expect(triples).toBe(quads.length - 1);
    const lines = chunks.flatMap((c) => c.body.split('\n').slice(0, -1));
    expect(chunks.every((c) => c.body.endsWith(' .\n'))).toBe(true);
    expect([...lines].sort()).toEqual(toNTriples(quads).split('\n').slice(0, -1).sort());
    expect(chunks.map((c) => c.triples)).toEqual(chunks.map((c) => c.body.split('\n').length - 1));
    // The list is 7 triples: bigger than a chunk, so it is one oversized chunk of its own.
    const chunkOf = (text: string) => chunks.findIndex((c) => c.body.includes(text));
    const list = chunks[chunkOf('_:l0')]!;
    expect(list.triples).toBe(7);
    for (const label of ['_:l0', '_:l1', '_:l2']) expect(chunks.filter((c) => c.body.includes(label))).toHaveLength(1);
    expect(chunkOf('_:x')).toBe(chunkOf('_:y'));
    for (const chunk of chunks) if (chunk !== list) expect(chunk.triples).toBeLessThanOrEqual(4);
    // Each chunk parses alone as N-Triples.
    for (const chunk of chunks) expect(new Parser({ format: 'application/n-triples' }).parse(chunk.body)).toHaveLength(chunk.triples);
  });

  it('makes one chunk when N is large, and none for no triples', () => {
    expect(chunkTriples(quads, 50_000).chunks).toHaveLength(1);
    expect(chunkTriples([], 10)).toEqual({ chunks: [], triples: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------
// A Graph Store with digest (or basic) authentication that keeps the graph's lines and counts them.

interface Recorded { method: string; url: string; authorization?: string; contentType?: string; body: string }

interface FakeStore {
  scheme: 'digest' | 'basic';
  user: string;
  password: string;
  requests: Recorded[];
  graphs: Map<string, string[]>;
  /** Answer this POST (1-based among POSTs to the store) with a 500. */
  failPost?: number;
  /** Drop this many triples of each PUT, as a store that lost data would. */
  lose?: number;
  nonce: string;
}

const store: FakeStore = { scheme: 'digest', user: 'loader', password: 'Circle Of Life', requests: [], graphs: new Map(), nonce: 'n0' };
let server: Server;
let base: string;
const scratch = scratchDir('pharmald-publish-');

/** Checks a Digest answer the long way, independent of src/publish/auth.ts. */
function digestOk(header: string, method: string): boolean {
  const params = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)].map((m) => [m[1], m[2] ?? m[3]]));
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const ha1 = md5(`${store.user}:SPARQL:${store.password}`);
  const ha2 = md5(`${method}:${params['uri']}`);
  return params['username'] === store.user && params['nonce'] === store.nonce && params['qop'] === 'auth'
    && params['response'] === md5(`${ha1}:${params['nonce']}:${params['nc']}:${params['cnonce']}:auth:${ha2}`);
}

function authorized(request: IncomingMessage): boolean {
  const header = request.headers.authorization;
  if (!header) return false;
  if (store.scheme === 'basic') return header === `Basic ${Buffer.from(`${store.user}:${store.password}`).toString('base64')}`;
  return header.startsWith('Digest ') && digestOk(header, request.method!);
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  let body = '';
  for await (const chunk of request) body += chunk;
  const url = new URL(request.url!, base);
  store.requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
  if (url.pathname === '/sparql') {
    const graph = /GRAPH <([^>]*)>/.exec(new URLSearchParams(body).get('query') ?? '')?.[1] ?? '';
    response.writeHead(200, { 'content-type': 'application/sparql-results+json' });
    const n = store.graphs.get(graph)?.length ?? 0;
    response.end(JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', datatype: 'http://www.w3.org/2001/XMLSchema#integer', value: String(n) } }] } }));
    return;
  }
  if (url.pathname !== '/gsp') { response.writeHead(404).end('no such service'); return; }
  if (!authorized(request)) {
    const challenge = store.scheme === 'basic' ? 'Basic realm="SPARQL"' : `Digest realm="SPARQL", nonce="${store.nonce}", qop="auth", algorithm="MD5", opaque="o"`;
    response.writeHead(401, { 'www-authenticate': challenge, 'content-type': 'text/html' }).end('<html><body>\n<h1>Unauthorized</h1></body></html>');
    return;
  }
  const graph = url.searchParams.get('graph')!;
  const lines = body.split('\n').filter((l) => l !== '');
  if (request.method === 'PUT') {
    store.graphs.set(graph, lines.slice(store.lose ?? 0));
    response.writeHead(201).end();
  } else if (request.method === 'POST') {
    const posts = store.requests.filter((r) => r.method === 'POST' && r.url.startsWith('/gsp') && r.authorization).length;
    if (posts === store.failPost) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('SR133: disk full\nmore detail');
      return;
    }
    store.graphs.get(graph)!.push(...lines);
    response.writeHead(204).end();
  } else {
    response.writeHead(200).end();
  }
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A small dataset with one blank-node structure, as a file (building the YAML data would be slower).
  const quads: Quad[] = [];
  for (let i = 0; i < 25; i++) quads.push(quad(namedNode(`${EX}s${i}`), namedNode(`${EX}label`), literal(`thing ${i} "quoted" é`, 'en')));
  quads.push(quad(namedNode(`${EX}c`), namedNode(`${EX}union`), blankNode('u')), quad(blankNode('u'), namedNode(`${EX}first`), namedNode(`${EX}a`)));
  write(scratch, 'small.nt', toNTriples(quads));
  process.env['PHARMALD_TEST_PASSWORD'] = store.password;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  Object.assign(store, { scheme: 'digest', user: 'loader', requests: [], failPost: undefined, lose: undefined, nonce: 'n0' });
  store.graphs.clear();
  process.env['PHARMALD_TEST_PASSWORD'] = store.password;
});

const GRAPH = 'https://w3id.org/pharmald/test';
const publishArgs = (extra: readonly string[] = []) => [
  'publish', '--dataset', path.join(scratch, 'small.nt'), '--endpoint', `${base}/gsp`, '--graph', GRAPH,
  '--user', 'loader', '--password-env', 'PHARMALD_TEST_PASSWORD', ...extra,
];

describe('pharmald publish against a Graph Store (node:http, digest authentication)', () => {
  it('asks for the challenge with HEAD, PUTs the first chunk, POSTs the rest, then counts', async () => {
    const result = await pharmaldAsync(publishArgs(['--chunk-triples', '10', '--sparql', `${base}/sparql`]));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^published 27 triples to <${GRAPH}> at ${base}/gsp in 3 chunks, \\d+\\.\\d s; ${base}/sparql counts 27\\n$`));
    const gsp = store.requests.filter((r) => r.url.startsWith('/gsp'));
    expect(gsp.map((r) => `${r.method} ${r.authorization ? 'auth' : 'anonymous'}`)).toEqual(['HEAD anonymous', 'PUT auth', 'POST auth', 'POST auth']);
    for (const r of gsp) expect(r.url).toBe(`/gsp?graph=${encodeURIComponent(GRAPH)}`);
    // The nonce is used again with a rising count, so no chunk is sent twice.
    expect(gsp.slice(1).map((r) => /nc=(\w+)/.exec(r.authorization!)![1])).toEqual(['00000001', '00000002', '00000003']);
    expect(gsp[1]!.contentType).toBe('application/n-triples; charset=utf-8');
    const bodies = gsp.slice(1).map((r) => r.body);
    expect(bodies.every((b) => b.endsWith(' .\n'))).toBe(true);
    expect(bodies.filter((b) => b.includes('_:'))).toHaveLength(1);
    expect(bodies.join('').split('\n').filter(Boolean).sort()).toEqual(store.graphs.get(GRAPH)!.slice().sort());
    const count = store.requests.find((r) => r.url === '/sparql')!;
    expect(new URLSearchParams(count.body).get('query')).toBe(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${GRAPH}> { ?s ?p ?o } }`);
  });

  it('publishing again replaces the graph (PUT), so the count stays the same; /sparql on the same origin is the default', async () => {
    expect((await pharmaldAsync(publishArgs())).status).toBe(0);
    const again = await pharmaldAsync(publishArgs());
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`in 1 chunk, `);
    expect(again.stdout).toContain(`${base}/sparql counts 27`);
    expect(store.graphs.get(GRAPH)).toHaveLength(27);
  });

  it('answers a Basic challenge with Basic', async () => {
    store.scheme = 'basic';
    const result = await pharmaldAsync(publishArgs());
    expect(result.status, result.stderr).toBe(0);
    expect(store.requests.find((r) => r.method === 'PUT')!.authorization).toMatch(/^Basic /);
  });

  it('a wrong password: exit 1, one line naming the endpoint and the user', async () => {
    process.env['PHARMALD_TEST_PASSWORD'] = 'wrong';
    const result = await pharmaldAsync(publishArgs());
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pharmald: PUT ${base}/gsp: 401 Unauthorized: user "loader" was refused (wrong user or password?)\n`);
    expect(store.graphs.size).toBe(0);
  });

  it('no credentials for a store that wants them: exit 1, says to give --user', async () => {
    const result = await pharmaldAsync(publishArgs().slice(0, 7));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pharmald: PUT ${base}/gsp: 401 Unauthorized: the store wants a user: give --user and --password-env\n`);
  });

  it('a store error on a later chunk: exit 1 with the status and first line, and says the graph is partially loaded', async () => {
    store.failPost = 2;
    const result = await pharmaldAsync(publishArgs(['--chunk-triples', '10']));
    expect(result.status).toBe(1);
    expectCleanStderr(result.stderr);
    expect(result.stderr).toBe(`pharmald: POST ${base}/gsp: 500 Internal Server Error (the store says: SR133: disk full); chunk 3 of 3 failed, `
      + `so graph <${GRAPH}> is PARTIALLY loaded (20 of 27 triples): publish again to replace it\n`);
  });

  it('a count that differs from what was sent: exit 1', async () => {
    store.lose = 2;
    const result = await pharmaldAsync(publishArgs());
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pharmald: ${base}/sparql: graph <${GRAPH}> holds 25 triples after publishing, but 27 were sent\n`);
  });

  it('a 404 from a wrong path: exit 1 with the status and the first line of the answer', async () => {
    const result = await pharmaldAsync([...publishArgs().slice(0, 3), '--endpoint', `${base}/nothing-here`, '--graph', GRAPH]);
    expect(result.status).toBe(1);
    expectCleanStderr(result.stderr);
    expect(result.stderr).toBe(`pharmald: PUT ${base}/nothing-here: 404 Not Found (the store says: no such service)\n`);
  });

  it('nothing listening: exit 1, "connection refused", naming the endpoint', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await pharmaldAsync([...publishArgs().slice(0, 3), '--endpoint', `http://127.0.0.1:${port}/gsp`, '--graph', GRAPH, '--user', 'x', '--password-env', 'PHARMALD_TEST_PASSWORD']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`pharmald: HEAD http://127.0.0.1:${port}/gsp: connection refused (is the store running, and on this port?) (ECONNREFUSED)\n`);
  });

  it('a store that never answers: exit 1 after --timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const result = await pharmaldAsync([...publishArgs().slice(0, 3), '--endpoint', `http://127.0.0.1:${port}/gsp`, '--graph', GRAPH, '--timeout', '0.5']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`pharmald: PUT http://127.0.0.1:${port}/gsp: no answer within 0.5 s (timed out)\n`);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it.each([
    [['--password-env', 'PHARMALD_NO_SUCH_VARIABLE_SET'], 'the environment variable PHARMALD_NO_SUCH_VARIABLE_SET is not set'],
    [['--password-env'], 'argument missing'],
  ])('usage errors exit 2: %j', async (extra, message) => {
    const args = [...publishArgs().slice(0, -2), ...extra];
    const result = await pharmaldAsync(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(store.requests).toEqual([]);
  });

  it.each([
    [['--endpoint', 'not a url', '--graph', GRAPH], '--endpoint takes an absolute http(s) URL, not "not a url"'],
    [['--endpoint', 'http://h/gsp', '--graph', 'no iri'], '--graph takes an absolute IRI, not "no iri"'],
    [['--endpoint', 'http://h/gsp'], 'give --graph IRI (the named graph to replace)'],
    [['--graph', GRAPH], 'give --endpoint URL (the Graph Store Protocol service)'],
    [['--endpoint', 'http://h/gsp', '--graph', GRAPH, '--user', 'u'], 'give --user and --password-env together'],
    [['--endpoint', 'http://h/gsp', '--graph', GRAPH, '--chunk-triples', '0'], '--chunk-triples takes a positive whole number, not "0"'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const result = await pharmaldAsync(['publish', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`pharmald: ${message} (see pharmald publish --help)\n`);
  });
});

describe('pharmald query --endpoint: usage', () => {
  it.each([
    [['--endpoint', 'http://h/sparql', '--data', 'data'], '--endpoint queries a store: give it without --data or --dataset'],
    [['--graph', GRAPH], '--graph chooses a graph of a store: give it with --endpoint'],
    [['--endpoint', 'ftp://h/sparql'], '--endpoint takes an http(s) URL, not "ftp://h/sparql"'],
  ])('%j exits 2', async (args, message) => {
    const result = await pharmaldAsync(['query', '-e', 'ASK {}', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`pharmald: ${message} (see pharmald query --help)\n`);
  });
});
