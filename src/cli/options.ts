// **options** are what the commands share: the command's shape, reading arguments and the options several
// commands take (data files, URLs, IRIs, credentials, numbers), each wrong value a usage error (exit 2).
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic, UsageError, type Diagnostic } from '../errors.js';
import type { Io } from './main.js';

export interface Command {
  readonly help: string;
  readonly run: (args: readonly string[], io: Io) => Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The command's arguments by `options` (and positionals, when allowed); an unknown option is a usage error. */
export function parse<T extends Options>(args: readonly string[], options: T, allowPositionals = false): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: boolean }>> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Options that take a string, by name. */
export function strings<const N extends string>(...names: N[]): { readonly [K in N]: { readonly type: 'string' } } {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as { readonly [K in N]: { readonly type: 'string' } };
}

/**
 * `--data DIR`, repeatable: the data folders that build one dataset, read in the order given (see loadModel).
 * Its value is undefined when not given, and compileDataset then reads the default folder.
 */
export const dataOption = { data: { type: 'string', multiple: true } } as const;

/** An option's value among `choices`, or a usage error. */
export function oneOf<C extends string>(option: string, value: string, choices: readonly C[]): C {
  if ((choices as readonly string[]).includes(value)) return value as C;
  throw new UsageError(`${option} takes ${choices.join(', ')}, not "${value}"`);
}

export function failOn(value: string | undefined): 'violation' | 'warning' {
  if (value === undefined || value === 'violation') return 'violation';
  if (value === 'warning') return 'warning';
  throw new UsageError(`--fail-on takes "warning" or "violation", not "${value}"`);
}

export function printWarnings(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`);
}

/** A number option: of at least `min`, or positive (and whole, with `integer`); else a usage error. */
export function numberOption(
  name: string, value: string | undefined,
  rule: { readonly min: number; readonly max?: number; readonly integer?: boolean } | { readonly positive: true; readonly integer?: boolean },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if ('min' in rule) {
    if (Number.isFinite(n) && n >= rule.min && n <= (rule.max ?? Infinity) && (!rule.integer || Number.isInteger(n))) return n;
    const range = rule.max === undefined ? `of at least ${rule.min}` : `from ${rule.min} to ${rule.max}`;
    throw new UsageError(`--${name} takes a ${rule.integer ? 'whole ' : ''}number ${range}, not "${value}"`);
  }
  if (Number.isFinite(n) && n > 0 && (!rule.integer || Number.isInteger(n))) return n;
  throw new UsageError(`--${name} takes a positive ${rule.integer ? 'whole ' : ''}number, not "${value}"`);
}

/** The user and the password read from the environment variable --password-env names (never from argv). */
export function credentialsOf(values: { user?: string; 'password-env'?: string }): { user: string; password: string } | undefined {
  if ((values.user === undefined) !== (values['password-env'] === undefined)) throw new UsageError('give --user and --password-env together');
  if (values.user === undefined) return undefined;
  const variable = values['password-env']!;
  const password = process.env[variable];
  if (password === undefined) throw new UsageError(`--password-env ${variable}: the environment variable ${variable} is not set`);
  return { user: values.user, password };
}

/** An absolute IRI option (one that can go between <> in SPARQL), or a usage error. */
export function absoluteIri(option: string, text: string): void {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/.test(text)) throw new UsageError(`${option} takes an absolute IRI, not "${text}"`);
}

/** An http(s) URL option, or a usage error. */
export function httpUrl(option: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${option} takes an absolute http(s) URL, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${option} takes an http(s) URL, not "${text}"`);
  return url;
}

/** Reads the RDF file given with --dataset; a missing or empty one is the caller's mistake. */
export async function readDataset(file: string) {
  const { parseRdfFile } = await import('../rdf/parse.js');
  let quads;
  try {
    quads = await parseRdfFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new UsageError(`cannot read dataset file ${file}: ${code}`);
    throw error;
  }
  if (quads.length === 0) throw new UsageError(`${file} holds no RDF triples`);
  return quads;
}

export async function readQueryFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read query file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
