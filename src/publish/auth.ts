// **auth** answers an HTTP challenge: Digest (RFC 7616, RFC 2617 as Virtuoso sends) or Basic (RFC 7617).
import { createHash, randomBytes } from 'node:crypto';

/** One challenge of a WWW-Authenticate header: the scheme (lower case) and its parameters. */
export interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/** A WWW-Authenticate value's challenges: a new one starts at a token not followed by "=". */
export function parseChallenges(header: string): Challenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  // A token, then `=` and a quoted string (backslash escapes; unterminated: to the end) or a bare value, if a parameter.
  const item = /\s*,?\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\s*=\s*(?:"((?:\\[^]|[^"\\]|\\$)*)"?|([^,\s]*)))?/y;
  for (let match = item.exec(header); match; match = item.exec(header)) {
    const [, name, quoted, bare] = match;
    const last = challenges.at(-1);
    if (!last || (quoted === undefined && bare === undefined)) {
      // A scheme name (a token68 after it, as in `Negotiate abc==`, reads as a harmless stray parameter).
      challenges.push({ scheme: name!.toLowerCase(), params: {} });
      if (quoted !== undefined || bare !== undefined) break; // a parameter before any scheme: nothing more to read
      continue;
    }
    last.params[name!.toLowerCase()] = quoted?.replace(/\\([^])/g, '$1') ?? bare!;
  }
  return challenges;
}

/** The challenge we answer: Digest with an algorithm we know (SHA-256 before MD5), else Basic. */
export function chooseChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  const digests = challenges.filter((c) => c.scheme === 'digest' && hashOf(c.params['algorithm']) !== undefined);
  const rank = (c: Challenge) => (hashOf(c.params['algorithm']) === 'sha256' ? 0 : 1);
  return [...digests].sort((a, b) => rank(a) - rank(b))[0] ?? challenges.find((c) => c.scheme === 'basic');
}

function hashOf(algorithm: string | undefined): 'md5' | 'sha256' | undefined {
  const name = (algorithm ?? 'MD5').toUpperCase().replace(/-SESS$/, '');
  return name === 'MD5' ? 'md5' : name === 'SHA-256' ? 'sha256' : undefined;
}

export interface DigestInput {
  readonly method: string;
  /** The request target as sent: path and query. */
  readonly uri: string;
  readonly nc: number;
  readonly cnonce: string;
  /** The request body, needed only for qop=auth-int. */
  readonly body?: Uint8Array | string;
}

/** The Authorization header value answering a Digest challenge (RFC 7616 § 3.4). */
export function digestAuthorization(challenge: Challenge, credentials: Credentials, input: DigestInput): string {
  const { realm = '', nonce = '', opaque, algorithm } = challenge.params;
  const hash = hashOf(algorithm);
  if (!hash) throw new Error(`unsupported digest algorithm ${algorithm ?? ''}`);
  const h = (text: string | Uint8Array) => createHash(hash).update(text).digest('hex');
  const offered = (challenge.params['qop'] ?? '').split(',').map((q) => q.trim().toLowerCase()).filter(Boolean);
  const qop = offered.includes('auth') ? 'auth' : offered.includes('auth-int') ? 'auth-int' : undefined;
  if (offered.length > 0 && qop === undefined) throw new Error(`unsupported digest qop ${challenge.params['qop']}`);
  const nc = input.nc.toString(16).padStart(8, '0');
  let ha1 = h(`${credentials.user}:${realm}:${credentials.password}`);
  if (/-sess$/i.test(algorithm ?? '')) ha1 = h(`${ha1}:${nonce}:${input.cnonce}`);
  const ha2 = h(qop === 'auth-int' ? `${input.method}:${input.uri}:${h(input.body ?? '')}` : `${input.method}:${input.uri}`);
  const response = qop ? h(`${ha1}:${nonce}:${nc}:${input.cnonce}:${qop}:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);
  const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
  const parts = [
    `username=${quote(credentials.user)}`, `realm=${quote(realm)}`, `nonce=${quote(nonce)}`, `uri=${quote(input.uri)}`,
    ...(algorithm ? [`algorithm=${algorithm}`] : []),
    `response=${quote(response)}`,
    ...(opaque !== undefined ? [`opaque=${quote(opaque)}`] : []),
    ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(input.cnonce)}`] : []),
  ];
  return `Digest ${parts.join(', ')}`;
}

/** One user's answers: keeps the last challenge and counts its nonce, so later requests authenticate at once. */
export class Authenticator {
  private challenge: Challenge | undefined;
  private nc = 0;

  constructor(private readonly credentials: Credentials) {}

  /** Takes a 401's WWW-Authenticate; false when it offers nothing we can answer. */
  accept(header: string | null): boolean {
    const chosen = chooseChallenge(parseChallenges(header ?? ''));
    if (!chosen) return false;
    this.challenge = chosen;
    this.nc = 0;
    return true;
  }

  get ready(): boolean {
    return this.challenge !== undefined;
  }

  /** The Authorization header for a request, or undefined before any challenge. */
  header(method: string, uri: string, body?: Uint8Array | string): string | undefined {
    if (!this.challenge) return undefined;
    const { user, password } = this.credentials;
    if (this.challenge.scheme === 'basic') return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    return digestAuthorization(this.challenge, this.credentials, { method, uri, nc: ++this.nc, cnonce: randomBytes(8).toString('hex'), body });
  }
}
