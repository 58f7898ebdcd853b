// **serializeResult** is the table of SPARQL result media types: which answers each can carry, and how.
import { toJsonLd } from '../serialize/jsonld.js';
import { toNTriples } from '../serialize/ntriples.js';
import { toTurtle } from '../serialize/turtle.js';
import type { QueryResult } from './engine.js';
import { toCsv, toSparqlJson, toSparqlXml, toTsv } from './results.js';

type SolutionResult = Exclude<QueryResult, { type: 'quads' }>;
type GraphResult = Extract<QueryResult, { type: 'quads' }>;

/** Media types for SELECT / ASK answers, the first one the default. */
export const solutionMediaTypes: Readonly<Record<string, (result: SolutionResult) => string>> = {
  'application/sparql-results+json': (result) => JSON.stringify(toSparqlJson(result)),
  'application/sparql-results+xml': toSparqlXml,
  'text/csv': toCsv,
  'text/tab-separated-values': toTsv,
};

/** Media types for CONSTRUCT / DESCRIBE answers, the first one the default. */
export const graphMediaTypes: Readonly<Record<string, (result: GraphResult) => Promise<string> | string>> = {
  'text/turtle': (result) => toTurtle(result.quads),
  'application/n-triples': (result) => toNTriples(result.quads),
  'application/ld+json': (result) => toJsonLd(result.quads),
};

/** Writes a result in a media type chosen from the table that fits its kind. */
export async function serializeResult(result: QueryResult, mediaType: string): Promise<string> {
  if (result.type === 'quads') {
    const write = graphMediaTypes[mediaType];
    if (!write) throw new Error(`a graph cannot be written as ${mediaType}`);
    return write(result);
  }
  const write = solutionMediaTypes[mediaType];
  if (!write) throw new Error(`a result set cannot be written as ${mediaType}`);
  return write(result);
}
