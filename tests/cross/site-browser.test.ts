// The static site in a real browser: Debian's chromium, driven by playwright-core (which downloads no
// browser of its own). The site is built in memory and served by a tiny node:http server inside the test.
// Each kind of page must load without a console error or a failed request; the JSON-LD the browser sees must
// expand (jsonld, in Node) to the entity's triples; the diagram must render; the index filter must work with
// JavaScript and every link must be there without it. A screenshot of the ketamine page is kept.
//
// Run: npx vitest run --config tests/cross/vitest.config.ts tests/cross/site-browser.test.ts
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ontologyFile } from '../../src/paths.js';
import { parseTurtleFile } from '../../src/rdf/parse.js';
import { quadToNTriples } from '../../src/serialize/ntriples.js';
import { buildSite } from '../../src/site/build.js';
import { ID } from '../../src/vocab.js';
import { bundledDataset } from '../helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const screenshot = path.join(root, 'tests', 'artifacts', 'ketamine-page.png');
const readmeScreenshot = path.join(root, 'docs', 'ketamine-page.png');

const mediaTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttl': 'text/turtle; charset=utf-8',
  '.nt': 'application/n-triples; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
};

/** The schema.org context stands in offline (see tests/site.test.ts): nothing is fetched from the network. */
const documentLoader = async (url: string) => {
  if (url === 'https://schema.org' || url === 'https://schema.org/') {
    return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'http://schema.org/' } } };
  }
  throw new Error(`the test loads nothing from the network: ${url}`);
};

let quads: readonly Quad[];
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install the Debian package chromium (apt-get install chromium)`);
  }
  quads = (await bundledDataset()).quads;
  const files = new Map((await buildSite({ quads, ontology: await parseTurtleFile(ontologyFile) })).map((f) => [f.name, f.content]));
  server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const name = pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
    const content = files.get(name);
    if (content === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
      return;
    }
    response.writeHead(200, { 'content-type': mediaTypes[path.extname(name)] ?? 'application/octet-stream' }).end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Opens a page and records every console error, uncaught exception, failed request and HTTP error. */
async function open(file: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(`${base}${file}`, { waitUntil: 'load' });
  expect(response?.status(), file).toBe(200);
  return { page, problems };
}

/** The N-Triples lines of the graph that the page's JSON-LD, as the browser reads it, expands to. */
async function browserJsonLd(page: Page): Promise<Set<string>> {
  const texts = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => s.textContent ?? ''));
  expect(texts).toHaveLength(1);
  const lines = new Set<string>();
  for (const text of texts) {
    const nquads = (await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader } as never)) as unknown as string;
    for (const q of new Parser({ format: 'application/n-quads' }).parse(nquads)) lines.add(quadToNTriples(q));
  }
  return lines;
}

const triplesOf = (subject: string) => quads.filter((q) => q.subject.value === subject).map(quadToNTriples);

describe('each kind of page in chromium', () => {
  const pages = [
    ['drug', 'id/drug/ketamine/index.html', `${ID}drug/ketamine`],
    ['target', 'id/target/nmda-receptor/index.html', `${ID}target/nmda-receptor`],
    ['system', 'id/system/brain/index.html', `${ID}system/brain`],
    ['mechanism', 'id/mechanism/ketamine-nmda-receptor-block/index.html', `${ID}mechanism/ketamine-nmda-receptor-block`],
    ['process', 'id/process/pain-perception/index.html', `${ID}process/pain-perception`],
    ['reference', 'id/reference/lodge-mercier-2015/index.html', `${ID}reference/lodge-mercier-2015`],
    ['clinical use', 'id/use/anaesthesia/index.html', `${ID}use/anaesthesia`],
  ] as const;

  for (const [kind, file, entity] of pages) {
    it(`the ${kind} page loads without errors and its JSON-LD holds the entity's triples`, async () => {
      const { page, problems } = await open(file);
      expect(problems, file).toEqual([]);
      const found = await browserJsonLd(page);
      const expected = triplesOf(entity);
      expect(expected.length).toBeGreaterThan(0);
      for (const line of expected) expect(found.has(line), line).toBe(true);
      await expect(page.title()).resolves.toMatch(/ · pharmald$/);
      await page.context().close();
    });
  }

  it('the index and the vocabulary page load without errors, with their JSON-LD', async () => {
    for (const file of ['index.html', 'vocab/index.html']) {
      const { page, problems } = await open(file);
      expect(problems, file).toEqual([]);
      const found = await browserJsonLd(page);
      const expected = file === 'index.html'
        ? quads.filter((q) => q.subject.value === `${ID}drug/ketamine` && /#(type|label)$/.test(q.predicate.value)).map(quadToNTriples)
        : triplesOf('https://w3id.org/pharmald/vocab#Drug');
      for (const line of expected) expect(found.has(line), `${file}: ${line}`).toBe(true);
      await page.context().close();
    }
  });

  it('the vocabulary page lands on a term from its IRI fragment', async () => {
    const { page, problems } = await open('vocab/index.html#Mechanism');
    expect(problems).toEqual([]);
    const box = await page.locator('section#Mechanism').boundingBox();
    expect(box).not.toBeNull();
    expect(Math.abs(box!.y)).toBeLessThan(50);
    await page.context().close();
  });
});

describe('the ketamine page', () => {
  it('renders the mechanism diagram: visible, of real size, with dashed indirect edges and links', async () => {
    const { page, problems } = await open('id/drug/ketamine/index.html');
    expect(problems).toEqual([]);
    const svg = page.locator('svg.diagram');
    await expect(svg.isVisible()).resolves.toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(300);
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await page.locator('svg.diagram > title').textContent()).toMatch(/^How ketamine acts/);
    expect(await page.locator('g.node').count()).toBeGreaterThan(10);
    // The browser draws the strokes: an indirect edge dashed, a direct one solid.
    const dash = (id: string) => page.locator(`g#${id} path`).first().evaluate((p) => getComputedStyle(p).strokeDasharray);
    expect(await dash('edge-mechanism-ketamine-nmda-receptor-block')).toBe('none');
    expect(await dash('edge-mechanism-ketamine-ampa-receptor-enhancement')).not.toBe('none');
    // Clicking a target node goes to its page.
    await page.locator('g#node-target-nmda-receptor a').click();
    await page.waitForURL(/\/id\/target\/nmda-receptor\/index\.html$/);
    expect(await page.locator('h1').textContent()).toBe('NMDA receptor');
    await page.context().close();
  });

  it('is kept as a screenshot (tests/artifacts/ketamine-page.png, copied to docs/ for the README)', async () => {
    const { page, problems } = await open('id/drug/ketamine/index.html');
    expect(problems).toEqual([]);
    mkdirSync(path.dirname(screenshot), { recursive: true });
    mkdirSync(path.dirname(readmeScreenshot), { recursive: true });
    // The page from its top to the end of the diagram's legend: the part a reader sees first.
    const figure = await page.locator('figure.diagram').boundingBox();
    await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(figure!.y + figure!.height + 24) } });
    copyFileSync(screenshot, readmeScreenshot);
    expect(existsSync(screenshot)).toBe(true);
    await page.context().close();
  });
});

describe('the index filter', () => {
  it('hides the entries that do not match what is typed, and shows them all again when cleared', async () => {
    const { page, problems } = await open('index.html');
    const items = page.locator('section.listing li');
    const total = await items.count();
    expect(total).toBeGreaterThan(50);
    await expect(page.locator('#filter').isVisible()).resolves.toBe(true);
    await page.locator('#filter').fill('nmda');
    const shown = await items.evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.textContent ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(total);
    for (const text of shown) expect(text.toLowerCase()).toContain('nmda');
    expect(await page.locator('#filter-status').textContent()).toBe(`${shown.length} entries match`);
    await expect(page.locator('section#process').isVisible()).resolves.toBe(false);
    await page.locator('#filter').fill('no such thing');
    expect(await page.locator('section.listing li:visible').count()).toBe(0);
    await page.locator('#filter').fill('');
    expect(await page.locator('section.listing li:visible').count()).toBe(total);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: every link is there and visible, and so is the search form (the server answers it)', async () => {
    const { page, problems } = await open('index.html', { javaScriptEnabled: false });
    expect(problems).toEqual([]);
    const links = page.locator('section.listing li > a');
    const entities = new Set(quads.map((q) => q.subject.value).filter((s) => /^https:\/\/w3id\.org\/pharmald\/id\/[a-z]+\/[a-z0-9-]+$/.test(s)));
    expect(await links.count()).toBe(entities.size);
    expect(await page.locator('section.listing li > a:visible').count()).toBe(entities.size);
    await expect(page.locator('#filter').isVisible()).resolves.toBe(true);
    await links.filter({ hasText: 'NMDA receptor' }).first().click();
    await page.waitForURL(/\/id\/target\/nmda-receptor\/index\.html$/);
    await page.context().close();
  });
});
