// **html** builds markup with a tagged template that escapes every interpolated string, so page code cannot
// forget to escape data (labels come from curators, so nothing they write may end an element or open one).

const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML: safe as element content and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/** JSON inert in a <script>, which `</script` ends and where `&lt;` is not decoded: `< > & '` and U+2028/9 become `\uXXXX`. */
export function jsonForScript(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[<>&'\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An href for an IRI from the data, or undefined: only http(s) IRIs become links, never `javascript:` or `data:`. */
export function safeHref(iri: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(iri) ? iri : undefined;
}

/** Markup that is already safe to emit (a template's, the diagram SVG, the escaped JSON-LD script text). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What a template may interpolate: text (escaped), numbers, markup, nothing, or a list of these. */
export type Content = Html | string | number | undefined | null | false | readonly Content[];

/** Markup from a template: strings and numbers are HTML-escaped, Html is kept, lists are joined. */
export function html(strings: TemplateStringsArray, ...values: readonly Content[]): Html {
  return new Html(String.raw({ raw: strings }, ...values.map(render)));
}

export function join(items: readonly Content[], separator: Content): Html {
  return new Html(items.map(render).join(render(separator)));
}

function render(content: Content): string {
  if (content === undefined || content === null || content === false) return '';
  if (content instanceof Html) return content.markup;
  if (typeof content === 'string') return escapeHtml(content);
  if (typeof content === 'number') return String(content);
  return content.map(render).join('');
}
