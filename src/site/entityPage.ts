// **entityPage** is the page of one entity: its label and description, what the kind of entity needs
// first (a drug's diagram and mechanisms by system, a mechanism's claim with its evidence, …), then every
// triple about it as a table, what links to it, and its data in three formats.
import { kindInfo, type EntityKind } from '../model/kinds.js';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { rdf, rdfs, skos } from '../vocab.js';
import type { Diagram } from './diagram.js';
import { entityRef, push, termKey, type SiteGraph } from './graph.js';
import { html, type Content, type Html } from './html.js';
import { kindSections } from './kindSections.js';
import { page } from './layout.js';
import { partName, section } from './parts.js';
import { entityBase, entityPage, sitePaths } from './paths.js';
import { PageView } from './view.js';

/** What a page calls a kind, one or several, as a heading (`Physiological systems`). */
export function kindTitle(kind: EntityKind, several = false): string {
  const { name, plural } = kindInfo[kind];
  const text = several ? plural : name;
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

export interface EntityPageInput {
  readonly graph: SiteGraph;
  readonly entity: string;
  readonly jsonLd: Html;
  /** The drug's mechanism diagram (drug pages only). */
  readonly diagram?: Diagram;
}

export function renderEntityPage({ graph, entity, jsonLd, diagram }: EntityPageInput): string {
  const ref = entityRef(entity);
  if (!ref || ref.part !== undefined) throw new Error(`not an entity IRI: ${entity}`);
  const file = entityPage(entity);
  const view = new PageView(graph, file);
  const label = graph.label(entity);
  const description = graph.text(entity, rdfs.comment);
  // The kind already says pld:Drug, pld:Target, …: only the finer types add something (ligand-gated ion channel).
  const types = graph.types(entity).filter((t) => t !== kindInfo[ref.kind].classIri);
  const matches = view.sortTerms(graph.objects(entity, skos.exactMatch)).map((t) => t.value);
  const base = entityBase(entity);
  const links = Object.values(rdfFormats).map((f) => ({ href: view.href(`${base}${f.extension}`), mediaType: f.mediaType, name: f.name }));

  const body = html`<article class="entity entity-${ref.kind}">
<header>
<p class="kind">${kindTitle(ref.kind)}${types.length ? html` · ${view.links(types)}` : ''}</p>
<h1>${label}</h1>
<p class="iri"><code>${entity}</code></p>
</header>
${description ? html`<p class="description">${description}</p>` : ''}
${matches.length ? html`<section id="identifiers">
<h2>Identifiers</h2>
<ul class="identifiers">
${matches.map((m) => html`<li>${view.link(m)}</li>
`)}</ul>
</section>` : ''}
${kindSections[ref.kind](view, entity, diagram)}
${propertiesSection(view, entity)}
${referencedBySection(view, entity)}
<section id="data">
<h2>Data</h2>
<p>The description of this entity (its triples, those of its parts, and the labels of what they point to): ${links.map((l, i) => html`${i > 0 ? ', ' : ''}<a href="${l.href}" type="${l.mediaType}">${l.name}</a>`)}. It is also embedded in this page as JSON-LD, with a schema.org description.</p>
</section>
</article>`;

  return page({
    file,
    title: label,
    alternates: links,
    jsonLd,
    trail: [
      ['Dataset', sitePaths.index],
      [kindTitle(ref.kind, true), `${sitePaths.index}#${ref.kind}`],
      [label, undefined],
    ],
    body,
  });
}

/** Every triple about the entity, predicate by predicate (type, label and description first). */
function propertiesSection(view: PageView, entity: string): Html {
  const { graph } = view;
  const byPredicate = groupBy(graph.outgoing(entity), (q) => q.predicate.value);
  const first: readonly string[] = [rdf.type, rdfs.label, rdfs.comment];
  const rank = (p: string) => first.indexOf(p);
  const predicates = [...byPredicate.keys()].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra >= 0 || rb >= 0) return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb);
    return compareCodeUnits(view.predicateName(a).toLowerCase(), view.predicateName(b).toLowerCase()) || compareCodeUnits(a, b);
  });
  return section('properties', 'All properties', html`<table class="properties">
<thead><tr><th scope="col">Property</th><th scope="col">Value</th></tr></thead>
<tbody>
${predicates.map((p) => html`<tr><th scope="row">${view.link(p, view.predicateName(p))}</th><td>${view.sortTerms((byPredicate.get(p) ?? []).map((q) => q.object)).map((o, i) => html`${i > 0 ? html`<br>` : ''}${view.term(o)}`)}</td></tr>
`)}</tbody>
</table>`);
}

/** What points at the entity, from other entities and their parts. */
function referencedBySection(view: PageView, entity: string): Content {
  const { graph } = view;
  const incoming = graph.incoming(entity).filter((q) => q.subject.termType === 'NamedNode' && entityRef(q.subject.value)?.entity !== entity);
  if (incoming.length === 0) return '';
  const byPredicate = groupBy(incoming, (q) => q.predicate.value);
  const predicates = [...byPredicate.keys()].sort((a, b) => compareCodeUnits(view.predicateName(a), view.predicateName(b)) || compareCodeUnits(a, b));
  return section('referenced-by', 'Referenced by', html`<table class="properties">
<thead><tr><th scope="col">Property</th><th scope="col">From</th></tr></thead>
<tbody>
${predicates.map((p) => {
    const subjects = graph.sortByLabel((byPredicate.get(p) ?? []).map((q) => termKey(q.subject)));
    return html`<tr><th scope="row">${view.link(p, view.predicateName(p))}</th><td>${subjects.map((s, i) => html`${i > 0 ? html`<br>` : ''}${view.link(s, entityRef(s)?.part !== undefined ? partName(view, s) : view.name(s))}`)}</td></tr>
`;
  })}</tbody>
</table>`);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}
