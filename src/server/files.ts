// **files** serves the built site and the releases from disk, with content negotiation at each entity IRI's path;
// no request path, encoded or not, can reach outside the folder it is served from.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Parser } from 'n3';
import { canonicalGraph } from '../serialize/canonical.js';
import { graphFormats, rdfFormats, type RdfFormat } from '../serialize/formats.js';
import { RdfXmlRefused, toRdfXml } from '../serialize/rdfxml.js';
import { HttpError, type Reply } from './http.js';
import { negotiate } from './negotiate.js';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  ...Object.fromEntries(Object.values(rdfFormats).map((format) => [format.extension, `${format.mediaType}; charset=utf-8`])),
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '': 'text/plain; charset=utf-8',
};

const RDF_XML = graphFormats.rdfxml.mediaType;
const fileFormats: readonly RdfFormat[] = Object.values(rdfFormats);

/** What an RDF resource can be had as: media type → file suffix, in the server's order of preference. */
const representations: readonly (readonly [string, string])[] = [
  ['text/html', '/index.html'],
  ...fileFormats.map((format) => [format.mediaType, format.extension] as const),
  // RDF/XML has no file: it is written from the N-Triples file when asked (the build's output stays as it is).
  [RDF_XML, rdfFormats.ntriples.extension],
  // Last, so an equal preference takes the proper name: `application/json` gets the JSON-LD file.
  ...fileFormats.flatMap((format) => (format.aliases ?? []).map((alias) => [alias, format.extension] as const)),
];

/** The file `urlPath` names inside `root`; undefined unless a clean relative path (after percent-decoding). */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.replace(/^\/+/, '').split('/');
  if (segments.some((segment, i) => segment === '..' || segment === '.' || (segment === '' && i < segments.length - 1))) return undefined;
  const file = path.resolve(root, ...segments);
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : undefined;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function fileReply(request: IncomingMessage, file: string, extraHeaders: Record<string, string> = {}, contentType?: string): Promise<Reply> {
  const body = await readFile(file);
  return bodyReply(request, body, contentType ?? contentTypes[path.extname(file)] ?? 'application/octet-stream', extraHeaders);
}

function bodyReply(request: IncomingMessage, body: Buffer, type: string, extraHeaders: Record<string, string>): Reply {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*', ...extraHeaders };
  if (request.headers['if-none-match']?.split(',').map((t) => t.trim()).includes(etag)) {
    return { status: 304, body: '', headers };
  }
  return { status: 200, contentType: type, body, headers };
}

/** Serves `urlPath` from `root`: a file, or a resource negotiated among `{path}/index.html`, `.ttl`, `.nt`, `.jsonld`. */
export async function serveFromFolder(request: IncomingMessage, root: string, urlPath: string): Promise<Reply | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'use GET or HEAD', { Allow: 'GET, HEAD' });
  const file = resolveInside(root, urlPath);
  if (file === undefined) throw new HttpError(400, 'bad path');
  if (await isFile(file)) return fileReply(request, file);
  if (!(await isFile(path.join(file, 'index.html')))) return undefined;
  const files = new Map<string, string>();
  for (const [mediaType, suffix] of representations) {
    // `/id/drug/ketamine.ttl` beside the page folder, or `/vocab/index.ttl` inside it.
    const candidates = suffix === '/index.html' ? [path.join(file, 'index.html')] : [`${file}${suffix}`, path.join(file, `index${suffix}`)];
    for (const candidate of candidates) if (!files.has(mediaType) && (await isFile(candidate))) files.set(mediaType, candidate);
  }
  return negotiatedFile(request, urlPath, files);
}

/** A release's dataset IRI (`/releases/1.0.0/dataset`) by content negotiation among its dataset files. */
export async function serveDatasetResource(request: IncomingMessage, dir: string, urlPath: string): Promise<Reply | undefined> {
  const files = new Map<string, string>();
  for (const { file, mediaType } of Object.values(rdfFormats)) {
    if (await isFile(path.join(dir, file))) files.set(mediaType, path.join(dir, file));
  }
  return files.size === 0 ? undefined : negotiatedFile(request, urlPath, files);
}

/** The file of the representation (media type → file) the Accept header prefers, or a 406; answered as the type chosen. */
async function negotiatedFile(request: IncomingMessage, urlPath: string, files: ReadonlyMap<string, string>): Promise<Reply> {
  const available = [...files.keys()];
  const chosen = negotiate(request.headers.accept, available);
  if (!chosen) throw new HttpError(406, `${urlPath} is available as ${available.join(', ')}`, { Vary: 'Accept' });
  const type = chosen === 'text/html' ? contentTypes['.html']! : `${chosen}; charset=utf-8`;
  if (chosen !== RDF_XML) return fileReply(request, files.get(chosen)!, { Vary: 'Accept' }, type);
  const quads = new Parser({ format: 'application/n-triples' }).parse(await readFile(files.get(chosen)!, 'utf8'));
  let body: string;
  try {
    body = toRdfXml(canonicalGraph(quads).quads);
  } catch (error) {
    if (!(error instanceof RdfXmlRefused)) throw error;
    // RDF/XML has no form for this graph: the client's next choice among the others, else a 406.
    const others = new Map(files);
    others.delete(RDF_XML);
    return negotiatedFile(request, urlPath, others);
  }
  return bodyReply(request, Buffer.from(body, 'utf8'), type, { Vary: 'Accept' });
}
