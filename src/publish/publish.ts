// **publish** loads a dataset into a triplestore over the SPARQL 1.1 Graph Store Protocol: PUT the first chunk,
// POST the rest, then a SPARQL COUNT checks that the graph holds exactly the triples sent. No store specifics.
import type { Quad } from '@rdfjs/types';
import type { ProgressListener } from '../io/progress.js';
import { rdfFormats } from '../serialize/formats.js';
import type { Credentials } from './auth.js';
import { chunkTriples } from './chunks.js';
import { publishDefaults } from './defaults.js';
import { PublishError, StoreClient } from './http.js';

export interface PublishOptions {
  /** The Graph Store Protocol service, e.g. http://localhost:8890/sparql-graph-crud-auth. */
  readonly endpoint: string;
  /** The named graph to replace. */
  readonly graph: string;
  /** The SPARQL query endpoint for the count (default: the same origin + /sparql). */
  readonly sparql?: string;
  readonly credentials?: Credentials;
  /** Triples per request (default 50 000). */
  readonly chunkTriples?: number;
  /** Per-request time limit in milliseconds (default 300 000). */
  readonly timeoutMs?: number;
  readonly onProgress?: ProgressListener;
}

export interface PublishResult {
  readonly triples: number;
  readonly chunks: number;
  /** What the store's SPARQL endpoint counts in the graph afterwards (equal to `triples`). */
  readonly stored: number;
  readonly seconds: number;
  readonly sparql: string;
}

/** Replaces `graph` at the store with `quads`, chunk by chunk, and checks the count. */
export async function publish(quads: Iterable<Quad>, options: PublishOptions): Promise<PublishResult> {
  const started = performance.now();
  const endpoint = parseUrl(options.endpoint, '--endpoint');
  // No --sparql: `/sparql` on the Graph Store's origin (Virtuoso's layout).
  const sparql = parseUrl(options.sparql ?? new URL('/sparql', endpoint).href, '--sparql');
  const graph = options.graph;
  const { chunks, triples } = chunkTriples(quads, options.chunkTriples ?? publishDefaults.chunkTriples);
  const client = new StoreClient({ credentials: options.credentials, timeoutMs: options.timeoutMs ?? publishDefaults.timeoutMs });
  const target = new URL(endpoint);
  target.searchParams.append('graph', graph);

  await client.prepare(target);
  if (chunks.length === 0) {
    // An empty dataset still replaces the graph: GSP's DELETE empties it (404 when it did not exist).
    await client.send({ method: 'DELETE', url: target }).catch((error: unknown) => {
      if (!(error instanceof PublishError && / 404 /.test(error.message))) throw error;
    });
  }
  let sent = 0;
  for (const [index, chunk] of chunks.entries()) {
    options.onProgress?.({ stage: 'publish', done: index, total: chunks.length });
    try {
      await client.send({
        method: index === 0 ? 'PUT' : 'POST',
        url: target,
        headers: { 'content-type': `${rdfFormats.ntriples.mediaType}; charset=utf-8` },
        body: chunk.body,
      });
    } catch (error) {
      if (index === 0 || !(error instanceof PublishError)) throw error;
      throw new PublishError(`${error.message}; chunk ${index + 1} of ${chunks.length} failed, so graph <${graph}> is PARTIALLY loaded `
        + `(${sent} of ${triples} triples): publish again to replace it`);
    }
    sent += chunk.triples;
  }
  options.onProgress?.({ stage: 'publish', done: chunks.length, total: chunks.length });

  const stored = await countTriples(client, sparql, graph);
  if (stored !== triples) {
    throw new PublishError(`${sparql.origin}${sparql.pathname}: graph <${graph}> holds ${stored} triples after publishing, but ${triples} were sent`);
  }
  return { triples, chunks: chunks.length, stored, seconds: (performance.now() - started) / 1000, sparql: sparql.href };
}

/** Counts the triples of a named graph through a SPARQL 1.1 Protocol endpoint (POST, JSON results). */
export async function countTriples(client: StoreClient, sparql: URL, graph: string): Promise<number> {
  const query = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?o } }`;
  const text = await client.send({
    method: 'POST',
    url: sparql,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query }).toString(),
  });
  let n: unknown;
  try {
    const json = JSON.parse(text) as { results?: { bindings?: { n?: { value?: string } }[] } };
    n = json.results?.bindings?.[0]?.n?.value;
  } catch {
    n = undefined;
  }
  const count = typeof n === 'string' && /^\d+$/.test(n) ? Number(n) : NaN;
  if (Number.isNaN(count)) {
    throw new PublishError(`POST ${sparql.origin}${sparql.pathname}: the COUNT query gave no SPARQL JSON count (is --sparql the store's query endpoint?)`);
  }
  return count;
}

function parseUrl(text: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PublishError(`${option} ${text} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PublishError(`${option} ${text}: only http and https are supported`);
  return url;
}
