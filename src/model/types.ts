// **types** are the TypeScript types of the data, derived at type level from the model description
// (src/model/pharmald.ts): a field's kind gives its value type, its cardinality whether it is optional or a list.
import type { Code } from '../vocab.js';
import type { Pharmald } from './pharmald.js';

type Entities = Pharmald['entities'];
type Vocabularies = Pharmald['vocabularies'];

type Value<F> =
  F extends { readonly kind: 'code'; readonly vocabulary: infer V extends keyof Vocabularies } ? Code<V>
  : F extends { readonly kind: 'string'; readonly values: readonly (infer S)[] } ? S
  : F extends { readonly kind: 'integer' | 'decimal' } ? number
  : F extends { readonly kind: 'group'; readonly fields: infer G } ? FieldsOf<G>
  : F extends { readonly kind: 'part'; readonly entity: infer E extends keyof Entities } ? EntityOf<E>
  : string;
type Shaped<F> = F extends { readonly cardinality: 'many' | 'some' } ? readonly Value<F>[] : Value<F>;

/** Derived fields are never in YAML; `optional` and `many` fields, and those with a fallback, may be left out. */
type Written<Fs> = { [K in keyof Fs]: Fs[K] extends { readonly kind: 'derived' } ? never : K }[keyof Fs];
type Omissible = { readonly cardinality: 'optional' | 'many' } | { readonly fallback: unknown };
type Optional<Fs> = { [K in Written<Fs>]: Fs[K] extends Omissible ? K : never }[Written<Fs>];
type FieldsOf<Fs> = Readable<
  { readonly [K in Exclude<Written<Fs>, Optional<Fs>>]: Shaped<Fs[K]> } & { readonly [K in Optional<Fs>]?: Shaped<Fs[K]> }
>;
type Readable<T> = { [K in keyof T]: T[K] };

/** An entity as the YAML gives it. */
export type EntityOf<E extends keyof Entities> = FieldsOf<Entities[E]['fields']>;

export type Drug = EntityOf<'drug'>;
export type Target = EntityOf<'target'>;
export type PhysiologicalSystem = EntityOf<'system'>;
export type PhysiologicalProcess = EntityOf<'process'>;
export type ClinicalUse = EntityOf<'clinicalUse'>;
export type Reference = EntityOf<'reference'>;
export type Mechanism = EntityOf<'mechanism'>;
export type Effect = EntityOf<'effect'>;
export type Affinity = EntityOf<'affinity'>;
export type Caveat = EntityOf<'caveat'>;

type SectionOf<E extends keyof Entities> = Entities[E] extends { readonly section: infer S extends string } ? S : never;
type Sections = { readonly [E in keyof Entities as SectionOf<E>]: readonly EntityOf<E>[] };
/** One data file: any of the sections, each a list. */
export type DataFile = Partial<Sections>;
/** The whole model once every data file is loaded: one list per section. */
export type Model = Sections;
