// **source** keeps each data file's text, so that any finding about a value, however late it is made (schema,
// references, SHACL), can point at the file, line and column that produced it. The syntax tree with positions
// is costly (several times the file in memory, most of the load time), so it is built only for a file that
// has something to report, the first time it is asked.
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Position } from '../errors.js';

/** A path into a data file: section, index, field… (`['mechanisms', 3, 'effects', 0, 'direction']`). */
export type YamlPath = readonly (string | number)[];

/** Where an entity or value came from. */
export interface Origin {
  readonly file: string;
  readonly path: YamlPath;
}

export interface ParsedFile {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** Parses a data file with source positions: the syntax tree every position is read from. */
export function parsePositioned(text: string): ParsedFile {
  const lines = new LineCounter();
  // logLevel 'error': the parser's warnings would go to stderr as extra lines; problems come back as errors.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  return { doc, lines };
}

/** The data files, by the name they are reported under (e.g. `data/ketamine.yaml`). */
export class SourceFiles {
  readonly #files = new Map<string, ParsedFile | string>();

  /** A file by its text (parsed when first asked), or already parsed. */
  add(file: string, source: ParsedFile | string): void {
    this.#files.set(file, source);
  }

  #parsed(file: string): ParsedFile | undefined {
    const source = this.#files.get(file);
    if (typeof source !== 'string') return source;
    const parsed = parsePositioned(source);
    this.#files.set(file, parsed);
    return parsed;
  }

  /**
   * The position of the deepest node on `path` that exists: the value itself, or for a key that is
   * missing, the map that lacks it. A key of a map points at the key, so messages land on the field name.
   */
  locate(origin: Origin): Position {
    const parsed = this.#parsed(origin.file);
    if (!parsed) return { file: origin.file, line: 1, col: 1 };
    let node: Node | null = parsed.doc.contents;
    let offset = node?.range?.[0] ?? 0;
    for (const step of origin.path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => keyOf(item.key) === String(step));
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        offset = keyNode?.range?.[0] ?? offset;
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        node = item;
        offset = item.range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return at(parsed.lines, origin.file, offset);
  }

  /** The position of the first of `fields` that the entity at `origin` has, else of the entity itself. */
  locateField(origin: Origin, fields: readonly string[]): Position {
    const parsed = this.#parsed(origin.file);
    const entity = parsed?.doc.getIn(origin.path, true);
    const field = fields.find((name) => isMap(entity) && entity.has(name));
    return this.locate(field === undefined ? origin : { file: origin.file, path: [...origin.path, field] });
  }
}

/** The position of a character offset in a file. */
export function at(lines: LineCounter, file: string, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { file, line, col };
}

function keyOf(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === null || key === undefined ? undefined : String(key);
}
