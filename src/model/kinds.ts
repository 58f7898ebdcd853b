// **kinds** is the one table of the entity kinds a curator writes, taken from the model description: the data
// file section that holds them, the IRI segment they are minted under, their class and how to name them.
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
  /** The pld class local name (`ClinicalUse`). */
  readonly class: string;
  /** How a curator names one (`clinical use`). */
  readonly label: string;
}

/** The top-level kinds, in the description's order. */
export const kinds: readonly KindInfo[] = Object.entries(pharmald.entities).flatMap(([entity, e]) =>
  'section' in e ? [{ kind: e.subject.segment, section: e.section, entity, class: e.class, label: e.label } as KindInfo] : []);

/** Section → kind: `clinical_uses` → `use`. */
export const sections = Object.fromEntries(kinds.map((k) => [k.section, k.kind])) as Readonly<Record<Section, EntityKind>>;
