// The index page offers the dataset's downloads (size, SHA-256), its licence, the SPARQL endpoint and void.ttl, and
// its links work both when dist/ is a plain folder and under `pharmald serve`, which answers the dataset files too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { serve, type RunningServer } from '../src/server/app.js';
import { SiteGraph } from '../src/site/graph.js';
import { Html } from '../src/site/html.js';
import { humanSize, renderIndexPage } from '../src/site/indexPage.js';
import { PLD, rdf, rdfs } from '../src/vocab.js';
import { fixtureDataDir, rawRequest, scratchDir } from './helpers.js';

/** The files `pharmald build` writes beside site/, with the format the index names and the type serve answers with. */
const datasetFiles = [
  ['dataset.ttl', 'Turtle', 'text/turtle'],
  ['dataset.nt', 'N-Triples', 'application/n-triples'],
  ['dataset.jsonld', 'JSON-LD', 'application/ld+json'],
  ['context.jsonld', 'JSON-LD context', 'application/ld+json'],
  ['void.ttl', 'VoID description (Turtle)', 'text/turtle'],
] as const;

let dist: string;
let index: string;
let quads: readonly Quad[];
let server: RunningServer;

/** A request with the path sent exactly as written (see rawRequest). */
const get = (rawPath: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(server.url, rawPath, headers, method);

const section = () => /<section id="downloads" class="downloads">([\s\S]*?)<\/section>/.exec(index)?.[1] ?? '';
/** The download links: the table's rows, as [href, the row's markup]. */
const rows = () => [...section().matchAll(/<tr><td><a href="([^"]+)" download>[\s\S]*?<\/tr>/g)].map((m) => [m[1]!, m[0]] as const);
const fileOf = (name: string) => readFileSync(path.join(dist, name));

beforeAll(async () => {
  dist = scratchDir();
  const built = await build({ dataDir: fixtureDataDir, outDir: dist });
  index = readFileSync(path.join(dist, 'site', 'index.html'), 'utf8');
  quads = built.quads;
  // A file of dist/ that is not one of the dataset's: serve must not answer it.
  writeFileSync(path.join(dist, 'secret.txt'), 'not for the web\n');
  server = await serve({ port: 0, quads: built.quads, distDir: dist, workers: 1 });
});

afterAll(async () => {
  await server?.close();
});

describe('the index page', () => {
  it('shows a Downloads section near the top, before the lists of entities', () => {
    expect(index).toContain('<h2>Downloads</h2>');
    expect(index).toContain('<a href="#downloads">downloads</a>');
    expect(index.indexOf('<section id="downloads"')).toBeLessThan(index.indexOf('<section id="drug"'));
  });

  it('lists each dataset file with its format, media type, size and the SHA-256 of the written file', () => {
    expect(rows().map(([href]) => href)).toEqual(datasetFiles.map(([name]) => `../${name}`));
    for (const [[, row], [name, format, mediaType]] of rows().map((r, i) => [r, datasetFiles[i]!] as const)) {
      const bytes = fileOf(name);
      expect(row, name).toContain(`<td>${format}</td><td><code>${mediaType}</code></td>`);
      expect(row, name).toContain(`${humanSize(bytes.length)} <span class="meta">(${bytes.length.toLocaleString('en')} bytes)</span>`);
      expect(row, name).toContain(`<code class="checksum">${createHash('sha256').update(bytes).digest('hex')}</code>`);
    }
  });

  it('links the licence by name, the SPARQL endpoint (of pharmald serve) and void.ttl', () => {
    expect(section()).toContain('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>');
    expect(section()).toContain('<a href="sparql">SPARQL endpoint</a> (with <code>pharmald serve</code>)');
    expect(section()).toContain('<a href="../void.ttl">dataset description (void.ttl)</a>');
    expect(section()).toContain('published at <a href="https://w3id.org/pharmald/latest/">');
  });

  it('names the licence of each source release the data was imported from', () => {
    const { namedNode, literal, quad } = DataFactory;
    const release = 'https://example.org/db/release-1';
    const withRelease = [
      ...quads,
      quad(namedNode(release), namedNode(rdf.type), namedNode(`${PLD}SourceRelease`)),
      quad(namedNode(release), namedNode(rdfs.label), literal('Example DB 1')),
      quad(namedNode(release), namedNode('http://purl.org/dc/terms/license'), namedNode('http://spdx.org/licenses/CC-BY-SA-4.0')),
    ];
    const download = { url: 'https://w3id.org/pharmald/latest/dataset.ttl', mediaType: 'text/turtle', bytes: 12, sha256: '0'.repeat(64) };
    const page = renderIndexPage(new SiteGraph(withRelease), new Html(''), [download]);
    expect(page).toContain('<a class="external" href="https://example.org/db/release-1" rel="external">Example DB 1</a> (<a href="http://spdx.org/licenses/CC-BY-SA-4.0" rel="license">CC-BY-SA-4.0</a>)');
    // No downloads (a site built without its dataset files): no section, and no links to files that are not there.
    expect(renderIndexPage(new SiteGraph(quads), new Html(''))).not.toContain('id="downloads"');
  });

  it('sizes files readably', () => {
    expect([0, 1, 999, 1000, 99_064, 999_940, 999_999, 2_500_000_000].map(humanSize)).toEqual(['0 bytes', '1 byte', '999 bytes', '1.0 kB', '99.1 kB', '999.9 kB', '1.0 MB', '2.5 GB']);
  });
});

describe('the download links, with dist/ as a plain folder', () => {
  it('each resolve from site/index.html to the file itself', () => {
    const site = path.join(dist, 'site');
    for (const [href] of [...rows(), ['../void.ttl', '']] as const) {
      const target = path.resolve(site, href);
      const name = path.basename(href);
      expect(existsSync(target), href).toBe(true);
      expect(realpathSync(target), href).toBe(realpathSync(path.join(dist, name)));
    }
  });
});

describe('the download links, under pharmald serve', () => {
  it.each(datasetFiles)('%s: GET answers the file byte for byte, as %s (%s)', async (name, _format, mediaType) => {
    // The index is served at / and /index.html: its `../name` is /name from either.
    for (const page of ['/', '/index.html']) expect(new URL(`../${name}`, `${server.url}${page}`).pathname).toBe(`/${name}`);
    const res = await get(`/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(`${mediaType}; charset=utf-8`);
    expect(res.body.equals(fileOf(name))).toBe(true);
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
  });

  it.each(datasetFiles)('%s: HEAD, then ETag and 304 Not Modified', async (name) => {
    const head = await get(`/${name}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(fileOf(name).length));
    const etag = String(head.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(`/${name}`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves the index with its Downloads, and the SPARQL link reaches the endpoint', async () => {
    const home = await get('/');
    expect(home.body.toString('utf8')).toContain('<section id="downloads" class="downloads">');
    const sparql = await get(new URL('sparql', `${server.url}/`).pathname, { Accept: 'text/html' });
    expect(sparql.status).toBe(200);
    expect(sparql.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('refuses to change the files (405), as for every static file', async () => {
    expect((await get('/dataset.ttl', {}, 'POST')).status).toBe(405);
  });

  it.each([
    '/secret.txt',
    '/site/index.html',
    '/DATASET.TTL',
    '/dataset.ttl/',
    '/dataset%2Ettl',
    '/dataset.ttl%00',
    '/etc/passwd',
    '/../../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/..%2fdataset.ttl',
    '/..%2fsecret.txt',
    '/%2e%2e/package.json',
    '/releases/..%2fdataset.ttl',
  ])('%s answers 400 or 404: only the dataset files are served from dist/', async (rawPath) => {
    const res = await get(rawPath);
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString('utf8')).not.toContain('not for the web');
    expect(res.body.toString('utf8')).not.toMatch(/\n\s+at /);
  });
});
