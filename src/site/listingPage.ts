// **listingPage** is the listing of one kind of entity: inline on the index while the kind is small, else grouped by
// the first letter of each label on pages of their own (id/drug/index.html, id/drug/a.html), so that no page of a
// large dataset holds thousands of links.
import type { Quad } from '@rdfjs/types';
import type { OutputFile } from '../io/atomicWrite.js';
import { kindInfo, type EntityKind } from '../model/kinds.js';
import { canonicalQuads } from '../serialize/canonical.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { cls, prop, rdf, rdfs } from '../vocab.js';
import { kindTitle } from './entityPage.js';
import { entityPage, sitePaths, type SiteGraph } from './graph.js';
import { html, join, type Html } from './html.js';
import { jsonLdScript, page } from './layout.js';
import { PageView } from './view.js';

/** The most entities of a kind that the index lists itself; a larger kind gets letter pages. */
export const inlineLimit = 100;

/** Whether the index lists a kind's entities itself (else it links to the kind's letter pages). */
export function listedInline(count: number): boolean {
  return count <= inlineLimit;
}

/** One line that tells entries of a kind apart (a target's type, a mechanism's drug and target). */
export const summaries: Partial<Record<EntityKind, (graph: SiteGraph, entity: string) => string>> = {
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

/** The summary of an entity, or '' for a kind without one. */
export function summaryOf(graph: SiteGraph, kind: EntityKind, entity: string): string {
  return summaries[kind]?.(graph, entity) ?? '';
}

/** A label lower-cased with its accents dropped (`Émile` → `emile`), so that it files under its plain letter. */
export function foldLabel(label: string): string {
  return label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The letter groups in page order: digits, a to z, then everything else. */
const letters = ['0-9', ...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** The group (and file name) of a label: `a`…`z`, `0-9`, or `other`. */
export function letterOf(label: string): string {
  const first = foldLabel(label).trimStart()[0] ?? '';
  if (/[a-z]/.test(first)) return first;
  return /[0-9]/.test(first) ? '0-9' : 'other';
}

/** The entities under one letter, in folded-label order (then IRI, so equal labels keep one order). */
export interface LetterGroup {
  readonly letter: string;
  readonly entities: readonly string[];
}

/** The non-empty letter groups of a kind, in page order. */
export function letterGroups(graph: SiteGraph, kind: EntityKind): LetterGroup[] {
  const keyed = graph.entities(kind).map((iri) => ({ iri, key: foldLabel(graph.label(iri)) }));
  keyed.sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.iri, b.iri));
  return letters
    .map((letter) => ({ letter, entities: keyed.filter((k) => letterOf(k.key) === letter).map((k) => k.iri) }))
    .filter((group) => group.entities.length > 0);
}

/** The type and label of each entity: what a listing of them says, as data. */
export function typeAndLabelQuads(graph: SiteGraph, entities: readonly string[]): Quad[] {
  const listed = (q: Quad) => q.predicate.value === rdf.type || q.predicate.value === rdfs.label;
  return canonicalQuads(entities.flatMap((e) => graph.outgoing(e).filter(listed)));
}

/** Entries as list items: a link to the entity's page and its summary. */
export function entryItems(view: PageView, kind: EntityKind, entities: readonly string[]): Html[] {
  const { graph } = view;
  return entities.map((e) => {
    const summary = summaryOf(graph, kind, e);
    return html`<li><a href="${view.href(entityPage(e))}">${graph.label(e)}</a>${summary && html` <span class="meta">${summary}</span>`}</li>
`;
  });
}

/** Links to a kind's letter pages, each with its count; `current` is the letter of the page that shows it. */
export function letterNav(view: PageView, kind: EntityKind, groups: readonly LetterGroup[], current?: string): Html {
  const items = groups.map(({ letter, entities }) => {
    const href = view.href(sitePaths.letterListing(kind, letter));
    const marked = letter === current ? html` aria-current="page"` : '';
    return html`<li><a href="${href}"${marked}>${letterName(letter)}</a> <span class="meta">${entities.length}</span></li>`;
  });
  return html`<nav class="letters" aria-label="${kindTitle(kind, true)} by letter"><ul>${join(items, ' ')}</ul></nav>`;
}

/** How a page names a letter group: `A`, `0-9`, `other`. */
export function letterName(letter: string): string {
  return letter.length === 1 ? letter.toUpperCase() : letter;
}

const countOf = (kind: EntityKind, count: number) => `${count} ${count === 1 ? kindInfo[kind].name : kindInfo[kind].plural}`;

/** id/<kind>/index.html: the letters of a kind, each with its count. */
function renderKindListing(graph: SiteGraph, kind: EntityKind, groups: readonly LetterGroup[]): string {
  const file = sitePaths.kindListing(kind);
  const view = new PageView(graph, file);
  const count = groups.reduce((sum, g) => sum + g.entities.length, 0);
  const title = kindTitle(kind, true);
  const body = html`<h1>${title}</h1>
<p>${countOf(kind, count)}, by the first letter of their name.</p>
${letterNav(view, kind, groups)}
`;
  // It lists letters, not entities: its data is the empty graph, as every page carries a JSON-LD script.
  return page({ file, title, jsonLd: jsonLdScript([]), trail: [['Dataset', sitePaths.index], [title, undefined]], body });
}

/** id/<kind>/<letter>.html: the entities of a kind under one letter. */
function renderLetterPage(graph: SiteGraph, kind: EntityKind, groups: readonly LetterGroup[], group: LetterGroup): string {
  const file = sitePaths.letterListing(kind, group.letter);
  const view = new PageView(graph, file);
  const kindName = kindTitle(kind, true);
  const title = `${kindName}: ${letterName(group.letter)}`;
  const body = html`<h1>${title}</h1>
${letterNav(view, kind, groups, group.letter)}
<p>${countOf(kind, group.entities.length)}.</p>
<ul class="entities">
${entryItems(view, kind, group.entities)}</ul>
`;
  const trail = [['Dataset', sitePaths.index], [kindName, sitePaths.kindListing(kind)], [letterName(group.letter), undefined]] as const;
  return page({ file, title, jsonLd: jsonLdScript(typeAndLabelQuads(graph, group.entities)), trail, body });
}

/** The listing files of a large kind: its letters page, then one page per non-empty letter. */
export function listingFiles(graph: SiteGraph, kind: EntityKind, groups: readonly LetterGroup[]): OutputFile[] {
  return [
    { name: sitePaths.kindListing(kind), content: renderKindListing(graph, kind, groups) },
    ...groups.map((group) => ({ name: sitePaths.letterListing(kind, group.letter), content: renderLetterPage(graph, kind, groups, group) })),
  ];
}
