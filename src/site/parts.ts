// **parts** renders the pieces several pages share: sections, tables, fact lists, mechanisms, citations, and the
// parts of a claim (effects, affinities, caveats) with the HTML id their IRI maps to (`…/effect/y` lands on its row).
import { compareCodeUnits } from '../serialize/ntriples.js';
import { prop, rdfs } from '../vocab.js';
import { entityRef, partAnchor } from './graph.js';
import { html, join, type Content, type Html } from './html.js';
import type { PageView } from './view.js';

/** The HTML id of a part IRI on its owner's page. */
export function anchorOf(iri: string): string {
  const part = entityRef(iri)?.part;
  if (part === undefined) throw new Error(`not a part IRI: ${iri}`);
  return partAnchor(part);
}

/**
 * The HTML id of a part IRI on a page that shows the parts of several owners (a target's affinities, from every
 * mechanism at it): the owner's kind and id, then the part's anchor (`mechanism-x-affinity-dat-ki`), so that two
 * owners' parts with the same path keep distinct ids. Links still go to the part on its owner's page.
 */
export function ownedAnchorOf(iri: string): string {
  const ref = entityRef(iri);
  if (ref?.part === undefined) throw new Error(`not a part IRI: ${iri}`);
  return `${ref.kind}-${ref.id}-${partAnchor(ref.part)}`;
}

/** The drug a part speaks for: the drug it belongs to, or the drug of the mechanism it belongs to. */
export function drugOfPart(view: PageView, part: string): string | undefined {
  const owner = entityRef(part)?.entity;
  if (owner === undefined) return undefined;
  return entityRef(owner)?.kind === 'drug' ? owner : view.graph.iri(owner, prop.drug);
}

/**
 * What some mechanisms name, drug by drug (one line each, `ketamine: brain, spinal cord`), from each drug's own
 * mechanisms only: never a pooled link such as pld:affects, which would credit one drug with another's claim.
 * Drugs in label order, values in label order; empty when no mechanism names any value.
 */
export function byDrug(view: PageView, mechanisms: readonly string[], values: (mechanism: string) => readonly string[]): Html {
  const { graph } = view;
  const perDrug = new Map<string, string[]>();
  for (const m of mechanisms) {
    const drug = graph.iri(m, prop.drug);
    const named = values(m);
    if (drug === undefined || named.length === 0) continue;
    perDrug.set(drug, [...(perDrug.get(drug) ?? []), ...named]);
  }
  return join(graph.sortByLabel([...perDrug.keys()]).map((drug) =>
    html`<span class="by-drug">${view.link(drug)}: ${view.links(graph.sortByLabel(perDrug.get(drug)!))}</span>`), html`<br>`);
}

/** A list of mechanisms with drug, target and action, and their directness, strength and certainty. */
export function mechanismList(view: PageView, mechanisms: readonly string[], options: { readonly showDrug?: boolean; readonly showTarget?: boolean } = {}): Html {
  if (mechanisms.length === 0) return html`<p class="none">None.</p>`;
  const { graph } = view;
  return html`<ul class="mechanisms">
${mechanisms.map((m) => {
    const [drug, target, action] = [prop.drug, prop.target, prop.actionType].map((p) => graph.iri(m, p));
    const via = target
      ? html`${action ? view.link(action) : ''}${options.showTarget !== false ? html`${action ? ' at ' : ''}${view.link(target)}` : ''}`
      : html`no single target`;
    const badge = (facet: 'directness' | 'strength' | 'certainty', missing?: string) =>
      view.badge(facet, graph.iri(m, prop[facet]), missing);
    const badges = [badge('directness'), badge('strength', 'strength not recorded'), badge('certainty')];
    return html`<li>${view.link(m)} <span class="meta">${options.showDrug !== false && drug ? html`${view.link(drug)} → ` : ''}${via}</span> <span class="qualities">${join(badges, ' ')}</span></li>
`;
  })}</ul>`;
}

/** The effects of a mechanism: what process changes, which way, and whether that is wanted. */
export function effectsTable(view: PageView, effects: readonly string[]): Html {
  const { graph } = view;
  // A dose column only where the direction of some effect depends on the dose.
  const hasDose = effects.some((e) => graph.iri(e, prop.doseLevel) !== undefined);
  return table('effects', ['Effect', 'Process', hasDose && 'Dose', 'Direction', 'Valence'], effects.map((e) =>
    html`<tr id="${anchorOf(e)}"><td>${graph.text(e, rdfs.label) ?? ''}</td><td>${view.links(graph.iris(e, prop.process))}</td>${hasDose ? html`<td>${view.links(graph.iris(e, prop.doseLevel))}</td>` : ''}${directionCells(view, e)}</tr>`));
}

export function directionCells(view: PageView, effect: string): Html {
  const badge = (facet: string, p: string) => html`<td>${view.badge(facet, view.graph.iri(effect, p))}</td>`;
  return html`${badge('direction', prop.direction)}${badge('valence', prop.valence)}`;
}

/**
 * Affinities exactly as their sources report them (assay and species columns only when some row has them). With
 * `byDrug` (a page that gathers the affinities of several mechanisms, e.g. a target's), a Drug column first, the
 * rows in drug order, and row ids that name the mechanism too (see ownedAnchorOf).
 */
export function affinitiesTable(view: PageView, affinities: readonly string[], options: { readonly byDrug?: boolean } = {}): Html {
  const { graph } = view;
  const hasAssay = affinities.some((a) => graph.text(a, prop.assay) !== undefined);
  const hasSpecies = affinities.some((a) => graph.text(a, prop.species) !== undefined);
  const drugOf = (a: string) => drugOfPart(view, a);
  const rows = options.byDrug ? inDrugOrder(view, affinities, drugOf) : affinities;
  return table('affinities', [options.byDrug === true && 'Drug', 'Target', 'Measure', 'Value', hasAssay && 'Assay', hasSpecies && 'Species', 'Source'], rows.map((a) => {
    const value = graph.text(a, prop.affinityValue);
    const uncertainty = graph.text(a, prop.affinityUncertainty);
    const unit = graph.text(a, prop.affinityUnit);
    const drug = drugOf(a);
    return html`<tr id="${options.byDrug ? ownedAnchorOf(a) : anchorOf(a)}">${options.byDrug ? html`<td>${drug ? view.link(drug) : ''}</td>` : ''}<td>${view.links(graph.iris(a, prop.target))}</td><td>${view.links(graph.iris(a, prop.affinityMeasure))}</td><td class="number">${value ?? ''}${uncertainty ? ` ± ${uncertainty}` : ''}${unit ? ` ${unit}` : ''}</td>${hasAssay ? html`<td>${graph.text(a, prop.assay) ?? ''}</td>` : ''}${hasSpecies ? html`<td>${graph.text(a, prop.species) ?? ''}</td>` : ''}<td>${view.links(graph.iris(a, prop.citation))}</td></tr>`;
  }));
}

/** Parts in the label order of their drugs, then in IRI order (a part has no label of its own to sort by). */
function inDrugOrder(view: PageView, parts: readonly string[], drugOf: (part: string) => string | undefined): string[] {
  const key = (p: string) => { const d = drugOf(p); return d === undefined ? '' : view.graph.label(d).toLowerCase(); };
  return [...parts].sort((a, b) => compareCodeUnits(key(a), key(b)) || compareCodeUnits(a, b));
}

/** Caveats: the literature's qualifications of a claim, with what they cite. */
export function caveatList(view: PageView, caveats: readonly string[]): Html {
  const { graph } = view;
  return html`<ul class="caveats">
${caveats.map((c) => {
    const cited = graph.iris(c, prop.citation);
    return html`<li id="${anchorOf(c)}">${graph.text(c, rdfs.comment) ?? graph.text(c, rdfs.label) ?? ''}${cited.length ? html` <span class="cited">(${view.links(cited)})</span>` : ''}</li>
`;
  })}</ul>`;
}

/** A reference as a citation, with PubMed and DOI links for readers (the identifier IRIs are for machines). */
export function citation(view: PageView, reference: string): Html {
  const { graph } = view;
  const pmid = graph.text(reference, prop.pmid);
  const doi = graph.text(reference, prop.doi);
  const type = graph.iri(reference, prop.referenceType);
  const pubmedUrl = pmid && `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
  const doiUrl = doi && `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
  return html`${view.link(reference)}${type ? html` <span class="meta">${graph.label(type)}</span>` : ''}${pmid ? html` <a class="external" rel="external" href="${pubmedUrl}">PubMed ${pmid}</a>` : ''}${doi ? html` <a class="external" rel="external" href="${doiUrl}">doi:${doi}</a>` : ''}`;
}

/** A table: its class, column headings (false: no such column) and rows (`<tr>` elements). */
export function table(
  cls: string, columns: readonly (string | false)[], rows: readonly Html[],
  options: { readonly id?: string | undefined; readonly caption?: Content } = {},
): Html {
  return html`<table class="${cls}"${options.id ? html` id="${options.id}"` : ''}>
${options.caption ? html`<caption>${options.caption}</caption>
` : ''}<thead><tr>${columns.map((c) => c !== false && html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => html`${row}
`)}</tbody>
</table>`;
}

export function section(id: string, title: string, content: Content): Html {
  return html`<section id="${id}">
<h2>${title}</h2>
${content}
</section>
`;
}

/** A definition list of facts; an empty value reads "not recorded". */
export function facts(rows: readonly (readonly [string, Content])[]): Html {
  return html`<dl class="facts">
${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value === '' || value === undefined ? html`<span class="none">not recorded</span>` : value}</dd>
`)}</dl>`;
}

/** A part as a reader names it: "effect reduced glutamatergic signalling (Ketamine blocks the NMDA receptor channel)". */
export function partName(view: PageView, part: string): string {
  const { graph } = view;
  const owner = entityRef(part)?.entity;
  const kind = graph.types(part).map((t) => graph.label(t))[0] ?? 'part';
  const label = graph.text(part, rdfs.label);
  return `${kind}${label ? ` ${label}` : ''}${owner ? ` (${graph.label(owner)})` : ''}`;
}
