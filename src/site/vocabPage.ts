// **vocabPage** documents the ontology: a section per class, property and controlled term, its local name as its HTML id
// (so `…/vocab#Drug` lands on it), with label, comment, domain, range and an example from the published data.
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { DefinedTerm, DefinedTermSet } from 'schema-dts';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits, termToNTriples } from '../serialize/ntriples.js';
import { dcterms, owl, PLD, prefixes, prop, rdf, rdfs, skos } from '../vocab.js';
import { termKey } from '../validate/terms.js';
import { entityRef, groupBy, localName, SiteGraph, sitePaths } from './graph.js';
import { html, join, type Content, type Html } from './html.js';
import { page } from './layout.js';
import { section, table } from './parts.js';
import { compactIri, PageView } from './view.js';

const rdfNil = `${prefixes.rdf}nil`;

/** The terms the ontology declares, grouped as the page lists them, and the ontology's own IRI and title. */
function vocabularyTerms(ontology: SiteGraph) {
  const ours = (iris: readonly string[]) => sortByLocalName(iris.filter((iri) => iri.startsWith(PLD)));
  const conceptClasses = ours(ontology.instances(owl.Class).filter((c) => ontology.iris(c, rdfs.subClassOf).includes(skos.Concept)));
  const properties = [...ontology.instances(owl.ObjectProperty), ...ontology.instances(owl.DatatypeProperty)];
  const header = ontology.instances(owl.Ontology)[0];
  return {
    header,
    title: header ? ontology.label(header) : 'pharmald vocabulary',
    classes: ours(ontology.instances(owl.Class)).filter((c) => !conceptClasses.includes(c)),
    // Classes whose instances are controlled terms (subclasses of skos:Concept), with their terms and schemes.
    vocabularies: conceptClasses.map((c) => {
      const terms = sortByLocalName(ontology.instances(c).filter((t) => t.startsWith(PLD)));
      const schemes = sortByLocalName(terms.flatMap((t) => ontology.iris(t, skos.inScheme)));
      return { cls: c, terms, schemes: [...new Set(schemes)] };
    }),
    objectProperties: ours(ontology.instances(owl.ObjectProperty)),
    datatypeProperties: ours(ontology.instances(owl.DatatypeProperty)),
    // Terms of other vocabularies that the ontology declares for its own use (RO has role).
    external: sortByLocalName(properties.filter((p) => !p.startsWith(PLD))),
  };
}

/** The vocabulary page: what the ontology alone declares, with examples from the published graph. */
export function renderVocabularyPage(graph: SiteGraph, ontology: SiteGraph, jsonLd: Html): string {
  const file = sitePaths.vocabulary;
  const view = new PageView(graph, file);
  const terms = vocabularyTerms(ontology);
  const description = terms.header && ontology.text(terms.header, dcterms.description);
  const version = terms.header && ontology.text(terms.header, owl.versionInfo);
  const example = exampleFinder(graph, ontology);
  const property = (p: string) => propertySection(view, ontology, p, example);
  const groups: readonly (readonly [string, string, readonly string[], (iri: string, i: number) => Html])[] = [
    ['Classes', 'classes', terms.classes, (c) => classSection(view, ontology, c, example)],
    ['Controlled vocabularies', 'vocabularies', terms.vocabularies.map((v) => v.cls),
      (c, i) => classSection(view, ontology, c, example, termsTable(ontology, terms.vocabularies[i]!))],
    ['Object properties', 'object-properties', terms.objectProperties, property],
    ['Datatype properties', 'datatype-properties', terms.datatypeProperties, property],
    ['Terms of other vocabularies', 'external-terms', terms.external, property],
  ];
  const turtle = rdfFormats.turtle;
  const body = html`<article class="vocabulary">
<header>
<p class="kind">Vocabulary${version ? ` · version ${version}` : ''}</p>
<h1>${terms.title}</h1>
<p class="iri"><code>${PLD}</code> (prefix <code>pld:</code>)</p>
</header>
${description ? html`<p class="description">${description}</p>` : ''}
<p>The ontology as Turtle: <a href="${view.href(sitePaths.vocabularyTurtle)}" type="${turtle.mediaType}">index.ttl</a>. Each example is a triple of the published dataset; a property that no triple uses yet gets an illustrative one, marked as such.</p>
<nav class="toc" aria-label="Terms">
<ul>
${groups.map(([heading, id, iris]) => html`<li><a href="#${id}">${heading}</a>: ${join(iris.map((iri) => html`<a href="#${localName(iri)}">${localName(iri)}</a>`), ', ')}</li>
`)}</ul>
</nav>
${groups.map(([heading, id, iris, render]) => section(id, heading, iris.map(render)))}</article>`;
  const alternate = { href: view.href(sitePaths.vocabularyTurtle), mediaType: turtle.mediaType, name: turtle.name };
  const trail = [['Dataset', sitePaths.index], ['Vocabulary', undefined]] as const;
  return page({ file, title: terms.title, alternates: [alternate], jsonLd, trail, body });
}

/** The schema.org view of the vocabulary: a DefinedTermSet of its classes and properties. */
export function vocabularySchemaOrg(ontology: SiteGraph): DefinedTermSet {
  const terms = vocabularyTerms(ontology);
  const all = [...terms.classes, ...terms.vocabularies.flatMap((v) => [v.cls, ...v.terms]), ...terms.objectProperties, ...terms.datatypeProperties];
  return {
    '@type': 'DefinedTermSet',
    '@id': PLD,
    name: terms.title,
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

type Example = { readonly triple: readonly [Term, Term, Term]; readonly illustrative: boolean };
type ExampleFinder = { forClass(cls: string): Example; forProperty(property: string): Example };

/** Examples: a class's first instance, a property's first triple (entities before terms), else one made up. */
function exampleFinder(graph: SiteGraph, ontology: SiteGraph): ExampleFinder {
  const typeTerm = DataFactory.namedNode(rdf.type);
  const preferData = (quads: readonly Quad[]) =>
    [...quads].sort((a, b) => dataRank(a.subject.value) - dataRank(b.subject.value) || compareCodeUnits(a.subject.value, b.subject.value) || compareCodeUnits(a.object.value, b.object.value))[0];
  const byPredicate = groupBy(graph.quads.filter((q) => q.subject.termType === 'NamedNode'), (q) => q.predicate.value);
  const forClass = (cls: string): Example => {
    const instance = preferData(graph.incoming(cls).filter((q) => q.predicate.value === rdf.type && q.subject.termType === 'NamedNode'));
    // A class the data does not use yet (an imported kind, in a curated-only build) gets a made-up instance.
    return instance ? { triple: [instance.subject, typeTerm, instance.object], illustrative: false }
      : { triple: [DataFactory.blankNode('example'), typeTerm, DataFactory.namedNode(cls)], illustrative: true };
  };
  return {
    forClass,
    forProperty(property) {
      const used = preferData(byPredicate.get(property) ?? []);
      if (used) return { triple: [used.subject, used.predicate, used.object], illustrative: false };
      const domain = ontology.iri(property, rdfs.domain);
      // A union domain has no one class to take an instance of: a made-up subject.
      const subject = domain ? forClass(domain).triple[0] : DataFactory.blankNode('example');
      const range = ontology.iri(property, rdfs.range);
      const object = range ? forClass(range) : undefined;
      return { triple: [subject, DataFactory.namedNode(property), object && !object.illustrative ? object.triple[0] : placeholder(range)], illustrative: true };
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
  const [s, p, o] = example.triple;
  const subject = s.termType === 'BlankNode' ? 'an instance' : view.link(s.value, subjectName(view, s.value));
  const note = p.value === rdf.type ? 'no instance of this class is in the dataset yet' : 'no triple in the dataset uses this property yet';
  return html`<dt>example</dt><dd>${example.illustrative ? html`<span class="note">Illustrative: ${note}.</span> ` : ''}${subject} · ${view.predicateName(p.value)} · ${view.term(o)}<pre><code>${turtleTriple(s, p, o)}</code></pre></dd>`;
}

/** One triple as a line of Turtle with the dataset's prefixes (`a` for rdf:type), for a reader to paste into a query. */
function turtleTriple(...terms: readonly [Term, Term, Term]): string {
  const turtle = (t: Term) => (t.termType === 'NamedNode' ? compactIri(t.value) : t.termType === 'BlankNode' ? `_:${t.value}` : termToNTriples(t));
  return `${terms.map((t, i) => (i === 1 && t.value === rdf.type ? 'a' : turtle(t))).join(' ')} .`;
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
  return termSection(ontology, cls, html`${superclasses.length ? html`<dt>subclass of</dt><dd>${view.links(superclasses)}</dd>` : ''}
${subclasses.length ? html`<dt>subclasses</dt><dd>${view.links(subclasses)}</dd>` : ''}
<dt>domain of</dt><dd>${view.links(propertiesOf(ontology, cls, rdfs.domain), 'no property')}</dd>
<dt>range of</dt><dd>${view.links(propertiesOf(ontology, cls, rdfs.range), 'no property')}</dd>
${exampleRow(view, example.forClass(cls))}`, html`${extra}
`);
}

function propertySection(view: PageView, ontology: SiteGraph, property: string, example: ExampleFinder): Html {
  const kind = ontology.types(property).includes(owl.DatatypeProperty) ? 'datatype property' : 'object property';
  const inverse = ontology.iris(property, owl.inverseOf);
  return termSection(ontology, property, html`<dt>kind</dt><dd>${kind}</dd>
<dt>domain</dt><dd>${classExpression(view, ontology, property, rdfs.domain)}</dd>
<dt>range</dt><dd>${classExpression(view, ontology, property, rdfs.range)}</dd>
${inverse.length ? html`<dt>inverse of</dt><dd>${view.links(inverse)}</dd>` : ''}
${exampleRow(view, example.forProperty(property))}`);
}

/** A term's section: heading, IRI, label and comment, then the `facts` of its sort and what follows the list. */
function termSection(ontology: SiteGraph, iri: string, facts: Html, after: Content = ''): Html {
  return html`<section id="${localName(iri)}" class="term">
<h3>${ontology.label(iri)} <code>${compactIri(iri)}</code></h3>
<dl class="facts">
<dt>IRI</dt><dd><code>${iri}</code></dd>
<dt>label</dt><dd>${ontology.label(iri)}</dd>
<dt>comment</dt><dd>${ontology.text(iri, rdfs.comment) ?? ''}</dd>
${facts}
</dl>
${after}</section>
`;
}

/** A domain or range: a class, a union of classes ("A or B"), or not declared. */
function classExpression(view: PageView, ontology: SiteGraph, property: string, predicate: string): Html {
  const values = ontology.objects(property, predicate);
  if (values.length === 0) return html`<span class="none">not declared</span>`;
  const union = (value: Term) => join(unionMembers(ontology, value).map((m) => view.link(m)), ' or ');
  const link = (value: Term) => (value.termType === 'NamedNode' ? view.link(value.value) : union(value));
  return join(values.map(link), '; ');
}

/** The properties whose domain (or range) is the class or a union that includes it, by local name. */
function propertiesOf(ontology: SiteGraph, cls: string, predicate: string): string[] {
  const inUnion = ontology.quads
    .filter((q) => q.predicate.value === predicate && q.object.termType === 'BlankNode' && q.subject.termType === 'NamedNode')
    .filter((q) => unionMembers(ontology, q.object).includes(cls));
  return sortByLocalName([...ontology.subjects(predicate, cls), ...inUnion.map((q) => q.subject.value)]);
}

/** The IRIs of an owl:unionOf list. */
function unionMembers(ontology: SiteGraph, union: Term): string[] {
  const members: string[] = [];
  let node = ontology.objects(termKey(union), owl.unionOf)[0];
  while (node && node.value !== rdfNil && members.length < 1000) {
    const first = ontology.objects(termKey(node), rdf.first)[0];
    if (first?.termType === 'NamedNode') members.push(first.value);
    node = ontology.objects(termKey(node), rdf.rest)[0];
  }
  return members;
}

/** A controlled vocabulary's terms, each row with the term's local name as its id. */
function termsTable(ontology: SiteGraph, vocabulary: ReturnType<typeof vocabularyTerms>['vocabularies'][number]): Html {
  const [chembl, gtopdbType, gtopdbAction] = [prop.chemblActionType, prop.gtopdbType, prop.gtopdbAction];
  const text = (t: string, p: string) => ontology.text(t, p);
  const mapped = vocabulary.terms.some((t) => [chembl, gtopdbType, gtopdbAction].some((p) => text(t, p) !== undefined));
  const scheme = vocabulary.schemes[0];
  const rows = vocabulary.terms.map((t) => html`<tr id="${localName(t)}"><th scope="row">${ontology.label(t)} <code>${compactIri(t)}</code></th><td><code>${text(t, skos.notation) ?? ''}</code></td><td>${text(t, skos.definition) ?? text(t, rdfs.comment) ?? ''}</td>${mapped ? html`<td>${text(t, chembl) ?? ''}</td><td>${[text(t, gtopdbType), text(t, gtopdbAction)].filter(Boolean).join(' / ')}</td>` : ''}</tr>`);
  return table('terms', ['term', 'code in the YAML', 'definition', mapped && 'ChEMBL', mapped && 'Guide to Pharmacology'], rows, {
    id: scheme && localName(scheme),
    caption: html`${ontology.label(vocabulary.cls)}: the closed list${scheme ? html` (${compactIri(scheme)})` : ''}`,
  });
}

function sortByLocalName(iris: readonly string[]): string[] {
  return [...new Set(iris)].sort((a, b) => compareCodeUnits(localName(a).toLowerCase(), localName(b).toLowerCase()) || compareCodeUnits(a, b));
}
