// A site too large for one index: a kind of more than 100 entities gets letter pages (id/drug/index.html,
// id/drug/a.html …) instead of an inline list, the index keeps only the small kinds inline, search.json lists every
// entity, and `pharmald serve` answers the search form at /search with no script in the browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../src/io/atomicWrite.js';
import { ontologyFile } from '../src/paths.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { serve, type RunningServer } from '../src/server/app.js';
import { buildSite, siteFiles } from '../src/site/build.js';
import { foldLabel, inlineLimit } from '../src/site/listingPage.js';
import { cls, ID, prop, rdf, rdfs } from '../src/vocab.js';
import { jsonLdScriptTexts } from './support/extract.js';
import { rawRequest, scratchDir } from './helpers.js';

const { namedNode, literal, quad } = DataFactory;

/** First words that file under every kind of letter group: plain, accented (é → e), digit, and neither. */
const stems = ['alpha', 'beta', 'Éclair', 'zeta', 'ketone', '5-methyl', 'βeta', 'omega', 'Ångström', 'delta', 'mu', 'quinine', '<script>alert(1)</script>'];
const drugCount = 260;
const hostile = '<script>alert(1)</script>';

interface SyntheticDrug {
  readonly iri: string;
  readonly label: string;
  readonly page: string;
}

const drugs: SyntheticDrug[] = Array.from({ length: drugCount }, (_, i) => {
  const id = `d${String(i).padStart(3, '0')}`;
  return { iri: `${ID}drug/${id}`, label: `${stems[i % stems.length]} ${id}`, page: `id/drug/${id}/index.html` };
});
const targets = ['NMDA receptor', 'GABA-A receptor', 'mu opioid receptor'].map((label, i) => ({ iri: `${ID}target/t${i}`, label }));

function syntheticGraph(): Quad[] {
  const l = (s: string, p: string, text: string) => quad(namedNode(s), namedNode(p), literal(text, 'en'));
  const t = (s: string, p: string, o: string) => quad(namedNode(s), namedNode(p), namedNode(o));
  return [
    ...drugs.flatMap((d, i) => [
      t(d.iri, rdf.type, cls.Drug), l(d.iri, rdfs.label, d.label),
      // Every drug is "synthetic" (more than the search shows); one in ten also "rare".
      l(d.iri, prop.drugClass, i % 10 === 0 ? 'synthetic rare class' : 'synthetic class'),
    ]),
    ...targets.flatMap((target) => [t(target.iri, rdf.type, cls.Target), l(target.iri, rdfs.label, target.label)]),
  ];
}

let ontology: Quad[];
let quads: Quad[];
let site: OutputFile[];
let files: Map<string, string>;
let server: RunningServer;

beforeAll(async () => {
  ontology = await parseTurtleFile(ontologyFile);
  quads = [...syntheticGraph(), ...ontology];
  site = await buildSite({ quads, ontology });
  files = new Map(site.map((f) => [f.name, f.content]));
  const dist = scratchDir();
  for (const file of site) {
    const target = path.join(dist, 'site', file.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  server = await serve({ port: 0, quads, distDir: dist, workers: 1 });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const hrefsOf = (page: string) => [...page.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
/** A page's link, as a site file: relative to the page's folder, without its fragment. */
const resolved = (from: string, href: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), href.split('#')[0]!));
/** The letter pages of the drugs (id/drug/index.html is the letters page). */
const letterPages = () => [...files.keys()].filter((name) => /^id\/drug\/[^/]+\.html$/.test(name) && name !== 'id/drug/index.html');
const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The drugs a letter group holds, in the order a page must list them. */
const drugsUnder = (startsWith: (folded: string) => boolean) =>
  drugs.filter((d) => startsWith(foldLabel(d.label))).sort((a, b) => (foldLabel(a.label) < foldLabel(b.label) ? -1 : foldLabel(a.label) > foldLabel(b.label) ? 1 : 0));
/** The entries of a page's entity lists (not its letter nav): link and label. */
const entriesOf = (page: string) => {
  const lists = [...page.matchAll(/<ul class="entities">([\s\S]*?)<\/ul>/g)].map((m) => m[1]!).join('');
  return [...lists.matchAll(/<li><a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!, label: decode(m[2]!) }));
};

describe('a kind with more than inlineLimit entities', () => {
  it('is not listed on the index: its section has its count, its letters, and a link to its listing', () => {
    expect(drugCount).toBeGreaterThan(inlineLimit);
    const index = files.get('index.html')!;
    expect(index).not.toContain('<section id="drug" class="listing">');
    const section = /<section id="drug" class="grouped">([\s\S]*?)<\/section>/.exec(index)?.[1] ?? '';
    expect(section).toContain(`<a href="id/drug/index.html">All ${drugCount} drugs</a>`);
    expect(section).toContain('<a href="id/drug/a.html">A</a>');
    for (const drug of drugs) expect(index).not.toContain(drug.page);
    expect(index).toContain(`<a href="#drug">${drugCount} drugs</a>`);
  });

  it('has a letters page, with every non-empty letter and its count, and a page per letter', () => {
    const letters = files.get('id/drug/index.html')!;
    const expected = ['0-9', 'a', 'b', 'd', 'e', 'k', 'm', 'o', 'q', 'z', 'other'];
    expect(letterPages().map((name) => path.posix.basename(name, '.html')).sort()).toEqual([...expected].sort());
    const nav = [...letters.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span class="meta">(\d+)<\/span><\/li>/g)].map((m) => [m[1], Number(m[3])]);
    expect(nav.map(([href]) => href)).toEqual(expected.map((letter) => `${letter}.html`));
    expect(nav.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(drugCount);
    expect(letters).toContain('<nav class="trail" aria-label="Breadcrumb"><a href="../../index.html">Dataset</a> › <span aria-current="page">Drugs</span></nav>');
  });

  it('lists on a letter page exactly the drugs whose label starts with it (accents folded), sorted, each linked to its page', () => {
    const cases: [string, (folded: string) => boolean][] = [
      ['a', (f) => f.startsWith('a')],
      ['e', (f) => f.startsWith('e')],
      ['0-9', (f) => /^[0-9]/.test(f)],
      ['other', (f) => !/^[a-z0-9]/.test(f)],
    ];
    for (const [letter, test] of cases) {
      const name = `id/drug/${letter}.html`;
      const page = files.get(name)!;
      const expected = drugsUnder(test);
      expect(expected.length, letter).toBeGreaterThan(0);
      const entries = entriesOf(page);
      expect(entries.map((e) => e.label), letter).toEqual(expected.map((d) => d.label));
      expect(entries.map((e) => resolved(name, e.href)), letter).toEqual(expected.map((d) => d.page));
      for (const entry of entries) expect(files.has(resolved(name, entry.href)), entry.href).toBe(true);
      expect(page).toContain(`<a href="${letter}.html" aria-current="page">`);
      expect(page).toContain('<a href="../../index.html">Dataset</a> › <a href="index.html">Drugs</a> › <span aria-current="page">');
    }
    // Éclair and Ångström file under e and a, βeta and the hostile label under other, escaped.
    expect(files.get('id/drug/e.html')).toContain('Éclair d002');
    expect(files.get('id/drug/a.html')).toContain('Ångström d008');
    expect(files.get('id/drug/other.html')).toContain('&lt;script&gt;alert(1)&lt;/script&gt; d012');
    expect(files.get('id/drug/other.html')).not.toContain(hostile);
  });

  it('has listing pages whose every link resolves to a built file', () => {
    for (const name of ['index.html', 'id/drug/index.html', ...letterPages()]) {
      for (const href of hrefsOf(files.get(name)!)) {
        if (href.startsWith('#')) continue;
        expect(files.has(resolved(name, href)), `${name}: ${href}`).toBe(true);
      }
    }
  });

  it('carries as JSON-LD on each letter page the type and label of exactly its entries', () => {
    for (const name of letterPages()) {
      const texts = jsonLdScriptTexts(files.get(name)!);
      expect(texts, name).toHaveLength(1);
      const [document] = JSON.parse(texts[0]!) as [{ '@graph': { id: string; type: string; label: string }[] }];
      const labels = document['@graph'].map((node) => node.label).sort();
      expect(labels, name).toEqual(entriesOf(files.get(name)!).map((e) => e.label).sort());
      for (const node of document['@graph']) expect(node.type, name).toBe('Drug');
    }
  });
});

describe('an entity page', () => {
  const trailOf = (name: string) => [...(/<nav class="trail"[^>]*>([\s\S]*?)<\/nav>/.exec(files.get(name)!)?.[1] ?? '').matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)]
    .map((m) => [decode(m[2]!), resolved(name, m[1]!)]);

  it('of a large kind leads back through the kind\'s listing to its letter page', () => {
    const drug = drugs.find((d) => d.label.startsWith('Éclair'))!;
    expect(trailOf(drug.page)).toEqual([['Dataset', 'index.html'], ['Drugs', 'id/drug/index.html'], ['E', 'id/drug/e.html']]);
    expect(entriesOf(files.get('id/drug/e.html')!).map((e) => resolved('id/drug/e.html', e.href))).toContain(drug.page);
  });

  it('of a small kind leads back to its section of the index', () => {
    expect(trailOf('id/target/t0/index.html')).toEqual([['Dataset', 'index.html'], ['Targets', 'index.html']]);
  });
});

describe('the index\'s schema.org Dataset', () => {
  it('names no drug one by one when the drugs have letter pages', () => {
    const [schemaOrg] = JSON.parse(jsonLdScriptTexts(files.get('index.html')!)[0]!) as [{ '@graph': Record<string, unknown>[] }];
    const [dataset] = schemaOrg['@graph'];
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset).not.toHaveProperty('about');
  });
});

describe('a kind with at most inlineLimit entities', () => {
  it('stays inline on the index, as does its data in the index JSON-LD (and no drug is there)', () => {
    const index = files.get('index.html')!;
    const section = /<section id="target" class="listing">([\s\S]*?)<\/section>/.exec(index)?.[1] ?? '';
    expect(entriesOf(section).map((e) => e.label).sort()).toEqual(targets.map((t) => t.label).sort());
    expect(files.has('id/target/index.html')).toBe(false);
    const [, document] = JSON.parse(jsonLdScriptTexts(index)[0]!) as [unknown, { '@graph': { label?: string }[] }];
    const labels = document['@graph'].map((node) => node.label);
    for (const target of targets) expect(labels).toContain(target.label);
    for (const drug of drugs) expect(labels).not.toContain(drug.label);
  });
});

describe('the site', () => {
  it('has search.json: every entity as [label, kind, href, summary], each href a built page', () => {
    const rows = JSON.parse(files.get('search.json')!) as [string, string, string, string][];
    expect(rows).toHaveLength(drugCount + targets.length);
    for (const drug of drugs) expect(rows).toContainEqual([drug.label, 'drug', drug.page, expect.stringMatching(/^synthetic/)]);
    for (const target of targets) expect(rows.some(([label, kind]) => label === target.label && kind === 'target')).toBe(true);
    for (const [, , href] of rows) expect(files.has(href), href).toBe(true);
  });

  it('counts its files right, and is byte-identical when built again from the graph in another order', async () => {
    expect(siteFiles({ quads, ontology }).total).toBe(site.length);
    const again = await buildSite({ quads: [...quads].reverse(), ontology: [...ontology].reverse() });
    expect(again.map((f) => f.name)).toEqual(site.map((f) => f.name));
    again.forEach((file, i) => expect(file.content === site[i]!.content, file.name).toBe(true));
  });
});

async function get(rawPath: string, method = 'GET') {
  const response = await rawRequest(server.url, rawPath, {}, method);
  return { ...response, body: response.body.toString('utf8') };
}

const search = (q: string) => get(`/search?q=${encodeURIComponent(q)}`);

describe('GET /search on pharmald serve', () => {
  it('answers the entries whose label or summary holds every word, linked from the site root', async () => {
    const res = await search('ALPHA rare');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const expected = drugs.filter((d, i) => d.label.startsWith('alpha') && i % 10 === 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body).toContain(`${expected.length} ${expected.length === 1 ? 'entry matches' : 'entries match'}`);
    expect(entriesOf(res.body).map((e) => e.href).sort()).toEqual(expected.map((d) => d.page).sort());
    expect(res.body).toContain('<link rel="stylesheet" href="site.css">');
    const linked = await get(`/${entriesOf(res.body)[0]!.href}`);
    expect(linked.status).toBe(200);
    expect((await search('receptor')).body).toContain('3 entries match');
  });

  it('shows at most 200 entries, with the count of all and a note', async () => {
    const res = await search('synthetic');
    expect(res.body).toContain(`${drugCount} entries match`);
    expect(entriesOf(res.body)).toHaveLength(200);
    expect(res.body).toContain('Showing the first 200');
    expect((await search('rare')).body).not.toContain('Showing the first');
  });

  it('escapes the query, and shows only the form for an empty one', async () => {
    const res = await search(hostile);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain(hostile);
    expect(res.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(entriesOf(res.body).map((e) => e.label).sort()).toEqual(drugs.filter((d) => d.label.startsWith(hostile)).map((d) => d.label).sort());
    const empty = await get('/search');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('<form class="filter" method="get" action="search" role="search">');
    expect(empty.body).not.toMatch(/entr(y|ies) match/);
    expect(entriesOf(empty.body)).toHaveLength(0);
  });

  it('supports HEAD, refuses other methods with 405, and leaves the rest of the site as it was', async () => {
    const head = await get('/search?q=alpha', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await get('/search?q=alpha', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await get('/id/drug/a.html')).body).toContain('<h1>Drugs: A</h1>');
    expect((await get('/id/drug/d000')).status).toBe(200);
    expect((await get('/')).body).toContain('action="search"');
  });
});
