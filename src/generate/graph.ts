// **graph** is what the RDF generators (shapes, ontology) write with: triples about a subject given as
// (predicate, object) pairs, with nested blank nodes and RDF lists. Blank nodes are numbered per graph, so the
// same description always gives the same quads.
import type { BlankNode, Literal, NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { rdf, xsd } from '../vocab.js';

const { blankNode, literal, namedNode, quad } = DataFactory;

/** An object: a term, or a string for an IRI; pairs with an undefined object are left out. */
export type Value = Quad_Object | string;
export type Pairs = readonly (readonly [predicate: string, object: Value | undefined])[];

export class GraphBuilder {
  readonly #quads: Quad[] = [];
  #blanks = 0;

  /** `label` starts every blank node label (graphs from builders with different labels never share one). */
  constructor(private readonly label: string) {}

  /** Adds the pairs about `subject`, in their order. */
  add(subject: NamedNode | BlankNode | string, pairs: Pairs): void {
    const s = typeof subject === 'string' ? namedNode(subject) : subject;
    for (const [predicate, object] of pairs) {
      if (object !== undefined) this.#quads.push(quad(s, namedNode(predicate), term(object)));
    }
  }

  /** The quads, blank nodes numbered depth first from the named subjects. */
  get quads(): Quad[] {
    const about = new Map<string, Quad[]>();
    for (const q of this.#quads) if (q.subject.termType === 'BlankNode') about.set(q.subject.value, [...(about.get(q.subject.value) ?? []), q]);
    const labels = new Map<string, BlankNode>();
    const visit = (t: Quad_Object) => {
      if (t.termType !== 'BlankNode' || labels.has(t.value)) return;
      labels.set(t.value, blankNode(`${this.label}${labels.size}`));
      for (const q of about.get(t.value) ?? []) visit(q.object);
    };
    for (const q of this.#quads) if (q.subject.termType !== 'BlankNode') visit(q.object);
    const relabel = <T extends Quad_Object>(t: T): T => (t.termType === 'BlankNode' ? labels.get(t.value) ?? t : t) as T;
    return this.#quads.map((q) => quad(relabel(q.subject), q.predicate, relabel(q.object)));
  }

  /** A blank node described by the pairs (Turtle's `[ … ]`). */
  blank(pairs: Pairs): BlankNode {
    const node = blankNode(`_${this.#blanks++}`);
    this.add(node, pairs);
    return node;
  }

  /** An RDF list of the items (Turtle's `( … )`). */
  list(items: readonly Value[]): NamedNode | BlankNode {
    const nil = namedNode(rdf.nil);
    const nodes = items.map(() => blankNode(`_${this.#blanks++}`));
    items.forEach((item, i) => this.add(nodes[i]!, [[rdf.first, item], [rdf.rest, nodes[i + 1] ?? nil]]));
    return nodes[0] ?? nil;
  }
}

const term = (value: Value): Quad_Object => (typeof value === 'string' ? namedNode(value) : value);

/** A text in English. */
export const text = (value: string): Literal => literal(value, 'en');
/** A plain string (xsd:string). */
export const plain = (value: string): Literal => literal(value);
/** An xsd:integer. */
export const integer = (value: number): Literal => literal(String(value), namedNode(xsd.integer));
/** A literal of a datatype. */
export const typed = (value: string, datatype: string): Literal => literal(value, namedNode(datatype));
