// **http** holds the small helpers every route shares: reading a bounded body, answering, and errors
// that carry their HTTP status (never a stack trace in a response).
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Readonly<Record<string, string>> = {}) {
    super(message);
  }
}

/** How much of an oversized body is read and dropped before the 413, so a client still writing can read the answer. */
const DRAIN_FACTOR = 16;
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * Reads a request body as bytes, refusing (413) past `limit` bytes. The rest of an oversized body is read and
 * dropped first (up to 16× the limit or 64 MiB, whichever is less, and 5 s): a client that writes the whole body
 * before reading (Python's urllib) would otherwise see a broken pipe, not the 413. The 413 closes the connection,
 * which also cuts off a body past those bounds.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = new HttpError(413, `request body over the limit of ${limit} bytes`, { Connection: 'close' });
  const bound = Math.min(DRAIN_FACTOR * limit, DRAIN_MAX_BYTES);
  const declared = Number(request.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('error', onError);
      outcome();
    };
    // Stop reading: the 413 goes out now and its Connection: close ends the socket.
    const refuse = () => finish(() => { request.pause(); reject(tooLarge); });
    const startDraining = () => {
      chunks.length = 0;
      timer = setTimeout(refuse, DRAIN_MS);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (timer === undefined) startDraining();
      if (size > bound) refuse();
    };
    const onEnd = () => finish(() => (size > limit ? reject(tooLarge) : resolve(Buffer.concat(chunks))));
    const onError = (error: Error) => finish(() => reject(error));
    request.on('data', onData).on('end', onEnd).on('error', onError);
    if (declared > bound) refuse();
    else if (declared > limit) startDraining();
  });
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
