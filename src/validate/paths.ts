// **paths** reads a SHACL property path from the shapes graph once, as a plain object, and follows it in the
// data graph as rdf-validate-shacl does (value nodes without duplicates; `*` and `+` walk until nothing new).
import type { Term } from '@rdfjs/types';
import type { Store } from 'n3';
import type { DataGraph } from './data-graph.js';
import { distinct, termKey } from './terms.js';
import { Unsupported, listItems } from './shapes-graph.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SH = 'http://www.w3.org/ns/shacl#';

export type Path =
  | { readonly kind: 'predicate'; readonly iri: string }
  | { readonly kind: 'inverse'; readonly iri: string }
  | { readonly kind: 'sequence'; readonly steps: readonly Path[] }
  | { readonly kind: 'alternative'; readonly options: readonly Path[] }
  | { readonly kind: 'zeroOrOne' | 'zeroOrMore' | 'oneOrMore'; readonly inner: Path };

/** The path whose description starts at `node`; throws Unsupported where rdf-validate-shacl would fail. */
export function parsePath(shapes: Store, node: Term): Path {
  if (node.termType === 'NamedNode') return { kind: 'predicate', iri: node.value };
  if (node.termType !== 'BlankNode') throw new Unsupported(`path ${node.value} is not an IRI or a blank node`);
  if (shapes.getObjects(node, `${RDF}first`, null).length > 0) {
    return { kind: 'sequence', steps: listItems(shapes, node).map((step) => parsePath(shapes, step)) };
  }
  const one = (name: string): Term | undefined => {
    const values = shapes.getObjects(node, `${SH}${name}`, null);
    if (values.length > 1) throw new Unsupported(`path with ${values.length} sh:${name}`);
    return values[0];
  };
  const alternatives = one('alternativePath');
  if (alternatives) return { kind: 'alternative', options: listItems(shapes, alternatives).map((o) => parsePath(shapes, o)) };
  for (const kind of ['zeroOrMore', 'oneOrMore', 'zeroOrOne'] as const) {
    const inner = one(`${kind}Path`);
    if (inner) return { kind, inner: parsePath(shapes, inner) };
  }
  const inverse = one('inversePath');
  if (inverse) {
    // rdf-validate-shacl follows the inverse of an IRI only.
    if (inverse.termType !== 'NamedNode') throw new Unsupported('inverse of a complex path');
    return { kind: 'inverse', iri: inverse.value };
  }
  throw new Unsupported(`blank node ${node.value} is no SHACL path`);
}

/** The value nodes of `focus` through `path`, without duplicates. The array may be the index's own. */
export function pathValues(graph: DataGraph, focus: Term, path: Path): readonly Term[] {
  switch (path.kind) {
    case 'predicate': return graph.objects(focus, path.iri);
    case 'inverse': return graph.subjects(path.iri, focus);
    case 'sequence': {
      let current: readonly Term[] = [focus];
      for (const step of path.steps) current = distinct(current.flatMap((node) => pathValues(graph, node, step)));
      return current;
    }
    case 'alternative': return distinct(path.options.flatMap((option) => pathValues(graph, focus, option)));
    case 'zeroOrOne': return distinct([...pathValues(graph, focus, path.inner), focus]);
    case 'zeroOrMore':
    case 'oneOrMore': {
      const reached = new Map<string, Term>();
      const expanded = new Set<string>([termKey(focus)]);
      const queue: Term[] = [focus];
      while (queue.length) {
        for (const value of pathValues(graph, queue.pop()!, path.inner)) {
          const key = termKey(value);
          if (!reached.has(key)) reached.set(key, value);
          if (!expanded.has(key)) {
            expanded.add(key);
            queue.push(value);
          }
        }
      }
      if (path.kind === 'zeroOrMore' && !reached.has(termKey(focus))) reached.set(termKey(focus), focus);
      return [...reached.values()];
    }
  }
}
