// **remote** runs a SPARQL query against a store's SPARQL 1.1 endpoint through Comunica, with answers shaped as
// the in-process engine's, so `pharmald query --endpoint` prints them with the same code.
import { QueryEngine } from '@comunica/query-sparql';
import { oneLine, QueryError } from '../errors.js';
import { Authenticator, type Credentials } from '../publish/auth.js';
import { networkReason } from '../publish/network.js';
import { readAnswer, type QueryResult } from './answer.js';

let engine: QueryEngine | undefined;

export interface RemoteQueryOptions {
  /** Time limit for each HTTP request to the endpoint, in milliseconds (default 300 000). */
  readonly timeoutMs?: number;
  /** The graph to query as the default graph (the SPARQL Protocol's default-graph-uri); default: the store's. */
  readonly graph?: string;
  /** A user for a protected endpoint: answered with Digest or Basic authentication when the store asks. */
  readonly credentials?: Credentials;
}

/** Runs `sparql` at the endpoint: Comunica sends the whole query to the store, over its default graph. No UPDATE. */
export async function queryEndpoint(endpoint: string, sparql: string, options: RemoteQueryOptions = {}): Promise<QueryResult> {
  engine ??= new QueryEngine();
  const timeoutMs = options.timeoutMs ?? 300_000;
  try {
    const result = await engine.query(sparql, {
      sources: [{ type: 'sparql', value: endpoint }],
      // The time limit is set in endpointFetch: Comunica's httpTimeout timer keeps the process alive after a failure.
      fetch: endpointFetch(endpoint, options, timeoutMs),
    });
    return await readAnswer(result, 'SPARQL UPDATE is not supported by pharmald query: it only reads');
  } catch (error) {
    if (error instanceof QueryError) throw error;
    // Comunica puts the store's answer on the lines after its own: keep both, on one line, briefly.
    const message = oneLine(error instanceof Error && error.message === 'fetch failed'
      ? networkReason(error, timeoutMs)
      : error instanceof Error ? error.message : String(error));
    throw new QueryError(`${endpoint}: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`);
  }
}

// Comunica's fetch: mends a URL that had a query string (Comunica appends `?query=`), adds default-graph-uri (in a
// form body, else the URL, as the Protocol says), and answers a 401 challenge once, then authenticates up front.
function endpointFetch(endpoint: string, options: RemoteQueryOptions, timeoutMs: number): typeof fetch {
  const authenticator = options.credentials ? new Authenticator(options.credentials) : undefined;
  return async (input, init) => {
    let url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (endpoint.includes('?') && url.href.startsWith(`${endpoint}?`)) url = new URL(`${endpoint}&${url.href.slice(endpoint.length + 1)}`);
    let body = init?.body;
    if (options.graph !== undefined) {
      if (body instanceof URLSearchParams) {
        body = new URLSearchParams(body);
        body.append('default-graph-uri', options.graph);
      } else {
        url.searchParams.append('default-graph-uri', options.graph);
      }
    }
    const send = () => {
      const headers = new Headers(init?.headers);
      const text = typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : undefined;
      const authorization = authenticator?.header(init?.method ?? 'GET', `${url.pathname}${url.search}`, text);
      if (authorization) headers.set('authorization', authorization);
      const timeout = AbortSignal.timeout(timeoutMs);
      return fetch(url, { ...init, headers, body, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    };
    const response = await send();
    if (response.status !== 401 || !authenticator || !authenticator.accept(response.headers.get('www-authenticate'))) return response;
    await response.body?.cancel();
    return send();
  };
}
