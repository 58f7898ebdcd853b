// pharmald serve: one address for people and machines. Content negotiation at each entity IRI's path,
// the releases at their version IRIs, caching headers, and no path that escapes the served folders.
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { release } from '../src/release/release.js';
import { serve, type RunningServer } from '../src/server/app.js';
import { copyOfData, fixtureDataDir, rawRequest, scratchDir } from './helpers.js';

let server: RunningServer;
const ketamine = 'https://w3id.org/pharmald/id/drug/ketamine';

/** A request with the path sent exactly as written (see rawRequest), its body as text. */
async function get(rawPath: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await rawRequest(server.url, rawPath, headers, method);
  return { ...response, body: response.body.toString('utf8') };
}

beforeAll(async () => {
  const data = copyOfData(fixtureDataDir);
  const dist = scratchDir();
  const built = await build({ dataDir: data, outDir: dist });
  await release({ version: '1.0.0', date: '2026-01-01', dataDir: data, outDir: dist });
  server = await serve({ port: 0, quads: built.quads, distDir: dist, workers: 1 });
});

afterAll(async () => {
  await server?.close();
});

describe('an entity IRI path', () => {
  it('gives a browser the page', async () => {
    const res = await get('/id/drug/ketamine', { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.vary).toContain('Accept');
    expect(res.body).toContain('<h1>ketamine</h1>');
    expect(res.body).toContain('<script type="application/ld+json">');
  });

  it.each([
    ['text/turtle', 'text/turtle'],
    ['application/n-triples', 'application/n-triples'],
    ['application/ld+json', 'application/ld+json'],
  ])('gives an RDF client %s: the entity\'s triples and its neighbours\' labels', async (accept, type) => {
    const res = await get('/id/drug/ketamine', { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
    if (type === 'application/ld+json') {
      const doc = JSON.parse(res.body) as { '@graph': { id: string; label?: string }[] };
      expect(doc['@graph'].find((node) => node.id === ketamine)?.label).toBe('ketamine');
      return;
    }
    const quads = new Parser({ format: type }).parse(res.body);
    expect(quads.some((q) => q.subject.value === ketamine && q.predicate.value.endsWith('#hasMechanism'))).toBe(true);
    expect(quads.some((q) => q.subject.value.endsWith('/target/nmda-receptor') && q.object.value === 'NMDA receptor')).toBe(true);
  });

  it('serves the .ttl, .nt and .jsonld alternates by suffix', async () => {
    for (const [suffix, type] of [['ttl', 'text/turtle'], ['nt', 'application/n-triples'], ['jsonld', 'application/ld+json']]) {
      const res = await get(`/id/drug/ketamine.${suffix}`);
      expect(res.status, suffix).toBe(200);
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
    }
  });

  it('answers 406 for a type it cannot give', async () => {
    const res = await get('/id/drug/ketamine', { Accept: 'image/png' });
    expect(res.status).toBe(406);
    expect(res.body).toMatch(/^406 .*text\/turtle/);
  });

  it('supports HEAD, ETag and 304 Not Modified', async () => {
    const first = await get('/id/target/nmda-receptor', { Accept: 'text/turtle' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    const head = await get('/id/target/nmda-receptor', { Accept: 'text/turtle' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.body)));
    const again = await get('/id/target/nmda-receptor', { Accept: 'text/turtle', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves the index and the vocabulary', async () => {
    expect((await get('/')).body).toContain('pharmald');
    const vocab = await get('/vocab', { Accept: 'text/turtle' });
    expect(vocab.status).toBe(200);
    expect(new Parser().parse(vocab.body).some((q) => q.subject.value === 'https://w3id.org/pharmald/vocab#Mechanism')).toBe(true);
  });
});

describe('a release', () => {
  it('answers at its version IRI with the release\'s dataset', async () => {
    const res = await get('/releases/1.0.0/dataset', { Accept: 'application/n-triples' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<https://w3id.org/pharmald/vocab> <http://www.w3.org/2002/07/owl#versionInfo> "1.0.0" .');
    const sums = await get('/releases/1.0.0/SHA256SUMS');
    expect(sums.body).toMatch(/^[0-9a-f]{64} {2}dataset\.ttl$/m);
  });
});

describe('paths', () => {
  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/id/..%2f..%2f..%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/id/drug/..%5c..%5cpackage.json',
    '/releases/..%2f..%2fpackage.json',
    '/releases/%2e%2e/dataset',
    '/id/%00/x',
    '/%E0%A4%A',
  ])('%s never reaches outside the served folders', async (rawPath) => {
    const res = await get(rawPath);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('"name": "pharmald"');
    expect(res.body).not.toMatch(/\n\s+at /);
  });

  it('answers 404 for nothing there, with a one-line message', async () => {
    const res = await get('/id/drug/no-such-drug');
    expect(res.status).toBe(404);
    expect(res.body).toBe('404 nothing at /id/drug/no-such-drug\n');
  });
});

