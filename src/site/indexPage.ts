// **indexPage** is the dataset at a glance: its downloads and licence, one list of links per small kind, letters for a
// large one, a search form (answered by `pharmald serve`, filtering as one types where scripts run) and search.json,
// the data it searches.
import type { Dataset } from 'schema-dts';
import { kindInfo, kinds, type EntityKind } from '../model/kinds.js';
import { rdfFormats } from '../serialize/formats.js';
import { ID } from '../vocab.js';
import { dataLicense, datasetIri, datasetSources } from '../release/void.js';
import type { DatasetDownload } from './build.js';
import { kindTitle } from './entityPage.js';
import { entityPage, sitePaths, type SiteGraph } from './graph.js';
import { html, join, safeHref, type Html } from './html.js';
import { page } from './layout.js';
import { entryItems, letterGroups, letterNav, listedInline, summaryOf } from './listingPage.js';
import { PageView } from './view.js';

/** Hides list items without every word typed, and sections left empty; Enter still submits to the server's search. */
export const filterScript = `
(function () {
  var form = document.getElementById('filter-form');
  var input = document.getElementById('filter');
  var status = document.getElementById('filter-status');
  if (!form || !input || !status) return;
  function apply() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll('section.listing').forEach(function (section) {
      var visible = 0;
      section.querySelectorAll('li').forEach(function (item) {
        var text = item.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) >= 0; });
        item.hidden = !match;
        if (match) visible += 1;
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    status.textContent = words.length ? shown + (shown === 1 ? ' entry matches' : ' entries match') : '';
  }
  input.addEventListener('input', apply);
  apply();
})();
`;

/**
 * The index page. `downloads` defaults to the distribution the page's own JSON-LD declares, so what a reader sees and
 * what a dataset search engine reads cannot differ; a site built without its dataset files has no Downloads section.
 */
export function renderIndexPage(graph: SiteGraph, jsonLd: Html, downloads: readonly DatasetDownload[] = []): string {
  const file = sitePaths.index;
  const view = new PageView(graph, file);
  const sections = kinds.map(({ kind }) => ({ kind, entities: graph.entities(kind) })).filter((s) => s.entities.length > 0);
  const body = html`<h1>pharmald</h1>
<p class="description">Pharmacology mechanism-of-action knowledge as linked data: how each drug acts, on which targets, in which physiological systems, with how direct, strong and certain each claim is and the literature behind it.</p>
<p>${join(sections.map((s) => html`<a href="#${s.kind}">${s.entities.length} ${s.entities.length === 1 ? kindInfo[s.kind].name : kindInfo[s.kind].plural}</a>`), ' · ')} · <a href="${view.href(sitePaths.vocabulary)}">the vocabulary</a>${downloads.length ? html` · <a href="#downloads">downloads</a>` : ''}</p>
<form id="filter-form" class="filter" method="get" action="search" role="search">
<label for="filter">Search</label>
<input type="search" id="filter" name="q" placeholder="e.g. NMDA, brain, pain" autocomplete="off">
<button type="submit">Search</button>
<span id="filter-status" aria-live="polite"></span>
</form>
${downloads.length ? downloadsSection(view, downloads) : ''}${sections.map((s) => (listedInline(s.entities.length) ? inlineSection(view, s.kind, s.entities) : groupedSection(view, s.kind)))}`;
  return page({ file, title: 'Dataset', jsonLd, trail: [['Dataset', undefined]], body, script: filterScript });
}

/** What each published file is, by its name in dist/. */
const fileFormats: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.values(rdfFormats).map((format) => [format.file, format.name])),
  'context.jsonld': 'JSON-LD context',
  'void.ttl': 'VoID description (Turtle)',
};

/**
 * The dataset files, licence, sources and SPARQL endpoint. Each file is linked as `../{name}`: dist/{name} beside
 * site/ when dist/ is a plain folder, and /{name} under `pharmald serve` (`..` stops at the root, and serve answers
 * those names from dist/); the published URLs (void.ttl's) are shown too, being where a release lives for good.
 */
function downloadsSection(view: PageView, downloads: readonly DatasetDownload[]): Html {
  const named = downloads.map((download) => ({ ...download, name: download.url.slice(download.url.lastIndexOf('/') + 1) }));
  const bases = [...new Set(named.map((d) => d.url.slice(0, d.url.length - d.name.length)))];
  const sources = datasetSources(view.graph.quads);
  return html`<section id="downloads" class="downloads">
<h2>Downloads</h2>
<p>The whole dataset, under ${licenceLink(dataLicense)}${sources.length ? html`; derived from ${join(sources.map((source) => sourceItem(view, source)), ', ')}` : ''}.</p>
<table class="downloads">
<thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">Media type</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${named.map((d) => html`<tr><td><a href="../${d.name}" download>${d.name}</a></td><td>${fileFormats[d.name] ?? d.mediaType}</td><td><code>${d.mediaType}</code></td><td class="number">${humanSize(d.bytes)} <span class="meta">(${d.bytes.toLocaleString('en')} bytes)</span></td><td><code class="checksum">${d.sha256}</code></td></tr>
`)}</tbody>
</table>
<p><a href="sparql">SPARQL endpoint</a> (with <code>pharmald serve</code>) · <a href="../void.ttl">dataset description (void.ttl)</a>${bases.length === 1 && safeHref(bases[0]!) ? html` · published at <a href="${bases[0]!}">${bases[0]!}</a>` : ''}</p>
</section>
`;
}

/** A source, linked to its page on the site (or out to it), with its licence when the graph gives one. */
function sourceItem(view: PageView, source: { iri: string; label: string; license?: string }): Html {
  const label = view.link(source.iri, source.label);
  return source.license ? html`${label} (${licenceLink(source.license)})` : label;
}

/** A licence as a link with its short name: `CC BY 4.0` for Creative Commons, the identifier for SPDX. */
function licenceLink(iri: string): Html {
  const cc = /^https?:\/\/creativecommons\.org\/(?:licenses\/([a-z-]+)|publicdomain\/(zero))\/(\d+\.\d+)\/?$/.exec(iri);
  const spdx = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html)?$/.exec(iri);
  const name = cc ? `${cc[1] ? `CC ${cc[1].toUpperCase().replace(/-/g, ' ')}` : 'CC0'} ${cc[3]}` : spdx ? spdx[1]! : iri;
  return safeHref(iri) ? html`<a href="${iri}" rel="license">${name}</a>` : html`${name}`;
}

/** 1234567 → `1.2 MB`: decimal units, as file managers show them. */
export function humanSize(bytes: number): string {
  const units = ['kB', 'MB', 'GB', 'TB'];
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = -1;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]!}`;
}

/** A small kind: every entity, listed here (and filtered as the reader types). */
function inlineSection(view: PageView, kind: EntityKind, entities: readonly string[]): Html {
  return html`<section id="${kind}" class="listing">
<h2>${kindTitle(kind, true)}</h2>
<ul class="entities">
${entryItems(view, kind, entities)}</ul>
</section>
`;
}

/** A large kind: its count and letters, linking to its listing pages (not a `listing`, so the filter leaves it be). */
function groupedSection(view: PageView, kind: EntityKind): Html {
  const groups = letterGroups(view.graph, kind);
  const count = groups.reduce((sum, g) => sum + g.entities.length, 0);
  return html`<section id="${kind}" class="grouped">
<h2>${kindTitle(kind, true)}</h2>
<p><a href="${view.href(sitePaths.kindListing(kind))}">All ${count} ${kindInfo[kind].plural}</a>, by the first letter of their name:</p>
${letterNav(view, kind, groups)}
</section>
`;
}

/** search.json: every entity as [label, kind, href from the site root, summary], one a line, for `pharmald serve`'s /search. */
export function searchIndex(graph: SiteGraph): string {
  const entries = kinds.flatMap(({ kind }) => graph.entities(kind).map((e) => JSON.stringify([graph.label(e), kind, entityPage(e), summaryOf(graph, kind, e)])));
  return `[\n${entries.join(',\n')}\n]\n`;
}

/** The dataset as schema.org describes one: the same facts as void.ttl, for dataset search engines. */
export function datasetSchemaOrg(graph: SiteGraph, downloads: readonly DatasetDownload[]): Dataset {
  const drugs = graph.entities('drug');
  return {
    '@type': 'Dataset',
    '@id': datasetIri,
    name: 'pharmald',
    license: dataLicense,
    isBasedOn: datasetSources(graph.quads).map(({ iri, label, license }) => ({ '@type': 'CreativeWork', '@id': iri, name: label, ...(license ? { license } : {}) })),
    distribution: downloads.map((download) => ({
      '@type': 'DataDownload',
      contentUrl: download.url,
      encodingFormat: download.mediaType,
      contentSize: `${download.bytes} bytes`,
      sha256: download.sha256,
    })),
    description:
      'Pharmacology mechanism-of-action knowledge as linked data: drugs, their molecular targets and the physiological systems they act in, one claim per mechanism with its directness, strength, certainty and evidence.',
    url: ID.replace(/id\/$/, ''),
    keywords: ['pharmacology', 'mechanism of action', 'linked data', 'drug targets'],
    // The drugs by name while the index lists them; a large dataset's are on its letter pages.
    ...(listedInline(drugs.length) ? { about: drugs.map((drug) => ({ '@id': drug })) } : {}),
  };
}
