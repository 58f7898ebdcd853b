// **load** reads the YAML data files of one or more folders into a Model, checking each against the schema and
// keeping where every entity came from. Every problem becomes a `file:line:col` diagnostic; none is a crash.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { visit } from 'yaml';
import type { z } from 'zod';
import { DataError, sortDiagnostics, UsageError, type Diagnostic } from '../errors.js';
import { checkModel } from '../generate/checks.js';
import { kindName, once, sectionsOf } from '../generate/entities.js';
import { dataFileSchema, type CheckedDataFile } from '../generate/zod.js';
import type { Entity, ModelDescription } from './description.js';
import { parseWithoutPositions } from './fastYaml.js';
import { reconcileFolders } from './reconcile.js';
import { pharmald } from './pharmald.js';
import { formatPath, parsePositioned, SourceFiles, type Origin, type YamlPath } from './source.js';
import type { Model, LoadedModel } from './model.js';

/** Data files larger than this are refused before parsing. */
export const maxFileBytes = 64 * 1024 * 1024;
/** YAML aliases per file: enough for any honest file, far too few for a "billion laughs". */
const maxAliasCount = 1000;

export interface LoadOptions {
  /** How file names are reported; defaults to paths relative to the working directory. */
  readonly displayPath?: (absolutePath: string) => string;
}

/** What one load checks files against: the data file schema, and how messages name each section's entities. */
interface Schema {
  readonly dataFile: z.ZodType<CheckedDataFile>;
  /** Section → the kind its entities are named by in messages (`clinical_uses` → `use`). */
  readonly kinds: ReadonlyMap<string, string>;
}

/** Each description's schema, made once. */
const schemaOf = once((description: ModelDescription): Schema => ({
  dataFile: dataFileSchema(description),
  kinds: new Map(sectionsOf(description).map(({ section, entity }) => [section, kindName(description, entity)])),
}));

/**
 * Loads every `.yaml` / `.yml` file under the data folder(s) `dataDirs` as one model, as the model description
 * says data files are written (pharmald's, unless another is given). Folders are read in the order given, each
 * folder's files sorted (so the model is the same on every machine); entities of one folder may name entities of
 * another, and an id defined in two folders is a duplicate like one defined in two files. A folder without data
 * files is an error; a folder given twice, or inside another one given, is a usage error (its files would be
 * read twice).
 */
export async function loadModel(dataDirs: string | readonly string[], description: ModelDescription = pharmald, options: LoadOptions = {}): Promise<LoadedModel> {
  const display = options.displayPath ?? relativeToCwd;
  const folders = await dataFolders(typeof dataDirs === 'string' ? [dataDirs] : dataDirs, display);
  const schema = schemaOf(description);
  const diagnostics: Diagnostic[] = [];

  // 1. Read every folder, in order, into one model.
  const loaded = await readFolders(folders, display, schema, diagnostics);

  // 2. Reconcile: an entity of a later folder that an earlier one already has is that entity.
  const reconciled = folders.length > 1 && diagnostics.length === 0 ? reconcileFolders(description, loaded, folders.map((folder) => folder.files.map(display))) : { ...loaded, notes: [] };

  // 3. Check the model as a whole: ids unique across all folders, references that resolve across them, …
  if (diagnostics.length === 0) for (const diagnostic of checkModel(description, reconciled)) diagnostics.push(diagnostic);
  if (diagnostics.some((d) => d.severity === 'error')) throw new DataError(sortDiagnostics(diagnostics));
  return reconciled;
}

/** A data folder to read: as given, and its data files (absolute, sorted). */
interface DataFolder {
  readonly dir: string;
  readonly files: readonly string[];
}

/** The folders' data files; an empty folder is an error naming it, a folder given twice or nested a usage error. */
async function dataFolders(dirs: readonly string[], display: (absolutePath: string) => string): Promise<DataFolder[]> {
  if (dirs.length === 0) throw new UsageError('give at least one data folder');
  const real = await Promise.all(dirs.map((dir) => realpath(dir).catch(() => path.resolve(dir))));
  real.forEach((dir, i) => {
    for (let j = 0; j < i; j++) {
      const other = real[j]!;
      if (dir === other) throw new UsageError(`data folder ${dirs[i]} is given twice (as ${dirs[j]} and ${dirs[i]}): give each folder once`);
      const [outer, inner] = isInside(dir, other) ? [j, i] : isInside(other, dir) ? [i, j] : [];
      if (outer !== undefined && inner !== undefined) {
        throw new UsageError(`data folder ${dirs[inner]} is inside data folder ${dirs[outer]}, which reads it already: give one of them`);
      }
    }
  });
  const folders = await Promise.all(dirs.map(async (dir) => ({ dir, files: await listDataFiles(dir) })));
  const empty = folders.filter((folder) => folder.files.length === 0);
  if (empty.length > 0) {
    throw new DataError(empty.map(({ dir }) => ({ position: undefined, severity: 'error', message: `no .yaml data files in ${display(path.resolve(dir))}` })));
  }
  return folders;
}

/** Whether folder `inner` is below folder `outer` (both absolute and resolved). */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Reads, parses and schema-checks the files of every folder, in order, into one model with each entity's origin. */
async function readFolders(
  folders: readonly DataFolder[],
  display: (absolutePath: string) => string,
  schema: Schema,
  diagnostics: Diagnostic[],
): Promise<LoadedModel> {
  const sources = new SourceFiles();
  const model = new Map<string, Entity[]>([...schema.kinds.keys()].map((section) => [section, []]));
  const origins = new Map<object, Origin>();
  for (const { files } of folders) {
    for (const absolute of files) {
      const file = display(absolute);
      const parsed = await parseDataFile(absolute, file, schema, sources, diagnostics);
      if (!parsed) continue;
      for (const [section, entities] of model) {
        (parsed[section] ?? []).forEach((entity, index) => {
          entities.push(entity);
          origins.set(entity, { file, path: [section, index] });
        });
      }
    }
  }
  // Typed as pharmald's model; the model of another description has that description's sections.
  return { model: Object.fromEntries(model) as unknown as Model, origins, sources };
}

/** Reads, decodes, parses and schema-checks one file; pushes diagnostics and returns undefined on failure. */
async function parseDataFile(
  absolute: string,
  file: string,
  schema: Schema,
  sources: SourceFiles,
  diagnostics: Diagnostic[],
): Promise<CheckedDataFile | undefined> {
  const fail = (message: string, { line, col } = { line: 1, col: 1 }): undefined => {
    diagnostics.push({ position: { file, line, col }, severity: 'error', message });
    return undefined;
  };
  const size = (await stat(absolute)).size;
  if (size > maxFileBytes) return fail(`file is ${size} bytes; data files are limited to ${maxFileBytes} bytes`);
  const bytes = await readFile(absolute);
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== undefined) {
    const before = bytes.subarray(0, invalid);
    const line = before.filter((b) => b === 0x0a).length + 1;
    // Columns count characters, as everywhere else: decode the valid start of the line.
    const col = before.subarray(before.lastIndexOf(0x0a) + 1).toString('utf8').length + 1;
    return fail(`file is not valid UTF-8 (byte 0x${bytes[invalid]!.toString(16).padStart(2, '0')} at offset ${invalid})`, { line, col });
  }
  // A byte-order mark is allowed and ignored, so a file saved by any editor builds the same.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail(`file is empty: a data file holds at least one section (${[...schema.kinds.keys()].slice(0, 3).join(', ')}, …)`);

  // Most files are fine: read them fast, and keep only their text for positions (see source.ts). A file the
  // fast path will not vouch for, or whose data the schema refuses, is read again with positions for the report.
  const fast = parseWithoutPositions(text);
  if (fast !== undefined) {
    const checked = schema.dataFile.safeParse(fast);
    if (checked.success) {
      sources.add(file, text);
      return checked.data;
    }
  }
  const parsed = parsePositioned(text);
  const { doc, lines } = parsed;
  sources.add(file, parsed);
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const message = syntaxError.code === 'DUPLICATE_KEY'
      ? `duplicate key "${keyAt(text, syntaxError.pos[0])}": a key may appear once in a mapping`
      : firstLine(syntaxError.message);
    return fail(`YAML syntax: ${message}`, lines.linePos(syntaxError.pos[0]));
  }
  // The parser resolves each alias by scanning all earlier nodes: count them first, so no file can make
  // that quadratic work take minutes.
  let aliases = 0;
  let tooMany: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (++aliases <= maxAliasCount) return undefined;
      tooMany = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (tooMany !== undefined) return fail(`YAML aliases: more than ${maxAliasCount} aliases in one file`, lines.linePos(tooMany));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    return fail(`YAML aliases: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = schema.dataFile.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const { fieldPath, message } of describeIssue(issue)) {
      diagnostics.push({
        position: sources.locate({ file, path: fieldPath }),
        severity: 'error',
        message: `${fieldLabel(schema.kinds, data, fieldPath)}: ${message}`,
      });
    }
  }
  return undefined;
}

/** Turns a schema issue into one or more messages, each at the path of the field it concerns. */
function describeIssue(issue: z.core.$ZodIssue): { fieldPath: YamlPath; message: string }[] {
  const fieldPath = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ fieldPath: [...fieldPath, key], message: `unknown field "${key}"` }));
    case 'invalid_type':
      return [{
        fieldPath,
        message: issue.input === undefined
          ? 'missing required field'
          : `expected ${issue.expected}, got ${describeValue(issue.input)}`,
      }];
    case 'invalid_value':
      return [{
        fieldPath,
        message: issue.input === undefined
          ? `missing required field (one of: ${issue.values.map(String).join(', ')})`
          : `${describeValue(issue.input)} is not one of: ${issue.values.map(String).join(', ')}`,
      }];
    case 'too_small':
      return [{ fieldPath, message: issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : issue.message }];
    case 'invalid_format':
      return [{ fieldPath, message: `${describeValue(issue.input)} ${issue.message}` }];
    default:
      return [{ fieldPath, message: issue.message }];
  }
}

/** Names a field for a message: `mechanism "ketamine-x" field directness`, or `mechanisms[3].directness`. */
export function fieldLabel(kinds: ReadonlyMap<string, string>, data: unknown, fieldPath: YamlPath): string {
  const [section, index, ...rest] = fieldPath;
  if (typeof section !== 'string') return 'file';
  const kind = kinds.get(section);
  if (kind === undefined) return `field ${section}`;
  if (typeof index !== 'number') return `section ${section}`;
  const entity = (data as Record<string, unknown[]> | null)?.[section]?.[index];
  const id = entity && typeof entity === 'object' && typeof (entity as { id?: unknown }).id === 'string'
    ? `"${(entity as { id: string }).id}"`
    : `#${index + 1}`;
  const field = formatPath(rest);
  return field ? `${kind} ${id} field ${field}` : `${kind} ${id}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

/** The key written at an offset (`label:` → label), for messages about a mapping key. */
function keyAt(text: string, offset: number): string {
  return text.slice(offset).split(/\r?\n/, 1)[0]!.split(':', 1)[0]!.trim().replace(/^["']|["']$/g, '');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

async function listDataFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new DataError([{ position: undefined, severity: 'error', message: `cannot read data folder ${dir}: ${error.code ?? error.message}` }]);
  });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => path.resolve(entry.parentPath, entry.name))
    .sort();
}

function relativeToCwd(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

/** The offset of the first byte that is not part of well-formed UTF-8, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return undefined;
}
