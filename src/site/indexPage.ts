// **indexPage** is the dataset at a glance: one list of links per small kind, letters for a large one, a search form
// (answered by `pharmald serve`, filtering as one types where scripts run) and search.json, the data it searches.
import type { Dataset } from 'schema-dts';
import { kindInfo, kinds, type EntityKind } from '../model/kinds.js';
import { ID } from '../vocab.js';
import { dataLicense, datasetIri, datasetSources } from '../release/void.js';
import type { DatasetDownload } from './build.js';
import { kindTitle } from './entityPage.js';
import { entityPage, sitePaths, type SiteGraph } from './graph.js';
import { html, join, type Html } from './html.js';
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

export function renderIndexPage(graph: SiteGraph, jsonLd: Html): string {
  const file = sitePaths.index;
  const view = new PageView(graph, file);
  const sections = kinds.map(({ kind }) => ({ kind, entities: graph.entities(kind) })).filter((s) => s.entities.length > 0);
  const body = html`<h1>pharmald</h1>
<p class="description">Pharmacology mechanism-of-action knowledge as linked data: how each drug acts, on which targets, in which physiological systems, with how direct, strong and certain each claim is and the literature behind it.</p>
<p>${join(sections.map((s) => html`<a href="#${s.kind}">${s.entities.length} ${s.entities.length === 1 ? kindInfo[s.kind].name : kindInfo[s.kind].plural}</a>`), ' · ')} · <a href="${view.href(sitePaths.vocabulary)}">the vocabulary</a></p>
<form id="filter-form" class="filter" method="get" action="search" role="search">
<label for="filter">Search</label>
<input type="search" id="filter" name="q" placeholder="e.g. NMDA, brain, pain" autocomplete="off">
<button type="submit">Search</button>
<span id="filter-status" aria-live="polite"></span>
</form>
${sections.map((s) => (listedInline(s.entities.length) ? inlineSection(view, s.kind, s.entities) : groupedSection(view, s.kind)))}`;
  return page({ file, title: 'Dataset', jsonLd, trail: [['Dataset', undefined]], body, script: filterScript });
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
