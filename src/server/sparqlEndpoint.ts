// **sparqlEndpoint** implements the SPARQL 1.1 Protocol for queries over a read-only dataset: GET and both POST
// forms, protocol datasets, content negotiation, and limits that keep one client from hurting the others.
import type { IncomingMessage } from 'node:http';
import { QueryError } from '../errors.js';
import { inspectQuery, type ProtocolDataset } from '../query/inspect.js';
import { QueryRefused, type QueryPool } from '../query/pool.js';
import { graphFormats, mediaTypesOf, solutionFormats } from '../serialize/formats.js';
import type { AnswerCache } from './cache.js';
import { contentTypeOf, HttpError, readBody, type Reply } from './http.js';
import { negotiate } from './negotiate.js';

export interface SparqlEndpointOptions {
  readonly pool: QueryPool;
  readonly cache: AnswerCache;
  readonly maxBodyBytes: number;
  /** SERVICE IRIs the endpoint may call (federation through Comunica); any other is refused. */
  readonly allowedServices: readonly string[];
  /** What GET /sparql without a query answers: a service description or the query UI. */
  readonly describe: (request: IncomingMessage, url: URL) => Reply;
}

export const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type',
} as const;

type ProtocolRequest = ProtocolDataset & { readonly query: string };

const readOnly = () => new HttpError(403, 'SPARQL Update is not allowed: this endpoint is read-only');

/** Reads the query and the protocol dataset from a request, or undefined for a GET without a query. */
async function readProtocolRequest(request: IncomingMessage, url: URL, maxBodyBytes: number): Promise<ProtocolRequest | undefined> {
  const fromUrl = url.searchParams;
  const graphs = (params: URLSearchParams[]) => ({
    defaultGraphs: params.flatMap((p) => p.getAll('default-graph-uri')),
    namedGraphs: params.flatMap((p) => p.getAll('named-graph-uri')),
  });
  const single = (params: URLSearchParams): string | undefined => {
    if (params.has('update')) throw readOnly();
    const queries = params.getAll('query');
    if (queries.length > 1) throw new HttpError(400, 'more than one query parameter');
    return queries[0];
  };

  if (request.method === 'GET' || request.method === 'HEAD') {
    const query = single(fromUrl);
    return query === undefined ? undefined : { query, ...graphs([fromUrl]) };
  }
  if (request.method !== 'POST') {
    throw new HttpError(405, `method ${request.method} is not allowed: use GET or POST`, { Allow: 'GET, HEAD, POST, OPTIONS' });
  }
  const { mediaType, charset } = contentTypeOf(request);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(415, `charset ${charset} is not supported: send UTF-8`);
  }
  if (mediaType === 'application/sparql-update') throw readOnly();
  if (mediaType === 'application/x-www-form-urlencoded') {
    const body = new URLSearchParams(decodeUtf8(await readBody(request, maxBodyBytes)));
    const query = single(body);
    if (query === undefined) throw new HttpError(400, 'no query parameter in the form');
    if (fromUrl.has('query')) throw new HttpError(400, 'a query in both the URL and the form');
    return { query, ...graphs([fromUrl, body]) };
  }
  if (mediaType === 'application/sparql-query') {
    if (fromUrl.has('query')) throw new HttpError(400, 'a query in both the URL and the body');
    return { query: decodeUtf8(await readBody(request, maxBodyBytes)), ...graphs([fromUrl]) };
  }
  throw new HttpError(415, `a POST must be application/x-www-form-urlencoded or application/sparql-query, not ${mediaType || 'untyped'}`);
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(415, 'the request body is not valid UTF-8');
  }
}

export async function handleSparql(request: IncomingMessage, url: URL, options: SparqlEndpointOptions): Promise<Reply> {
  if (request.method === 'OPTIONS') return { status: 204, body: '', headers: corsHeaders };
  const protocol = await readProtocolRequest(request, url, options.maxBodyBytes);
  if (!protocol) return options.describe(request, url);
  // The data never changes while the server runs: a request seen before (same query, protocol dataset,
  // Accept and Host, which sets the base IRI) has the same answer, given without parsing the query again.
  const requestKey = [request.headers.accept, request.headers.host, protocol.defaultGraphs.join(' '), protocol.namedGraphs.join(' '), protocol.query].join('\n');
  const seen = options.cache.get(requestKey);
  if (seen !== undefined) return answer(seen.mediaType, seen.body);

  let shape;
  try {
    // The endpoint's own URL is the base IRI; a Host header that is not a plain host[:port] is not trusted.
    const host = /^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i.test(request.headers.host ?? '') ? request.headers.host : 'localhost';
    shape = inspectQuery(protocol.query, protocol, `http://${host}/sparql`);
  } catch (error) {
    if (error instanceof QueryError && /read-only/.test(error.message)) throw readOnly();
    throw new HttpError(400, error instanceof Error ? error.message : String(error));
  }
  const refused = shape.services.filter((service) => !options.allowedServices.includes(service));
  if (refused.length > 0) {
    const allowed = options.allowedServices.length ? `; allowed: ${options.allowedServices.join(', ')}` : '; this endpoint federates with no other';
    throw new HttpError(403, `SERVICE <${refused[0]}> is not allowed${allowed}`);
  }

  const offered = mediaTypesOf(shape.form === 'SELECT' || shape.form === 'ASK' ? solutionFormats : graphFormats);
  let mediaType = negotiate(request.headers.accept, offered);
  if (!mediaType) throw new HttpError(406, `cannot answer a ${shape.form} query as ${request.headers.accept}; offered: ${offered.join(', ')}`);

  let body: string;
  try {
    body = await run(options.pool, shape.sparql, mediaType);
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 406)) throw error;
    // RDF/XML has no form for this graph (a predicate that ends in no XML name): the client's next choice, else a 406.
    const rest = offered.filter((type) => type !== graphFormats.rdfxml.mediaType);
    mediaType = negotiate(request.headers.accept, rest);
    if (!mediaType) throw new HttpError(406, `${error.message}; offered: ${rest.join(', ')}`, { Vary: 'Accept' });
    body = await run(options.pool, shape.sparql, mediaType);
  }
  options.cache.set(requestKey, { mediaType, body });
  return answer(mediaType, body);
}

/** Runs a query in the pool; its refusals become HTTP errors (a graph RDF/XML cannot write, a 406). */
async function run(pool: QueryPool, sparql: string, mediaType: string): Promise<string> {
  try {
    return await pool.run(sparql, mediaType);
  } catch (error) {
    if (error instanceof QueryRefused) {
      throw new HttpError(error.status, error.message, error.status === 503 ? { 'Retry-After': '1' } : {});
    }
    throw error;
  }
}

function answer(mediaType: string, body: string): Reply {
  return { status: 200, contentType: `${mediaType}; charset=utf-8`, body, headers: { Vary: 'Accept', ...corsHeaders } };
}
