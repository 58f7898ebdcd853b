// **diff** compares two builds in the curator's terms: entities added and removed, and each changed field from
// what to what, by label. Graphs alone, so any two dist/ folders compare; order and blank-node labels never count.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { fieldsOfPredicate, propertyIri } from '../generate/fields.js';
import type { ModelDescription } from '../model/description.js';
import { partKinds, type PartKind } from '../model/kinds.js';
import { pharmald } from '../model/pharmald.js';
import { rdfFormats } from '../serialize/formats.js';
import { ID, rdf, rdfs } from '../vocab.js';

/** What a diff reads off the model description. */
interface DiffModel {
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
}

function diffModel(description: ModelDescription): DiffModel {
  const kindOfClass = new Map<string, { entity: string; label: string }>();
  for (const [entity, e] of Object.entries(description.entities)) {
    if (!kindOfClass.has(description.namespace + e.class)) kindOfClass.set(description.namespace + e.class, { entity, label: e.label });
  }
  const parts = partKinds(description);
  const derivedLinks = Object.values(description.entities).flatMap((e) => Object.values(e.fields))
    .flatMap((f) => (f.kind === 'derived' && typeof f.range === 'object' && 'entity' in f.range ? [f.property] : []));
  return {
    kindOfClass,
    fieldsOf: fieldsOfPredicate(description),
    parts,
    partClasses: new Set(parts.map((p) => description.namespace + p.class)),
    partIri: new RegExp(`/(${[...new Set(parts.map((p) => p.segment))].join('|')})/[^/]+$`),
    skipped: new Set([...parts.map((p) => p.property), ...derivedLinks].map((name) => propertyIri(description, name))),
  };
}

export interface EntityRef {
  readonly kind: string;
  readonly iri: string;
  readonly label: string;
}

export interface FieldChange {
  /** The field as a curator knows it (`strength`, `identifiers`), with the part it belongs to, if any. */
  readonly field: string;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

export interface EntityChange extends EntityRef {
  readonly changes: readonly FieldChange[];
}

export interface DatasetDiff {
  readonly added: readonly EntityRef[];
  readonly removed: readonly EntityRef[];
  readonly changed: readonly EntityChange[];
}

interface EntityRecord extends EntityRef {
  /** Its entity in the description, and for a part the field of its owner that holds it. */
  readonly entity: string;
  field?: string;
  /** Field → values, each by identity (IRI, or literal text) → as a reader sees it (the linked label). */
  readonly fields: Map<string, Map<string, string>>;
  readonly parts: Map<string, EntityRecord>;
}

/** Reads a dist/ folder's dataset (N-Triples, else Turtle). */
export async function readDist(dir: string): Promise<Quad[]> {
  const formats = [rdfFormats.ntriples, rdfFormats.turtle];
  for (const { file, mediaType } of formats) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) return new Parser({ format: mediaType }).parse(text);
  }
  throw new Error(`${dir} holds no ${formats.map((f) => f.file).join(' or ')}`);
}

/** What changed from `before` to `after`, in the terms of the model description. */
export function diffDatasets(before: readonly Quad[], after: readonly Quad[], description: ModelDescription = pharmald): DatasetDiff {
  const model = diffModel(description);
  const old = entityRecords(before, model);
  const next = entityRecords(after, model);
  const added = [...next.values()].filter((e) => !old.has(e.iri)).map(ref);
  const removed = [...old.values()].filter((e) => !next.has(e.iri)).map(ref);
  const changed: EntityChange[] = [];
  for (const entity of next.values()) {
    const previous = old.get(entity.iri);
    if (!previous) continue;
    const changes = [...fieldChanges(previous, entity, ''), ...partChanges(previous, entity)];
    if (changes.length > 0) changed.push({ ...ref(entity), changes });
  }
  return { added: sortRefs(added), removed: sortRefs(removed), changed: sortRefs(changed) };
}

export function hasChanges(diff: DatasetDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length > 0;
}

function partChanges(before: EntityRecord, after: EntityRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [iri, part] of after.parts) {
    const previous = before.parts.get(iri);
    if (!previous) changes.push({ field: part.field!, removed: [], added: [part.label] });
    else changes.push(...fieldChanges(previous, part, `${part.kind} "${previous.label}" `));
  }
  for (const [iri, part] of before.parts) {
    if (!after.parts.has(iri)) changes.push({ field: part.field!, removed: [part.label], added: [] });
  }
  return changes;
}

function fieldChanges(before: EntityRecord, after: EntityRecord, prefix: string): FieldChange[] {
  const fields = [...new Set([...before.fields.keys(), ...after.fields.keys()])].sort();
  return fields.flatMap((field) => {
    // Compared by identity, shown by label: a renamed target is one change on the target, not on every link to it.
    const was = before.fields.get(field) ?? new Map<string, string>();
    const now = after.fields.get(field) ?? new Map<string, string>();
    const removed = [...was].filter(([key]) => !now.has(key)).map(([, shown]) => shown).sort();
    const added = [...now].filter(([key]) => !was.has(key)).map(([, shown]) => shown).sort();
    return removed.length || added.length ? [{ field: `${prefix}${field}`, removed, added }] : [];
  });
}

function entityRecords(quads: readonly Quad[], model: DiffModel): Map<string, EntityRecord> {
  const labels = new Map<string, string>();
  const classes = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === rdfs.label && !labels.has(q.subject.value)) labels.set(q.subject.value, q.object.value);
    if (q.predicate.value === rdf.type && model.kindOfClass.has(q.object.value) && q.subject.value.startsWith(ID)) {
      classes.set(q.subject.value, q.object.value);
    }
  }
  const all = new Map<string, EntityRecord>();
  for (const [iri, cls] of classes) {
    const { entity, label: kind } = model.kindOfClass.get(cls)!;
    all.set(iri, { kind, entity, iri, label: labels.get(iri) ?? tail(iri), fields: new Map(), parts: new Map() });
  }
  const show = (term: Quad['object']) => (term.termType === 'Literal' ? term.value : labels.get(term.value) ?? term.value);
  for (const q of quads) {
    const record = all.get(q.subject.value);
    if (!record || model.skipped.has(q.predicate.value)) continue;
    const field = q.predicate.value === rdf.type ? 'type' : model.fieldsOf[q.predicate.value]?.[0] ?? tail(q.predicate.value);
    if (!record.fields.has(field)) record.fields.set(field, new Map());
    record.fields.get(field)!.set(`${q.object.termType}:${q.object.value}`, show(q.object));
  }
  // Parts ({owner}/effect/y) belong to their owner, under the owner's field that holds them.
  const entities = new Map<string, EntityRecord>();
  for (const record of all.values()) {
    const part = model.partClasses.has(classes.get(record.iri)!) ? model.partIri.exec(record.iri) : null;
    const owner = part ? all.get(record.iri.slice(0, part.index)) : undefined;
    if (owner) {
      record.field = model.parts.find((p) => p.owner === owner.entity && p.segment === part![1])?.field ?? part![1];
      owner.parts.set(record.iri, record);
    } else entities.set(record.iri, record);
  }
  return entities;
}

const ref = (e: EntityRef): EntityRef => ({ kind: e.kind, iri: e.iri, label: e.label });
const tail = (iri: string) => iri.replace(/^.*[#/]/, '');
function sortRefs<T extends EntityRef>(refs: T[]): T[] {
  return refs.sort((a, b) => (a.kind + a.label + a.iri < b.kind + b.label + b.iri ? -1 : 1));
}
