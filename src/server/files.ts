// **files** serves the built site and the releases from disk: static files, and content negotiation at
// each entity IRI's path (`/id/drug/ketamine`: the page for a browser, the description for an RDF client).
// No request path, encoded or not, can reach outside the folder it is served from.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { formatOfMediaType, rdfFormats } from '../serialize/formats.js';
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

/** What an RDF resource can be had as: media type → file suffix, in the server's order of preference. */
const representations: readonly (readonly [string, string])[] = [
  ['text/html', '/index.html'],
  ...Object.values(rdfFormats).map((format) => [format.mediaType, format.extension] as const),
];

/**
 * The file a URL path names inside `root`, or undefined when the path is not a clean relative path:
 * `..`, `.`, empty segments inside, backslashes and NUL are refused after percent-decoding.
 */
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

async function fileReply(request: IncomingMessage, file: string, extraHeaders: Record<string, string> = {}): Promise<Reply> {
  const body = await readFile(file);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*', ...extraHeaders };
  if (request.headers['if-none-match']?.split(',').map((t) => t.trim()).includes(etag)) {
    return { status: 304, body: '', headers };
  }
  const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
  return { status: 200, contentType: type, body, headers };
}

/**
 * Serves `urlPath` from `root`: an existing file as it is; otherwise a resource whose representations
 * exist as `{path}/index.html`, `{path}.ttl`, `{path}.nt`, `{path}.jsonld`, chosen by the Accept header.
 * Undefined when nothing is there.
 */
export async function serveFromFolder(request: IncomingMessage, root: string, urlPath: string): Promise<Reply | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'use GET or HEAD', { Allow: 'GET, HEAD' });
  const file = resolveInside(root, urlPath);
  if (file === undefined) throw new HttpError(400, 'bad path');
  if (await isFile(file)) return fileReply(request, file);
  if (await isFile(path.join(file, 'index.html'))) {
    const available: string[] = [];
    const files = new Map<string, string>();
    for (const [mediaType, suffix] of representations) {
      // `/id/drug/ketamine.ttl` beside the page folder, or `/vocab/index.ttl` inside it.
      const candidates = suffix === '/index.html' ? [path.join(file, 'index.html')] : [`${file}${suffix}`, path.join(file, `index${suffix}`)];
      for (const candidate of candidates) {
        if (!files.has(mediaType) && (await isFile(candidate))) {
          available.push(mediaType);
          files.set(mediaType, candidate);
        }
      }
    }
    const chosen = negotiate(request.headers.accept, available);
    if (!chosen) throw new HttpError(406, `${urlPath} is available as ${available.join(', ')}`, { Vary: 'Accept' });
    return fileReply(request, files.get(chosen)!, { Vary: 'Accept' });
  }
  return undefined;
}

/** A release's dataset IRI (`/releases/1.0.0/dataset`) by content negotiation among its dataset files. */
export async function serveDatasetResource(request: IncomingMessage, dir: string, urlPath: string): Promise<Reply | undefined> {
  const available = [];
  for (const format of Object.values(rdfFormats)) if (await isFile(path.join(dir, format.file))) available.push(format.mediaType);
  if (available.length === 0) return undefined;
  const chosen = negotiate(request.headers.accept, available);
  if (!chosen) throw new HttpError(406, `${urlPath} is available as ${available.join(', ')}`, { Vary: 'Accept' });
  return fileReply(request, path.join(dir, formatOfMediaType(rdfFormats, chosen)!.file), { Vary: 'Accept' });
}
