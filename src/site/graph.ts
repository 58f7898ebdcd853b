// **graph** is the read-only view of the published graph that pages are made from: triples by subject
// and by object, labels, types, and which IRIs are entities of the dataset (and so have a page).
import type { Quad, Term } from '@rdfjs/types';
import { kinds, type EntityKind } from '../model/kinds.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { ID, rdf, rdfs } from '../vocab.js';

const skosPrefLabel = 'http://www.w3.org/2004/02/skos/core#prefLabel';

const entityPattern = new RegExp(`^${ID.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(${kinds.map((k) => k.kind).join('|')})/([a-z0-9]+(?:-[a-z0-9]+)*)(/.*)?$`);

/** Where an IRI sits in the dataset: an entity (`…/id/drug/ketamine`) or a part of one (`…/effect/x`). */
export interface EntityRef {
  readonly kind: EntityKind;
  readonly id: string;
  /** The entity's own IRI (for a part, its owner's). */
  readonly entity: string;
  /** For a part: the path after the entity IRI, e.g. `effect/synaptic-plasticity`. */
  readonly part?: string;
}

export function entityRef(iri: string): EntityRef | undefined {
  const match = entityPattern.exec(iri);
  if (!match) return undefined;
  const [, kind, id, rest] = match as unknown as [string, EntityKind, string, string | undefined];
  const entity = `${ID}${kind}/${id}`;
  return rest && rest.length > 1 ? { kind, id, entity, part: rest.slice(1) } : { kind, id, entity };
}

/** The key of a subject or object term: the IRI, or `_:label` for a blank node. */
export function termKey(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

export class SiteGraph {
  readonly quads: readonly Quad[];
  private readonly bySubject = new Map<string, Quad[]>();
  private readonly byObject = new Map<string, Quad[]>();
  /** IRIs that a page needed a label for and the graph had none (reported by the build, shown by the tests). */
  readonly missingLabels = new Set<string>();

  constructor(quads: readonly Quad[]) {
    this.quads = quads;
    for (const quad of quads) {
      push(this.bySubject, termKey(quad.subject), quad);
      if (quad.object.termType !== 'Literal') push(this.byObject, termKey(quad.object), quad);
    }
  }

  /** Every subject of the graph (IRIs, and `_:label` for blank nodes). */
  subjectKeys(): string[] {
    return [...this.bySubject.keys()];
  }

  #sortedSubjects: string[] | undefined;

  /** The subjects whose key starts with `prefix`, in code point order: a binary search, not a scan. */
  subjectsWithPrefix(prefix: string): string[] {
    const sorted = (this.#sortedSubjects ??= this.subjectKeys().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    return found;
  }

  /** Every triple with the subject (an IRI or `_:label`). */
  outgoing(subject: string): readonly Quad[] {
    return this.bySubject.get(subject) ?? [];
  }

  /** Every triple whose object is the IRI (or `_:label`). */
  incoming(object: string): readonly Quad[] {
    return this.byObject.get(object) ?? [];
  }

  objects(subject: string, predicate: string): Term[] {
    return this.outgoing(subject).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  }

  /** The IRI objects of a subject's predicate, sorted by the label of each. */
  iris(subject: string, predicate: string): string[] {
    return this.sortByLabel(this.objects(subject, predicate).filter((o) => o.termType === 'NamedNode').map((o) => o.value));
  }

  iri(subject: string, predicate: string): string | undefined {
    return this.iris(subject, predicate)[0];
  }

  /** The subjects that point at the object with the predicate, sorted by label. */
  subjects(predicate: string, object: string): string[] {
    return this.sortByLabel(this.incoming(object).filter((q) => q.predicate.value === predicate && q.subject.termType === 'NamedNode').map((q) => q.subject.value));
  }

  /** A literal value of a subject's predicate (English first), as text. */
  text(subject: string, predicate: string): string | undefined {
    return this.texts(subject, predicate)[0];
  }

  /** The literal values of a subject's predicate, English first, then in code point order. */
  texts(subject: string, predicate: string): string[] {
    return this.objects(subject, predicate)
      .flatMap((o) => (o.termType === 'Literal' ? [{ value: o.value, rank: o.language === 'en' || o.language === '' ? 0 : 1 }] : []))
      .sort((a, b) => a.rank - b.rank || compareCodeUnits(a.value, b.value))
      .map((o) => o.value);
  }

  hasLabel(iri: string): boolean {
    return this.text(iri, rdfs.label) !== undefined || this.text(iri, skosPrefLabel) !== undefined;
  }

  /** What a page calls an IRI: its rdfs:label, else skos:prefLabel, else the fallback (its last segment). */
  label(iri: string, fallback = localName(iri)): string {
    const label = this.text(iri, rdfs.label) ?? this.text(iri, skosPrefLabel);
    if (label !== undefined) return label;
    this.missingLabels.add(iri);
    return fallback;
  }

  types(iri: string): string[] {
    return this.iris(iri, rdf.type);
  }

  /** The subjects typed with the class, sorted by label. */
  instances(cls: string): string[] {
    return this.subjects(rdf.type, cls);
  }

  /** Every entity of a kind that the graph describes, sorted by label. */
  entities(kind: EntityKind): string[] {
    const found = [...this.bySubject.keys()].filter((s) => {
      const ref = entityRef(s);
      return ref !== undefined && ref.kind === kind && ref.part === undefined;
    });
    return this.sortByLabel(found);
  }

  /** IRIs in label order (case-insensitive, then by IRI), the same in every locale. */
  sortByLabel(iris: readonly string[]): string[] {
    const keyed = [...new Set(iris)].map((iri) => ({ iri, key: this.sortKey(iri) }));
    keyed.sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.iri, b.iri));
    return keyed.map((k) => k.iri);
  }

  private sortKey(iri: string): string {
    return (this.text(iri, rdfs.label) ?? this.text(iri, skosPrefLabel) ?? localName(iri)).toLowerCase();
  }
}

/** The last segment of an IRI: after `#`, else after the last `/`. */
export function localName(iri: string): string {
  const hash = iri.lastIndexOf('#');
  if (hash >= 0 && hash < iri.length - 1) return iri.slice(hash + 1);
  const slash = iri.replace(/\/+$/, '').lastIndexOf('/');
  return slash >= 0 ? iri.slice(slash + 1) : iri;
}

/** Adds `value` to the list of `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
