// **serializeResult** writes a query's answer in a format of the one table (serialize/formats.ts): by media
// type for the SPARQL endpoint, by name for `pharmald query`.
import { UsageError } from '../errors.js';
import { canonicalGraph } from '../serialize/canonical.js';
import { formatOfMediaType, graphFormats, rdfFormats, solutionFormats } from '../serialize/formats.js';
import type { QueryResult } from './answer.js';
import { toTable } from './results.js';

/** Writes a result in a media type of the formats that fit its kind. */
export async function serializeResult(result: QueryResult, mediaType: string): Promise<string> {
  if (result.type === 'quads') {
    const format = formatOfMediaType(graphFormats, mediaType);
    if (!format) throw new Error(`a graph cannot be written as ${mediaType}`);
    return format.write(canonicalGraph(result.quads));
  }
  const format = formatOfMediaType(solutionFormats, mediaType);
  if (!format) throw new Error(`a result set cannot be written as ${mediaType}`);
  return format.write(result);
}

/** The formats of `pharmald query --format`: a table for people, and formats of the table for programs. */
export const resultFormats = ['table', 'json', 'csv', 'tsv', 'turtle', 'ntriples'] as const;
export type ResultFormat = (typeof resultFormats)[number];

/** Writes a query result in a format; CONSTRUCT / DESCRIBE answers take turtle or ntriples (a table is Turtle). */
export async function formatResult(result: QueryResult, format: ResultFormat): Promise<string> {
  if (result.type === 'quads') {
    if (format === 'table' || format === 'turtle' || format === 'ntriples') return rdfFormats[format === 'ntriples' ? format : 'turtle'].write(canonicalGraph(result.quads));
    throw new UsageError(`a CONSTRUCT or DESCRIBE answer is a graph: use --format turtle or ntriples, not ${format}`);
  }
  if (format === 'turtle' || format === 'ntriples') {
    throw new UsageError(`${result.type === 'boolean' ? 'an ASK' : 'a SELECT'} answer is not a graph: use --format table, json, csv or tsv`);
  }
  if (format === 'table') return toTable(result);
  // JSON on a line of its own, as a terminal or a pipe expects.
  return format === 'json' ? `${solutionFormats.json.write(result)}\n` : solutionFormats[format].write(result);
}
