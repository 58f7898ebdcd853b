// **canonical** puts a graph in one fixed order without duplicates: subjects by IRI, then rdf:type and
// rdfs:label first, then the other predicates and objects by their N-Triples form.
import type { Quad } from '@rdfjs/types';
import { rdf, rdfs } from '../vocab.js';
import { compareCodePoints, termToNTriples } from './ntriples.js';

const predicateRank = (iri: string) => (iri === rdf.type ? 0 : iri === rdfs.label ? 1 : 2);

/** Arrays this module returned: already canonical, so every writer can take them as they are. */
const canonical = new WeakSet<readonly Quad[]>();

export function canonicalQuads(quads: Iterable<Quad>): Quad[] {
  if (Array.isArray(quads) && canonical.has(quads)) return quads as Quad[];
  const unique = new Map<string, { quad: Quad; subject: string; rank: number; rest: string }>();
  for (const quad of quads) {
    const subject = termToNTriples(quad.subject);
    const rest = `${termToNTriples(quad.predicate)} ${termToNTriples(quad.object)}`;
    const key = `${subject} ${rest}`;
    if (!unique.has(key)) unique.set(key, { quad, subject, rank: predicateRank(quad.predicate.value), rest });
  }
  const keyed = [...unique.values()];
  keyed.sort((a, b) => compareCodePoints(a.subject, b.subject) || a.rank - b.rank || compareCodePoints(a.rest, b.rest));
  const result = keyed.map((k) => k.quad);
  canonical.add(result);
  return result;
}
