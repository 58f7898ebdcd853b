// **formats** is the one table of the formats pharmald answers in (name, extension, media type, writer, and
// whether it serves graphs or solutions): everything that lists formats or media types derives from it.
import type { ModelDescription } from '../model/description.js';
import type { QueryResult } from '../query/answer.js';
import { toCsv, toSparqlJson, toSparqlXml, toTsv } from '../query/results.js';
import { canonicalNTriples, type CanonicalGraph } from './canonical.js';
import { canonicalJsonLd } from './jsonld.js';
import { toRdfXml } from './rdfxml.js';
import { canonicalTurtle } from './turtle.js';

export type SolutionResult = Exclude<QueryResult, { type: 'quads' }>;

interface Format {
  /** What a reader calls it. */
  readonly name: string;
  readonly extension: string;
  readonly mediaType: string;
  /** Other media types a client may ask for it by (a generic `application/json`), answered under that name. */
  readonly aliases?: readonly string[];
}

/** A format of RDF graphs. */
export interface GraphFormat extends Format {
  /** Writes the graph; JSON-LD compacts it with the context of `description` (default pharmald's). */
  readonly write: (graph: CanonicalGraph, description?: ModelDescription) => Promise<string> | string;
}

/** A format of RDF graphs that the build also writes as files. */
export interface RdfFormat extends GraphFormat {
  /** The file name in dist/ (a contract: other people's scripts fetch these names). */
  readonly file: string;
}

/** A format of SPARQL solutions. */
export interface SolutionFormat extends Format {
  readonly write: (result: SolutionResult) => string;
}

/** The graph formats of the build's files, in the order of preference (the first is the default answer). */
export const rdfFormats = {
  turtle: { name: 'Turtle', extension: '.ttl', file: 'dataset.ttl', mediaType: 'text/turtle', write: (graph) => canonicalTurtle(graph.quads) },
  ntriples: { name: 'N-Triples', extension: '.nt', file: 'dataset.nt', mediaType: 'application/n-triples', write: (graph) => canonicalNTriples(graph.quads, graph.lines) },
  jsonld: { name: 'JSON-LD', extension: '.jsonld', file: 'dataset.jsonld', mediaType: 'application/ld+json', aliases: ['application/json'], write: (graph, description?: ModelDescription) => canonicalJsonLd(graph.quads, description) },
} as const satisfies Record<string, RdfFormat>;

/** Every graph format served on request: the files' formats, then RDF/XML, written from the graph when asked (no file). */
export const graphFormats = {
  ...rdfFormats,
  rdfxml: { name: 'RDF/XML', extension: '.rdf', mediaType: 'application/rdf+xml', write: (graph) => toRdfXml(graph.quads) },
} as const satisfies Record<string, GraphFormat>;

/** The solution formats, in the order of preference (the first is the default answer). */
export const solutionFormats = {
  json: { name: 'SPARQL Results JSON', extension: '.srj', mediaType: 'application/sparql-results+json', aliases: ['application/json'], write: (result) => JSON.stringify(toSparqlJson(result)) },
  xml: { name: 'SPARQL Results XML', extension: '.srx', mediaType: 'application/sparql-results+xml', write: toSparqlXml },
  csv: { name: 'CSV', extension: '.csv', mediaType: 'text/csv', write: toCsv },
  tsv: { name: 'TSV', extension: '.tsv', mediaType: 'text/tab-separated-values', write: toTsv },
} as const satisfies Record<string, SolutionFormat>;

export type RdfFormatName = keyof typeof rdfFormats;
export type SolutionFormatName = keyof typeof solutionFormats;

/** The format of a media type (or an alias) among `formats`, if any. */
export function formatOfMediaType<F extends Format>(formats: Readonly<Record<string, F>>, mediaType: string): F | undefined {
  const all = Object.values(formats);
  return all.find((format) => format.mediaType === mediaType) ?? all.find((format) => format.aliases?.includes(mediaType));
}

/** The media types of `formats`, in their order, then their aliases (so an equal preference takes the proper name). */
export function mediaTypesOf(formats: Readonly<Record<string, Format>>): string[] {
  const all = Object.values(formats);
  return [...all.map((format) => format.mediaType), ...all.flatMap((format) => format.aliases ?? [])];
}
