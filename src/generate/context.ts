// **context** generates the JSON-LD context of the dataset (dist/context.jsonld) from the model description, so
// the names a web developer reads (`actsOn`, `label`, `"actionType": "ChannelBlocker"`) are the description's
// and can never drift from the IRIs in the Turtle: a term per class, per controlled term and per property, each
// property coerced as its fields' values are (IRIs, controlled terms, English texts, typed literals).
import type { ModelDescription } from '../model/description.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { prefixes, rdf, xsd } from '../vocab.js';
import { describedProperties, propertyIri } from './fields.js';
import { propertyUsages, RDF_PROPERTY, type Usage } from './ontology.js';

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
  const usages = propertyUsages(description);
  for (const name of Object.keys(describedProperties(description))) {
    const iri = propertyIri(description, name);
    if (iri === rdf.type) continue; // `type` is @type
    const usage = usages.get(name)?.[0];
    if (!usage) throw new Error(`property ${name}: no field or mapping says what its values are`);
    context[name] = { '@id': iri, ...coercionOf(description, usage) };
  }
  return { '@context': Object.fromEntries(Object.entries(context).sort(([a], [b]) => compareCodeUnits(a, b))) };
}

/** How a property's values are written, from the first field (or mapping) that uses it. */
function coercionOf(description: ModelDescription, { kind, range }: Usage): Coercion {
  if (kind === 'datatype') return range === rdf.langString ? { '@language': 'en' } : range === xsd.string ? {} : { '@type': range! };
  const vocabularies = Object.values(description.vocabularies).map((v) => `${description.namespace}${v.className}`);
  return range === RDF_PROPERTY || vocabularies.includes(range!) ? { '@type': '@vocab' } : { '@type': '@id' };
}
