// **extract** reads the JSON-LD script elements of an HTML page the way the JSON-LD 1.1 API says a
// processor does (§ "Process HTML" of the LoadDocumentCallback): the first `application/ld+json` script,
// or all of them, their text taken raw (character references are not decoded in a script element), a
// comment wrapper `<!-- … -->` removed, and an error when comment markers are left or the text is not JSON.
// It is how the tests read our pages, checked against the W3C JSON-LD-in-HTML test cases.
// It is a scanner for well-formed pages, not an HTML parser: it skips comments, and takes a script's text
// up to the first `</script`, which is where a browser ends it too as long as the text has no `<!--`
// (our pages escape every `<` in their JSON).

export class JsonLdScriptError extends Error {
  constructor(
    /** The JSON-LD API error code: `loading document failed` or `invalid script element`. */
    readonly code: 'loading document failed' | 'invalid script element',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface ExtractOptions {
  /** All script elements (their JSON concatenated into one array), or only the first (the API's default). */
  readonly extractAllScripts?: boolean;
}

/** The raw text of every `<script type="application/ld+json">` element of a page, in document order. */
export function jsonLdScriptTexts(page: string): string[] {
  const texts: string[] = [];
  let at = 0;
  while (at < page.length) {
    const open = page.indexOf('<', at);
    if (open < 0) break;
    if (page.startsWith('<!--', open)) {
      const close = page.indexOf('-->', open + 4);
      at = close < 0 ? page.length : close + 3;
      continue;
    }
    const tag = /^<script\b([^>]*)>/i.exec(page.slice(open, open + 2000));
    if (!tag) {
      at = open + 1;
      continue;
    }
    const start = open + tag[0].length;
    const end = page.slice(start).search(/<\/script[\s/>]/i);
    const stop = end < 0 ? page.length : start + end;
    if (isJsonLdType(attribute(tag[1] ?? '', 'type'))) texts.push(page.slice(start, stop));
    at = stop + 1;
  }
  return texts;
}

/** The JSON of a page's JSON-LD script element(s), ready for a JSON-LD processor. */
export function extractJsonLd(page: string, options: ExtractOptions = {}): unknown {
  const texts = jsonLdScriptTexts(page);
  if (!options.extractAllScripts) {
    const first = texts[0];
    if (first === undefined) throw new JsonLdScriptError('loading document failed', 'the page has no application/ld+json script element');
    return parseScript(first);
  }
  return texts.flatMap((text) => {
    const value = parseScript(text);
    return Array.isArray(value) ? value : [value];
  });
}

/** A script's text as JSON, after removing a comment wrapper around all of it. */
export function parseScript(text: string): unknown {
  let content = text.trim();
  if (content.startsWith('<!--') && content.endsWith('-->')) content = content.slice(4, -3);
  if (content.includes('<!--') || content.includes('-->')) {
    throw new JsonLdScriptError('invalid script element', 'the script text holds an HTML comment marker');
  }
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    throw new JsonLdScriptError('invalid script element', error instanceof Error ? error.message : String(error));
  }
}

/** `application/ld+json`, in any case, with parameters (`;profile=…`) allowed. */
function isJsonLdType(type: string | undefined): boolean {
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === 'application/ld+json';
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}
