// **source** is how Comunica reads an N3.Store: bindings straight from arrays loaded on first read (a dropped
// probe costs nothing), kept (?, p, ?) answers, cached counts, and per-predicate indexes by subject or object for
// predicates a join probes again and again. No countDistinctTerms: it made Comunica pick slow hash joins.
// The caches belong to one state of the store: a change of its size clears them.
import type * as RDF from '@rdfjs/types';
import { DataFactory, termToId, type Store } from 'n3';
import { LazyArrayIterator } from './iterator.js';

type Pattern = RDF.Term | null | undefined;
type Position = 'subject' | 'predicate' | 'object' | 'graph';
export const POSITIONS: readonly Position[] = ['subject', 'predicate', 'object', 'graph'];
/** Answers of (?, p, o) at least this large are kept for the next query. */
const KEEP_AT_LEAST = 256;
/** After this many lookups of one predicate by subject (or by object), its quads are indexed by that term. */
const INDEX_AFTER = 64;
const NONE: readonly RDF.Quad[] = [];

export class IndexedSource {
  readonly #store: Store;
  #size: number;
  /** Answers of (?, p, ?) and large ones of (?, p, o), by graph key, predicate and object key. */
  #answers = new Map<string, RDF.Quad[]>();
  #counts = new Map<string, number>();
  /** A predicate's quads (in one graph, or all) by subject or by object key, for predicates looked up often. */
  #byTerm = new Map<string, Map<string, RDF.Quad[]>>();
  #lookups = new Map<string, number>();
  readonly #indexAfter: number;

  /** `indexAfter`: lookups of one predicate by subject (or object) before its quads are indexed by it. */
  constructor(store: Store, options: { readonly indexAfter?: number } = {}) {
    this.#store = store;
    this.#size = store.size;
    this.#indexAfter = options.indexAfter ?? INDEX_AFTER;
  }

  /** RDF/JS Source: the quads matching a pattern; variables and null are wildcards. */
  match(subject?: Pattern, predicate?: Pattern, object?: Pattern, graph?: Pattern): RDF.Stream<RDF.Quad> {
    const terms = [subject, predicate, object, graph].map(concrete) as Concrete;
    return new LazyArrayIterator(() => this.#quads(terms), (quad) => quad);
  }

  /** Comunica's extension of RDF/JS Source: one pattern's solutions as bindings (repeated variables must agree). */
  matchBindings(factory: RDF.BindingsFactory, subject: RDF.Term, predicate: RDF.Term, object: RDF.Term, graph: RDF.Term): LazyArrayIterator<RDF.Quad, RDF.Bindings> {
    const pattern = [subject, predicate, object, graph];
    const terms = pattern.map(concrete) as Concrete;
    // The positions left open, each with the variable (or quoted triple pattern) found there.
    const slots = POSITIONS.flatMap((position, i) => (terms[i] === null ? [{ position, term: pattern[i] as RDF.Term }] : []));
    const plain = slots.every(({ term }) => term.termType === 'Variable')
      && new Set(slots.map(({ term }) => term.value)).size === slots.length;
    let bind: (quad: RDF.Quad) => RDF.Bindings | null;
    const [first, second] = slots;
    if (plain && slots.length === 1 && first) {
      const { position, term } = first;
      bind = (quad) => factory.bindings([[term as RDF.Variable, quad[position]]]);
    } else if (plain && slots.length === 2 && first && second) {
      const [p0, v0, p1, v1] = [first.position, first.term as RDF.Variable, second.position, second.term as RDF.Variable];
      bind = (quad) => factory.bindings([[v0, quad[p0]], [v1, quad[p1]]]);
    } else if (plain) {
      bind = (quad) => factory.bindings(slots.map(({ position, term }) => [term as RDF.Variable, quad[position]]));
    } else {
      bind = (quad) => {
        const found: Record<string, RDF.Term> = {};
        for (const { position, term } of slots) if (!unify(term, quad[position], found)) return null;
        return factory.bindings(Object.entries(found).map(([name, term]) => [DataFactory.variable(name), term]));
      };
    }
    return new LazyArrayIterator(() => this.#quads(terms), bind);
  }

  /** The number of quads matching a pattern (exact). */
  countQuads(subject?: Pattern, predicate?: Pattern, object?: Pattern, graph?: Pattern): number {
    const terms: Concrete = [concrete(subject), concrete(predicate), concrete(object), concrete(graph)];
    const [s, p, o, g] = terms;
    const known = this.#known(terms);
    if (known) return s && o ? known.reduce((n, quad) => (quad.object.equals(o) ? n + 1 : n), 0) : known.length;
    // One wildcard or none: the store's index counters answer at once.
    if ((s ? 0 : 1) + (p ? 0 : 1) + (o ? 0 : 1) + (g ? 0 : 1) < 2) return this.#store.countQuads(s, p, o, g);
    const key = `${key0(s)} ${key0(p)} ${key0(o)} ${key0(g)}`;
    let cached = this.#counts.get(key);
    if (cached === undefined) this.#counts.set(key, (cached = this.#store.countQuads(s, p, o, g)));
    return cached;
  }

  /** The quads matching a pattern (null = any), from a kept array where there is one; do not modify it. */
  quads(subject: RDF.Term | null, predicate: RDF.Term | null, object: RDF.Term | null, graph: RDF.Term | null): readonly RDF.Quad[] {
    return this.#quads([concrete(subject), concrete(predicate), concrete(object), concrete(graph)]);
  }

  #quads(terms: Concrete): readonly RDF.Quad[] {
    const [s, p, o, g] = terms;
    const known = this.#known(terms);
    if (known) return s && o ? known.filter((quad) => quad.object.equals(o)) : known;
    const quads = this.#store.getQuads(s, p, o, g);
    if (!s && p && (o === null || quads.length >= KEEP_AT_LEAST)) this.#answers.set(answerKey(p, o, g), quads);
    return quads;
  }

  /** A kept answer of (?, p, o), or p's quads indexed by s or o (of (s, p, o) still to filter by o), if any. */
  #known([s, p, o, g]: Concrete): readonly RDF.Quad[] | undefined {
    this.#check();
    const kept = p && !s ? this.#answers.get(answerKey(p, o, g)) : undefined;
    if (kept || !p || !(s || o)) return kept;
    return s ? this.#indexed('subject', s, p, g) : this.#indexed('object', o!, p, g);
  }

  /** (term, p, ?, g) or (?, p, term, g) from p's index by that side, once p was looked up so often enough to pay. */
  #indexed(side: 'subject' | 'object', term: RDF.Term, p: RDF.Term, g: RDF.Term | null): readonly RDF.Quad[] | undefined {
    const key = `${side} ${answerKey(p, null, g)}`;
    let index = this.#byTerm.get(key);
    if (!index) {
      const lookups = (this.#lookups.get(key) ?? 0) + 1;
      this.#lookups.set(key, lookups);
      if (lookups < this.#indexAfter) return undefined;
      index = new Map();
      for (const quad of this.#quads([null, p, null, g])) {
        const k = key0(quad[side]);
        const list = index.get(k);
        if (list) list.push(quad);
        else index.set(k, [quad]);
      }
      this.#byTerm.set(key, index);
    }
    return index.get(key0(term)) ?? NONE;
  }

  /** Forgets every answer, count and index once the store has changed. */
  #check(): void {
    if (this.#store.size === this.#size) return;
    this.#size = this.#store.size;
    this.#answers = new Map();
    this.#counts = new Map();
    this.#byTerm = new Map();
    this.#lookups = new Map();
  }
}

type Concrete = [RDF.Term | null, RDF.Term | null, RDF.Term | null, RDF.Term | null];

/** A pattern term that can be looked up: not a variable and, for a quoted triple, none inside it. */
export function concrete(term: Pattern): RDF.Term | null {
  if (!term || term.termType === 'Variable') return null;
  if (term.termType === 'Quad' && !POSITIONS.every((position) => concrete(term[position]) !== null)) return null;
  return term;
}

function key0(term: RDF.Term | null): string {
  return term === null ? '?' : `${term.termType}:${termToId(term as Parameters<typeof termToId>[0])}`;
}

function answerKey(p: RDF.Term, o: RDF.Term | null, g: RDF.Term | null): string {
  return `${key0(g)} ${p.value} ${key0(o)}`;
}

/** Matches a pattern term against a data term, binding variables consistently. */
export function unify(pattern: RDF.Term, term: RDF.Term, found: Record<string, RDF.Term>): boolean {
  if (pattern.termType === 'Variable') {
    const bound = found[pattern.value];
    if (bound) return bound.equals(term);
    found[pattern.value] = term;
    return true;
  }
  if (pattern.termType === 'Quad') {
    if (term.termType !== 'Quad') return false;
    return POSITIONS.every((position) => unify(pattern[position], term[position], found));
  }
  return pattern.equals(term);
}
