// **app** is `pharmald serve`: one HTTP server that loads the dataset once, answers SPARQL at /sparql
// (in worker threads, with limits) and serves the built site. Routes are a short table, top to bottom.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { compileDataset } from '../build.js';
import { QueryPool } from '../query/pool.js';
import { rdfFormats } from '../serialize/formats.js';
import { quadToNTriples, termToNTriples, toNTriples } from '../serialize/ntriples.js';
import { AnswerCache } from './cache.js';
import { serveDatasetFile } from './datasetFiles.js';
import { serveDefaults } from './defaults.js';
import { resolveInside, serveDatasetResource, serveFromFolder } from './files.js';
import { errorReply, HttpError, send, type Reply } from './http.js';
import { negotiate } from './negotiate.js';
import { queryUiAssets, queryUiPage } from './queryUi.js';
import { handleSearch } from './search.js';
import { serviceDescription } from './serviceDescription.js';
import { corsHeaders, handleSparql } from './sparqlEndpoint.js';

export interface ServeOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** YAML data folder(s) to build one dataset from, in this order (default ./data, else the bundled data). */
  readonly dataDir?: string | readonly string[];
  /** A dataset to serve instead of building one. */
  readonly quads?: readonly Quad[];
  /** Extra named graphs (graph IRI → triples), e.g. for the W3C protocol tests. */
  readonly namedGraphs?: Readonly<Record<string, readonly Quad[]>>;
  /** Per-query time limit. */
  readonly timeoutMs?: number;
  /** Largest request body accepted. */
  readonly maxBodyBytes?: number;
  /** Most results (rows or triples) in one answer. */
  readonly maxResults?: number;
  /** Queries running at once (worker threads). */
  readonly workers?: number;
  /** Queries waiting for a worker before the server answers 503. */
  readonly maxQueue?: number;
  /** SERVICE endpoints queries may federate with. */
  readonly federate?: readonly string[];
  /** The build output: pages from {distDir}/site, releases from {distDir}/releases (default dist). */
  readonly distDir?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly tripleCount: number;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const settings = { ...serveDefaults, ...definedOnly(options) };
  const quads = options.quads ?? (await compileDataset({ dataDir: options.dataDir })).quads;
  const pool = new QueryPool({ ...settings, nquads: toNQuads(quads, options.namedGraphs ?? {}) });
  const uiPage = queryUiPage();
  const allowedServices = options.federate ?? [];
  const endpoint = {
    pool,
    cache: new AnswerCache(1000, 64 * 1024 * 1024),
    maxBodyBytes: settings.maxBodyBytes,
    allowedServices,
    describe: (request: IncomingMessage, url: URL): Reply => describeEndpoint(request, url, uiPage, quads.length, allowedServices.length > 0),
  };

  const server = createServer((request, response) => {
    void routeRequest(request)
      .catch((error: unknown) => {
        // Errors carry CORS headers too, so a browser client can read why (a 503 or 504 included).
        const reply = errorReply(error);
        return { ...reply, headers: { ...reply.headers, ...corsHeaders } };
      })
      .then((reply) => send(request, response, reply))
      .catch((error: unknown) => send(request, response, errorReply(error)));
  });

  const distDir = options.distDir ?? 'dist';
  const siteDir = path.join(distDir, 'site');
  const releasesDir = path.join(distDir, 'releases');
  /** The routes, top to bottom: the endpoint, its UI assets, the releases, the site's search, the dataset files, then the site. */
  async function routeRequest(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const { pathname } = url;
    if (pathname === '/sparql' || pathname === '/sparql/') return handleSparql(request, url, endpoint);
    if (queryUiAssets[pathname]) return asset(request, pathname);
    const version = /^\/releases\/([^/]+)\/dataset$/.exec(pathname);
    if (version) {
      const dir = resolveInside(releasesDir, version[1]!);
      const reply = dir && (await serveDatasetResource(request, dir, pathname));
      if (reply) return reply;
    }
    if (pathname.startsWith('/releases/')) {
      const reply = await serveFromFolder(request, releasesDir, pathname.slice('/releases'.length));
      if (reply) return reply;
    }
    if (pathname === '/search') return handleSearch(request, url, siteDir);
    // The index links the downloads beside site/ (dist/dataset.ttl …): answer them at /dataset.ttl … too.
    const datasetFile = await serveDatasetFile(request, distDir, pathname);
    if (datasetFile) return datasetFile;
    const reply = await serveFromFolder(request, siteDir, pathname === '/' ? '/index.html' : pathname);
    if (reply) return reply;
    if (pathname === '/') return { status: 302, body: '', headers: { Location: '/sparql' } };
    throw new HttpError(404, `nothing at ${pathname}`);
  }

  server.requestTimeout = settings.timeoutMs + 5_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    tripleCount: quads.length,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}

/** The UI's assets, read from the package once, on first request, and then served from memory. */
const assetBodies = new Map<string, Buffer>();

function asset(request: IncomingMessage, pathname: string): Reply {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'use GET', { Allow: 'GET, HEAD' });
  const { file, contentType } = queryUiAssets[pathname]!;
  let body = assetBodies.get(file);
  if (!body) assetBodies.set(file, (body = readFileSync(file)));
  return { status: 200, contentType, body, headers: { 'Cache-Control': 'public, max-age=86400' } };
}

/** GET /sparql without a query: the query UI for a browser, the service description for an RDF client. */
function describeEndpoint(request: IncomingMessage, url: URL, uiPage: string, tripleCount: number, federates: boolean): Reply {
  // N-Triples is also valid Turtle, so one text serves both.
  const offered = [rdfFormats.turtle.mediaType, rdfFormats.ntriples.mediaType, 'text/html'];
  const choice = negotiate(request.headers.accept, offered) ?? rdfFormats.turtle.mediaType;
  const vary = { Vary: 'Accept', ...corsHeaders };
  if (choice === 'text/html') return { status: 200, contentType: 'text/html; charset=utf-8', body: uiPage, headers: vary };
  const host = request.headers.host ?? 'localhost';
  const description = serviceDescription(`http://${host}${url.pathname}`, tripleCount, federates);
  return { status: 200, contentType: `${choice}; charset=utf-8`, body: toNTriples(description), headers: vary };
}

function toNQuads(quads: readonly Quad[], namedGraphs: Readonly<Record<string, readonly Quad[]>>): string {
  const lines = quads.map((q) => `${quadToNTriples(q)}\n`);
  for (const [graph, triples] of Object.entries(namedGraphs)) {
    const g = termToNTriples(DataFactory.namedNode(graph));
    for (const q of triples) lines.push(`${quadToNTriples(q).slice(0, -1)}${g} .\n`);
  }
  return lines.join('');
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
