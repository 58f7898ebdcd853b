// **jsonld** writes a graph as compacted JSON-LD: one node object per subject, sorted by @id, with the
// dataset's context inlined so the file reads the same offline as online.
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { jsonLdContext } from './context.js';
import { toNTriples } from './ntriples.js';

export type JsonLdDocument = { '@context': unknown; '@graph': Record<string, unknown>[] };

/** The graph as a compacted JSON-LD document object. */
export async function toJsonLdDocument(quads: readonly Quad[]): Promise<JsonLdDocument> {
  const expanded = await jsonld.fromRDF(toNTriples(quads), { format: 'application/n-quads' });
  const context = jsonLdContext();
  const compacted = (await jsonld.compact(expanded, context['@context'] as jsonld.ContextDefinition, {
    graph: true,
  })) as unknown as { '@graph'?: Record<string, unknown>[] };
  const graph = [...(compacted['@graph'] ?? [])].sort((a, b) => compareIds(a['id'], b['id']));
  return { '@context': context['@context'], '@graph': graph };
}

/** The graph as JSON-LD text. */
export async function toJsonLd(quads: readonly Quad[]): Promise<string> {
  return `${JSON.stringify(await toJsonLdDocument(quads), null, 2)}\n`;
}

function compareIds(a: unknown, b: unknown): number {
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}
