// **source** keeps each data file's YAML syntax tree, so that any finding about a value, however late it is
// made (schema, references, SHACL), can point at the file, line and column that produced it.
import { isMap, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from '../errors.js';

/** A path into a data file: section, index, field… (`['mechanisms', 3, 'effects', 0, 'direction']`). */
export type YamlPath = readonly (string | number)[];

/** Where an entity or value came from. */
export interface Origin {
  readonly file: string;
  readonly path: YamlPath;
}

interface ParsedFile {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** The parsed data files, by the name they are reported under (e.g. `data/ketamine.yaml`). */
export class SourceFiles {
  readonly #files = new Map<string, ParsedFile>();

  add(file: string, doc: Document.Parsed, lines: LineCounter): void {
    this.#files.set(file, { doc, lines });
  }

  /**
   * The position of the deepest node on `path` that exists: the value itself, or for a key that is
   * missing, the map that lacks it. A key of a map points at the key, so messages land on the field name.
   */
  locate(origin: Origin): Position {
    const parsed = this.#files.get(origin.file);
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
    const parsed = this.#files.get(origin.file);
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
