// **regex** writes regular expressions that read the same in JavaScript (zod, the compiled validator) and in the
// XPath dialect of SHACL's sh:pattern (Jena): the model's patterns are JavaScript sources, and a few of their
// escapes (\d, \s, \uXXXX, \/) mean something else in XPath or are not XPath at all.
const SYNTAX = '\\^$.|?*+()[]{}-';
/** Escapes that mean the same in both dialects. */
const SHARED_ESCAPES = new Set([...SYNTAX, 'n', 'r', 't']);

/** The members of JavaScript's white-space class \s (XPath's \s is only the first four), as class content. */
const spaces = ' \\t\\n\\r\u000B\u000C\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';

/**
 * A JavaScript regular expression source as one that means the same in XPath: \d as [0-9], \s as the JavaScript
 * white-space class, \uXXXX as the character itself (XPath has no such escape), \/ as /. A range of lone
 * surrogates (\uD800-\uDFFF) is dropped: no RDF literal can hold one, and an astral character then matches as
 * its two code units in JavaScript and as one character in XPath, in both cases outside the class.
 * `[\s\S]` (any character) is kept: it is the same in both. Anything else without a shared meaning throws.
 */
export function portablePattern(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '[' && !inClass) {
      if (source.startsWith('[\\s\\S]', i)) { out += '[\\s\\S]'; i += 5; continue; }
      inClass = true;
    } else if (c === ']' && inClass) {
      inClass = false;
    } else if (c === '(' && source[i + 1] === '?') {
      throw new Error(`${source}: (?…) groups are not XPath`);
    }
    if (c !== '\\') { out += c; continue; }
    const next = source[++i];
    if (next === undefined) throw new Error(`${source}: ends in a backslash`);
    if (next === 'u') {
      const code = parseInt(source.slice(i + 1, i + 5), 16);
      i += 4;
      if (code >= 0xd800 && code <= 0xdfff) {
        if (!inClass || !/^-\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.test(source.slice(i + 1))) throw new Error(`${source}: a lone surrogate outside a class range`);
        i += 7;
        continue;
      }
      const char = String.fromCodePoint(code);
      out += SYNTAX.includes(char) ? `\\${char}` : ['\n', '\r', '\t'].includes(char) ? { '\n': '\\n', '\r': '\\r', '\t': '\\t' }[char]! : char;
    } else if (next === 'd') {
      out += inClass ? '0-9' : '[0-9]';
    } else if (next === 's') {
      out += inClass ? spaces : `[${spaces}]`;
    } else if (next === 'S' && !inClass) {
      out += `[^${spaces}]`;
    } else if (next === '/') {
      out += '/';
    } else if (next === 'v' || next === 'f') {
      out += next === 'v' ? '\u000B' : '\u000C';
    } else if (SHARED_ESCAPES.has(next)) {
      out += `\\${next}`;
    } else {
      throw new Error(`${source}: \\${next} has no XPath equivalent here`);
    }
  }
  return out;
}

/** A pattern of the decimal digits of the integers from `min` to `max` (both ≥ 0), without leading zeros. */
export function integerRangePattern(min: number, max: number): string {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min > max) throw new Error(`no integer range ${min}..${max}`);
  return `^(${rangeParts(min, max).join('|')})$`;
}

function rangeParts(min: number, max: number): string[] {
  const digits = String(min).length;
  if (digits < String(max).length) return [...rangeParts(min, 10 ** digits - 1), ...rangeParts(10 ** digits, max)];
  return sameLength(String(min), String(max));
}

/** Alternatives for the numbers from a to b, written with the same number of digits. */
function sameLength(a: string, b: string): string[] {
  if (a === b) return [a];
  let common = 0;
  while (a[common] === b[common]) common++;
  const prefix = a.slice(0, common);
  const [low, high] = [a.slice(common), b.slice(common)];
  const rest = low.length - 1;
  const digit = (x: number, y: number) => (x === y ? String(x) : `[${x}-${y}]`);
  const any = rest === 0 ? '' : rest === 1 ? '[0-9]' : `[0-9]{${rest}}`;
  const [first, last] = [Number(low[0]), Number(high[0])];
  if (/^0*$/.test(low.slice(1)) && /^9*$/.test(high.slice(1))) return [`${prefix}${digit(first, last)}${any}`];
  const parts = /^0*$/.test(low.slice(1)) ? [`${first}${any}`] : sameLength(low, `${first}${'9'.repeat(rest)}`);
  if (last - first > 1) parts.push(`${digit(first + 1, last - 1)}${any}`);
  parts.push(...(/^9*$/.test(high.slice(1)) ? [`${last}${any}`] : sameLength(`${last}${'0'.repeat(rest)}`, high)));
  return parts.map((p) => prefix + p);
}
