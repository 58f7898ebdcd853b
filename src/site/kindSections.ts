// **kindSections** are what each kind of entity page shows first: a drug's diagram and mechanisms by system, a
// mechanism's claim and evidence, a target's mechanisms and affinities, what cites a reference, …
import type { EntityKind } from '../model/kinds.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { hasRole, prop, rdfs } from '../vocab.js';
import { diagramLegend, type Diagram } from './diagram.js';
import { entityRef, type SiteGraph } from './graph.js';
import { html, raw, type Content } from './html.js';
import { affinitiesTable, anchorOf, caveatList, citation, directionCells, effectsTable, facts, mechanismList, partName, section, table } from './parts.js';
import type { PageView } from './view.js';

export const kindSections: Readonly<Record<EntityKind, (view: PageView, entity: string, diagram?: Diagram) => Content>> = {
  drug: drugSections,
  mechanism: mechanismSections,
  target: targetSections,
  system: systemSections,
  process: processSections,
  use: useSections,
  reference: referenceSections,
};

function drugSections(view: PageView, drug: string, diagram?: Diagram): Content {
  const { graph } = view;
  const mechanisms = graph.iris(drug, prop.hasMechanism);
  const systems = graph.sortByLabel(mechanisms.flatMap((m) => graph.iris(m, prop.system)));
  const untargeted = graph.iris(drug, prop.noAppreciableBindingAt);
  const caveats = graph.iris(drug, prop.hasCaveat);
  const statuses = graph.iris(drug, prop.hasUseStatus);
  return [
    facts([
      ['Drug classes', graph.texts(drug, prop.drugClass).join(', ')],
      ['Clinical uses', view.links(graph.iris(drug, prop.hasClinicalUse))],
      ['Roles (ChEBI)', view.links(graph.iris(drug, hasRole))],
      ['Acts on', view.links(graph.iris(drug, prop.actsOn))],
    ]),
    diagram ? section('diagram', 'Mechanism diagram', html`<figure class="diagram">
${raw(diagram.svg)}
<figcaption>${diagramLegend(view)}</figcaption>
</figure>`) : '',
    section('mechanisms-by-system', 'Mechanisms by system', systems.map((system) => html`<h3>${view.link(system)}</h3>
${mechanismList(view, mechanisms.filter((m) => graph.iris(m, prop.system).includes(system)), { showDrug: false })}
`)),
    untargeted.length ? section('no-appreciable-binding', 'No appreciable binding', html`<p>Screened without appreciable binding at: ${view.links(untargeted)}.</p>`) : '',
    caveats.length ? section('caveats', 'Caveats', caveatList(view, caveats)) : '',
    statuses.length ? section('regulatory-status', 'Regulatory status of its uses', table('use-statuses', ['Use', 'Status', 'Authority', 'Year', 'Restriction', 'Source'], statuses.map((s) =>
      html`<tr id="${anchorOf(s)}"><td>${view.links(graph.iris(s, prop.clinicalUse))}</td><td>${view.links(graph.iris(s, prop.regulatoryStatus))}</td><td>${graph.text(s, prop.regulatoryAuthority) ?? ''}</td><td>${graph.text(s, prop.year) ?? ''}</td><td>${graph.text(s, prop.restriction) ?? ''}</td><td>${view.links(graph.iris(s, prop.citation))}</td></tr>`))) : '',
  ];
}

function mechanismSections(view: PageView, mechanism: string): Content {
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
}

function targetSections(view: PageView, target: string): Content {
  const { graph } = view;
  const subunits = graph.iris(target, prop.hasSubunit);
  const complexes = graph.subjects(prop.hasSubunit, target);
  const affinities = graph.subjects(prop.target, target).filter((s) => entityRef(s)?.part !== undefined);
  const unbound = graph.subjects(prop.noAppreciableBindingAt, target);
  return [
    facts([
      ...(graph.text(target, prop.geneSymbol) ? [['Gene', graph.text(target, prop.geneSymbol)] as const] : []),
      ...(subunits.length ? [['Subunits', view.links(subunits)] as const] : []),
      ...(complexes.length ? [['Subunit of', view.links(complexes)] as const] : []),
      ['Affects', view.links(graph.iris(target, prop.affects))],
    ]),
    section('mechanisms', 'Mechanisms acting on it', mechanismList(view, graph.subjects(prop.target, target).filter((s) => entityRef(s)?.kind === 'mechanism' && entityRef(s)?.part === undefined), { showTarget: false })),
    affinities.length ? section('affinities', 'Affinities measured at it', affinitiesTable(view, affinities)) : '',
    unbound.length ? section('no-appreciable-binding', 'Screened without appreciable binding', html`<p>${view.links(unbound)}</p>`) : '',
  ];
}

function systemSections(view: PageView, system: string): Content {
  const { graph } = view;
  return [
    facts([
      ['Part of', view.links(graph.iris(system, prop.partOf))],
      ['Parts', view.links(graph.subjects(prop.partOf, system))],
      ['Targets acting in it', view.links(graph.subjects(prop.affects, system))],
      ['Processes in it', view.links(graph.subjects(prop.occursIn, system))],
    ]),
    section('mechanisms', 'Mechanisms acting in it', mechanismList(view, graph.subjects(prop.system, system))),
  ];
}

function processSections(view: PageView, process: string): Content {
  const { graph } = view;
  const effects = graph.subjects(prop.process, process);
  return [
    facts([['Occurs in', view.links(graph.iris(process, prop.occursIn))]]),
    section('effects', 'Effects on it', effects.length ? table('effects', ['Mechanism', 'Effect', 'Direction', 'Valence'], effects.map((e) => {
      const owner = entityRef(e)?.entity;
      return html`<tr><td>${owner ? view.link(owner) : ''}</td><td>${view.link(e, graph.text(e, rdfs.label) ?? '')}</td>${directionCells(view, e)}</tr>`;
    })) : html`<p class="none">None recorded.</p>`),
  ];
}

function useSections(view: PageView, use: string): Content {
  const { graph } = view;
  return [
    facts([
      ['Drugs', view.links(graph.subjects(prop.hasClinicalUse, use))],
      ['ChEBI role', view.links(graph.iris(use, prop.correspondingRole))],
    ]),
    section('mechanisms', 'Mechanisms contributing to it', mechanismList(view, graph.subjects(prop.contributesTo, use))),
  ];
}

function referenceSections(view: PageView, reference: string): Content {
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
}

/** The parts of an entity by a predicate, in IRI order (they have no label to sort by, a caveat for one). */
function sortedParts(graph: SiteGraph, entity: string, predicate: string): string[] {
  return graph.objects(entity, predicate).map((o) => o.value).sort(compareCodeUnits);
}
