// **load** reads the YAML data files of a folder into a Model, checking each against the schema and
// keeping where every entity came from. Every problem becomes a `file:line:col` diagnostic; none is a crash.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { visit } from 'yaml';
import type { z } from 'zod';
import { DataError, sortDiagnostics, type Diagnostic } from '../errors.js';
import { checkModel } from '../generate/checks.js';
import { kindName, once, sectionsOf } from '../generate/entities.js';
import { dataFileSchema, type CheckedDataFile } from '../generate/zod.js';
import type { Entity, ModelDescription } from './description.js';
import { parseWithoutPositions } from './fastYaml.js';
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
 * Loads every `.yaml` / `.yml` file under `dataDir` (sorted, so the model is the same on every machine), as
 * the model description says data files are written (pharmald's, unless another is given).
 */
export async function loadModel(dataDir: string, description: ModelDescription = pharmald, options: LoadOptions = {}): Promise<LoadedModel> {
  const display = options.displayPath ?? relativeToCwd;
  const files = await listDataFiles(dataDir);
  if (files.length === 0) {
    throw new DataError([{ position: undefined, severity: 'error', message: `no .yaml data files in ${display(path.resolve(dataDir))}` }]);
  }
  const schema = schemaOf(description);
  const sources = new SourceFiles();
  const diagnostics: Diagnostic[] = [];
  const model = new Map<string, Entity[]>([...schema.kinds.keys()].map((section) => [section, []]));
  const origins = new Map<object, Origin>();

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
  // Typed as pharmald's model; the model of another description has that description's sections.
  const loaded: LoadedModel = { model: Object.fromEntries(model) as unknown as Model, origins, sources };
  if (diagnostics.length === 0) for (const diagnostic of checkModel(description, loaded)) diagnostics.push(diagnostic);
  if (diagnostics.some((d) => d.severity === 'error')) throw new DataError(sortDiagnostics(diagnostics));
  return loaded;
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
