// **negotiate** picks the media type to answer with from an Accept header (RFC 9110 §12.5.1).

function parseAccept(header: string): { type: string; subtype: string; q: number }[] {
  return header.split(',').flatMap((part) => {
    const [mediaRange, ...params] = part.trim().split(';');
    const [type, subtype] = (mediaRange ?? '').trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParam = params.map((param) => param.trim().split('=')).filter(([name]) => name?.trim().toLowerCase() === 'q').at(-1);
    const q = qParam ? Number(qParam[1]) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q: Math.min(Math.max(q, 0), 1) }] : [];
  });
}

/** The offered type the client prefers (undefined: a 406); no Accept header takes the first offered. */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  const ranges = parseAccept(accept);
  let best: { type: string; q: number; specificity: number } | undefined;
  for (const candidate of offered) {
    const [type, subtype] = candidate.split('/');
    // The most specific range that matches decides the candidate's quality.
    let match: { q: number; specificity: number } | undefined;
    for (const range of ranges) {
      const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' && range.subtype === '*' ? 0 : -1;
      if (specificity >= 0 && (!match || specificity > match.specificity)) match = { q: range.q, specificity };
    }
    if (!match || match.q === 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { type: candidate, ...match };
    }
  }
  return best?.type;
}
