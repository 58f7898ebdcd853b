// **fields** says, for each predicate of the data, which YAML fields it can come from, so that a SHACL result
// (src/validate/report.ts) points at the line that made it and a changelog (src/release/diff.ts) names fields
// as curators know them. A group's fields are found under the group's name (the entity's own key: `source`,
// `identifiers`); derived fields are never in YAML and are left out. A field whose triples are its owner's
// (onOwner: a screen's targets) is also found under the owner's part field (`no_appreciable_binding`).
import type { Field, ModelDescription } from '../model/description.js';

/** A property's IRI, by its name in the description (`label` → rdfs:label, `target` → pld:target). */
export function propertyIri(description: ModelDescription, name: string): string {
  const property = description.properties[name];
  if (!property) throw new Error(`unknown property ${name}`);
  return property.iri ?? description.namespace + name;
}

/** Predicate IRI → the YAML field names it can come from, in the description's order (the first one the entity has wins). */
export function fieldsOfPredicate(description: ModelDescription): Readonly<Record<string, readonly string[]>> {
  const fields: Record<string, string[]> = {};
  for (const [entityName, entity] of Object.entries(description.entities)) {
    for (const [name, field] of Object.entries(entity.fields)) {
      const names = field.onOwner ? [name, ...partFields(description, entityName)] : [name];
      for (const property of propertiesOf(field)) {
        const known = (fields[propertyIri(description, property)] ??= []);
        known.push(...names.filter((n) => !known.includes(n)));
      }
    }
  }
  return fields;
}

/** The part fields that hold entities of `entity` (a drug's `no_appreciable_binding` holds a screen). */
function partFields(description: ModelDescription, entity: string): string[] {
  return Object.values(description.entities).flatMap((owner) =>
    Object.entries(owner.fields).flatMap(([name, field]) => (field.kind === 'part' && field.entity === entity ? [name] : [])));
}

/** The properties a field's triples have (a group's are its fields'). */
function propertiesOf(field: Field): readonly string[] {
  switch (field.kind) {
    case 'id':
    case 'derived':
      return [];
    case 'group':
      return Object.values(field.fields).flatMap(propertiesOf);
    case 'identifier':
      return field.literal === undefined ? [field.property] : [field.property, field.literal];
    default:
      return [field.property];
  }
}
