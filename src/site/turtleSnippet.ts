// **turtleSnippet** writes single triples as Turtle with the dataset's prefixes, for examples a reader can
// paste into a query: `drug:ketamine pld:actsOn target:nmda-receptor .`
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { termToNTriples } from '../serialize/ntriples.js';
import { turtlePrefixes } from '../serialize/turtle.js';
import { rdf } from '../vocab.js';

/** Longest namespace first, so `…/id/drug/` wins over a shorter namespace that also matches. */
const namespaces = Object.entries(turtlePrefixes).sort(([, a], [, b]) => b.length - a.length);

/** Turtle's PN_LOCAL, restricted to what needs no escape. */
const plainLocal = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

/** An IRI as a prefixed name when one fits, else in angle brackets. */
export function compactIri(iri: string): string {
  for (const [prefix, namespace] of namespaces) {
    if (!iri.startsWith(namespace)) continue;
    const local = iri.slice(namespace.length);
    if (local === '' || plainLocal.test(local)) return `${prefix}:${local}`;
  }
  return termToNTriples(DataFactory.namedNode(iri));
}

/** A term in Turtle. */
export function turtleTerm(term: Term): string {
  return term.termType === 'NamedNode' ? compactIri(term.value) : termToNTriples(term);
}

/** One triple as a line of Turtle (`a` for rdf:type). */
export function turtleTriple(subject: Term, predicate: Term, object: Term): string {
  const p = predicate.value === rdf.type ? 'a' : turtleTerm(predicate);
  return `${turtleTerm(subject)} ${p} ${turtleTerm(object)} .`;
}
