// **parse** reads the Turtle files that ship with pharmald (ontology/, shapes/) into quads.
import { readFile } from 'node:fs/promises';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { Parser } from 'n3';

export async function parseTurtleFile(file: string): Promise<Quad[]> {
  const text = await readFile(file, 'utf8');
  try {
    return new Parser({ format: 'text/turtle', baseIRI: 'https://w3id.org/pharmald/' }).parse(text);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
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
