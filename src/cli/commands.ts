// **commands** is the command table: each entry maps its arguments to one library call and prints.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic, UsageError } from '../errors.js';
import { resultFormats, type ResultFormat } from '../query/results.js';
import { diffFormats, type DiffFormat } from '../release/diffFormat.js';
import { defaultBaseUrl } from '../release/void.js';
import { serveDefaults } from '../server/defaults.js';
import type { Io } from './main.js';

// Each command imports what it needs when it runs (the SPARQL engine, the site generator, the server are
// heavy), so `pharmald validate` does not pay for loading `pharmald serve`.

export interface Command {
  readonly help: string;
  readonly run: (args: readonly string[], io: Io) => Promise<number>;
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const failOnOption = { 'fail-on': { type: 'string' } } as const;

function failOn(value: string | undefined): 'violation' | 'warning' {
  if (value === undefined || value === 'violation') return 'violation';
  if (value === 'warning') return 'warning';
  throw new UsageError(`--fail-on takes "warning" or "violation", not "${value}"`);
}

function printWarnings(io: Io, diagnostics: readonly { severity: string }[]) {
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(diagnostic as Parameters<typeof formatDiagnostic>[0])}\n`);
}

const buildCommand: Command = {
  help: `pharmald build [--data DIR] [--out DIR] [--fail-on warning] [--no-site] [--base-url URL] [--sparql-endpoint URL]

Builds the dataset from the YAML files in DIR (default: ./data, else the bundled data), validates it with
the SHACL shapes and writes OUT (default: dist/): dataset.ttl, dataset.nt, dataset.jsonld, context.jsonld,
and void.ttl (VoID + DCAT description: statistics, one distribution per file with size and SHA-256).
Violations fail the build and nothing is written; warnings are printed (and fail it with --fail-on warning).
--base-url is where the files will be downloaded from (default ${defaultBaseUrl}), and
--sparql-endpoint the endpoint that serves the dataset; both only go into void.ttl.
The web pages go to OUT/site/ (one page per drug, target, system, process, use, reference and
mechanism, with embedded JSON-LD, and the vocabulary); --no-site skips them.
Exit status: 0 built, 1 data or validation error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, {
      data: { type: 'string' }, out: { type: 'string' }, ...failOnOption,
      'base-url': { type: 'string' }, 'sparql-endpoint': { type: 'string' }, 'no-site': { type: 'boolean' },
    });
    const [{ build }, { terminalProgress }] = await Promise.all([import('../build.js'), import('../io/progress.js')]);
    const progress = terminalProgress();
    const result = await build({
      onProgress: progress.listener,
      dataDir: values.data,
      outDir: values.out,
      failOn: failOn(values['fail-on']),
      baseUrl: values['base-url'],
      sparqlEndpoint: values['sparql-endpoint'],
      site: !values['no-site'],
    }).finally(progress.end);
    printWarnings(io, result.diagnostics);
    const top = result.files.filter((f) => !f.name.includes('/')).map((f) => `${f.name} (${f.bytes} bytes)`);
    const pages = result.files.filter((f) => f.name.startsWith('site/'));
    if (pages.length) top.push(`site/ (${pages.length} files)`);
    io.out(`built ${result.quads.length} triples into ${result.outDir}/: ${top.join(', ')}\n`);
    return 0;
  },
};

const validateCommand: Command = {
  help: `pharmald validate [--data DIR] [--fail-on warning]

Loads and validates the YAML data like build, and writes nothing. Prints each problem as
data/FILE.yaml:LINE:COL: error|violation|warning: message.
Exit status: 0 valid, 1 data or validation error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, { data: { type: 'string' }, ...failOnOption });
    const { compileDataset } = await import('../build.js');
    const result = await compileDataset({ dataDir: values.data, failOn: failOn(values['fail-on']) });
    printWarnings(io, result.diagnostics);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    io.out(`valid: ${result.quads.length} triples, ${result.model.mechanisms.length} mechanisms, ${warnings} warning(s)\n`);
    return 0;
  },
};

const queryCommand: Command = {
  help: `pharmald query FILE.rq [options]
pharmald query -e 'SPARQL' [options]

Runs a SPARQL query in-process (Comunica) over the dataset built in memory from the YAML data,
or over an RDF file given with --dataset.
Options:
  -e, --expression SPARQL   the query text (instead of FILE.rq)
  --format F                ${resultFormats.join('|')}; default: table on a terminal, otherwise json
                            (turtle for CONSTRUCT / DESCRIBE)
  --data DIR                YAML data folder (default: ./data, else the bundled data)
  --dataset FILE            query an RDF file instead (.ttl, .nt or .jsonld, e.g. dist/dataset.ttl)
Exit status: 0 answered, 1 query or data error, 2 usage error.
`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { expression: { type: 'string', short: 'e' }, format: { type: 'string' }, data: { type: 'string' }, dataset: { type: 'string' } },
      true,
    );
    if (positionals.length > 1) throw new UsageError('give one query file');
    if ((values.expression === undefined) === (positionals[0] === undefined)) {
      throw new UsageError('give either a query file or -e SPARQL');
    }
    if (values.data !== undefined && values.dataset !== undefined) throw new UsageError('give --data or --dataset, not both');
    const format = values.format ?? (io.isTerminal ? 'table' : 'json');
    if (!(resultFormats as readonly string[]).includes(format)) {
      throw new UsageError(`--format takes ${resultFormats.join(', ')}, not "${format}"`);
    }
    const sparql = values.expression ?? (await readQueryFile(positionals[0]!));
    const [{ compileDataset }, { query }, { formatResult }] = await Promise.all([
      import('../build.js'), import('../query/engine.js'), import('../query/results.js'),
    ]);
    const quads = values.dataset !== undefined
      ? await readDataset(values.dataset)
      : (await compileDataset({ dataDir: values.data })).quads;
    const result = await query(quads, sparql);
    const chosen = result.type === 'quads' && format === 'json' && values.format === undefined ? 'turtle' : format;
    io.out(await formatResult(result, chosen as ResultFormat));
    return 0;
  },
};

const schemaCommand: Command = {
  help: `pharmald schema

Prints the JSON Schema of a data file (schema/pharmald-data.schema.json is this output), for editors.
`,
  async run(args, io) {
    parse(args, {});
    const { dataFileJsonSchema } = await import('../model/schema.js');
    io.out(`${JSON.stringify(dataFileJsonSchema(), null, 2)}\n`);
    return 0;
  },
};

const serveCommand: Command = {
  help: `pharmald serve [--port N] [--host H] [--data DIR | --dataset FILE] [options]

Serves the dataset and the built pages over HTTP: the SPARQL 1.1 Protocol at /sparql (GET ?query=, POST form or
application/sparql-query; results as SPARQL JSON / XML, CSV, TSV; graphs as Turtle, N-Triples, JSON-LD),
with the query UI for a browser and a service description for RDF clients at GET /sparql.
Options:
  --host H              interface to listen on (default ${serveDefaults.host})
  --port N              port (default ${serveDefaults.port}; 0 picks a free one)
  --timeout SECONDS     per-query time limit (default ${serveDefaults.timeoutMs / 1000})
  --max-results N       most rows or triples in one answer (default ${serveDefaults.maxResults})
  --max-body BYTES      largest request body (default ${serveDefaults.maxBodyBytes})
  --workers N           queries running at once (default ${serveDefaults.workers})
  --max-queue N         queries waiting before 503 (default ${serveDefaults.maxQueue})
  --federate URL        a SERVICE endpoint queries may call (repeatable); any other is refused
  --dist DIR            the build output whose site/ and releases/ are served (default dist)
Each entity IRI's path (/id/drug/ketamine) answers with content negotiation: the page for a browser,
Turtle, N-Triples or JSON-LD for an RDF client; a release answers at /releases/X.Y.Z/dataset.
`,
  async run(args, io) {
    const { values } = parse(args, {
      host: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' }, dataset: { type: 'string' },
      timeout: { type: 'string' }, 'max-results': { type: 'string' }, 'max-body': { type: 'string' },
      workers: { type: 'string' }, 'max-queue': { type: 'string' }, federate: { type: 'string', multiple: true },
      dist: { type: 'string' },
    });
    if (values.data !== undefined && values.dataset !== undefined) throw new UsageError('give --data or --dataset, not both');
    const number = (name: string, value: string | undefined, min: number) => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} takes a number of at least ${min}, not "${value}"`);
      return n;
    };
    const timeout = number('timeout', values.timeout, 0.001);
    const { serve } = await import('../server/app.js');
    const server = await serve({
      host: values.host,
      port: number('port', values.port, 0),
      dataDir: values.data,
      quads: values.dataset === undefined ? undefined : await readDataset(values.dataset),
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      maxResults: number('max-results', values['max-results'], 1),
      maxBodyBytes: number('max-body', values['max-body'], 1),
      workers: number('workers', values.workers, 1),
      maxQueue: number('max-queue', values['max-queue'], 0),
      federate: values.federate,
      distDir: values.dist,
    });
    io.err(`pharmald: serving ${server.tripleCount} triples at ${server.url}/sparql (Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

const releaseCommand: Command = {
  help: `pharmald release --version X.Y.Z [--date YYYY-MM-DD] [--data DIR] [--out DIR]

Builds and validates the dataset, then writes an immutable release to OUT/releases/X.Y.Z/ (default
OUT: dist): every format with owl:versionIRI / owl:versionInfo, void.ttl (VoID + DCAT with checksums),
SHA256SUMS and CHANGES.md, and adds the entry to OUT/releases/CHANGELOG.md. The changes are the
semantic diff against the highest earlier release. An existing release is never overwritten.
--date records the release date (default: today, UTC).
`,
  async run(args, io) {
    const { values } = parse(args, { version: { type: 'string' }, date: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' } });
    if (values.version === undefined) throw new UsageError('give --version X.Y.Z');
    const { release } = await import('../release/release.js');
    const result = await release({ version: values.version, date: values.date, dataDir: values.data, outDir: values.out });
    io.out(`released ${values.version} into ${result.dir}/${result.previous ? ` (changes since ${result.previous} in CHANGES.md)` : ''}\n`);
    return 0;
  },
};

const diffCommand: Command = {
  help: `pharmald diff OLD_DIST NEW_DIST [--format text|json|markdown] [--exit-code]

Compares two builds (dist/ folders or releases) in domain terms: entities added and removed, and for
each mechanism, target, drug… present in both, which field changed from what to what, by label.
Order and blank-node labels never count as changes.
--exit-code exits 1 when there are changes (as git diff does), 0 when none.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { format: { type: 'string' }, 'exit-code': { type: 'boolean' } }, true);
    if (positionals.length !== 2) throw new UsageError('give two folders: OLD_DIST NEW_DIST');
    const format = values.format ?? 'text';
    if (!(diffFormats as readonly string[]).includes(format)) throw new UsageError(`--format takes ${diffFormats.join(', ')}, not "${format}"`);
    const [{ diffDatasets, hasChanges, readDist }, { formatDiff }] = await Promise.all([import('../release/diff.js'), import('../release/diffFormat.js')]);
    const [before, after] = await Promise.all(positionals.map(async (dir) => {
      try {
        return await readDist(dir);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
    }));
    const diff = diffDatasets(before!, after!);
    io.out(formatDiff(diff, format as DiffFormat));
    return values['exit-code'] && hasChanges(diff) ? 1 : 0;
  },
};

/** Reads the RDF file given with --dataset; a missing or empty one is the caller's mistake. */
async function readDataset(file: string) {
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

async function readQueryFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read query file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export const commands: Readonly<Record<string, Command>> = {
  build: buildCommand,
  validate: validateCommand,
  query: queryCommand,
  schema: schemaCommand,
  serve: serveCommand,
  release: releaseCommand,
  diff: diffCommand,
};
