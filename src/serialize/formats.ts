// **formats** is the one table of the formats pharmald answers in (name, extension, media type, writer, and
// whether it serves graphs or solutions): everything that lists formats or media types derives from it.
import type { ModelDescription } from '../model/description.js';
import type { QueryResult } from '../query/answer.js';
import { toCsv, toSparqlJson, toSparqlXml, toTsv } from '../query/results.js';
import { canonicalNTriples, type CanonicalGraph } from './canonical.js';
import { canonicalJsonLd } from './jsonld.js';
import { canonicalTurtle } from './turtle.js';

export type SolutionResult = Exclude<QueryResult, { type: 'quads' }>;

interface Format {
  /** What a reader calls it. */
  readonly name: string;
  readonly extension: string;
  readonly mediaType: string;
}

/** A format of RDF graphs. */
export interface RdfFormat extends Format {
  /** The file name in dist/ (a contract: other people's scripts fetch these names). */
  readonly file: string;
  /** Writes the graph; JSON-LD compacts it with the context of `description` (default pharmald's). */
  readonly write: (graph: CanonicalGraph, description?: ModelDescription) => Promise<string> | string;
}

/** A format of SPARQL solutions. */
export interface SolutionFormat extends Format {
  readonly write: (result: SolutionResult) => string;
}

/** The graph formats, in the order of preference (the first is the default answer). */
export const rdfFormats = {
  turtle: { name: 'Turtle', extension: '.ttl', file: 'dataset.ttl', mediaType: 'text/turtle', write: (graph) => canonicalTurtle(graph.quads) },
  ntriples: { name: 'N-Triples', extension: '.nt', file: 'dataset.nt', mediaType: 'application/n-triples', write: (graph) => canonicalNTriples(graph.quads, graph.lines) },
  jsonld: { name: 'JSON-LD', extension: '.jsonld', file: 'dataset.jsonld', mediaType: 'application/ld+json', write: (graph, description?: ModelDescription) => canonicalJsonLd(graph.quads, description) },
} as const satisfies Record<string, RdfFormat>;

/** The solution formats, in the order of preference (the first is the default answer). */
export const solutionFormats = {
  json: { name: 'SPARQL Results JSON', extension: '.srj', mediaType: 'application/sparql-results+json', write: (result) => JSON.stringify(toSparqlJson(result)) },
  xml: { name: 'SPARQL Results XML', extension: '.srx', mediaType: 'application/sparql-results+xml', write: toSparqlXml },
  csv: { name: 'CSV', extension: '.csv', mediaType: 'text/csv', write: toCsv },
  tsv: { name: 'TSV', extension: '.tsv', mediaType: 'text/tab-separated-values', write: toTsv },
} as const satisfies Record<string, SolutionFormat>;

export type RdfFormatName = keyof typeof rdfFormats;
export type SolutionFormatName = keyof typeof solutionFormats;

/** The format of a media type among `formats`, if any. */
export function formatOfMediaType<F extends Format>(formats: Readonly<Record<string, F>>, mediaType: string): F | undefined {
  return Object.values(formats).find((format) => format.mediaType === mediaType);
}

/** The media types of `formats`, in their order. */
export function mediaTypesOf(formats: Readonly<Record<string, Format>>): string[] {
  return Object.values(formats).map((format) => format.mediaType);
}
