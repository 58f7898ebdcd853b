// **diffRecords** reads a graph into the entities a curator edits: each with its fields (values by identity, shown
// by label) and its parts, nested as the part IRIs nest ({owner}/indication/x/origin/y).
import type { Quad } from '@rdfjs/types';
import { termToId } from 'n3';
import { ID, rdf, rdfs } from '../vocab.js';
import type { DiffModel } from './diffModel.js';

export interface EntityRecord {
  readonly kind: string;
  readonly iri: string;
  readonly label: string;
  /** Its entity in the description, and for a part the field of its owner that holds it. */
  readonly entity: string;
  field?: string;
  /** How a list of its owner shows it: the label of the one entity it links to (an indication's use), else its label. */
  shown: string;
  /** Field → values, each by identity (IRI, or literal text) → as a reader sees it (the linked label). */
  readonly fields: Map<string, Map<string, string>>;
  readonly parts: Map<string, EntityRecord>;
}

export function entityRecords(quads: readonly Quad[], model: DiffModel): Map<string, EntityRecord> {
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
    const label = labels.get(iri) ?? tail(iri);
    all.set(iri, { kind, entity, iri, label, shown: label, fields: new Map(), parts: new Map() });
  }
  const show = (term: Quad['object']) => (term.termType === 'Literal' ? term.value : labels.get(term.value) ?? term.value);
  // Field of each predicate, once per predicate (undefined: skipped), not once per triple: a build has 400k.
  const fieldOf = new Map<string, string | undefined>();
  for (const q of quads) {
    const record = all.get(q.subject.value);
    if (!record) continue;
    const predicate = q.predicate.value;
    let field = fieldOf.get(predicate);
    if (field === undefined && !fieldOf.has(predicate)) {
      field = model.skipped.has(predicate) ? undefined : predicate === rdf.type ? 'type' : model.fieldsOf[predicate]?.[0] ?? tail(predicate);
      fieldOf.set(predicate, field);
    }
    if (field === undefined) continue;
    let values = record.fields.get(field);
    if (!values) record.fields.set(field, (values = new Map()));
    // By identity: the term's id (IRI, or literal with its datatype or language), which N3 terms hold as is and
    // termToId makes the same for terms of any RDF/JS factory.
    values.set(termToId(q.object as Parameters<typeof termToId>[0]), show(q.object));
  }
  // Parts ({owner}/effect/y) belong to their owner, under the owner's field that holds them.
  const entities = new Map<string, EntityRecord>();
  for (const record of all.values()) {
    const part = model.partClasses.has(classes.get(record.iri)!) ? model.partIri.exec(record.iri) : null;
    const owner = part ? all.get(record.iri.slice(0, part.index)) : undefined;
    if (owner) {
      record.field = model.parts.find((p) => p.owner === owner.entity && p.segment === part![1])?.field ?? part![1];
      owner.parts.set(record.iri, record);
      const link = model.linkOnly.get(record.entity);
      const linked = link ? [...record.fields.get(link)?.values() ?? []] : [];
      if (linked.length === 1) record.shown = linked[0]!;
    } else entities.set(record.iri, record);
  }
  return entities;
}

export const tail = (iri: string) => iri.replace(/^.*[#/]/, '');
