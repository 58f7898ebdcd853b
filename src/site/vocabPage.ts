// **vocabPage** documents the vocabulary from ontology/ itself: one section per class, property and
// controlled term, with the term's local name as its HTML id, so `https://w3id.org/pharmald/vocab#Drug`
// (served as /vocab#Drug) lands on it. Each term shows its label, comment, domain and range, and an
// example taken from the published data.
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { DefinedTerm, DefinedTermSet } from 'schema-dts';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { dcterms, owl, PLD, prefixes, prop, rdf, rdfs, skos } from '../vocab.js';
import { entityRef, localName, push, SiteGraph, termKey } from './graph.js';
import { html, type Content, type Html } from './html.js';
import { page } from './layout.js';
import { sitePaths } from './paths.js';
import { compactIri, turtleTriple } from './turtleSnippet.js';
import { PageView } from './view.js';

const rdfNil = `${prefixes.rdf}nil`;

/** The terms the ontology declares, grouped as the page lists them. */
export interface VocabularyTerms {
  readonly classes: readonly string[];
  /** Classes whose instances are controlled terms (subclasses of skos:Concept), with their terms. */
  readonly vocabularies: readonly { readonly cls: string; readonly terms: readonly string[]; readonly schemes: readonly string[] }[];
  readonly objectProperties: readonly string[];
  readonly datatypeProperties: readonly string[];
  /** Terms of other vocabularies that the ontology declares for its own use (RO has role). */
  readonly external: readonly string[];
}

export function vocabularyTerms(ontology: SiteGraph): VocabularyTerms {
  const declared = (type: string) => ontology.instances(type).filter((iri) => !iri.startsWith('_:'));
  const ours = (iris: readonly string[]) => sortByLocalName(iris.filter((iri) => iri.startsWith(PLD)));
  const conceptClasses = ours(declared(owl.Class).filter((c) => ontology.iris(c, rdfs.subClassOf).includes(skos.Concept)));
  const properties = [...declared(owl.ObjectProperty), ...declared(owl.DatatypeProperty)];
  return {
    classes: ours(declared(owl.Class)).filter((c) => !conceptClasses.includes(c)),
    vocabularies: conceptClasses.map((c) => {
      const terms = sortByLocalName(ontology.instances(c).filter((t) => t.startsWith(PLD)));
      const schemes = sortByLocalName(terms.flatMap((t) => ontology.iris(t, skos.inScheme)));
      return { cls: c, terms, schemes: [...new Set(schemes)] };
    }),
    objectProperties: ours(declared(owl.ObjectProperty)),
    datatypeProperties: ours(declared(owl.DatatypeProperty)),
    external: sortByLocalName(properties.filter((p) => !p.startsWith(PLD))),
  };
}

/** The HTML id of a term: its local name (`Drug`, `RO_0000087`). */
export function termAnchor(iri: string): string {
  return localName(iri);
}

export interface VocabularyPageInput {
  /** The published graph: the examples come from it. */
  readonly graph: SiteGraph;
  /** The ontology alone: what it declares is what the page lists. */
  readonly ontology: SiteGraph;
  readonly jsonLd: Html;
}

export function renderVocabularyPage({ graph, ontology, jsonLd }: VocabularyPageInput): string {
  const file = sitePaths.vocabulary;
  const view = new PageView(graph, file);
  const terms = vocabularyTerms(ontology);
  const header = ontology.instances(owl.Ontology)[0];
  const title = header ? ontology.label(header) : 'pharmald vocabulary';
  const description = header ? ontology.text(header, dcterms.description) : undefined;
  const version = header ? ontology.text(header, owl.versionInfo) : undefined;
  const example = exampleFinder(graph, ontology);

  const toc = (heading: string, id: string, iris: readonly string[]) => html`<li><a href="#${id}">${heading}</a>: ${iris.map((iri, i) => html`${i > 0 ? ', ' : ''}<a href="#${termAnchor(iri)}">${localName(iri)}</a>`)}</li>
`;
  const body = html`<article class="vocabulary">
<header>
<p class="kind">Vocabulary${version ? ` · version ${version}` : ''}</p>
<h1>${title}</h1>
<p class="iri"><code>${PLD}</code> (prefix <code>pld:</code>)</p>
</header>
${description ? html`<p class="description">${description}</p>` : ''}
<p>The ontology as Turtle: <a href="${view.href(sitePaths.vocabularyTurtle)}" type="${rdfFormats.turtle.mediaType}">index.ttl</a>. Each example is a triple of the published dataset; a property that no triple uses yet gets an illustrative one, marked as such.</p>
<nav class="toc" aria-label="Terms">
<ul>
${toc('Classes', 'classes', terms.classes)}${toc('Controlled vocabularies', 'vocabularies', terms.vocabularies.map((v) => v.cls))}${toc('Object properties', 'object-properties', terms.objectProperties)}${toc('Datatype properties', 'datatype-properties', terms.datatypeProperties)}${toc('Terms of other vocabularies', 'external-terms', terms.external)}</ul>
</nav>
<section id="classes">
<h2>Classes</h2>
${terms.classes.map((c) => classSection(view, ontology, c, example))}
</section>
<section id="vocabularies">
<h2>Controlled vocabularies</h2>
${terms.vocabularies.map((v) => classSection(view, ontology, v.cls, example, termsTable(ontology, v)))}
</section>
<section id="object-properties">
<h2>Object properties</h2>
${terms.objectProperties.map((p) => propertySection(view, ontology, p, example))}
</section>
<section id="datatype-properties">
<h2>Datatype properties</h2>
${terms.datatypeProperties.map((p) => propertySection(view, ontology, p, example))}
</section>
<section id="external-terms">
<h2>Terms of other vocabularies</h2>
${terms.external.map((p) => propertySection(view, ontology, p, example))}
</section>
</article>`;
  return page({
    file,
    title,
    alternates: [{ href: view.href(sitePaths.vocabularyTurtle), mediaType: rdfFormats.turtle.mediaType, name: rdfFormats.turtle.name }],
    jsonLd,
    trail: [['Dataset', sitePaths.index], ['Vocabulary', undefined]],
    body,
  });
}

/** The schema.org view of the vocabulary: a DefinedTermSet of its classes and properties. */
export function vocabularySchemaOrg(ontology: SiteGraph): DefinedTermSet {
  const terms = vocabularyTerms(ontology);
  const all = [...terms.classes, ...terms.vocabularies.flatMap((v) => [v.cls, ...v.terms]), ...terms.objectProperties, ...terms.datatypeProperties];
  const header = ontology.instances(owl.Ontology)[0];
  return {
    '@type': 'DefinedTermSet',
    '@id': PLD,
    name: header ? ontology.label(header) : 'pharmald vocabulary',
    hasDefinedTerm: all.map((iri): DefinedTerm => {
      const comment = ontology.text(iri, rdfs.comment) ?? ontology.text(iri, skos.definition);
      return {
        '@type': 'DefinedTerm',
        '@id': iri,
        name: ontology.label(iri),
        termCode: localName(iri),
        ...(comment === undefined ? {} : { description: comment }),
      };
    }),
  };
}

type Example = { readonly triple: readonly [Term, Term, Term]; readonly illustrative: boolean } | undefined;
type ExampleFinder = { forClass(cls: string): Example; forProperty(property: string): Example };

/**
 * Examples from the data: for a class, one instance; for a property, one triple that uses it. Entities
 * of the dataset are preferred to vocabulary terms; within each, the first in canonical order.
 * A property nothing uses yet gets an illustrative triple from an instance of its domain.
 */
function exampleFinder(graph: SiteGraph, ontology: SiteGraph): ExampleFinder {
  const typeTerm = DataFactory.namedNode(rdf.type);
  const preferData = (quads: readonly Quad[]) =>
    [...quads].sort((a, b) => dataRank(a.subject.value) - dataRank(b.subject.value) || compareCodeUnits(a.subject.value, b.subject.value) || compareCodeUnits(a.object.value, b.object.value))[0];
  const byPredicate = new Map<string, Quad[]>();
  for (const quad of graph.quads) if (quad.subject.termType === 'NamedNode') push(byPredicate, quad.predicate.value, quad);
  const forClass = (cls: string): Example => {
    const instance = preferData(graph.incoming(cls).filter((q) => q.predicate.value === rdf.type && q.subject.termType === 'NamedNode'));
    return instance ? { triple: [instance.subject, typeTerm, instance.object], illustrative: false } : undefined;
  };
  return {
    forClass,
    forProperty(property) {
      const used = preferData(byPredicate.get(property) ?? []);
      if (used) return { triple: [used.subject, used.predicate, used.object], illustrative: false };
      const domain = ontology.iri(property, rdfs.domain);
      const range = ontology.iri(property, rdfs.range);
      const subject = domain ? forClass(domain)?.triple[0] : undefined;
      if (!subject) return undefined;
      const rangeInstance = range ? forClass(range)?.triple[0] : undefined;
      const object = rangeInstance ?? placeholder(range);
      return { triple: [subject, DataFactory.namedNode(property), object], illustrative: true };
    },
  };
}

/** Entities of the data first, then their parts, then anything else (vocabulary terms). */
function dataRank(subject: string): number {
  const ref = entityRef(subject);
  return ref ? (ref.part === undefined ? 0 : 1) : 2;
}

/** A literal of the range's datatype with no value in it, for an illustrative example. */
function placeholder(range: string | undefined): Term {
  const datatype = range ?? `${prefixes.xsd}string`;
  if (datatype === `${prefixes.rdf}langString`) return DataFactory.literal('…', 'en');
  return DataFactory.literal('…', DataFactory.namedNode(datatype));
}

function exampleRow(view: PageView, example: Example): Html {
  if (!example) return html`<dt>example</dt><dd><span class="none">no instance in the dataset</span></dd>`;
  const [s, p, o] = example.triple;
  const objectView = o.termType === 'NamedNode' ? view.link(o.value) : view.term(o);
  return html`<dt>example</dt><dd>${example.illustrative ? html`<span class="note">Illustrative: no triple in the dataset uses this property yet.</span> ` : ''}${view.link(s.value, subjectName(view, s.value))} · ${view.predicateName(p.value)} · ${objectView}<pre><code>${turtleTriple(s, p, o)}</code></pre></dd>`;
}

function subjectName(view: PageView, iri: string): string {
  const ref = entityRef(iri);
  if (ref?.part === undefined) return view.name(iri);
  const label = view.graph.text(iri, rdfs.label);
  return `${ref.part}${label ? ` (${label})` : ''} of ${view.graph.label(ref.entity)}`;
}

function classSection(view: PageView, ontology: SiteGraph, cls: string, example: ExampleFinder, extra: Content = ''): Html {
  const superclasses = ontology.iris(cls, rdfs.subClassOf);
  const subclasses = ontology.subjects(rdfs.subClassOf, cls);
  const domainOf = sortByLocalName(ontology.subjects(rdfs.domain, cls).concat(unionMembersOf(ontology, cls, rdfs.domain)));
  const rangeOf = sortByLocalName(ontology.subjects(rdfs.range, cls).concat(unionMembersOf(ontology, cls, rdfs.range)));
  return html`<section id="${termAnchor(cls)}" class="term">
<h3>${ontology.label(cls)} <code>${compactIri(cls)}</code></h3>
<dl class="facts">
<dt>IRI</dt><dd><code>${cls}</code></dd>
<dt>label</dt><dd>${ontology.label(cls)}</dd>
<dt>comment</dt><dd>${ontology.text(cls, rdfs.comment) ?? ''}</dd>
${superclasses.length ? html`<dt>subclass of</dt><dd>${view.links(superclasses)}</dd>` : ''}
${subclasses.length ? html`<dt>subclasses</dt><dd>${view.links(subclasses)}</dd>` : ''}
<dt>domain of</dt><dd>${domainOf.length ? view.links(domainOf) : html`<span class="none">no property</span>`}</dd>
<dt>range of</dt><dd>${rangeOf.length ? view.links(rangeOf) : html`<span class="none">no property</span>`}</dd>
${exampleRow(view, example.forClass(cls))}
</dl>
${extra}
</section>
`;
}

function propertySection(view: PageView, ontology: SiteGraph, property: string, example: ExampleFinder): Html {
  const kind = ontology.types(property).includes(owl.DatatypeProperty) ? 'datatype property' : 'object property';
  const inverse = ontology.iris(property, owl.inverseOf);
  return html`<section id="${termAnchor(property)}" class="term">
<h3>${ontology.label(property)} <code>${compactIri(property)}</code></h3>
<dl class="facts">
<dt>IRI</dt><dd><code>${property}</code></dd>
<dt>label</dt><dd>${ontology.label(property)}</dd>
<dt>comment</dt><dd>${ontology.text(property, rdfs.comment) ?? ''}</dd>
<dt>kind</dt><dd>${kind}</dd>
<dt>domain</dt><dd>${classExpression(view, ontology, property, rdfs.domain)}</dd>
<dt>range</dt><dd>${classExpression(view, ontology, property, rdfs.range)}</dd>
${inverse.length ? html`<dt>inverse of</dt><dd>${view.links(inverse)}</dd>` : ''}
${exampleRow(view, example.forProperty(property))}
</dl>
</section>
`;
}

/** A domain or range: a class, a union of classes ("A or B"), or not declared. */
function classExpression(view: PageView, ontology: SiteGraph, property: string, predicate: string): Html {
  const values = ontology.objects(property, predicate);
  if (values.length === 0) return html`<span class="none">not declared</span>`;
  return html`${values.map((value, i) => {
    const members = value.termType === 'BlankNode' ? listMembers(ontology, ontology.objects(termKey(value), owl.unionOf)[0]) : [];
    return html`${i > 0 ? '; ' : ''}${value.termType === 'NamedNode' ? view.link(value.value) : html`${members.map((m, j) => html`${j > 0 ? ' or ' : ''}${view.link(m)}`)}`}`;
  })}`;
}

/** The properties whose domain (or range) is a union that includes the class. */
function unionMembersOf(ontology: SiteGraph, cls: string, predicate: string): string[] {
  return ontology.quads
    .filter((q) => q.predicate.value === predicate && q.object.termType === 'BlankNode' && q.subject.termType === 'NamedNode')
    .filter((q) => listMembers(ontology, ontology.objects(termKey(q.object), owl.unionOf)[0]).includes(cls))
    .map((q) => q.subject.value);
}

/** The IRIs of an RDF list. */
function listMembers(ontology: SiteGraph, list: Term | undefined): string[] {
  const members: string[] = [];
  let node = list;
  while (node && node.value !== rdfNil && members.length < 1000) {
    const first = ontology.objects(termKey(node), rdf.first)[0];
    if (first?.termType === 'NamedNode') members.push(first.value);
    node = ontology.objects(termKey(node), rdf.rest)[0];
  }
  return members;
}

/** A controlled vocabulary's terms, each row with the term's local name as its id. */
function termsTable(ontology: SiteGraph, vocabulary: VocabularyTerms['vocabularies'][number]): Html {
  const mappingProperties = [prop.chemblActionType, prop.gtopdbType, prop.gtopdbAction];
  const mapped = vocabulary.terms.some((t) => mappingProperties.some((p) => ontology.text(t, p) !== undefined));
  return html`<table class="terms"${vocabulary.schemes[0] ? html` id="${termAnchor(vocabulary.schemes[0])}"` : ''}>
<caption>${ontology.label(vocabulary.cls)}: the closed list${vocabulary.schemes[0] ? html` (${compactIri(vocabulary.schemes[0])})` : ''}</caption>
<thead><tr><th scope="col">term</th><th scope="col">code in the YAML</th><th scope="col">definition</th>${mapped ? html`<th scope="col">ChEMBL</th><th scope="col">Guide to Pharmacology</th>` : ''}</tr></thead>
<tbody>
${vocabulary.terms.map((t) => html`<tr id="${termAnchor(t)}"><th scope="row">${ontology.label(t)} <code>${compactIri(t)}</code></th><td><code>${ontology.text(t, skos.notation) ?? ''}</code></td><td>${ontology.text(t, skos.definition) ?? ontology.text(t, rdfs.comment) ?? ''}</td>${mapped ? html`<td>${ontology.text(t, mappingProperties[0]!) ?? ''}</td><td>${[ontology.text(t, mappingProperties[1]!), ontology.text(t, mappingProperties[2]!)].filter(Boolean).join(' / ')}</td>` : ''}</tr>
`)}</tbody>
</table>`;
}

function sortByLocalName(iris: readonly string[]): string[] {
  return [...new Set(iris)].sort((a, b) => compareCodeUnits(localName(a).toLowerCase(), localName(b).toLowerCase()) || compareCodeUnits(a, b));
}
