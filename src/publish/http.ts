// **http** sends one request to a store; every failure is a one-line PublishError naming the endpoint.
import { Authenticator, type Credentials } from './auth.js';
import { networkReason } from './network.js';

/** Publishing failed: the message is one line and names the endpoint (exit 1). */
export class PublishError extends Error {
  override name = 'PublishError';
}

export interface HttpOptions {
  readonly credentials?: Credentials;
  /** Per-request time limit in milliseconds. */
  readonly timeoutMs: number;
}

export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A client for one store: one authenticator shared by all requests, so a challenge is answered once. */
export class StoreClient {
  private readonly authenticator: Authenticator | undefined;

  constructor(private readonly options: HttpOptions) {
    this.authenticator = options.credentials ? new Authenticator(options.credentials) : undefined;
  }

  /** Asks for the store's challenge with a bodiless request, so a large body is not sent only to be refused. */
  async prepare(url: URL): Promise<void> {
    if (!this.authenticator || this.authenticator.ready) return;
    const response = await this.fetch({ method: 'HEAD', url });
    if (response.status === 401) this.authenticator.accept(response.headers.get('www-authenticate'));
    await response.body?.cancel();
  }

  /** Sends a request; resolves with the body of any status below 400, throws a PublishError otherwise. */
  async send(request: HttpRequest): Promise<string> {
    let response = await this.fetch(request);
    if (response.status === 401 && this.authenticator) {
      // First contact, or a stale nonce: take the (new) challenge and try once more.
      const challenge = response.headers.get('www-authenticate');
      await response.body?.cancel();
      if (!this.authenticator.accept(challenge)) {
        throw new PublishError(`${where(request)}: 401 Unauthorized, and the store offers no Digest or Basic authentication (WWW-Authenticate: ${challenge ?? 'none'})`);
      }
      response = await this.fetch(request);
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401) {
      const who = this.options.credentials ? `user "${this.options.credentials.user}" was refused (wrong user or password?)` : 'the store wants a user: give --user and --password-env';
      throw new PublishError(`${where(request)}: 401 Unauthorized: ${who}`);
    }
    if (response.status >= 400) {
      const first = firstLine(text);
      throw new PublishError(`${where(request)}: ${response.status} ${response.statusText}${first ? ` (the store says: ${first})` : ''}`);
    }
    return text;
  }

  private async fetch(request: HttpRequest): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers };
    const authorization = this.authenticator?.header(request.method, `${request.url.pathname}${request.url.search}`, request.body);
    if (authorization) headers['authorization'] = authorization;
    try {
      return await fetch(request.url, {
        method: request.method, headers, body: request.body, signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'follow',
      });
    } catch (error) {
      throw new PublishError(`${where(request)}: ${networkReason(error, this.options.timeoutMs)}`);
    }
  }
}

function where(request: HttpRequest): string {
  return `${request.method} ${request.url.origin}${request.url.pathname}`;
}

/** The first non-empty line of a store's error page, tags stripped, at most 200 characters. */
export function firstLine(text: string): string {
  const line = text.replace(/<[^>]*>/g, ' ').split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).find((l) => l !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
