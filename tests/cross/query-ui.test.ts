// The query UI of `pharmald serve` in a real browser: Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core loads GET /sparql, YASGUI (served from the package, no CDN) opens one tab per example query
// of queries/, runs the active tab's query against the endpoint and shows its rows in the results table.
// A missing browser FAILS the test with the Debian package to install: it is never skipped.
//
// Run: npx tsc -p . && npx vitest run --config tests/cross/vitest.config.ts tests/cross/query-ui.test.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, type QueryResult } from '../../src/query/engine.js';
import { serve, type RunningServer } from '../../src/server/app.js';
import { bundledDataset } from '../helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_MISSING = 'install the Debian package chromium (apt-get install chromium)';
const screenshot = path.join(root, 'tests', 'artifacts', 'query-ui.png');
const exampleFiles = readdirSync(path.join(root, 'queries')).filter((f) => f.endsWith('.rq')).sort();

let dataset: readonly Quad[];
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = []; // console errors, page errors, failed or off-site requests
const sparqlResponses: { method: string; status: number; contentType: string }[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} does not exist: ${CHROMIUM_MISSING}`);
  dataset = (await bundledDataset()).quads;
  server = await serve({ port: 0, quads: dataset });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const origin = new URL(server.url).origin;
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`off-site request: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/sparql' && response.request().method() === 'POST') {
      sparqlResponses.push({ method: response.request().method(), status: response.status(), contentType: response.headers()['content-type'] ?? '' });
    }
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the YASGUI query UI in Chromium', () => {
  it('loads GET /sparql as HTML with YASGUI from the package, one tab per example query', async () => {
    // A script error on the page stops the set-up for good: fail at once, saying what it was.
    const broken = page.waitForEvent('pageerror', { timeout: 21_000 }).then((error) => { throw error; }, () => new Promise(() => {}));
    const response = await page.goto(`${server.url}/sparql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    // The page sets window.pharmaldExamples once every tab is set up.
    const ready = page.waitForFunction(() => typeof (window as unknown as { pharmaldExamples?: number }).pharmaldExamples === 'number', undefined, { timeout: 20_000 });
    await Promise.race([ready, broken])
      .catch((error: Error) => { throw new Error(`the page did not finish setting up: ${problems.join('; ') || error.message}`); });
    expect(await page.evaluate(() => (window as unknown as { pharmaldExamples: number }).pharmaldExamples)).toBe(exampleFiles.length);
    expect(await page.evaluate(() => typeof (window as unknown as { Yasgui?: unknown }).Yasgui)).toBe('function');
    const tabs = await page.locator('.tabsList .tab').allTextContents();
    expect(tabs.map((t) => t.replace(/✖/g, '').trim())).toEqual(exampleFiles.map((f) => f.replace(/\.rq$/, '')));
    expect(await page.locator('.tabsList .tab.active').textContent()).toContain(exampleFiles[0]!.replace(/\.rq$/, ''));
  });

  it('every tab holds its example query, ready to run', async () => {
    // The tabs' queries, as YASGUI keeps them (the inactive tabs have no editor until shown).
    // The page declares `const yasgui` at the top level of a classic script: reachable by name from a script.
    const queries = (await page.evaluate('yasgui.persistentConfig.getTabs().map((id) => yasgui.persistentConfig.getTab(id).yasqe.value)')) as string[];
    expect(queries).toEqual(exampleFiles.map((f) => readFileSync(path.join(root, 'queries', f), 'utf8')));
    const editor = await page.locator('.tabPanel.active .CodeMirror').textContent();
    expect(editor).toContain('SELECT');
  });

  it('runs the active tab\'s query: the results table shows the rows the engine gives in-process', async () => {
    const sparql = readFileSync(path.join(root, 'queries', exampleFiles[0]!), 'utf8');
    const expected = (await query(dataset, sparql)) as Extract<QueryResult, { type: 'bindings' }>;
    expect(expected.type).toBe('bindings');
    expect(expected.rows.length).toBeGreaterThan(0);

    await page.locator('.tabPanel.active .yasqe .yasqe_queryButton').click();
    const rows = page.locator('.tabPanel.active .yasr table.dataTable tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(sparqlResponses.at(-1)).toEqual({ method: 'POST', status: 200, contentType: 'application/sparql-results+json; charset=utf-8' });
    // YASR's table shows 50 rows a page (its DEFAULT_PAGE_SIZE); the count of all is in its "N results in" line.
    const shown = expected.rows.slice(0, 50);
    expect(await rows.count()).toBe(shown.length);

    const headers = (await page.locator('.tabPanel.active .yasr table.dataTable thead th').allTextContents()).map((h) => h.trim()).filter(Boolean);
    expect(headers).toEqual(expected.variables);
    const table = await page.locator('.tabPanel.active .yasr table.dataTable tbody').innerText();
    for (const row of shown) {
      for (const term of Object.values(row)) {
        // Long values are shown cut short ("ellipsis"); their first characters are there.
        expect(table).toContain(term.value.slice(0, 4));
      }
    }
    // The shortest value of the first row is never cut short: it is there whole.
    const shortest = Object.values(expected.rows[0]!).map((term) => term.value).sort((a, b) => a.length - b.length)[0]!;
    expect(table).toContain(shortest);
    expect(await page.locator('.tabPanel.active .yasr').innerText()).toMatch(new RegExp(`${expected.rows.length} results? in`));

    mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });

  it('no console error, page error, failed request or off-site request', () => {
    expect(problems).toEqual([]);
  });
});
