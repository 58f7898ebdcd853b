// **fields** says, for each predicate of the data, which YAML fields it can come from, so that a SHACL result
// (src/validate/report.ts) points at the line that made it and a changelog (src/release/diff.ts) names fields
// as curators know them. A group's fields are found under the group's name (the entity's own key: `source`,
// `identifiers`); derived fields are never in YAML and are left out. A field whose triples are its owner's
// (onOwner: a screen's targets) is also found under the owner's part field (`no_appreciable_binding`).
import type { Field, ModelDescription, PropertyDescription } from '../model/description.js';
import { flatFields, once } from './entities.js';

/**
 * Every property the model uses: the description's table, and pld:{name} for a field's property that the table
 * does not list, labelled from its name and documented by the field's doc — so a new field is one declaration.
 */
export const describedProperties = once((description: ModelDescription): Readonly<Record<string, PropertyDescription>> => {
  const all: Record<string, PropertyDescription> = { ...description.properties };
  for (const entity of Object.values(description.entities)) {
    for (const { field } of flatFields(entity)) {
      for (const name of propertiesOf(field)) {
        all[name] ??= { label: name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`), comment: field.doc };
      }
    }
  }
  return all;
});

/** A property's IRI, by its name in the description (`label` → rdfs:label, `target` → pld:target). */
export function propertyIri(description: ModelDescription, name: string): string {
  const property = describedProperties(description)[name];
  if (!property) throw new Error(`unknown property ${name}`);
  return property.iri ?? description.namespace + name;
}

/** Predicate IRI → the YAML field names it can come from, in the description's order (the first one the entity has wins). */
export const fieldsOfPredicate = once((description: ModelDescription): Readonly<Record<string, readonly string[]>> => {
  const fields: Record<string, string[]> = {};
  for (const [entityName, entity] of Object.entries(description.entities)) {
    for (const { name, field } of flatFields(entity)) {
      const yamlName = name.split('.')[0]!;
      const names = field.onOwner ? [yamlName, ...partFields(description, entityName)] : [yamlName];
      for (const property of propertiesOf(field)) {
        const known = (fields[propertyIri(description, property)] ??= []);
        known.push(...names.filter((n) => !known.includes(n)));
      }
    }
  }
  return fields;
});

/** The property that says how close a vocabulary term's mapping is (`broadMapping`). */
export const precisionProperty = (mapping: { readonly precision?: 'exact' | 'close' | 'broad' | 'narrow' }): string => `${mapping.precision ?? 'exact'}Mapping`;

/** The part fields that hold entities of `entity` (a drug's `no_appreciable_binding` holds a screen). */
function partFields(description: ModelDescription, entity: string): string[] {
  return Object.values(description.entities).flatMap((owner) =>
    Object.entries(owner.fields).flatMap(([name, field]) => (field.kind === 'part' && field.entity === entity ? [name] : [])));
}

/** The properties a field's triples have. */
function propertiesOf(field: Field): readonly string[] {
  if (field.kind === 'id' || field.kind === 'derived' || field.kind === 'group') return [];
  return field.kind === 'identifier' && field.literal !== undefined ? [field.property, field.literal] : [field.property];
}
