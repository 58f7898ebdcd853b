// **indexPage** is the dataset at a glance: one list of links per kind of entity, and a filter box for who runs scripts.
import type { Dataset } from 'schema-dts';
import { kindInfo, kinds, type EntityKind } from '../model/kinds.js';
import { cls, ID, prop, termIri } from '../vocab.js';
import { dataLicense, datasetIri } from '../release/void.js';
import type { DatasetDownload } from './build.js';
import { kindTitle } from './entityPage.js';
import { entityPage, sitePaths, type SiteGraph } from './graph.js';
import { html, join, type Html } from './html.js';
import { page } from './layout.js';
import { PageView } from './view.js';

/** Hides list items without every word typed, and sections left empty; the form is `hidden` until this shows it. */
export const filterScript = `
(function () {
  var form = document.getElementById('filter-form');
  var input = document.getElementById('filter');
  var status = document.getElementById('filter-status');
  if (!form || !input || !status) return;
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); });
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
  const meta = (text = '') => text && html` <span class="meta">${text}</span>`;
  const sections = kinds.map(({ kind }) => ({ kind, entities: graph.entities(kind) })).filter((s) => s.entities.length > 0);
  const body = html`<h1>pharmald</h1>
<p class="description">Pharmacology mechanism-of-action knowledge as linked data: how each drug acts, on which targets, in which physiological systems, with how direct, strong and certain each claim is and the literature behind it.</p>
<p>${join(sections.map((s) => html`<a href="#${s.kind}">${s.entities.length} ${s.entities.length === 1 ? kindInfo[s.kind].name : kindInfo[s.kind].plural}</a>`), ' · ')} · <a href="${view.href(sitePaths.vocabulary)}">the vocabulary</a></p>
<form id="filter-form" class="filter" role="search" hidden>
<label for="filter">Filter</label>
<input type="search" id="filter" name="q" placeholder="e.g. NMDA, brain, pain" autocomplete="off">
<span id="filter-status" aria-live="polite"></span>
</form>
${sections.map((s) => html`<section id="${s.kind}" class="listing">
<h2>${kindTitle(s.kind, true)}</h2>
<ul class="entities">
${s.entities.map((e) => html`<li><a href="${view.href(entityPage(e))}">${graph.label(e)}</a>${meta(summaries[s.kind]?.(graph, e))}</li>
`)}</ul>
</section>
`)}`;
  return page({ file, title: 'Dataset', jsonLd, trail: [['Dataset', undefined]], body, script: filterScript });
}

/** One line that tells entries of a kind apart (a target's type, a mechanism's drug and target). */
const summaries: Partial<Record<EntityKind, (graph: SiteGraph, entity: string) => string>> = {
  drug: (graph, drug) => graph.texts(drug, prop.drugClass).join(', '),
  target: (graph, target) => graph.types(target).filter((t) => t !== cls.Target).map((t) => graph.label(t)).join(', '),
  system: (graph, system) => {
    const parent = graph.iri(system, prop.partOf);
    return parent ? `part of ${graph.label(parent)}` : '';
  },
  mechanism: (graph, mechanism) => {
    const [drug, target, directness] = [prop.drug, prop.target, prop.directness].map((p) => graph.iri(mechanism, p));
    return [drug && graph.label(drug), target && `→ ${graph.label(target)}`, directness && `(${graph.label(directness)})`].filter(Boolean).join(' ');
  },
  reference: (graph, reference) => {
    const type = graph.iri(reference, prop.referenceType);
    return [type && graph.label(type), graph.text(reference, prop.year)].filter(Boolean).join(', ');
  },
};

/** The dataset as schema.org describes one: the same facts as void.ttl, for dataset search engines. */
export function datasetSchemaOrg(graph: SiteGraph, downloads: readonly DatasetDownload[]): Dataset {
  const sourceTypes = [termIri('referenceType', 'database'), termIri('referenceType', 'source-text')];
  const sources = graph.entities('reference').filter((iri) => graph.objects(iri, prop.referenceType).some((o) => sourceTypes.includes(o.value)));
  return {
    '@type': 'Dataset',
    '@id': datasetIri,
    name: 'pharmald',
    license: dataLicense,
    isBasedOn: sources.map((iri) => ({ '@type': 'CreativeWork', '@id': iri, name: graph.label(iri) })),
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
    about: graph.entities('drug').map((drug) => ({ '@id': drug })),
  };
}
