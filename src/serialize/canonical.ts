// **canonical** puts a graph in one fixed order without duplicates: subjects by IRI, then rdf:type and
// rdfs:label first, then the other predicates and objects by their N-Triples form.
import type { Quad } from '@rdfjs/types';
import { rdf, rdfs } from '../vocab.js';
import { compareCodeUnits, quadToNTriples, termToNTriples, toNTriples } from './ntriples.js';

const predicateRank = (iri: string) => (iri === rdf.type ? 0 : iri === rdfs.label ? 1 : 2);

/** Arrays this module returned: already canonical, so every writer can take them as they are. */
const canonical = new WeakSet<readonly Quad[]>();

export function canonicalQuads(quads: Iterable<Quad>): Quad[] {
  if (isCanonical(quads)) return quads as Quad[];
  // Grouped by subject, then each group sorted: far cheaper than one sort of every triple (1 M at scale).
  const bySubject = new Map<string, Map<string, { quad: Quad; rank: number }>>();
  for (const quad of quads) {
    const subject = termToNTriples(quad.subject);
    const rest = `${termToNTriples(quad.predicate)} ${termToNTriples(quad.object)}`;
    let group = bySubject.get(subject);
    if (!group) bySubject.set(subject, (group = new Map()));
    if (!group.has(rest)) group.set(rest, { quad, rank: predicateRank(quad.predicate.value) });
  }
  const result: Quad[] = [];
  for (const subject of [...bySubject.keys()].sort(compareCodeUnits)) {
    const group = [...bySubject.get(subject)!];
    group.sort(([restA, a], [restB, b]) => a.rank - b.rank || compareCodeUnits(restA, restB));
    for (const [, entry] of group) result.push(entry.quad);
  }
  canonical.add(result);
  return result;
}

function isCanonical(quads: Iterable<Quad>): boolean {
  return Array.isArray(quads) && canonical.has(quads);
}

/**
 * The graph as sorted N-Triples (as `toNTriples`). Quads in canonical order are already sorted by subject,
 * and a line's order is its subject's (a subject's N-Triples form never is a prefix of another's followed by
 * a character below the space after it), so only each subject's lines need sorting.
 */
export function canonicalNTriples(quads: readonly Quad[]): string {
  if (!isCanonical(quads)) return toNTriples(quads);
  const lines: string[] = [];
  for (let start = 0; start < quads.length;) {
    let end = start + 1;
    while (end < quads.length && quads[end]!.subject.equals(quads[start]!.subject)) end++;
    const group = quads.slice(start, end).map(quadToNTriples).sort(compareCodeUnits);
    for (const line of group) lines.push(line);
    start = end;
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
