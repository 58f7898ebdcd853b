// **fastYaml** reads a data file without source positions, about ten times faster than the positioned parser
// (`yaml`, which builds a full syntax tree): js-yaml, held to exactly the YAML 1.2 core schema that `yaml` uses,
// so both read every scalar alike. Positions are only needed when something is wrong, and then the file is
// parsed again with them (src/model/source.ts).
//
// js-yaml is more lenient than `yaml` in places (e.g. the indentation of a quoted string that goes on over
// several lines), so it only reads files written in plain block style, one entry a line: keys, `- ` items, and
// one-line scalars, `[…]` lists and `{…}` maps, as every data file here and every generated one is. Anything
// else (a multi-line or block scalar, an anchor, alias or tag, a directive, several documents), and any syntax
// error, is left to the positioned parser, which is the judge and reports.
import jsyaml from 'js-yaml';

// YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), as `yaml` resolves it; js-yaml's
// own int and float would also read `1_000` and `0b101`, which `yaml` leaves as strings.
const scalar = (tag: string, pattern: RegExp, construct: (text: string) => unknown) =>
  new jsyaml.Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string | null) => pattern.test(text ?? ''), construct });
const coreSchema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [
  scalar('null', /^(?:~|null|Null|NULL|)$/, () => null),
  scalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
  scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
    (text) => (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : Number(text))),
  scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    (text) => (/inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : /nan$/i.test(text) ? NaN : parseFloat(text))),
] });

// One line of the plain block style. Plain scalars start with no indicator (a `-` only before a digit or a dot)
// and hold no `: ` or ` #`; inside `[…]` / `{…}` they hold no `,[]{}` either.
const doubleQuoted = String.raw`"(?:[^"\\]|\\.)*"`;
const singleQuoted = String.raw`'(?:[^']|'')*'`;
const plainStart = String.raw`(?:[^\s\-?:,[\]{}#&*!|>'"%@\x60]|-(?=[\d.]))`;
const plainBlock = String.raw`${plainStart}(?:[^\s:#]|:(?=\S)|(?<=\S)#|[ ]+(?=[^\s#]))*`;
const plainFlow = String.raw`${plainStart}(?:[^\s:#,[\]{}]|:(?=[^\s,[\]{}])|(?<=\S)#|[ ]+(?=[^\s#,[\]{}]))*`;
const key = String.raw`[A-Za-z_][\w-]*`;
const flowItem = `(?:${doubleQuoted}|${singleQuoted}|${plainFlow})`;
const flowSeq = String.raw`\[ *(?:${flowItem}(?: *, *${flowItem})*)? *\]`;
const flowMap = String.raw`\{ *(?:${key}: +${flowItem}(?: *, *${key}: +${flowItem})*)? *\}`;
const value = `(?:${doubleQuoted}|${singleQuoted}|${flowSeq}|${flowMap}|${plainBlock})`;
const plainLine = new RegExp(String.raw`^ *(?:-(?: +|$))*(?:${key}:(?: +${value})?|${value})? *(?:(?<=^|\s)#.*)?$`);

/** Characters that some YAML versions or parsers take as line breaks or marks: a lone CR, NEL, LS, PS, BOM. */
const oddBreak = /\r(?!\n)|[\u0085\u2028\u2029\uFEFF]/;

/** Whether every line is in the plain block style that both parsers read alike. */
function isPlainBlockStyle(text: string): boolean {
  if (oddBreak.test(text)) return false;
  for (const line of text.split(/\r?\n/)) if (!plainLine.test(line)) return false;
  return true;
}

/** The file's data, or undefined when the positioned parser must read it (and report what is wrong). */
export function parseWithoutPositions(text: string): unknown {
  if (!isPlainBlockStyle(text)) return undefined;
  try {
    return jsyaml.load(text, { schema: coreSchema });
  } catch {
    return undefined;
  }
}
