// **diff** compares two builds in the curator's terms, not triples: entities added and removed, and for
// each entity present in both, which field changed from what to what, named by labels. It works on the
// graphs alone, so any two dist/ folders (or releases) compare, and order or blank-node labels never count.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { fieldsOfPredicate } from '../rdf/mappers.js';
import { cls, ID, prop, rdf, rdfs } from '../vocab.js';

/** The entity kinds a curator edits, by class. Parts (effects, affinities, caveats) belong to an owner. */
const kindOfClass: Readonly<Record<string, string>> = {
  [cls.Drug]: 'drug',
  [cls.Target]: 'target',
  [cls.PhysiologicalSystem]: 'system',
  [cls.PhysiologicalProcess]: 'process',
  [cls.ClinicalUse]: 'clinical use',
  [cls.Reference]: 'reference',
  [cls.Mechanism]: 'mechanism',
  [cls.Effect]: 'effect',
  [cls.Affinity]: 'affinity',
  [cls.Caveat]: 'caveat',
};
const partKinds = new Set(['effect', 'affinity', 'caveat']);
const partField: Readonly<Record<string, string>> = { effect: 'effects', affinity: 'affinities', caveat: 'caveats' };
/** Links that parts, or other entities, already report: counting them again would only repeat a change. */
const skippedPredicates: ReadonlySet<string> = new Set([
  prop.hasEffect, prop.hasAffinity, prop.hasCaveat, prop.hasMechanism, prop.actsOn, prop.affects,
]);

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
  /** Field → values, each by identity (IRI, or literal text) → as a reader sees it (the linked label). */
  readonly fields: Map<string, Map<string, string>>;
  readonly parts: Map<string, EntityRecord>;
}

/** Reads a dist/ folder's dataset (N-Triples, else Turtle). */
export async function readDist(dir: string): Promise<Quad[]> {
  for (const [file, format] of [['dataset.nt', 'application/n-triples'], ['dataset.ttl', 'text/turtle']] as const) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) return new Parser({ format }).parse(text);
  }
  throw new Error(`${dir} holds no dataset.nt or dataset.ttl`);
}

/** What changed from `before` to `after`. */
export function diffDatasets(before: readonly Quad[], after: readonly Quad[]): DatasetDiff {
  const old = entityRecords(before);
  const next = entityRecords(after);
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
    if (!previous) changes.push({ field: partField[part.kind]!, removed: [], added: [part.label] });
    else changes.push(...fieldChanges(previous, part, `${part.kind} "${previous.label}" `));
  }
  for (const [iri, part] of before.parts) {
    if (!after.parts.has(iri)) changes.push({ field: partField[part.kind]!, removed: [part.label], added: [] });
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

function entityRecords(quads: readonly Quad[]): Map<string, EntityRecord> {
  const labels = new Map<string, string>();
  const kinds = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === rdfs.label && !labels.has(q.subject.value)) labels.set(q.subject.value, q.object.value);
    if (q.predicate.value === rdf.type && kindOfClass[q.object.value] && q.subject.value.startsWith(ID)) {
      kinds.set(q.subject.value, kindOfClass[q.object.value]!);
    }
  }
  const all = new Map<string, EntityRecord>();
  for (const [iri, kind] of kinds) {
    all.set(iri, { kind, iri, label: labels.get(iri) ?? tail(iri), fields: new Map(), parts: new Map() });
  }
  const show = (term: Quad['object']) => (term.termType === 'Literal' ? term.value : labels.get(term.value) ?? term.value);
  for (const q of quads) {
    const record = all.get(q.subject.value);
    if (!record || skippedPredicates.has(q.predicate.value)) continue;
    const field = q.predicate.value === rdf.type ? 'type' : fieldsOfPredicate[q.predicate.value]?.[0] ?? tail(q.predicate.value);
    if (!record.fields.has(field)) record.fields.set(field, new Map());
    record.fields.get(field)!.set(`${q.object.termType}:${q.object.value}`, show(q.object));
  }
  // Parts (…/mechanism/x/effect/y) belong to their owner, and are compared as part of it.
  const entities = new Map<string, EntityRecord>();
  for (const record of all.values()) {
    const owner = partKinds.has(record.kind) ? all.get(record.iri.replace(/\/(effect|affinity|caveat)\/[^/]+$/, '')) : undefined;
    if (owner) owner.parts.set(record.iri, record);
    else entities.set(record.iri, record);
  }
  return entities;
}

const ref = (e: EntityRef): EntityRef => ({ kind: e.kind, iri: e.iri, label: e.label });
const tail = (iri: string) => iri.replace(/^.*[#/]/, '');
function sortRefs<T extends EntityRef>(refs: T[]): T[] {
  return refs.sort((a, b) => (a.kind + a.label + a.iri < b.kind + b.label + b.iri ? -1 : 1));
}
