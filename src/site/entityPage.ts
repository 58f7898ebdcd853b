// **entityPage** is the page of one entity: label and description, its kind's own sections, then every triple about it,
// what links to it, and its data in three formats.
import { kindInfo, type EntityKind } from '../model/kinds.js';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { rdf, rdfs, skos } from '../vocab.js';
import type { Diagram } from './diagram.js';
import { termKey } from '../validate/terms.js';
import { entityRef, groupBy, type SiteGraph } from './graph.js';
import { html, join, type Content, type Html } from './html.js';
import { kindSections } from './kindSections.js';
import { page } from './layout.js';
import { partName, section, table } from './parts.js';
import { entityBase, entityPage, sitePaths } from './paths.js';
import { PageView } from './view.js';

/** What a page calls a kind, one or several, as a heading (`Physiological systems`). */
export function kindTitle(kind: EntityKind, several = false): string {
  const { name, plural } = kindInfo[kind];
  const text = several ? plural : name;
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

/** The page of an entity, with its JSON-LD script and (drug pages only) its mechanism diagram. */
export function renderEntityPage(graph: SiteGraph, entity: string, jsonLd: Html, diagram?: Diagram): string {
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
<p>The description of this entity (its triples, those of its parts, and the labels of what they point to): ${join(links.map((l) => html`<a href="${l.href}" type="${l.mediaType}">${l.name}</a>`), ', ')}. It is also embedded in this page as JSON-LD, with a schema.org description.</p>
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
  const byPredicate = groupBy(view.graph.outgoing(entity), (q) => q.predicate.value);
  const first: readonly string[] = [rdf.type, rdfs.label, rdfs.comment];
  const rank = (p: string) => (first.includes(p) ? first.indexOf(p) : 99);
  const name = (p: string) => view.predicateName(p).toLowerCase();
  const predicates = [...byPredicate.keys()].sort((a, b) => rank(a) - rank(b) || compareCodeUnits(name(a), name(b)) || compareCodeUnits(a, b));
  const values = (p: string) => view.sortTerms((byPredicate.get(p) ?? []).map((q) => q.object)).map((o) => view.term(o));
  return section('properties', 'All properties', predicateTable(view, 'Value', predicates, values));
}

/** What points at the entity, from other entities and their parts. */
function referencedBySection(view: PageView, entity: string): Content {
  const { graph } = view;
  const incoming = graph.incoming(entity).filter((q) => q.subject.termType === 'NamedNode' && entityRef(q.subject.value)?.entity !== entity);
  if (incoming.length === 0) return '';
  const byPredicate = groupBy(incoming, (q) => q.predicate.value);
  const predicates = [...byPredicate.keys()].sort((a, b) => compareCodeUnits(view.predicateName(a), view.predicateName(b)) || compareCodeUnits(a, b));
  const name = (s: string) => (entityRef(s)?.part !== undefined ? partName(view, s) : view.name(s));
  const from = (p: string) => graph.sortByLabel((byPredicate.get(p) ?? []).map((q) => termKey(q.subject))).map((s) => view.link(s, name(s)));
  return section('referenced-by', 'Referenced by', predicateTable(view, 'From', predicates, from));
}

/** A table of predicates, each named and linked, with its values one per line. */
function predicateTable(view: PageView, column: string, predicates: readonly string[], values: (p: string) => Content[]): Html {
  const rows = predicates.map((p) =>
    html`<tr><th scope="row">${view.link(p, view.predicateName(p))}</th><td>${join(values(p), html`<br>`)}</td></tr>`);
  return table('properties', ['Property', column], rows);
}
