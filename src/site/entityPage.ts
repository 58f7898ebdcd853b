// **entityPage** is the page of one entity: label and description, its kind's own sections, then every triple about it,
// what links to it, and its data in three formats.
import { kindInfo, type EntityKind } from '../model/kinds.js';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { cls, hasRole, prop, rdf, rdfs, skos } from '../vocab.js';
import { termKey } from '../validate/terms.js';
import { diagramLegend } from './diagram.js';
import { entityBase, entityPage, entityRef, groupBy, sitePaths, type SiteGraph } from './graph.js';
import { html, join, type Content, type Html } from './html.js';
import { page } from './layout.js';
import { letterName, letterOf, listedInline } from './listingPage.js';
import {
  affinitiesTable, anchorOf, byDrug, caveatList, citation, directionCells, drugOfPart, effectsTable, facts, mechanismList, ownedAnchorOf, partName,
  section, table,
} from './parts.js';
import { PageView } from './view.js';

/** What a page calls a kind, one or several, as a heading (`Physiological systems`). */
export function kindTitle(kind: EntityKind, several = false): string {
  const { name, plural } = kindInfo[kind];
  const text = several ? plural : name;
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

/** The page of an entity, with its JSON-LD script and (drug pages only) its mechanism diagram. */
export function renderEntityPage(graph: SiteGraph, entity: string, jsonLd: Html, diagram?: Html): string {
  const file = entityPage(entity); // throws if `entity` is not an entity IRI
  const ref = entityRef(entity)!;
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

  // Back to where the entity is listed: the index's section of its kind, or the kind's letter page.
  const listed: readonly (readonly [string, string])[] = listedInline(graph.entityCount(ref.kind))
    ? [[kindTitle(ref.kind, true), `${sitePaths.index}#${ref.kind}`]]
    : [[kindTitle(ref.kind, true), sitePaths.kindListing(ref.kind)], [letterName(letterOf(label)), sitePaths.letterListing(ref.kind, letterOf(label))]];
  const trail = [['Dataset', sitePaths.index], ...listed, [label, undefined]] as const;
  return page({ file, title: label, alternates: links, jsonLd, trail, body });
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

/** What each kind's page shows first: a drug's diagram and mechanisms by system, a mechanism's claim and evidence, … */
const kindSections: Readonly<Record<EntityKind, (view: PageView, entity: string, diagram?: Html) => Content>> = {
  drug: (view, drug, diagram) => {
    const { graph } = view;
    const mechanisms = graph.iris(drug, prop.hasMechanism);
    const systems = graph.sortByLabel(mechanisms.flatMap((m) => graph.iris(m, prop.system)));
    const untargeted = graph.iris(drug, prop.noAppreciableBindingAt);
    const caveats = graph.iris(drug, prop.hasCaveat);
    const statuses = graph.iris(drug, prop.hasUseStatus);
    const comparisons = graph.iris(drug, prop.hasPotencyComparison);
    return [
      facts([
        ['Drug classes', graph.texts(drug, prop.drugClass).join(', ')],
        ['Clinical uses', view.links(graph.iris(drug, prop.hasClinicalUse))],
        ['Roles (ChEBI)', view.links(graph.iris(drug, hasRole))],
        ['Acts on', view.links(graph.iris(drug, prop.actsOn))],
      ]),
      diagram ? section('diagram', 'Mechanism diagram', html`<figure class="diagram">
${diagram}
<figcaption>${diagramLegend(view)}</figcaption>
</figure>`) : '',
      section('mechanisms-by-system', 'Mechanisms by system', systems.map((system) => html`<h3>${view.link(system)}</h3>
${mechanismList(view, mechanisms.filter((m) => graph.iris(m, prop.system).includes(system)), { showDrug: false })}
`)),
      untargeted.length ? section('no-appreciable-binding', 'No appreciable binding', html`<p>Screened without appreciable binding at: ${view.links(untargeted)}.</p>`) : '',
      caveats.length ? section('caveats', 'Caveats', caveatList(view, caveats)) : '',
      statuses.length ? section('regulatory-status', 'Regulatory status of its uses', table('use-statuses', ['Use', 'Status', 'Authority', 'Year', 'Restriction', 'Source'], statuses.map((s) =>
        html`<tr id="${anchorOf(s)}"><td>${view.links(graph.iris(s, prop.clinicalUse))}</td><td>${view.links(graph.iris(s, prop.regulatoryStatus))}</td><td>${graph.text(s, prop.regulatoryAuthority) ?? ''}</td><td>${graph.text(s, prop.year) ?? ''}</td><td>${graph.text(s, prop.restriction) ?? ''}</td><td>${view.links(graph.iris(s, prop.citation))}</td></tr>`))) : '',
      comparisons.length ? section('potency', 'More potent than', table('potency-comparisons', ['Than', 'At', 'Statement', 'Source'], comparisons.map((c) =>
        html`<tr id="${anchorOf(c)}"><td>${view.links(graph.iris(c, prop.morePotentThan))}</td><td>${view.links(graph.iris(c, prop.target))}</td><td>${graph.text(c, rdfs.comment) ?? ''}</td><td>${view.links(graph.iris(c, prop.citation))}</td></tr>`))) : '',
    ];
  },
  mechanism: (view, mechanism) => {
    const { graph } = view;
    const [drug, target, action] = [prop.drug, prop.target, prop.actionType].map((p) => graph.iri(mechanism, p));
    const effects = sortedParts(graph, mechanism, prop.hasEffect);
    const affinities = sortedParts(graph, mechanism, prop.hasAffinity);
    const caveats = sortedParts(graph, mechanism, prop.hasCaveat);
    const supportedBy = graph.iris(mechanism, prop.supportedBy);
    const derivedFrom = graph.iris(mechanism, prop.derivedFrom);
    const sourceSection = graph.text(mechanism, prop.sourceSection);
    const references = (iris: readonly string[], after: Content = '') => html`<ul class="references">
${iris.map((r) => html`<li>${citation(view, r)}${after}</li>
`)}</ul>`;
    return [
      facts([
        ['Drug', drug ? view.link(drug) : ''],
        ['Target', target ? view.link(target) : html`<span class="none">no single target</span>`],
        ['Action', action ? view.link(action) : ''],
        ['Directness', view.badge('directness', graph.iri(mechanism, prop.directness))],
        ['Strength', view.badge('strength', graph.iri(mechanism, prop.strength), 'not recorded')],
        ['Certainty', view.badge('certainty', graph.iri(mechanism, prop.certainty))],
        ['Systems', view.links(graph.iris(mechanism, prop.system))],
        ['Upstream (follows from)', view.links(graph.iris(mechanism, prop.downstreamOf), 'none')],
        ['Downstream (leads to)', view.links(graph.subjects(prop.downstreamOf, mechanism), 'none')],
        ['Contributes to', view.links(graph.iris(mechanism, prop.contributesTo))],
      ]),
      section('effects', 'Effects', effects.length ? effectsTable(view, effects) : html`<p class="none">None recorded.</p>`),
      section('evidence', 'Evidence', html`${supportedBy.length ? html`<h3>Supported by</h3>
${references(supportedBy)}` : html`<p class="warning">No supporting literature reference: only the source text backs this claim.</p>`}
${derivedFrom.length ? html`<h3>Taken from</h3>
${references(derivedFrom, sourceSection ? html`, section ${sourceSection}` : '')}` : ''}`),
      affinities.length ? section('affinities', 'Affinities', affinitiesTable(view, affinities)) : '',
      caveats.length ? section('caveats', 'Caveats', caveatList(view, caveats)) : '',
    ];
  },
  target: (view, target) => {
    const { graph } = view;
    const subunits = graph.iris(target, prop.hasSubunit);
    const complexes = graph.subjects(prop.hasSubunit, target);
    // What names it with pld:target: mechanisms, their affinities, drugs' potency comparisons.
    const naming = graph.subjects(prop.target, target);
    const mechanisms = naming.filter((s) => entityRef(s)?.kind === 'mechanism' && entityRef(s)?.part === undefined);
    const affinities = naming.filter((s) => entityRef(s)?.part !== undefined && graph.types(s).includes(cls.Affinity));
    const comparisons = naming.filter((s) => entityRef(s)?.part !== undefined && graph.types(s).includes(cls.PotencyComparison));
    const unbound = graph.subjects(prop.noAppreciableBindingAt, target);
    return [
      facts([
        ...(graph.text(target, prop.geneSymbol) ? [['Gene', graph.text(target, prop.geneSymbol)] as const] : []),
        ...(subunits.length ? [['Subunits', view.links(subunits)] as const] : []),
        ...(complexes.length ? [['Subunit of', view.links(complexes)] as const] : []),
        // Each drug's systems from its own mechanisms at this target: pld:affects pools them over drugs.
        ['Affects, by drug', byDrug(view, mechanisms, (m) => graph.iris(m, prop.system))],
      ]),
      section('mechanisms', 'Mechanisms acting on it', mechanismList(view, mechanisms, { showTarget: false })),
      affinities.length ? section('affinities', 'Affinities measured at it', affinitiesTable(view, affinities, { byDrug: true })) : '',
      comparisons.length ? section('potency', 'Potency compared at it', table('potency-comparisons', ['Drug', 'More potent than', 'Statement', 'Source'], comparisons.map((c) => {
        const drug = drugOfPart(view, c);
        return html`<tr id="${ownedAnchorOf(c)}"><td>${drug ? view.link(drug) : ''}</td><td>${view.links(graph.iris(c, prop.morePotentThan))}</td><td>${graph.text(c, rdfs.comment) ?? ''}</td><td>${view.links(graph.iris(c, prop.citation))}</td></tr>`;
      }))) : '',
      unbound.length ? section('no-appreciable-binding', 'Screened without appreciable binding', html`<p>${view.links(unbound)}</p>`) : '',
    ];
  },
  system: (view, system) => {
    const { graph } = view;
    const mechanisms = graph.subjects(prop.system, system);
    return [
      facts([
        ['Part of', view.links(graph.iris(system, prop.partOf))],
        ['Parts', view.links(graph.subjects(prop.partOf, system))],
        // Each drug's targets from its own mechanisms in this system: pld:affects pools them over drugs.
        ['Targets acting in it, by drug', byDrug(view, mechanisms, (m) => graph.iris(m, prop.target))],
        ['Processes in it', view.links(graph.subjects(prop.occursIn, system))],
      ]),
      section('mechanisms', 'Mechanisms acting in it', mechanismList(view, mechanisms)),
    ];
  },
  process: (view, process) => {
    const { graph } = view;
    const effects = graph.subjects(prop.process, process);
    return [
      facts([['Occurs in', view.links(graph.iris(process, prop.occursIn))]]),
      section('effects', 'Effects on it', effects.length ? table('effects', ['Mechanism', 'Effect', 'Direction', 'Valence'], effects.map((e) => {
        const owner = entityRef(e)?.entity;
        return html`<tr><td>${owner ? view.link(owner) : ''}</td><td>${view.link(e, graph.text(e, rdfs.label) ?? '')}</td>${directionCells(view, e)}</tr>`;
      })) : html`<p class="none">None recorded.</p>`),
    ];
  },
  use: (view, use) => {
    const { graph } = view;
    return [
      facts([
        ['Drugs', view.links(graph.subjects(prop.hasClinicalUse, use))],
        ['ChEBI role', view.links(graph.iris(use, prop.correspondingRole))],
      ]),
      section('mechanisms', 'Mechanisms contributing to it', mechanismList(view, graph.subjects(prop.contributesTo, use))),
    ];
  },
  reference: (view, reference) => {
    const { graph } = view;
    const citing = (p: string) => graph.subjects(p, reference);
    return [
      facts([
        ['Citation', citation(view, reference)],
        ['Type', view.links(graph.iris(reference, prop.referenceType))],
        ['Year', graph.text(reference, prop.year) ?? ''],
      ]),
      section('cited-by', 'Cited by', html`<dl class="facts">
<dt>supports</dt><dd>${view.links(citing(prop.supportedBy), 'none')}</dd>
<dt>source of</dt><dd>${view.links(citing(prop.derivedFrom), 'none')}</dd>
<dt>affinities and caveats</dt><dd>${view.links(citing(prop.citation), 'none', (p) => partName(view, p))}</dd>
</dl>`),
    ];
  },
  class: (view, pharmacologicClass) => {
    const { graph } = view;
    return [facts([
      ['Type', view.links(graph.iris(pharmacologicClass, prop.classType))],
      ['Drugs', view.links(graph.sortByLabel(graph.subjects(prop.inPharmacologicClass, pharmacologicClass)))],
    ])];
  },
  source: (view, release) => {
    const { graph } = view;
    return [facts([
      ['Database', graph.texts(release, prop.database).join(', ')],
      ['Licence', view.links(graph.iris(release, 'http://purl.org/dc/terms/license'))],
      ['Citation', view.links(graph.iris(release, prop.citation))],
    ])];
  },
};

/** The parts of an entity by a predicate, in IRI order (they have no label to sort by, a caveat for one). */
function sortedParts(graph: SiteGraph, entity: string, predicate: string): string[] {
  return graph.objects(entity, predicate).map((o) => o.value).sort(compareCodeUnits);
}
