// **source** is how Comunica reads an N3.Store. Comunica asks an RDF/JS source countQuads() for join
// planning and match() for quads; during a bind join it opens the still-unbound patterns once per binding
// just to read their metadata, then drops them. N3.Store answers match(?, p, ?) by first listing every key
// of the predicate's object index (100,000 keys for rdfs:label at 1 M triples), so each of those probes costs
// O(distinct objects). Here, match(?, p, ?) streams a per-predicate array lazily (a dropped probe costs O(1)),
// and counts of patterns with two or more wildcards, which walk a whole index, are cached.
import { Readable } from 'node:stream';
import type { Quad, Term } from '@rdfjs/types';
import type { Store } from 'n3';

type Pattern = Term | null | undefined;
const unbound = (term: Pattern) => !term || term.termType === 'Variable';

export class IndexedSource {
  readonly #store: Store;
  /** Quads by predicate; only built when the store has no named graphs, so default-graph reads stay exact. */
  readonly #byPredicate = new Map<string, Quad[]>();
  readonly #defaultGraphOnly: boolean;
  readonly #counts = new Map<string, number>();

  constructor(store: Store) {
    this.#store = store;
    this.#defaultGraphOnly = store.getGraphs(null, null, null).every((graph) => graph.termType === 'DefaultGraph');
    if (!this.#defaultGraphOnly) return;
    for (const quad of store.readQuads(null, null, null, null)) {
      let list = this.#byPredicate.get(quad.predicate.value);
      if (!list) this.#byPredicate.set(quad.predicate.value, (list = []));
      list.push(quad);
    }
  }

  match(subject?: Pattern, predicate?: Pattern, object?: Pattern, graph?: Pattern): ReturnType<Store['match']> {
    if (this.#defaultGraphOnly && unbound(subject) && !unbound(predicate) && unbound(object)) {
      const quads = this.#byPredicate.get(predicate!.value) ?? [];
      return Readable.from((function* lazily() { yield* quads; })(), { objectMode: true }) as unknown as ReturnType<Store['match']>;
    }
    type Match = Parameters<Store['match']>;
    return this.#store.match(asTerm(subject) as Match[0], asTerm(predicate) as Match[1], asTerm(object) as Match[2], asTerm(graph) as Match[3]);
  }

  countQuads(subject?: Pattern, predicate?: Pattern, object?: Pattern, graph?: Pattern): number {
    const terms = [subject, predicate, object, graph].map(asTerm);
    type Count = Parameters<Store['countQuads']>;
    const count = () => this.#store.countQuads(...(terms as unknown as Count));
    if (terms.filter((t) => t === null).length < 2) return count();
    const key = terms.map((t) => (t ? `${t.termType}:${t.value}` : '?')).join(' ');
    let cached = this.#counts.get(key);
    if (cached === undefined) this.#counts.set(key, (cached = count()));
    return cached;
  }
}

function asTerm(term: Pattern): Term | null {
  return term && term.termType !== 'Variable' ? term : null;
}
