// **tsv** reads the tab-separated tables DrugCentral publishes (drug_target.tsv, identifiers.tsv, …): columns by
// header name, never by position, because releases differ in which columns they have and in what order; every
// problem in the file is reported at once, as `file:line:col` diagnostics.
//
// The format, as the real files have it: one header line, then one row per line; LF or CRLF; an optional UTF-8
// BOM; a final newline or none. A cell may be quoted (identifiers.tsv quotes every value but DRUG_ID), with `""`
// inside for one `"`. A tab is always a separator and a newline always ends the row: these files never put
// either inside a quoted cell, so multi-line quoted cells (as in RFC 4180 CSV) are deliberately not read.
import { DataError, sortDiagnostics, type Diagnostic, type Position } from '../errors.js';

export interface TsvRow {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
  /** The cell of a column by header name, unquoted; '' when the cell is empty; undefined when the table has no such column. */
  readonly get: (column: string) => string | undefined;
  /** The position (file, line, 1-based column in characters) of a column's cell, for error messages. */
  readonly at: (column: string) => Position;
}

export interface TsvTable {
  /** As given: the display name used in diagnostics. */
  readonly file: string;
  /** Every column of the header, in the file's order (including those the spec does not name). */
  readonly columns: readonly string[];
  readonly rows: readonly TsvRow[];
}

/** The columns a reader needs (`required`) and those it reads when a release has them (`optional`). */
export interface TsvSpec {
  readonly required: readonly string[];
  readonly optional?: readonly string[];
}

/** How many errors one file reports before summing up the rest: past that, more lines say nothing new. */
export const MAX_ERRORS = 50;

const QUOTE = 34;

/** What every row of one table shares: the text, and where each cell of each row starts in it. */
interface Shared {
  readonly file: string;
  readonly text: string;
  readonly index: ReadonlyMap<string, number>;
  /**
   * For row r, entries r·(width+1) … r·(width+1)+width: the offset of each cell, then one past the line's end
   * (its CR or LF), so cell i ends one before the next entry. Offsets instead of strings: slicing 4 × 61,547 cells
   * of identifiers.tsv up front costs several times the rest of the read (mostly garbage collection).
   */
  readonly offsets: Int32Array;
}

/**
 * One data row. `get` and `at` are methods (one copy for all rows, not two closures per row); they read `this`,
 * so call them on the row (`row.get('DRUG_ID')`), not detached. `get` cuts the cell out of the text each time.
 */
class Row implements TsvRow {
  readonly line: number;
  private readonly shared: Shared;
  /** Where this row's entries begin in `shared.offsets`. */
  private readonly base: number;

  constructor(shared: Shared, line: number, base: number) {
    this.shared = shared;
    this.line = line;
    this.base = base;
  }

  get(column: string): string | undefined {
    const { index, text, offsets } = this.shared;
    const i = index.get(column);
    if (i === undefined) return undefined;
    const start = offsets[this.base + i]!;
    const end = offsets[this.base + i + 1]! - 1;
    // readTsv has checked the quoting of every cell, so a leading quote here means a well-formed quoted cell.
    if (text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
    const inner = text.slice(start + 1, end - 1);
    return inner.includes('"') ? inner.replaceAll('""', '"') : inner;
  }

  /** A column the table lacks points at the start of the line: the row is still the best place to show. */
  at(column: string): Position {
    const { index, text, offsets, file } = this.shared;
    const i = index.get(column);
    const lineStart = offsets[this.base]!;
    const offset = i === undefined ? lineStart : offsets[this.base + i]!;
    return { file, line: this.line, col: columnOf(text, lineStart, offset) };
  }
}

type Report = (line: number, col: number, message: string) => void;

/** Parses `text` (the whole file), checking it against `spec`; throws DataError (from ../errors.js) listing every problem. */
export function readTsv(text: string, file: string, spec: TsvSpec): TsvTable {
  const errors: Diagnostic[] = [];
  const error: Report = (line, col, message) => {
    errors.push({ position: { file, line, col }, severity: 'error', message });
  };

  // The BOM is skipped, not sliced off, so that offsets stay offsets into the text as given.
  const begin = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Blank lines at the very end (an editor's extra newlines) are not rows; a blank line before any data is.
  let end = text.length;
  while (end > begin && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  if (end === begin) {
    error(1, 1, 'the file is empty: expected a header line of tab-separated column names');
    throw new DataError(errors);
  }

  const headerNl = nextNewline(text, begin, end);
  const header = text.slice(begin, contentEnd(text, begin, headerNl));
  const columns: string[] = [];
  const index = new Map<string, number>();
  let offset = begin;
  for (const raw of header.split('\t')) {
    const col = columnOf(text, begin, offset);
    const name = checkQuotes(text, offset, offset + raw.length, 1, begin, error) ? unquote(raw) : raw;
    if (name === '') error(1, col, `column ${columns.length + 1} of the header has no name`);
    else if (index.has(name)) error(1, col, `duplicate column ${name} (also column ${index.get(name)! + 1} of the header)`);
    else index.set(name, columns.length);
    columns.push(name);
    offset += raw.length + 1;
  }
  const missing = spec.required.filter((name) => !index.has(name));
  if (missing.length > 0) {
    const shown = columns.length > 12 ? [...columns.slice(0, 12), '…'] : columns;
    error(1, 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header has ${shown.join(', ')})`);
  }

  const width = columns.length;
  const stride = width + 1;
  let offsets = new Int32Array(stride * 1024);
  /** Where each row's entries begin in `offsets`. */
  const bases: number[] = [];
  let k = 0;
  let line = 1;
  for (let start = headerNl + 1; start <= end; ) {
    line++;
    const nl = nextNewline(text, start, end);
    const stop = contentEnd(text, start, nl);
    if (k + stride > offsets.length) {
      const grown = new Int32Array(offsets.length * 2);
      grown.set(offsets);
      offsets = grown;
    }
    bases.push(k);
    let fields = 0;
    for (let cell = start; ; ) {
      let tab = text.indexOf('\t', cell);
      if (tab === -1 || tab > stop) tab = stop;
      if (fields < width) offsets[k + fields] = cell;
      else if (fields === width) {
        error(line, columnOf(text, start, cell), `this row has ${countFields(text, cell, stop) + width} fields, but the header has ${width}`);
      }
      fields++;
      if (text.charCodeAt(cell) === QUOTE) checkQuotes(text, cell, tab, line, start, error);
      if (tab === stop) break;
      cell = tab + 1;
    }
    if (fields < width) {
      const message = stop === start ? `blank line, but the header has ${width} fields` : `this row has ${fields} field${fields === 1 ? '' : 's'}, but the header has ${width}`;
      error(line, columnOf(text, start, stop), message);
      // Missing cells are empty, so that the row's entries still end where the next row's begin.
      for (let f = fields; f < width; f++) offsets[k + f] = stop;
    }
    offsets[k + width] = stop + 1;
    k += stride;
    start = nl + 1;
  }

  if (errors.length > 0) throw new DataError(capped(errors));
  const shared: Shared = { file, text, index, offsets };
  const rows = bases.map((base, r) => new Row(shared, r + 2, base));
  return { file, columns, rows };
}

/** The first MAX_ERRORS errors in file order, then one line counting the rest. */
function capped(errors: readonly Diagnostic[]): Diagnostic[] {
  const sorted = sortDiagnostics(errors);
  if (sorted.length <= MAX_ERRORS) return sorted;
  const rest = sorted.slice(MAX_ERRORS);
  const last = rest[rest.length - 1]!.position!.line;
  const summary: Diagnostic = {
    position: rest[0]!.position,
    severity: 'error',
    message: `… and ${rest.length} more error${rest.length === 1 ? '' : 's'} (up to line ${last})`,
  };
  return [...sorted.slice(0, MAX_ERRORS), summary];
}

/** The offset of the LF ending the line that starts at `start`, or `end` for the last line. */
function nextNewline(text: string, start: number, end: number): number {
  const i = text.indexOf('\n', start);
  return i === -1 || i > end ? end : i;
}

/** Where a line's content ends: before its LF, and before the CR of a CRLF. */
function contentEnd(text: string, start: number, nl: number): number {
  return nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** How many tab-separated fields run from `from` to `stop`. */
function countFields(text: string, from: number, stop: number): number {
  let n = 1;
  for (let tab = text.indexOf('\t', from); tab !== -1 && tab < stop; tab = text.indexOf('\t', tab + 1)) n++;
  return n;
}

/** The 1-based column of `offset` on the line starting at `start`, in characters (a surrogate pair is one). */
function columnOf(text: string, start: number, offset: number): number {
  let col = 1;
  for (let k = start; k < offset; k++) {
    const c = text.charCodeAt(k);
    if (c < 0xdc00 || c > 0xdfff) col++;
  }
  return col;
}

/**
 * Whether the cell from `start` to `end` (exclusive) is quoted, reporting a malformed quote: a cell that starts
 * and ends with `"` is quoted, with each `""` inside standing for one `"`; any other cell (even one with a `"`
 * inside, as free text may have) is taken as it is, so only a cell starting with `"` can be malformed.
 */
function checkQuotes(text: string, start: number, end: number, line: number, lineStart: number, error: Report): boolean {
  if (text.charCodeAt(start) !== QUOTE) return false;
  if (end - start < 2 || text.charCodeAt(end - 1) !== QUOTE) {
    error(line, columnOf(text, lineStart, start), 'unterminated quote: the cell starts with " but does not end with one');
    return false;
  }
  // The closing quote stops each search, so this never reads past the cell.
  for (let q = text.indexOf('"', start + 1); q < end - 1; q = text.indexOf('"', q + 2)) {
    if (q + 1 >= end - 1 || text.charCodeAt(q + 1) !== QUOTE) {
      error(line, columnOf(text, lineStart, q), 'a " inside a quoted cell must be doubled ("")');
      return false;
    }
  }
  return true;
}

/** The value of a well-formed quoted cell. */
function unquote(cell: string): string {
  return cell.slice(1, -1).replaceAll('""', '"');
}
