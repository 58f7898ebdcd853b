// **entityPage** is the page of one entity: its label and description, what the kind of entity needs
// first (a drug's diagram and mechanisms by system, a mechanism's claim with its evidence, …), then every
// triple about it as a table, what links to it, and its data in three formats.
import type { EntityKind } from '../model/schema.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { cls, rdf, rdfs, skos } from '../vocab.js';
import type { Diagram } from './diagram.js';
import { entityRef, termKey, type SiteGraph } from './graph.js';
import { html, type Content, type Html } from './html.js';
import { kindSections } from './kindSections.js';
import { page } from './layout.js';
import { partName, section } from './parts.js';
import { alternates, entityBase, entityPage, sitePaths } from './paths.js';
import { PageView } from './view.js';

/** What each kind is called, one and many. */
export const kindNames: Readonly<Record<EntityKind, { readonly one: string; readonly many: string }>> = {
  drug: { one: 'Drug', many: 'Drugs' },
  target: { one: 'Target', many: 'Targets' },
  system: { one: 'Physiological system', many: 'Physiological systems' },
  process: { one: 'Physiological process', many: 'Physiological processes' },
  mechanism: { one: 'Mechanism', many: 'Mechanisms' },
  use: { one: 'Clinical use', many: 'Clinical uses' },
  reference: { one: 'Reference', many: 'References' },
};

/** The class every entity of a kind has. */
const kindClass: Readonly<Record<EntityKind, string>> = {
  drug: cls.Drug,
  target: cls.Target,
  system: cls.PhysiologicalSystem,
  process: cls.PhysiologicalProcess,
  mechanism: cls.Mechanism,
  use: cls.ClinicalUse,
  reference: cls.Reference,
};

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
  const types = graph.types(entity).filter((t) => t !== kindClass[ref.kind]);
  const matches = view.sortTerms(graph.objects(entity, skos.exactMatch)).map((t) => t.value);
  const base = entityBase(entity);
  const links = alternates.map((a) => ({ href: view.href(`${base}${a.suffix}`), mediaType: a.mediaType, name: a.name }));

  const body = html`<article class="entity entity-${ref.kind}">
<header>
<p class="kind">${kindNames[ref.kind].one}${types.length ? html` · ${view.links(types)}` : ''}</p>
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
      [kindNames[ref.kind].many, `${sitePaths.index}#${ref.kind}`],
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
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
