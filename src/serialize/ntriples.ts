// **ntriples** writes canonical N-Triples, the text form every other output is sorted by.
import type { Quad, Term } from '@rdfjs/types';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** A term in N-Triples syntax (canonical escaping of RDF 1.1 N-Triples). */
export function termToNTriples(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${escapeIri(term.value)}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const lexical = `"${escapeLiteral(term.value)}"`;
      if (term.language) return `${lexical}@${term.language}`;
      const datatype = term.datatype.value;
      return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? lexical : `${lexical}^^<${escapeIri(datatype)}>`;
    }
    default:
      throw new Error(`cannot write a ${term.termType} in N-Triples`);
  }
}

/** A triple as one N-Triples line, without the newline. */
export function quadToNTriples(quad: Quad): string {
  return `${termToNTriples(quad.subject)} ${termToNTriples(quad.predicate)} ${termToNTriples(quad.object)} .`;
}

/** A graph as N-Triples, one triple a line, sorted and without duplicates. */
export function toNTriples(quads: readonly Quad[]): string {
  const lines = [...new Set(quads.map(quadToNTriples))].sort(compareCodeUnits);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Orders strings by UTF-16 code unit (JavaScript's own order), the same in every locale and runtime. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeLiteral(value: string): string {
  return value.replace(/["\\\n\r]/g, (c) => (c === '"' ? '\\"' : c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'));
}

function escapeIri(value: string): string {
  // IRIs from our own minting and tables never hold these; escape rather than write broken syntax.
  return value.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
