// **errors** is the small vocabulary of failures, each mapped to an exit code at one place (cli/main.ts).

/** Where a diagnostic points: a data file, and a 1-based line and column in it. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'violation' | 'warning' | 'info';

/** One finding about the data, printed as `file:line:col: severity: message`. */
export interface Diagnostic {
  readonly position: Position | undefined;
  readonly severity: Severity;
  readonly message: string;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  // A finding without a place in a data file (a missing folder, a lock) is pharmald's own line.
  const where = diagnostic.position
    ? `${diagnostic.position.file}:${diagnostic.position.line}:${diagnostic.position.col}: `
    : 'pharmald: ';
  return `${where}${diagnostic.severity}: ${oneLine(diagnostic.message)}`;
}

/** Orders diagnostics by file, line and column, so output reads top to bottom like the data. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.position?.file ?? '', d.position?.line ?? 0, d.position?.col ?? 0] as const;
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
  });
}

/** Keeps a message on one line, so each diagnostic is exactly one line of output. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The data cannot be built: bad YAML, a schema error, a broken reference or a SHACL violation (exit 1). */
export class DataError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DataError';
    this.diagnostics = diagnostics;
  }
}

/** The command line is wrong (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A query failed to parse or run (exit 1). */
export class QueryError extends Error {
  override name = 'QueryError';
}
