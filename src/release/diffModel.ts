// **diffModel** is what a diff reads off the model description: the kinds a curator edits, the YAML field each
// predicate comes from, the parts and which of them are source records (provenance, not content), which fields
// are lists, which are identifiers, and which fields name an added or removed entity at a glance.
import { fieldsOfPredicate, propertyIri } from '../generate/fields.js';
import type { Field, ModelDescription } from '../model/description.js';
import { partKinds, type PartKind } from '../model/kinds.js';
import { origins } from '../model/provenance.js';

export interface DiffModel {
  /** Class IRI → the kind a curator edits (the first entity of that class). */
  readonly kindOfClass: ReadonlyMap<string, { readonly entity: string; readonly label: string }>;
  /** Predicate IRI → the YAML fields it comes from: a change is named by the field a curator edits. */
  readonly fieldsOf: Readonly<Record<string, readonly string[]>>;
  /** Parts (a mechanism's effects) belong to an owner, and are compared as part of it. */
  readonly parts: readonly PartKind[];
  readonly partClasses: ReadonlySet<string>;
  readonly partIri: RegExp;
  /** Links that parts, or other entities, already report: counting them again would only repeat a change. */
  readonly skipped: ReadonlySet<string>;
  /** Part fields that hold source records (`origins`): where a claim was taken from, not what it says. */
  readonly provenance: ReadonlySet<string>;
  /** Entity → its fields that hold several values: their changes are items added and removed. */
  readonly lists: ReadonlyMap<string, ReadonlySet<string>>;
  /** Fields of identifiers in other databases (`identifiers`, `umls`): gaining one is routine enrichment. */
  readonly identifiers: ReadonlySet<string>;
  /** Entity → its single-valued links and codes (a mechanism's drug, target, action): how to tell one apart. */
  readonly headline: ReadonlyMap<string, readonly string[]>;
  /** Part entity → its one link, for a part that is only a link and its records (an indication's use). */
  readonly linkOnly: ReadonlyMap<string, string>;
}

const isIdentifier = (f: Field): boolean => f.kind === 'identifier' && (f.property === 'exactMatch' || f.property === 'geneProductOf');

export function diffModel(description: ModelDescription): DiffModel {
  const kindOfClass = new Map<string, { entity: string; label: string }>();
  for (const [entity, e] of Object.entries(description.entities)) {
    if (!kindOfClass.has(description.namespace + e.class)) kindOfClass.set(description.namespace + e.class, { entity, label: e.label });
  }
  const parts = partKinds(description);
  const recordClass = description.entities[origins.entity]?.class;
  const derivedLinks = Object.values(description.entities).flatMap((e) => Object.values(e.fields))
    .flatMap((f) => (f.kind === 'derived' && typeof f.range === 'object' && 'entity' in f.range ? [f.property] : []));
  const lists = new Map<string, Set<string>>();
  const headline = new Map<string, string[]>();
  const identifiers = new Set<string>();
  const linkOnly = new Map<string, string>();
  for (const [name, entity] of Object.entries(description.entities)) {
    const fields = Object.entries(entity.fields);
    lists.set(name, new Set(fields.filter(([, f]) => f.kind === 'group' || (f.kind !== 'id' && (f.cardinality === 'many' || f.cardinality === 'some'))).map(([n]) => n)));
    headline.set(name, fields.filter(([, f]) => (f.kind === 'ref' || f.kind === 'code') && (f.cardinality === 'one' || f.cardinality === 'optional')).map(([n]) => n));
    for (const [n, f] of fields) {
      if (isIdentifier(f) || (f.kind === 'group' && Object.values(f.fields).every(isIdentifier))) identifiers.add(n);
    }
    const content = fields.filter(([, f]) => f.kind !== 'derived' && f.kind !== 'id' && !(f.kind === 'part' && f.entity === origins.entity));
    if (entity.subject.kind === 'part' && content.length === 1 && content[0]![1].kind === 'ref') linkOnly.set(name, content[0]![0]);
  }
  return {
    kindOfClass,
    fieldsOf: fieldsOfPredicate(description),
    parts,
    partClasses: new Set(parts.map((p) => description.namespace + p.class)),
    partIri: new RegExp(`/(${[...new Set(parts.map((p) => p.segment))].join('|')})/[^/]+$`),
    skipped: new Set([...parts.map((p) => p.property), ...derivedLinks].map((name) => propertyIri(description, name))),
    provenance: new Set(parts.filter((p) => p.class === recordClass).map((p) => p.field)),
    lists,
    identifiers,
    headline,
    linkOnly,
  };
}
