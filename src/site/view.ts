// **view** renders terms of the graph for one page: an IRI the site has a page for becomes a relative link with its
// label, an external IRI an outbound link named by its source and identifier, a literal its text.
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { schemes } from '../identifiers.js';
import { compareCodeUnits, termToNTriples } from '../serialize/ntriples.js';
import { turtlePrefixes } from '../serialize/turtle.js';
import { owl, rdf, rdfs, skos } from '../vocab.js';
import { entityRef, localName, relativeHref, siteTarget, type SiteGraph } from './graph.js';
import { html, join, safeHref, type Content, type Html } from './html.js';

/** Names of the predicates from other vocabularies that every entity uses (ours have labels in the ontology). */
const wellKnownLabels: Readonly<Record<string, string>> = {
  [rdf.type]: 'type',
  [rdfs.label]: 'label',
  [rdfs.comment]: 'description',
  [skos.exactMatch]: 'exact match',
  [rdfs.subClassOf]: 'subclass of',
  [rdfs.domain]: 'domain',
  [rdfs.range]: 'range',
  [rdfs.isDefinedBy]: 'defined by',
  [skos.notation]: 'notation',
  [skos.prefLabel]: 'preferred label',
  [skos.definition]: 'definition',
  [skos.inScheme]: 'in scheme',
  [owl.inverseOf]: 'inverse of',
};

/** The identifier schemes, the longest IRI prefix first so `…/obo/CHEBI_` wins over a shorter one that also matches. */
const schemesByPrefix = Object.values(schemes).sort((a, b) => b.iriPrefix.length - a.iriPrefix.length);

/** An external IRI as its source and identifier (`ChEBI CHEBI:6121`): the identifier table run backwards. */
function externalName(iri: string): string | undefined {
  const scheme = schemesByPrefix.find((s) => iri.startsWith(s.iriPrefix) && iri.length > s.iriPrefix.length);
  return scheme && `${scheme.name} ${scheme.drop ?? ''}${iri.slice(scheme.iriPrefix.length)}`;
}

/** Longest namespace first, so `…/id/drug/` wins over a shorter namespace that also matches. */
const namespaces = Object.entries(turtlePrefixes).sort(([, a], [, b]) => b.length - a.length);

/** Turtle's PN_LOCAL, restricted to what needs no escape. */
const plainLocal = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

/** An IRI as a Turtle prefixed name when one fits, else in angle brackets. */
export function compactIri(iri: string): string {
  for (const [prefix, namespace] of namespaces) {
    const local = iri.startsWith(namespace) ? iri.slice(namespace.length) : undefined;
    if (local === '' || (local && plainLocal.test(local))) return `${prefix}:${local}`;
  }
  return termToNTriples(DataFactory.namedNode(iri));
}

/** The view of the graph from one page of the site. */
export class PageView {
  constructor(
    readonly graph: SiteGraph,
    /** The page's file, e.g. `id/drug/ketamine/index.html`. */
    readonly file: string,
  ) {}

  href(to: string): string {
    return relativeHref(this.file, to);
  }

  /** What a reader calls an IRI: its label in the graph, else its source and identifier, else the IRI. */
  name(iri: string): string {
    const label = this.graph.ownLabel(iri) ?? wellKnownLabels[iri];
    if (label !== undefined) return label;
    const named = externalName(iri);
    if (named) return named;
    // A part with no label of its own (a caveat) is named by its path: "caveat no-appreciable-binding".
    const part = entityRef(iri)?.part;
    if (part !== undefined) return this.graph.label(iri, part.split('/').join(' '));
    if (siteTarget(iri)) return this.graph.label(iri);
    const curie = compactIri(iri);
    return curie.startsWith('<') ? iri : curie;
  }

  /** An IRI as a link: to its page (or section) on the site, else out to it when it is a web IRI. */
  link(iri: string, text: Content = this.name(iri)): Html {
    const target = siteTarget(iri);
    if (target) return html`<a href="${this.href(target)}">${text}</a>`;
    const href = safeHref(iri);
    return href ? html`<a class="external" href="${href}" rel="external">${text}</a>` : html`<span class="iri">${text}</span>`;
  }

  /** Links to IRIs, in the order given, separated by commas; `none` is what no IRI reads as. */
  links(iris: readonly string[], none?: string, name = (iri: string): string => this.name(iri)): Html {
    if (iris.length === 0 && none !== undefined) return html`<span class="none">${none}</span>`;
    return join(iris.map((iri) => this.link(iri, name(iri))), ', ');
  }

  /** Any object of a triple. */
  term(term: Term): Html {
    if (term.termType === 'NamedNode') return this.link(term.value);
    if (term.termType === 'Literal') {
      const lang = term.language && term.language !== 'en' ? term.language : undefined;
      return lang ? html`<span lang="${lang}">${term.value}</span>` : html`${term.value}`;
    }
    return html`<span class="iri">${term.termType === 'BlankNode' ? `_:${term.value}` : term.value}</span>`;
  }

  /** The name of a predicate: its label, or the local name of an IRI nobody labelled. */
  predicateName(iri: string): string {
    return this.graph.ownLabel(iri) ?? wellKnownLabels[iri] ?? localName(iri);
  }

  /** A controlled term as a badge, e.g. directness "indirect", classed for the stylesheet. */
  badge(facet: string, iri: string | undefined, missing?: string): Html {
    if (!iri) return missing ? html`<span class="badge ${facet} unknown">${missing}</span>` : html``;
    return html`<span class="badge ${facet} ${facet}-${localName(iri).toLowerCase()}">${this.link(iri, this.graph.label(iri))}</span>`;
  }

  /** Objects sorted by what the page shows for them (IRIs by name, literals by text). */
  sortTerms(terms: readonly Term[]): Term[] {
    const keyed = terms.map((t) => ({ t, key: (t.termType === 'NamedNode' ? this.name(t.value) : t.value).toLowerCase() }));
    keyed.sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.t.value, b.t.value));
    return keyed.map((k) => k.t);
  }
}
