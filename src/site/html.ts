// **html** builds markup with a tagged template that escapes every interpolated string, so page code
// cannot forget to escape data: only values already built as Html (or marked trusted with `raw`) pass
// through unchanged.
import { escapeHtml } from './escape.js';

/** Markup that is already safe to emit. */
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
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(markup);
}

/** Marks a string built elsewhere as safe markup (the diagram SVG, the escaped JSON-LD script text). */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/** Content as markup text. */
export function render(content: Content): string {
  if (content === undefined || content === null || content === false) return '';
  if (content instanceof Html) return content.markup;
  if (typeof content === 'string') return escapeHtml(content);
  if (typeof content === 'number') return String(content);
  return content.map(render).join('');
}
