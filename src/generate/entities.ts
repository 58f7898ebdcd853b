// **entities** is what the schema-side generators (zod, TypeScript, JSON Schema, checks) read off a model
// description: its data file sections, the name of each entity's type, the codes of a vocabulary, and the
// rules that can be checked on the YAML alone.
import type {
  Condition, DeriveContext, Entity, EntityDescription, Field, GroupField, ModelDescription, Rule,
} from '../model/description.js';

/** A function of an object whose result is made once per object (a description, a table of fields). */
export function once<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** The sections of a data file in the description's order: its key (`clinical_uses`), its entity's key (`clinicalUse`). */
export function sectionsOf(description: ModelDescription) {
  return Object.entries(description.entities).flatMap(([entity, e]) =>
    e.section === undefined ? [] : [{ section: e.section, entity, description: e }]);
}

/** How messages name an entity kind: its IRI segment when it has one (`use`), else its key. */
export function kindName(description: ModelDescription, entity: string): string {
  const subject = description.entities[entity]?.subject;
  return subject && subject.kind !== 'identifier' ? subject.segment : entity;
}

/**
 * The name of each entity's type: its class for the first entity of that class (`Caveat`), else its key in
 * PascalCase (`screen` → `Screen`).
 */
export function typeNames(description: ModelDescription): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [key, entity] of Object.entries(description.entities)) {
    const name = taken.has(entity.class) ? key[0]!.toUpperCase() + key.slice(1) : entity.class;
    taken.add(entity.class);
    names.set(key, name);
  }
  return names;
}

/** The codes of a vocabulary, in its order. */
export function codesOf(description: ModelDescription, vocabulary: string): readonly [string, ...string[]] {
  const terms = description.vocabularies[vocabulary]?.terms;
  if (!terms) throw new Error(`the model has no vocabulary "${vocabulary}"`);
  return terms.map((term) => term.code) as [string, ...string[]];
}

/** A condition on a field's value (not on the class). */
export type FieldCondition = Exclude<Condition, { readonly class: string }>;
/** A rule whose two conditions are on fields, and that is an error when broken: the YAML can be checked for it. */
export type FieldRule = Rule & { readonly when: FieldCondition; readonly then: FieldCondition };

export function fieldRules(entity: EntityDescription): readonly FieldRule[] {
  return (entity.rules ?? []).filter((rule): rule is FieldRule =>
    'field' in rule.when && 'field' in rule.then && rule.severity !== 'warning');
}

/** The value at a path of fields (`identifiers.uniprot`). */
export function valueAt(entity: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, step) =>
    (value !== null && typeof value === 'object' ? (value as Entity)[step] : undefined), entity);
}

export function holds(condition: FieldCondition, entity: unknown): boolean {
  const value = valueAt(entity, condition.field);
  // An empty list is no value, as in the graph (sh:minCount 1).
  if ('is' in condition) return (value !== undefined && !(Array.isArray(value) && value.length === 0)) === (condition.is === 'present');
  if ('from' in condition) return typeof value === 'number' && value >= condition.from && value <= condition.to;
  return typeof value === 'string' && condition.in.includes(value);
}

/** A field a data file may leave out: an optional value or list, or one that falls back to another's value. */
export function isOptional(field: Field): boolean {
  if (field.kind === 'id') return false;
  if (field.kind === 'ref' && field.fallback) return true;
  return field.cardinality === 'optional' || field.cardinality === 'many';
}

/** Whether a field is a list in YAML. */
export function isList(field: Field): boolean {
  return field.kind !== 'id' && (field.cardinality === 'many' || field.cardinality === 'some');
}

/** The fields of an entity with their YAML paths, a group's inner fields under the group (`identifiers.uniprot`). */
export function flatFields(entity: EntityDescription): FlatField[] {
  return Object.entries(entity.fields).flatMap(([name, field]): FlatField[] => field.kind === 'group'
    ? Object.entries(field.fields).map(([inner, f]) => ({ name: `${name}.${inner}`, field: f, inGroup: field }))
    : [{ name, field }]);
}

export interface FlatField {
  readonly name: string;
  readonly field: Field;
  readonly inGroup?: GroupField;
}

/** The name of the field that names an entity (kind `id`), if it has one. */
export function idFieldOf(entity: EntityDescription): string | undefined {
  return Object.entries(entity.fields).find(([, field]) => field.kind === 'id')?.[0];
}

/** A YAML mapping (an entity or a group), not a list or a scalar. */
export const isEntity = (value: unknown): value is Entity => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The values of a field as a list: a list as it is, one value as a list of one, nothing as an empty list. */
export function valuesOf(value: unknown): readonly unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The `referencing` of a DeriveContext over loaded data: the entities of a kind whose field names an id, from
 * an index built once per (entity, field) pair when it is first asked for.
 */
export function referencingIndex(description: ModelDescription, data: Readonly<Record<string, readonly Entity[] | undefined>>): DeriveContext['referencing'] {
  const indexes = new Map<string, Map<string, Entity[]>>();
  return (entity, field, id) => {
    const key = `${entity}\0${field}`;
    let index = indexes.get(key);
    if (!index) {
      index = new Map();
      const section = description.entities[entity]?.section;
      if (section === undefined) throw new Error(`${entity} is not a top-level entity: referencing reaches those only`);
      for (const item of data[section] ?? []) {
        for (const value of valuesOf(item[field])) {
          if (typeof value !== 'string') continue;
          const list = index.get(value) ?? [];
          if (list.push(item) === 1) index.set(value, list);
        }
      }
      indexes.set(key, index);
    }
    return index.get(id) ?? [];
  };
}
