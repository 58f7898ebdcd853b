// **canonical** orders a graph without duplicates: subjects by IRI, rdf:type and rdfs:label first, then by N-Triples.
import type { Quad } from '@rdfjs/types';
import { rdf, rdfs } from '../vocab.js';
import { compareCodeUnits, termToNTriples } from './ntriples.js';

const predicateRank = (iri: string) => (iri === rdf.type ? 0 : iri === rdfs.label ? 1 : 2);

/** A graph in canonical order, which every writer takes as it is. */
export interface CanonicalGraph {
  readonly quads: readonly Quad[];
  /** Each quad's N-Triples form without the final " .": the ordering computes them, the N-Triples file reuses them. */
  readonly lines: readonly string[];
}

export function canonicalGraph(quads: Iterable<Quad>): CanonicalGraph {
  // Grouped by subject, then each group sorted: far cheaper than one sort of every triple (1 M at scale).
  const bySubject = new Map<string, Map<string, { quad: Quad; rank: number }>>();
  // A graph has few predicates, and an entity's triples come together: write each of those once.
  const predicates = new Map<string, string>();
  let lastSubject: Quad['subject'] | undefined;
  let subject = '';
  let group: Map<string, { quad: Quad; rank: number }> | undefined;
  for (const quad of quads) {
    if (!lastSubject || !quad.subject.equals(lastSubject)) {
      lastSubject = quad.subject;
      subject = termToNTriples(quad.subject);
      group = bySubject.get(subject);
      if (!group) bySubject.set(subject, (group = new Map()));
    }
    let predicate = predicates.get(quad.predicate.value);
    if (predicate === undefined) predicates.set(quad.predicate.value, (predicate = termToNTriples(quad.predicate)));
    const rest = `${predicate} ${termToNTriples(quad.object)}`;
    if (!group!.has(rest)) group!.set(rest, { quad, rank: predicateRank(quad.predicate.value) });
  }
  const ordered: Quad[] = [];
  const lines: string[] = [];
  for (const subject of [...bySubject.keys()].sort(compareCodeUnits)) {
    const group = [...bySubject.get(subject)!];
    group.sort(([restA, a], [restB, b]) => a.rank - b.rank || compareCodeUnits(restA, restB));
    for (const [rest, entry] of group) {
      ordered.push(entry.quad);
      lines.push(`${subject} ${rest}`);
    }
  }
  return { quads: ordered, lines };
}

/** The quads of `canonicalGraph`. */
export function canonicalQuads(quads: Iterable<Quad>): Quad[] {
  return canonicalGraph(quads).quads as Quad[];
}

/** Canonical quads as sorted N-Triples; they are sorted by subject already, so only each subject's lines are sorted. */
export function canonicalNTriples(quads: readonly Quad[], lines: readonly string[] = quads.map(lineOf)): string {
  const sorted: string[] = [];
  for (let start = 0; start < lines.length;) {
    let end = start + 1;
    while (end < lines.length && quads[end]!.subject.equals(quads[start]!.subject)) end++;
    const group = lines.slice(start, end).sort(compareCodeUnits);
    for (const line of group) sorted.push(line);
    start = end;
  }
  return sorted.length ? `${sorted.join(' .\n')} .\n` : '';
}

const lineOf = (quad: Quad) => `${termToNTriples(quad.subject)} ${termToNTriples(quad.predicate)} ${termToNTriples(quad.object)}`;
