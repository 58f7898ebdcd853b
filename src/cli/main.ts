// **main** maps the command line to library calls, and errors to exit codes: the only place that decides
// how pharmald ends (0 success, 1 data / validation / query error, 2 usage error).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError, formatDiagnostic, oneLine, UsageError } from '../errors.js';
import { packageRoot } from '../paths.js';
import { commands } from './commands.js';

const usage = `pharmald: pharmacology mechanism-of-action knowledge as validated linked data

Usage:
  pharmald build [--data DIR] [--out DIR] [--fail-on warning]   build dist/ from the YAML data
  pharmald validate [--data DIR] [--fail-on warning]            check the data without writing
  pharmald query FILE.rq | -e SPARQL [--format F] [--data DIR | --dataset FILE | --endpoint URL]
  pharmald serve [--port N] [--host H]                         SPARQL endpoint and pages over HTTP
  pharmald publish --endpoint URL --graph IRI [--user U --password-env VAR]
                                                               load a triplestore (Graph Store Protocol)
  pharmald release --version X.Y.Z                             an immutable, versioned release
  pharmald diff OLD_DIST NEW_DIST [--format F] [--exit-code]   what changed, in domain terms
  pharmald schema                                               print the JSON Schema of data files
  pharmald import drugcentral SRC_DIR --out DATA_DIR            a DrugCentral release as a data folder
  pharmald COMMAND --help                                       help on a command
  pharmald --version
`;

/** Runs pharmald with the given arguments; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(usage);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
      io.out(`${manifest.version}\n`);
      return 0;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, name, io);
  }
}

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTerminal: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stdout.isTTY),
};

function reportError(error: unknown, command: string | undefined, io: Io): number {
  if (error instanceof DataError) {
    for (const diagnostic of error.diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`);
    const failures = error.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'violation').length;
    const unchanged = command === 'build' || command === 'import' ? '; nothing was written' : '';
    io.err(`pharmald: ${failures || error.diagnostics.length} problem(s) found${unchanged}\n`);
    return 1;
  }
  if (error instanceof UsageError) {
    const help = command && commands[command] ? `pharmald ${command} --help` : 'pharmald --help';
    io.err(`pharmald: ${oneLine(error.message)} (see ${help})\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`pharmald: ${oneLine(message)}\n`);
  return 1;
}
