// **graph** is the read-only view of the published graph that pages are made from: triples by subject and by object,
// labels, types, which IRIs are entities of the dataset, and the site files that show them, linked by relative URLs
// so the site works from file://, any folder and serve.
import path from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { kinds, type EntityKind } from '../model/kinds.js';
import { canonicalGraph, type CanonicalGraph } from '../serialize/canonical.js';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { termKey } from '../validate/terms.js';
import { ID, PLD, rdf, rdfs, skos } from '../vocab.js';

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

export class SiteGraph {
  private readonly bySubject: Map<string, Quad[]>;
  private readonly byObject: Map<string, Quad[]>;
  /** IRIs that a page needed a label for and the graph had none (reported by the build, shown by the tests). */
  readonly missingLabels = new Set<string>();
  /** The subjects of each entity and its parts, made on the first describe. */
  #subjectsByEntity: Map<string, string[]> | undefined;

  constructor(readonly quads: readonly Quad[]) {
    this.bySubject = groupBy(quads, (q) => termKey(q.subject));
    this.byObject = groupBy(quads.filter((q) => q.object.termType !== 'Literal'), (q) => termKey(q.object));
  }

  /** An entity's triples, its parts' (IRIs below it), and the labels of what they point to: a client needs no second request. */
  describe(entity: string): CanonicalGraph {
    this.#subjectsByEntity ??= groupBy([...this.bySubject.keys()], (s) => entityRef(s)?.entity ?? '');
    const own = (this.#subjectsByEntity.get(entity) ?? []).flatMap((s) => this.outgoing(s));
    const neighbours = new Set(own.filter((q) => q.object.termType === 'NamedNode').map((q) => q.object.value));
    return canonicalGraph([...own, ...[...neighbours].flatMap((iri) => this.outgoing(iri).filter((q) => q.predicate.value === rdfs.label))]);
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

  ownLabel(iri: string): string | undefined {
    return this.text(iri, rdfs.label) ?? this.text(iri, skos.prefLabel);
  }

  /** What a page calls an IRI: its own label, else the fallback (its last segment), noted as missing. */
  label(iri: string, fallback = localName(iri)): string {
    const label = this.ownLabel(iri);
    if (label === undefined) this.missingLabels.add(iri);
    return label ?? fallback;
  }

  types(iri: string): string[] {
    return this.iris(iri, rdf.type);
  }

  instances(cls: string): string[] {
    return this.subjects(rdf.type, cls);
  }

  /** Every entity of a kind that the graph describes, sorted by label. */
  /** How many entities of a kind there are (counted once per kind). */
  entityCount(kind: EntityKind): number {
    let count = this.#counts.get(kind);
    if (count === undefined) this.#counts.set(kind, (count = this.entities(kind).length));
    return count;
  }
  readonly #counts = new Map<EntityKind, number>();

  entities(kind: EntityKind): string[] {
    return this.sortByLabel([...this.bySubject.keys()].filter((s) => {
      const ref = entityRef(s);
      return ref !== undefined && ref.kind === kind && ref.part === undefined;
    }));
  }

  /** IRIs in label order (case-insensitive, then by IRI), the same in every locale. */
  sortByLabel(iris: readonly string[]): string[] {
    const keyed = [...new Set(iris)].map((iri) => ({ iri, key: (this.ownLabel(iri) ?? localName(iri)).toLowerCase() }));
    keyed.sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.iri, b.iri));
    return keyed.map((k) => k.iri);
  }
}

/** The last segment of an IRI: after `#`, else after the last `/`. */
export function localName(iri: string): string {
  const hash = iri.lastIndexOf('#');
  if (hash >= 0 && hash < iri.length - 1) return iri.slice(hash + 1);
  const slash = iri.replace(/\/+$/, '').lastIndexOf('/');
  return slash >= 0 ? iri.slice(slash + 1) : iri;
}

/** The items by their key, each list in the items' order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export const sitePaths = {
  index: 'index.html',
  stylesheet: 'site.css',
  icon: 'favicon.svg',
  vocabulary: 'vocab/index.html',
  vocabularyTurtle: `vocab/index${rdfFormats.turtle.extension}`,
  /** Every entity as [label, kind, href, summary], for the server's search. */
  searchIndex: 'search.json',
  /** The listing of a kind too large for the index: its letters, and one page per letter. */
  kindListing: (kind: EntityKind) => `id/${kind}/index.html`,
  letterListing: (kind: EntityKind, letter: string) => `id/${kind}/${letter}.html`,
} as const;

/** `…/id/drug/ketamine` → `id/drug/ketamine`: the IRI path below the dataset's base, the page's folder. */
export function entityBase(entity: string): string {
  const ref = entityRef(entity);
  if (!ref || ref.part !== undefined) throw new Error(`not an entity IRI: ${entity}`);
  return `id/${ref.kind}/${ref.id}`;
}

export function entityPage(entity: string): string {
  return `${entityBase(entity)}/index.html`;
}

/** The HTML id of a part of an entity on its owner's page: `effect/synaptic-plasticity` → `effect-synaptic-plasticity`. */
export function partAnchor(part: string): string {
  return part.replace(/[^a-zA-Z0-9_-]+/g, '-');
}

/** The site file (and fragment) that shows an IRI: an entity's page, a part's or vocabulary term's section, else undefined. */
export function siteTarget(iri: string): string | undefined {
  const ref = entityRef(iri);
  if (ref) return ref.part === undefined ? entityPage(ref.entity) : `${entityPage(ref.entity)}#${partAnchor(ref.part)}`;
  if (iri.startsWith(PLD) && iri.length > PLD.length) return `${sitePaths.vocabulary}#${iri.slice(PLD.length)}`;
  return undefined;
}

/** A link from one site file to another (either may carry a fragment), relative to the first. */
export function relativeHref(from: string, to: string): string {
  const [file = '', fragment] = to.split('#');
  const relative = path.posix.relative(path.posix.dirname(from), file) || path.posix.basename(file);
  return fragment === undefined ? relative : `${relative}#${fragment}`;
}
