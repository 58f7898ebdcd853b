// **formats** is the single table of RDF output formats: file name in dist/, media type, writer.
import type { Quad } from '@rdfjs/types';
import { toJsonLd } from './jsonld.js';
import { canonicalNTriples } from './canonical.js';
import { toTurtle } from './turtle.js';

export interface RdfFormat {
  /** The file name in dist/ (a contract: other people's scripts fetch these names). */
  readonly file: string;
  readonly mediaType: string;
  readonly write: (quads: readonly Quad[]) => Promise<string> | string;
}

export const rdfFormats = {
  turtle: { file: 'dataset.ttl', mediaType: 'text/turtle', write: toTurtle },
  ntriples: { file: 'dataset.nt', mediaType: 'application/n-triples', write: canonicalNTriples },
  jsonld: { file: 'dataset.jsonld', mediaType: 'application/ld+json', write: toJsonLd },
} as const satisfies Record<string, RdfFormat>;

export type RdfFormatName = keyof typeof rdfFormats;
