// **remote** runs a SPARQL query against a store's SPARQL 1.1 endpoint through Comunica, with answers in
// the same shape as the in-process engine (engine.ts), so `pharmald query --endpoint` prints them with the
// same formatting code.
import { QueryEngine } from '@comunica/query-sparql';
import { oneLine, QueryError } from '../errors.js';
import { networkReason } from '../publish/network.js';
import { readAnswer, type QueryResult } from './answer.js';

let engine: QueryEngine | undefined;

export interface RemoteQueryOptions {
  /** Time limit for each HTTP request to the endpoint, in milliseconds (default 300 000). */
  readonly timeoutMs?: number;
  /** The graph to query as the default graph (the SPARQL Protocol's default-graph-uri); default: the store's. */
  readonly graph?: string;
}

/**
 * Runs `sparql` against the SPARQL endpoint at `endpoint`. With a single SPARQL endpoint as its source,
 * Comunica sends the whole query to the store, which evaluates it (over its default graph: for Virtuoso the
 * union of all graphs). UPDATE is refused, as in-process.
 */
export async function queryEndpoint(endpoint: string, sparql: string, options: RemoteQueryOptions = {}): Promise<QueryResult> {
  engine ??= new QueryEngine();
  const fail = (error: unknown): never => {
    // Comunica puts the store's answer on the lines after its own: keep both, on one line, briefly.
    const message = oneLine(error instanceof Error && error.message === 'fetch failed'
      ? networkReason(error, options.timeoutMs ?? 300_000)
      : error instanceof Error ? error.message : String(error));
    throw new QueryError(`${endpoint}: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`);
  };
  let result;
  try {
    result = await engine.query(sparql, {
      sources: [{ type: 'sparql', value: endpoint }],
      // The time limit is set in endpointFetch, not with Comunica's httpTimeout, whose timer would keep the
      // process alive for its whole length after a failed request.
      fetch: endpointFetch(endpoint, options.graph, options.timeoutMs ?? 300_000),
    });
  } catch (error) {
    return fail(error);
  }
  try {
    return await readAnswer(result, 'SPARQL UPDATE is not supported by pharmald query: it only reads');
  } catch (error) {
    if (error instanceof QueryError) throw error;
    return fail(error);
  }
}

/**
 * The fetch Comunica uses for the endpoint. It mends a URL that already had a query string (Comunica appends
 * `?query=` to it, giving two "?"), and adds default-graph-uri when a graph is chosen: in the form body of a
 * URL-encoded POST, in the URL otherwise, as the SPARQL 1.1 Protocol places it.
 */
function endpointFetch(endpoint: string, graph: string | undefined, timeoutMs: number): typeof fetch {
  return (input, init) => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (endpoint.includes('?') && url.startsWith(`${endpoint}?`)) url = `${endpoint}&${url.slice(endpoint.length + 1)}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    if (graph === undefined) return fetch(url, { ...init, signal });
    if (init?.body instanceof URLSearchParams) {
      const body = new URLSearchParams(init.body);
      body.append('default-graph-uri', graph);
      return fetch(url, { ...init, body, signal });
    }
    const target = new URL(url);
    target.searchParams.append('default-graph-uri', graph);
    return fetch(target, { ...init, signal });
  };
}
