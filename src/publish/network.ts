// **network** says in words why an HTTP request got no answer, for one-line publish and query errors.

/** Why a request got no answer, in words: fetch reports it as "fetch failed" with the reason in `cause`. */
export function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s (timed out)`;
  }
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause !== undefined && !(cause as NodeJS.ErrnoException).code) cause = cause.cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the store running, and on this port?)',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'the store closed the connection',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_SOCKET: 'the store closed the connection',
    UND_ERR_HEADERS_TIMEOUT: 'no answer (headers timeout)',
    UND_ERR_BODY_TIMEOUT: 'no answer (body timeout)',
  };
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return code ? `${message} (${code})` : message;
}
