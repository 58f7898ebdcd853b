// **canonical** puts a graph in one fixed order without duplicates: subjects by IRI, then rdf:type and
// rdfs:label first, then the other predicates and objects by their N-Triples form.
import type { Quad } from '@rdfjs/types';
import { rdf, rdfs } from '../vocab.js';
import { compareCodePoints, quadToNTriples, termToNTriples } from './ntriples.js';

const predicateRank = (iri: string) => (iri === rdf.type ? 0 : iri === rdfs.label ? 1 : 2);

export function canonicalQuads(quads: Iterable<Quad>): Quad[] {
  const unique = new Map<string, Quad>();
  for (const quad of quads) unique.set(quadToNTriples(quad), quad);
  const keyed = [...unique.values()].map((quad) => ({
    quad,
    subject: termToNTriples(quad.subject),
    rank: predicateRank(quad.predicate.value),
    rest: `${termToNTriples(quad.predicate)} ${termToNTriples(quad.object)}`,
  }));
  keyed.sort((a, b) => compareCodePoints(a.subject, b.subject) || a.rank - b.rank || compareCodePoints(a.rest, b.rest));
  return keyed.map((k) => k.quad);
}
