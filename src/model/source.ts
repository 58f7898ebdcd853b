// **source** keeps each data file, so that any finding about a value, however late it is made (schema,
// references, SHACL), can point at the file, line and column that produced it. The syntax tree with positions
// is costly (several times the file in memory, most of the load time), so a file read by the fast path keeps
// only its text, and a finding parses just the entity it is about (a few lines), when it is asked.
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Position } from '../errors.js';

/** A path into a data file: section, index, field… (`['mechanisms', 3, 'effects', 0, 'direction']`). */
export type YamlPath = readonly (string | number)[];

/** Where an entity or value came from. */
export interface Origin {
  readonly file: string;
  readonly path: YamlPath;
}

/** A line and column (1-based) in one file, and whether the whole path was there. */
type Place = Pick<Position, 'line' | 'col'> & { readonly found: boolean };

/** Finds the deepest node on a path in one file (see SourceFiles.locate). */
type Locate = (path: YamlPath) => Place;

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
  readonly #files = new Map<string, Locate>();

  /** A file already parsed with positions, or the text of a file in the plain block style (src/model/fastYaml.ts). */
  add(file: string, source: ParsedFile | string): void {
    this.#files.set(file, typeof source === 'string' ? plainLocator(source) : treeLocator(source));
  }

  /**
   * The position of the deepest node on `path` that exists: the value itself, or for a key that is
   * missing, the map that lacks it. A key of a map points at the key, so messages land on the field name.
   */
  locate(origin: Origin): Position {
    const { line, col } = this.#files.get(origin.file)?.(origin.path) ?? { line: 1, col: 1 };
    return { file: origin.file, line, col };
  }

  /** The position of the first of `fields` that the entity at `origin` has, else of the entity itself. */
  locateField(origin: Origin, fields: readonly string[]): Position {
    const locate = this.#files.get(origin.file);
    const field = locate && fields.find((name) => locate([...origin.path, name]).found);
    return this.locate(field === undefined ? origin : { file: origin.file, path: [...origin.path, field] });
  }
}

/** Places read off a whole syntax tree. */
function treeLocator({ doc, lines }: ParsedFile): Locate {
  return (path) => {
    let node: Node | null = doc.contents;
    let offset = node?.range?.[0] ?? 0;
    let found = true;
    for (const step of path) {
      const pair = isMap(node) ? node.items.find((item) => keyOf(item.key) === String(step)) : undefined;
      const item = isSeq(node) && typeof step === 'number' ? (node.items[step] as Node | undefined) : undefined;
      if (pair) {
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        node = (pair.value as Node | null) ?? null;
      } else if (item) {
        node = item;
        offset = item.range?.[0] ?? offset;
      } else {
        found = false;
        break;
      }
    }
    return { ...lines.linePos(offset), found };
  };
}

/**
 * Places in a file in the plain block style, where every entity of a section starts on a line of its own
 * (`  - id: …`) and no value spans lines: the entity's lines, under their section's key, are parsed alone and
 * the places moved back to the file's lines (columns are the same: the lines are copied as they are).
 */
function plainLocator(text: string): Locate {
  let lines: string[] | undefined;
  let sections: Map<string, SectionLines> | undefined;
  let whole: Locate | undefined;
  const entities = new Map<string, Locate>();
  return (path) => {
    const [section, index, ...rest] = path;
    lines ??= text.split(/\r?\n/);
    const found = typeof section === 'string' ? (sections ??= sectionLines(lines)).get(section) : undefined;
    if (!found || typeof index !== 'number' || index >= found.items.length) {
      // Not inside one entity (a section, a file-level finding): the whole tree, which is rare.
      return (whole ??= treeLocator(parsePositioned(text)))(path);
    }
    const start = found.items[index]!;
    let entity = entities.get(`${section}\n${index}`);
    if (!entity) {
      const end = found.items[index + 1] ?? found.end;
      entity = treeLocator(parsePositioned([lines[found.keyLine], ...lines.slice(start, end)].join('\n')));
      entities.set(`${section}\n${index}`, entity);
    }
    const place = entity([section as string, 0, ...rest]);
    // Line 1 of the excerpt is the section's key; line 2 is the entity's first line.
    return { ...place, line: place.line === 1 ? found.keyLine + 1 : start + place.line - 1 };
  };
}

/** A top-level section of a plain-style file: its key's line and the first line of each item (0-based). */
interface SectionLines {
  readonly keyLine: number;
  readonly items: readonly number[];
  readonly end: number;
}

/** Each top-level key's line, and the lines where its sequence items start (`^ {J}- `, J the items' indent). */
function sectionLines(lines: readonly string[]): Map<string, SectionLines> {
  const sections = new Map<string, SectionLines>();
  let current: { name: string; keyLine: number; items: number[]; indent: number | undefined } | undefined;
  const close = (end: number) => {
    if (current) sections.set(current.name, { keyLine: current.keyLine, items: current.items, end });
  };
  lines.forEach((line, i) => {
    const key = /^([A-Za-z_][\w-]*):/.exec(line);
    if (key) {
      close(i);
      current = { name: key[1]!, keyLine: i, items: [], indent: undefined };
      return;
    }
    const dash = /^( *)-(?: |$)/.exec(line);
    if (!current || !dash) return;
    current.indent ??= dash[1]!.length;
    if (dash[1]!.length === current.indent) current.items.push(i);
  });
  close(lines.length);
  return sections;
}

function keyOf(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === null || key === undefined ? undefined : String(key);
}

/** A path below an entity as messages write it: `effects[0].direction`. */
export function formatPath(fieldPath: YamlPath): string {
  return fieldPath.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').replace(/^\./, '');
}
