// **describe** cuts an entity's description out of the published graph: what a page, its alternates and
// `pharmald serve` give for one IRI. It is the entity's own triples, the triples of its parts (IRIs below
// it, such as a mechanism's effects), and the label of every IRI those triples point to, so a client can
// show the neighbours by name without a second request.
import { canonicalGraph, type CanonicalGraph } from '../serialize/canonical.js';
import { rdfs } from '../vocab.js';
import type { SiteGraph } from './graph.js';

export function describeEntity(graph: SiteGraph, entity: string): CanonicalGraph {
  const own = [...graph.outgoing(entity), ...partsOf(graph, entity).flatMap((part) => graph.outgoing(part))];
  const neighbours = new Set(own.filter((q) => q.object.termType === 'NamedNode').map((q) => q.object.value));
  const labels = [...neighbours].flatMap((iri) => graph.outgoing(iri).filter((q) => q.predicate.value === rdfs.label));
  return canonicalGraph([...own, ...labels]);
}

/** The subjects below an entity's IRI (`{entity}/…`), in code point order. */
export function partsOf(graph: SiteGraph, entity: string): string[] {
  return graph.subjectsWithPrefix(`${entity}/`);
}
