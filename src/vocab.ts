// **vocab** is the one table of namespaces and IRIs. pharmald's own classes, properties and controlled terms
// are read from the model description (src/model/pharmald.ts), so a new field or term is never written here;
// the YAML names a term by its code (`channel-blocker`), the RDF by its IRI (`pld:ChannelBlocker`).
import { pharmald } from './model/pharmald.js';

type Model = typeof pharmald;

export const PLD = pharmald.namespace;
export const ID = 'https://w3id.org/pharmald/id/';

export const prefixes = {
  pld: PLD,
  pldid: ID,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  sh: 'http://www.w3.org/ns/shacl#',
  obo: 'http://purl.obolibrary.org/obo/',
} as const;

/** Terms of a namespace by local name: `terms(prefixes.rdf, ['type'])` → { type: '…#type' }. */
const terms = <K extends string>(namespace: string, names: readonly K[]): Readonly<Record<K, string>> =>
  Object.fromEntries(names.map((n) => [n, `${namespace}${n}`])) as Record<K, string>;

export const rdf = terms(prefixes.rdf, ['type', 'first', 'rest', 'nil', 'langString']);
export const rdfs = terms(prefixes.rdfs, ['label', 'comment', 'domain', 'range', 'subClassOf', 'isDefinedBy']);
export const owl = terms(prefixes.owl, ['Class', 'ObjectProperty', 'DatatypeProperty', 'Ontology', 'unionOf', 'inverseOf', 'versionInfo', 'versionIRI']);
export const dcterms = terms(prefixes.dcterms, ['title', 'description']);
export const xsd = terms(prefixes.xsd, ['string', 'decimal', 'integer', 'gYear', 'date', 'nonNegativeInteger', 'hexBinary']);
export const skos = terms(prefixes.skos, ['exactMatch', 'Concept', 'ConceptScheme', 'inScheme', 'notation', 'prefLabel', 'definition', 'scopeNote']);

/** A term of the pharmald vocabulary. */
export const pld = (localName: string): string => `${PLD}${localName}`;

/** Relation Ontology "has role" (RO:0000087): drug → ChEBI role. */
export const hasRole = pharmald.properties.hasRole.iri;

type ClassName = Model['entities'][keyof Model['entities']]['class'] | keyof Model['classes'];
/** The classes of pharmald: each entity's, and the extra ones (pld:ProteinComplex). */
export const cls = terms(PLD, [...new Set([
  ...Object.values(pharmald.entities).map((e) => e.class), ...Object.keys(pharmald.classes),
])] as ClassName[]);

type Properties = Model['properties'];
type PropertyName = { [K in keyof Properties]: Properties[K] extends { readonly iri: string } ? never : K }[keyof Properties];
/** The properties of pharmald (those in its namespace). */
export const prop = terms(PLD, Object.entries(pharmald.properties).filter(([, p]) => !('iri' in p)).map(([name]) => name as PropertyName));

type Vocabularies = Model['vocabularies'];
export type VocabularyName = keyof Vocabularies;
export type Code<V extends VocabularyName> = Vocabularies[V]['terms'][number]['code'];

/** A controlled vocabulary: its class, and each code with the local name of its IRI. */
export interface ControlledVocabulary<C extends string = string> {
  readonly className: string;
  readonly terms: Readonly<Record<C, string>>;
}

export const vocabularies = Object.fromEntries(Object.entries(pharmald.vocabularies).map(([name, v]) => [name, {
  className: v.className,
  terms: Object.fromEntries(v.terms.map((t) => [t.code, t.name])),
}])) as { readonly [V in VocabularyName]: ControlledVocabulary<Code<V>> };

/** The IRI of a controlled term, from its vocabulary and code. */
export function termIri<V extends VocabularyName>(vocabulary: V, code: Code<V>): string {
  const local = (vocabularies[vocabulary].terms as Readonly<Record<string, string>>)[code];
  if (local === undefined) throw new Error(`unknown ${vocabulary} code ${code}`);
  return pld(local);
}
