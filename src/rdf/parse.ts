// **parse** reads the Turtle files that ship with pharmald (ontology/, shapes/) into quads.
import { readFile } from 'node:fs/promises';
import type { BlankNode, Quad, Term } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';

export async function parseTurtleFile(file: string): Promise<Quad[]> {
  const text = await readFile(file, 'utf8');
  try {
    return relabelBlankNodes(new Parser({ format: 'text/turtle', baseIRI: 'https://w3id.org/pharmald/' }).parse(text));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Names blank nodes b0, b1, … in order of first appearance. The parser's own labels come from a counter
 * shared by the whole process, which would make the same file give different output from run to run.
 */
export function relabelBlankNodes(quads: readonly Quad[]): Quad[] {
  const labels = new Map<string, BlankNode>();
  const relabel = <T extends Term>(term: T): T | BlankNode => {
    if (term.termType !== 'BlankNode') return term;
    let label = labels.get(term.value);
    if (!label) labels.set(term.value, (label = DataFactory.blankNode(`b${labels.size}`)));
    return label;
  };
  return quads.map((q) => DataFactory.quad(relabel(q.subject) as Quad['subject'], q.predicate, relabel(q.object) as Quad['object']));
}

/** Reads an RDF file by its extension: .ttl, .nt or .jsonld (for `pharmald query --dataset`). */
export async function parseRdfFile(file: string): Promise<Quad[]> {
  if (/\.jsonld$|\.json$/i.test(file)) {
    const document = JSON.parse(await readFile(file, 'utf8')) as object;
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads' })) as unknown as string;
    return new Parser({ format: 'application/n-quads' }).parse(nquads);
  }
  if (/\.nt$|\.ttl$/i.test(file)) return parseTurtleFile(file);
  throw new Error(`${file}: unknown RDF file type (expected .ttl, .nt or .jsonld)`);
}
