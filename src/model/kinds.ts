// **kinds** is the one table of the entity kinds a curator writes, taken from the model description: the data
// file section that holds them, the IRI segment they are minted under, their class and how to name them; and
// the part kinds, whose IRIs sit below their owner's.
import type { ModelDescription } from './description.js';
import { pharmald } from './pharmald.js';

type Entities = typeof pharmald.entities;
type TopLevel = { [K in keyof Entities]: Entities[K] extends { readonly section: string } ? K : never }[keyof Entities];

/** A data file section (`clinical_uses`). */
export type Section = Entities[TopLevel]['section'];
/** An entity kind, as its IRI segment names it (`use`). */
export type EntityKind = Entities[TopLevel]['subject']['segment'];

export interface KindInfo {
  readonly kind: EntityKind;
  readonly section: Section;
  /** The key of its entity in the description (`clinicalUse`). */
  readonly entity: TopLevel;
  /** The pld class local name (`ClinicalUse`), and its IRI. */
  readonly class: string;
  readonly classIri: string;
  /** How a curator names one (`clinical use`). */
  readonly label: string;
  /** How pages name one and several: the class's label (`physiological system`, `physiological systems`). */
  readonly name: string;
  readonly plural: string;
}

/** The top-level kinds, in the description's order. */
export const kinds: readonly KindInfo[] = Object.entries(pharmald.entities as ModelDescription['entities']).flatMap(([entity, e]) => {
  if (e.section === undefined || e.subject.kind !== 'minted') return [];
  const name = e.classLabel ?? e.label;
  return [{
    kind: e.subject.segment, section: e.section, entity, class: e.class, classIri: `${pharmald.namespace}${e.class}`,
    label: e.label, name, plural: e.plural ?? plural(name),
  } as KindInfo];
});

/** The plural of an English noun phrase (`affinity` → `affinities`), where the description gives none. */
export function plural(word: string): string {
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/** Section → kind: `clinical_uses` → `use`. */
export const sections = Object.fromEntries(kinds.map((k) => [k.section, k.kind])) as Readonly<Record<Section, EntityKind>>;

/** Kind → its row of the table. */
export const kindInfo = Object.fromEntries(kinds.map((k) => [k.kind, k])) as Readonly<Record<EntityKind, KindInfo>>;

/** A part kind: entities with IRIs {owner IRI}/{segment}/{key}, held by a field of their owner (a mechanism's effects). */
export interface PartKind {
  /** The owner's entity key and the field that holds the parts (`mechanism`, `effects`), with its property. */
  readonly owner: string;
  readonly field: string;
  readonly property: string;
  readonly segment: string;
  readonly class: string;
}

/** Every part kind of a description, by owner and field in the description's order. */
export function partKinds(description: ModelDescription): PartKind[] {
  return Object.entries(description.entities).flatMap(([owner, entity]) => Object.entries(entity.fields).flatMap(([field, f]) => {
    const part = f.kind === 'part' ? description.entities[f.entity] : undefined;
    return f.kind === 'part' && part?.subject.kind === 'part'
      ? [{ owner, field, property: f.property, segment: part.subject.segment, class: part.class }]
      : [];
  }));
}
