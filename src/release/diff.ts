// **diff** compares two builds in the curator's terms: entities added and removed, and each changed field from
// what to what, by label. Graphs alone, so any two dist/ folders compare; order and blank-node labels never count.
// Where a claim was taken from (its source records) is kept apart from what it says: a claim whose records alone
// changed was carried over to the new release's records, and is counted, not listed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { ModelDescription } from '../model/description.js';
import { pharmald } from '../model/pharmald.js';
import { rdfFormats } from '../serialize/formats.js';
import { diffModel, type DiffModel } from './diffModel.js';
import { entityRecords, type EntityRecord } from './diffRecords.js';
import { Tally, type KindSummary } from './diffTally.js';

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
  /** A field of several values (a list, a group, parts): its change is items added and removed, not old → new. */
  readonly list?: true;
  /** A field of identifiers in other databases. */
  readonly identifiers?: true;
}

/** An added or removed entity, with the single-valued links and codes that tell it apart (drug, target, action). */
export interface EntityEntry extends EntityRef {
  readonly facts?: readonly FieldChange[];
}

export interface EntityChange extends EntityRef {
  /** What it says that changed. */
  readonly changes: readonly FieldChange[];
  /** Its source records (and its parts') that changed, apart from what it says. */
  readonly records?: readonly FieldChange[];
}

/** A claim whose source records alone changed: the new release's records replaced the old ones. */
export interface CarriedClaim extends EntityRef {
  /** The releases of the records it lost, and of those it gained. */
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly records: readonly FieldChange[];
}

export interface DatasetDiff {
  /** Per kind (drug, mechanism, indication …): how many added, removed, changed and carried over. */
  readonly summary: readonly KindSummary[];
  readonly added: readonly EntityEntry[];
  readonly removed: readonly EntityEntry[];
  readonly changed: readonly EntityChange[];
  readonly carriedOver: readonly CarriedClaim[];
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
  const tally = new Tally();
  const entry = (e: EntityRecord): EntityEntry => {
    const facts = (model.headline.get(e.entity) ?? []).flatMap((field) => {
      const values = [...e.fields.get(field)?.values() ?? []].sort();
      return values.length ? [{ field, removed: [], added: values }] : [];
    });
    return facts.length ? { ...ref(e), facts } : ref(e);
  };
  const added = [...next.values()].filter((e) => !old.has(e.iri)).map((e) => (tally.count(e.kind, 'added'), entry(e)));
  const removed = [...old.values()].filter((e) => !next.has(e.iri)).map((e) => (tally.count(e.kind, 'removed'), entry(e)));
  const changed: EntityChange[] = [];
  const carriedOver: CarriedClaim[] = [];
  for (const entity of next.values()) {
    const previous = old.get(entity.iri);
    if (!previous) continue;
    const { changes, records } = compare(previous, entity, '', model, tally, carriedOver);
    if (changes.length > 0) {
      changed.push(records.length ? { ...ref(entity), changes, records } : { ...ref(entity), changes });
      tally.count(entity.kind, changes.every(isIdentifierGain) ? 'identifiersOnly' : 'changed');
    } else if (records.length > 0) carriedOver.push(carried(previous, entity, records, tally));
  }
  return { summary: tally.summary(), added: sortRefs(added), removed: sortRefs(removed), changed: sortRefs(changed), carriedOver: sortRefs(carriedOver) };
}

export function hasChanges(diff: DatasetDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length + diff.carriedOver.length > 0;
}

/** A change that only adds identifiers in other databases: enrichment a source gives, not a correction. */
export const isIdentifierGain = (c: FieldChange): boolean => c.identifiers === true && c.removed.length === 0;

interface Comparison {
  readonly changes: FieldChange[];
  readonly records: FieldChange[];
}

/** What changed from one record to the next: its fields, then its parts, field by field; parts recursively. */
function compare(before: EntityRecord, after: EntityRecord, prefix: string, model: DiffModel, tally: Tally, carriedOver: CarriedClaim[]): Comparison {
  const changes = fieldChanges(before, after, prefix, model);
  const records: FieldChange[] = [];
  const byField = (record: EntityRecord) => {
    const fields = new Map<string, EntityRecord[]>();
    for (const p of record.parts.values()) fields.set(p.field!, [...fields.get(p.field!) ?? [], p]);
    return fields;
  };
  const was = byField(before);
  const now = byField(after);
  for (const field of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const oldParts = new Map((was.get(field) ?? []).map((p) => [p.iri, p]));
    const newParts = new Map((now.get(field) ?? []).map((p) => [p.iri, p]));
    const gone = [...oldParts.values()].filter((p) => !newParts.has(p.iri));
    const come = [...newParts.values()].filter((p) => !oldParts.has(p.iri));
    const provenance = model.provenance.has(field);
    if (gone.length || come.length) {
      const change: FieldChange = { field: `${prefix}${field}`, removed: gone.map(shown).sort(), added: come.map(shown).sort(), list: true };
      (provenance ? records : changes).push(change);
      if (!provenance) for (const p of [...gone, ...come]) tally.count(p.kind, gone.includes(p) ? 'removed' : 'added');
    }
    for (const [iri, part] of newParts) {
      const previous = oldParts.get(iri);
      if (!previous) continue;
      const inner = compare(previous, part, `${prefix}${part.kind} "${previous.shown}" `, model, tally, carriedOver);
      if (provenance) records.push(...inner.changes, ...inner.records);
      else if (inner.changes.length) {
        changes.push(...inner.changes);
        records.push(...inner.records);
        tally.count(part.kind, 'changed');
      } else if (inner.records.length) carriedOver.push(carried(previous, part, inner.records, tally));
    }
  }
  return { changes, records };
}

function fieldChanges(before: EntityRecord, after: EntityRecord, prefix: string, model: DiffModel): FieldChange[] {
  const fields = [...new Set([...before.fields.keys(), ...after.fields.keys()])].sort();
  const lists = model.lists.get(after.entity);
  return fields.flatMap((field) => {
    // Compared by identity, shown by label: a renamed target is one change on the target, not on every link to it.
    const was = before.fields.get(field) ?? new Map<string, string>();
    const now = after.fields.get(field) ?? new Map<string, string>();
    const removed = [...was].filter(([key]) => !now.has(key)).map(([, shown]) => shown).sort();
    const added = [...now].filter(([key]) => !was.has(key)).map(([, shown]) => shown).sort();
    if (!removed.length && !added.length) return [];
    const list = lists?.has(field) || was.size > 1 || now.size > 1;
    const identifiers = model.identifiers.has(field);
    return [{ field: `${prefix}${field}`, removed, added, ...(list ? { list: true } : {}), ...(identifiers ? { identifiers: true } : {}) } as FieldChange];
  });
}

/** A claim carried over: the releases of the records it lost and gained, read off the records themselves. */
function carried(before: EntityRecord, after: EntityRecord, records: FieldChange[], tally: Tally): CarriedClaim {
  const releases = (record: EntityRecord, other: EntityRecord) => [...new Set([...record.parts.values()]
    .filter((p) => !other.parts.has(p.iri)).flatMap((p) => [...p.fields.get('release')?.values() ?? []]))].sort();
  tally.count(after.kind, 'carriedOver');
  return { ...ref(after), from: releases(before, after), to: releases(after, before), records };
}

const shown = (e: EntityRecord) => e.shown;
const ref = (e: EntityRef): EntityRef => ({ kind: e.kind, iri: e.iri, label: e.label });
function sortRefs<T extends EntityRef>(refs: T[]): T[] {
  return refs.sort((a, b) => (a.kind + a.label + a.iri < b.kind + b.label + b.iri ? -1 : 1));
}
