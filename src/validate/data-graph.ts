// **data-graph** indexes the data once: predicate → subject → objects, rdf:type instances, rdfs:subClassOf
// children; the reverse direction per predicate on demand. Not N3.Store: Maps answer "objects of (s, p)"
// without building quads. Every IRI and blank node is ONE shared term object, so lookups go by identity
// instead of hashing a parser's strings (slices of the input: slow to hash and compare).
import type { Quad, Term } from '@rdfjs/types';
import { termKey } from './terms.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
const NONE: readonly Term[] = Object.freeze([]);

export class DataGraph {
  /** IRI or blank-node key → the index's own term object for it */
  private readonly canonical = new Map<string, Term>();
  /** predicate IRI → the one string object used for it as a key (see `of`) */
  private readonly predicateKeys = new Map<string, string>();
  /** predicate key → the predicate term (for results that name it) */
  private readonly predicates = new Map<string, Term>();
  /** predicate key → subject (own term) → objects (own terms or literals), without duplicates */
  private readonly bySubject = new Map<string, Map<Term, Term[]>>();
  /** predicate key → object key → subjects; built per predicate on demand */
  private readonly byObject = new Map<string, Map<string, Term[]>>();
  /** class (own term) → subjects typed with it */
  private readonly instances = new Map<Term, Term[]>();
  /** class (own term) → its direct rdfs:subClassOf children */
  private readonly subclasses = new Map<Term, Term[]>();
  private readonly classClosure = new Map<Term, Set<Term>>();
  private outgoing: Map<Term, [string, Term[]][]> | undefined;

  private constructor(vocabulary: Iterable<string>) {
    for (const iri of [RDF_TYPE, RDFS_SUBCLASS_OF, ...vocabulary]) if (!this.predicateKeys.has(iri)) this.predicateKeys.set(iri, iri);
  }

  /**
   * Indexes the quads; undefined if one is in a named graph (the compiled path covers the default graph only).
   * `vocabulary`: the predicate IRIs the shapes ask for, as the shapes hold them. The index keys its edges by
   * those very string objects, so that a lookup compares pointers, not characters.
   */
  static of(quads: Iterable<Quad>, vocabulary: Iterable<string> = []): DataGraph | undefined {
    const graph = new DataGraph(vocabulary);
    for (const quad of quads) {
      if (quad.graph.termType !== 'DefaultGraph') return undefined;
      graph.add(quad.subject, quad.predicate, quad.object);
    }
    return graph;
  }

  // The last subject and predicate seen: quads usually come grouped by subject (and predicate), and comparing
  // two strings is cheaper than hashing one.
  private lastSubject: Term | undefined;
  private lastOwnSubject: Term | undefined;
  private lastPredicate = '';
  private lastPredicateKey = '';

  private add(rawSubject: Term, predicate: Term, rawObject: Term): void {
    let subject: Term;
    if (this.lastSubject !== undefined && rawSubject.termType === this.lastSubject.termType && rawSubject.value === this.lastSubject.value) {
      subject = this.lastOwnSubject!;
    } else {
      subject = this.own(rawSubject);
      this.lastSubject = rawSubject;
      this.lastOwnSubject = subject;
    }
    const object = rawObject.termType === 'Literal' ? rawObject : this.own(rawObject);
    const iri = predicate.value;
    let p: string | undefined;
    if (iri === this.lastPredicate) {
      p = this.lastPredicateKey;
    } else {
      p = this.predicateKeys.get(iri);
      if (p === undefined) this.predicateKeys.set((p = iri), p);
      this.lastPredicate = iri;
      this.lastPredicateKey = p;
    }
    let subjects = this.bySubject.get(p);
    if (!subjects) {
      this.bySubject.set(p, (subjects = new Map()));
      this.predicates.set(p, predicate);
    }
    const objects = subjects.get(subject);
    if (!objects) {
      subjects.set(subject, [object]);
    } else {
      for (const existing of objects) if (existing === object || existing.equals(object)) return;
      objects.push(object);
    }
    if (p === RDF_TYPE) push(this.instances, object, subject);
    else if (p === RDFS_SUBCLASS_OF) push(this.subclasses, object, subject);
  }

  /** The index's own object for an IRI or blank node (registered on first sight). */
  private own(term: Term): Term {
    const key = termKey(term);
    const known = this.canonical.get(key);
    if (known) return known;
    this.canonical.set(key, term);
    return term;
  }

  /** The index's own object for a term from outside (undefined: not in the index, or a literal). */
  private ownOf(term: Term): Term | undefined {
    return term.termType === 'Literal' ? undefined : this.canonical.get(termKey(term));
  }

  /** Objects of (subject, predicate). The array is the index's own: do not change it. */
  objects(subject: Term, predicate: string): readonly Term[] {
    const subjects = this.bySubject.get(predicate);
    if (!subjects) return NONE;
    const found = subjects.get(subject);
    if (found) return found;
    const own = this.ownOf(subject);
    return own && own !== subject ? subjects.get(own) ?? NONE : NONE;
  }

  /** Every (predicate, object) of a subject. */
  *edges(subject: Term): Generator<[Term, Term]> {
    if (!this.outgoing) {
      const outgoing = new Map<Term, [string, Term[]][]>();
      for (const [p, subjects] of this.bySubject) for (const [s, objects] of subjects) push(outgoing, s, [p, objects]);
      this.outgoing = outgoing;
    }
    const own = this.outgoing.has(subject) ? subject : this.ownOf(subject);
    for (const [p, objects] of (own && this.outgoing.get(own)) || []) {
      const predicate = this.predicates.get(p)!;
      for (const object of objects) yield [predicate, object];
    }
  }

  has(subject: Term, predicate: string, object: Term): boolean {
    return this.objects(subject, predicate).some((o) => o.equals(object));
  }

  /** Subjects of (predicate, object); the reverse index of a predicate is built on its first call. */
  subjects(predicate: string, object: Term): readonly Term[] {
    let byObject = this.byObject.get(predicate);
    if (!byObject) {
      byObject = new Map();
      for (const [s, objects] of this.bySubject.get(predicate) ?? []) for (const o of objects) push(byObject, termKey(o), s);
      this.byObject.set(predicate, byObject);
    }
    return byObject.get(termKey(object)) ?? NONE;
  }

  /** (subject, object) of every triple with this predicate. */
  triplesWith(predicate: string): [Term, Term][] {
    const out: [Term, Term][] = [];
    for (const [s, objects] of this.bySubject.get(predicate) ?? []) for (const o of objects) out.push([s, o]);
    return out;
  }

  /** Instances of a class: rdf:type the class or one of its rdfs:subClassOf descendants (in the data). */
  instancesOf(cls: Term): Term[] {
    const out = new Set<Term>();
    for (const c of this.classTerms(cls)) for (const instance of this.instances.get(c) ?? NONE) out.add(instance);
    return [...out];
  }

  /** Whether `node` has an rdf:type that is `cls` or a subclass of it. */
  isInstanceOf(node: Term, cls: Term): boolean {
    const types = this.objects(node, RDF_TYPE);
    if (types.length === 0) return false;
    const classes = this.classTerms(cls);
    for (const type of types) if (classes.has(type)) return true;
    return false;
  }

  /** `cls` and its transitive rdfs:subClassOf descendants in the data, as the index's own terms; cached. */
  private classTerms(cls: Term): Set<Term> {
    // Asked with the same few class terms (the shapes') again and again: found by identity first.
    const known = this.classClosure.get(cls);
    if (known) return known;
    const own = this.ownOf(cls);
    if (!own) return new Set();
    let closure = this.classClosure.get(own);
    if (!closure) {
      closure = new Set([own]);
      // A Set iterates over what is added while iterating: a breadth-first walk.
      for (const c of closure) for (const sub of this.subclasses.get(c) ?? NONE) closure.add(sub);
      this.classClosure.set(own, closure);
    }
    this.classClosure.set(cls, closure);
    return closure;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
