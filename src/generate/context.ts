// **context** generates the JSON-LD context of the dataset (dist/context.jsonld) from the model description, so
// the names a web developer reads (`actsOn`, `label`, `"actionType": "ChannelBlocker"`) are the description's
// and can never drift from the IRIs in the Turtle: a term per class, per controlled term and per property, each
// property coerced as its fields' values are (IRIs, controlled terms, English texts, typed literals).
import type { Field, ModelDescription } from '../model/description.js';
import { prefixes, rdf, xsd } from '../vocab.js';
import { describedProperties, precisionProperty, propertyIri } from './fields.js';
import { flatFields } from './entities.js';

export type TermDefinition = string | { '@id': string; '@type'?: string; '@language'?: string; '@container'?: string };
type Coercion = Omit<Exclude<TermDefinition, string>, '@id'>;

/** The JSON-LD context of the dataset. */
export function jsonLdContext(description: ModelDescription): { '@context': Record<string, TermDefinition> } {
  const context: Record<string, TermDefinition> = {
    // Vocabulary prefixes only: entity and external IRIs stay whole, as a web page expects them.
    ...Object.fromEntries(Object.entries({ ...prefixes, pld: description.namespace }).filter(([name]) => !['sh', 'pldid', 'obo'].includes(name))),
    id: '@id',
    type: '@type',
  };
  const ns = description.namespace;
  const classes = [...Object.values(description.entities).map((e) => e.class), ...Object.keys(description.classes ?? {})];
  for (const name of classes) context[name] = `${ns}${name}`;
  for (const vocabulary of Object.values(description.vocabularies)) {
    for (const term of vocabulary.terms) context[term.name] = `${ns}${term.name}`;
  }
  const coercions = propertyCoercions(description);
  for (const name of Object.keys(describedProperties(description))) {
    const iri = propertyIri(description, name);
    if (iri === rdf.type) continue; // `type` is @type
    const coercion = coercions.get(name);
    if (!coercion) throw new Error(`property ${name}: no field or mapping says what its values are`);
    context[name] = { '@id': iri, ...coercion };
  }
  return { '@context': sortKeys(context) };
}

/** Property name → how its values are written, from the first field (or mapping) that uses it. */
function propertyCoercions(description: ModelDescription): Map<string, Coercion> {
  const coercions = new Map<string, Coercion>();
  const set = (property: string, coercion: Coercion) => coercions.has(property) || coercions.set(property, coercion);
  for (const entity of Object.values(description.entities)) {
    for (const { field } of flatFields(entity)) {
      if (!('property' in field)) continue;
      set(field.property, coercionOf(field));
      if (field.kind === 'identifier' && field.literal) set(field.literal, {});
    }
  }
  for (const vocabulary of Object.values(description.vocabularies)) {
    for (const mapping of vocabulary.terms.flatMap((t) => t.mappings ?? [])) {
      set(mapping.property, {});
      set(precisionProperty(mapping), { '@type': '@vocab' });
    }
  }
  return coercions;
}

function coercionOf(field: Exclude<Field, { kind: 'id' | 'group' }>): Coercion {
  switch (field.kind) {
    case 'text': return { '@language': 'en' };
    case 'string': return {};
    case 'integer': return { '@type': field.datatype };
    case 'decimal': return { '@type': xsd.decimal };
    case 'code': return { '@type': '@vocab' };
    case 'derived': return field.range === 'text' ? { '@language': 'en' } : { '@type': '@id' };
    default: return { '@type': '@id' };
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
