// **shapes-graph** reads RDF lists of the shapes graph, and holds Unsupported (sends to the fallback).
import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** A feature the compiled validator does not implement (exactly as rdf-validate-shacl does). */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

/** The members of a well-formed RDF list; throws Unsupported for anything else. */
export function listItems(shapes: Store, head: Term): Term[] {
  const items: Term[] = [];
  const seen = new Set<string>();
  for (let node = head; !(node.termType === 'NamedNode' && node.value === `${RDF}nil`);) {
    if (seen.has(node.value) || items.length > 100000) throw new Unsupported('cyclic RDF list');
    seen.add(node.value);
    const first = shapes.getObjects(node, `${RDF}first`, null);
    const rest = shapes.getObjects(node, `${RDF}rest`, null);
    if (first.length !== 1 || rest.length !== 1) throw new Unsupported(`malformed RDF list at ${node.value}`);
    items.push(first[0]!);
    node = rest[0]!;
  }
  return items;
}
