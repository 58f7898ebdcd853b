// **context** derives the JSON-LD context from the vocabulary tables, so the names a web developer reads
// (`actsOn`, `label`, `"actionType": "ChannelBlocker"`) can never drift from the IRIs in the Turtle.
import { cls, hasRole, pld, prefixes, prop, rdfs, skos, vocabularies, xsd } from '../vocab.js';

export type TermDefinition = string | { '@id': string; '@type'?: string; '@language'?: string; '@container'?: string };

/** Properties whose values are controlled terms: compacted to the term's short name. */
const vocabValued: ReadonlySet<string> = new Set([
  prop.actionType, prop.directness, prop.strength, prop.certainty, prop.direction, prop.valence,
  prop.referenceType, prop.affinityMeasure,
]);

/** Datatype properties, by their datatype; a language-tagged string is `en`. */
const literalProperties: Readonly<Record<string, { '@type'?: string; '@language'?: string }>> = {
  [prop.drugClass]: { '@language': 'en' },
  [prop.geneSymbol]: {},
  [prop.pmid]: {},
  [prop.doi]: {},
  [prop.year]: { '@type': xsd.gYear },
  [prop.affinityValue]: { '@type': xsd.decimal },
  [prop.affinityUncertainty]: { '@type': xsd.decimal },
  [prop.affinityUnit]: {},
  [prop.assay]: { '@language': 'en' },
  [prop.species]: { '@language': 'en' },
  [prop.sourceSection]: {},
};

/** The JSON-LD context of the dataset (dist/context.jsonld). */
export function jsonLdContext(): { '@context': Record<string, TermDefinition> } {
  const context: Record<string, TermDefinition> = {
    // Vocabulary prefixes only: entity and external IRIs stay whole, as a web page expects them.
    ...Object.fromEntries(Object.entries(prefixes).filter(([name]) => !['sh', 'pldid', 'obo'].includes(name))),
    id: '@id',
    type: '@type',
    label: { '@id': rdfs.label, '@language': 'en' },
    description: { '@id': rdfs.comment, '@language': 'en' },
    exactMatch: { '@id': skos.exactMatch, '@type': '@id' },
    hasRole: { '@id': hasRole, '@type': '@id' },
  };
  for (const [name, iri] of Object.entries(cls)) context[name] = iri;
  for (const vocabulary of Object.values(vocabularies)) {
    for (const local of Object.values(vocabulary.terms)) context[local] = pld(local);
  }
  for (const [name, iri] of Object.entries(prop)) {
    const literal = literalProperties[iri];
    if (literal) context[name] = { '@id': iri, ...literal };
    else context[name] = { '@id': iri, '@type': vocabValued.has(iri) ? '@vocab' : '@id' };
  }
  return { '@context': sortKeys(context) };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
