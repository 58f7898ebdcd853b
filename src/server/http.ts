// **http** holds the small helpers every route shares: reading a bounded body, answering, and errors
// that carry their HTTP status (never a stack trace in a response).
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Readonly<Record<string, string>> = {}) {
    super(message);
  }
}

/** Reads a request body as bytes, refusing (413) past `limit` bytes without reading the rest. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body over the limit of ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body over the limit of ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface Reply {
  readonly status: number;
  readonly contentType?: string;
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export function send(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  response.statusCode = reply.status;
  if (reply.contentType) response.setHeader('Content-Type', reply.contentType);
  response.setHeader('Content-Length', body.length);
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** A plain-text error answer: the status and one line of message. */
export function errorReply(error: unknown): Reply {
  const { status, message, headers } = error instanceof HttpError
    ? error
    : { status: 500, message: 'internal error', headers: {} };
  const body = `${status} ${message.replace(/\s*\n\s*/g, ' ')}\n`;
  return { status, contentType: 'text/plain; charset=utf-8', body, headers };
}

/** The media type of a Content-Type header, lower-cased, and its charset if given. */
export function contentTypeOf(request: IncomingMessage): { mediaType: string; charset: string | undefined } {
  const header = request.headers['content-type'] ?? '';
  const [mediaType, ...params] = header.split(';').map((part) => part.trim());
  const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice('charset='.length).replace(/"/g, '').toLowerCase();
  return { mediaType: (mediaType ?? '').toLowerCase(), charset };
}
