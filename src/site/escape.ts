// **escape** makes data text inert where a page embeds it: in HTML text and attribute values, and in the
// JSON of a <script type="application/ld+json"> element. Labels come from curators (and, through the
// published graph, from anyone who edits data/), so nothing they write may end an element or open one.

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML: safe as element content and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/**
 * JSON text that is inert inside a <script> element. A script element's content is raw text that ends at
 * the first `</script` and changes state at `<!--`, and HTML character references are *not* decoded in it
 * (so `&lt;` would reach the JSON-LD processor as four characters). JSON allows `\uXXXX` for any character
 * in a string, and `< > & '` can only occur inside strings, so escaping them this way keeps the value the
 * same for JSON.parse while no markup can appear. U+2028 and U+2029 are escaped for JavaScript
 * consumers that evaluate the text as a script (before ES2019 they ended string literals).
 */
export function jsonForScript(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[<>&'\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An href for an IRI from the data, or undefined when it is not a web link: only http(s) IRIs become
 * links, so a `javascript:` or `data:` IRI in a graph cannot become something a click runs.
 */
export function safeHref(iri: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(iri) ? iri : undefined;
}
