// **commands** is the command table: each entry maps its arguments to one library call and prints.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic, UsageError } from '../errors.js';
import { resultFormats, type ResultFormat } from '../query/results.js';
import { publishDefaults } from '../publish/defaults.js';
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
  --endpoint URL            query a store's SPARQL 1.1 endpoint instead (e.g. http://localhost:8890/sparql,
                            where pharmald publish loaded the dataset); not with --data or --dataset
  --graph IRI               with --endpoint: query this named graph as the default graph (default-graph-uri);
                            without it, the store's default graph (Virtuoso: the union of all graphs)
  --user U                  with --endpoint: a user, answered with HTTP Digest or Basic authentication as the
                            store asks (e.g. Virtuoso's /sparql-auth)
  --password-env VAR        the environment variable holding the password (never on the command line)
Exit status: 0 answered, 1 query, data or network error, 2 usage error.
`,
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        expression: { type: 'string', short: 'e' }, format: { type: 'string' }, data: { type: 'string' }, dataset: { type: 'string' },
        endpoint: { type: 'string' }, graph: { type: 'string' }, user: { type: 'string' }, 'password-env': { type: 'string' },
      },
      true,
    );
    if (positionals.length > 1) throw new UsageError('give one query file');
    if ((values.expression === undefined) === (positionals[0] === undefined)) {
      throw new UsageError('give either a query file or -e SPARQL');
    }
    if (values.data !== undefined && values.dataset !== undefined) throw new UsageError('give --data or --dataset, not both');
    if (values.endpoint !== undefined && (values.data !== undefined || values.dataset !== undefined)) {
      throw new UsageError('--endpoint queries a store: give it without --data or --dataset');
    }
    if (values.endpoint !== undefined) httpUrl('--endpoint', values.endpoint);
    if (values.graph !== undefined && values.endpoint === undefined) throw new UsageError('--graph chooses a graph of a store: give it with --endpoint');
    if (values.graph !== undefined) absoluteIri('--graph', values.graph);
    if (values.user !== undefined && values.endpoint === undefined) throw new UsageError('--user authenticates to a store: give it with --endpoint');
    const credentials = credentialsOf(values);
    const format = values.format ?? (io.isTerminal ? 'table' : 'json');
    if (!(resultFormats as readonly string[]).includes(format)) {
      throw new UsageError(`--format takes ${resultFormats.join(', ')}, not "${format}"`);
    }
    const sparql = values.expression ?? (await readQueryFile(positionals[0]!));
    const { formatResult } = await import('../query/results.js');
    let result;
    if (values.endpoint !== undefined) {
      const { queryEndpoint } = await import('../query/remote.js');
      result = await queryEndpoint(values.endpoint, sparql, { graph: values.graph, credentials });
    } else {
      const [{ compileDataset }, { query }] = await Promise.all([import('../build.js'), import('../query/engine.js')]);
      const quads = values.dataset !== undefined
        ? await readDataset(values.dataset)
        : (await compileDataset({ dataDir: values.data })).quads;
      result = await query(quads, sparql);
    }
    const chosen = result.type === 'quads' && format === 'json' && values.format === undefined ? 'turtle' : format;
    io.out(await formatResult(result, chosen as ResultFormat));
    return 0;
  },
};

const publishCommand: Command = {
  help: `pharmald publish --endpoint URL --graph IRI [--user U --password-env VAR] [options]

Loads the dataset into a triplestore over the SPARQL 1.1 Graph Store HTTP Protocol: the first chunk
replaces the named graph IRI (PUT URL?graph=IRI), each further chunk is added to it (POST), then a SPARQL
COUNT through the store's query endpoint checks that the graph holds exactly the triples sent.
Triples sharing a blank node always travel in one chunk. Works with any store that speaks the Graph Store
Protocol and SPARQL 1.1 (for Virtuoso: --endpoint http://HOST:8890/sparql-graph-crud-auth).
Options:
  --endpoint URL        the Graph Store Protocol service (required)
  --graph IRI           the named graph to replace (required)
  --sparql URL          the SPARQL query endpoint for the count (default: /sparql on the endpoint's origin)
  --user U              user name, answered with HTTP Digest or Basic authentication as the store asks
  --password-env VAR    the environment variable holding the password (never on the command line)
  --data DIR            YAML data folder (default: ./data, else the bundled data), validated as build does
                        (violations stop it; warnings are printed)
  --dataset FILE        publish an RDF file instead (.ttl, .nt or .jsonld, e.g. dist/dataset.nt)
  --chunk-triples N     triples per request (default ${publishDefaults.chunkTriples})
  --timeout SECONDS     time limit for each request (default ${publishDefaults.timeoutMs / 1000})
If a chunk after the first fails, the graph is left partially loaded (the message says so): publish again.
Exit status: 0 published and counted, 1 data, network or store error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, {
      endpoint: { type: 'string' }, graph: { type: 'string' }, sparql: { type: 'string' }, user: { type: 'string' },
      'password-env': { type: 'string' }, data: { type: 'string' }, dataset: { type: 'string' },
      'chunk-triples': { type: 'string' }, timeout: { type: 'string' },
    });
    if (values.endpoint === undefined) throw new UsageError('give --endpoint URL (the Graph Store Protocol service)');
    if (values.graph === undefined) throw new UsageError('give --graph IRI (the named graph to replace)');
    httpUrl('--endpoint', values.endpoint);
    if (values.sparql !== undefined) httpUrl('--sparql', values.sparql);
    absoluteIri('--graph', values.graph);
    if (values.data !== undefined && values.dataset !== undefined) throw new UsageError('give --data or --dataset, not both');
    const credentials = credentialsOf(values);
    const positive = (name: string, value: string | undefined, integer: boolean) => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
        throw new UsageError(`--${name} takes a positive ${integer ? 'whole ' : ''}number, not "${value}"`);
      }
      return n;
    };
    const chunkTriples = positive('chunk-triples', values['chunk-triples'], true);
    const timeout = positive('timeout', values.timeout, false);
    const [{ publish }, { compileDataset }, { terminalProgress }] = await Promise.all([
      import('../publish/publish.js'), import('../build.js'), import('../io/progress.js'),
    ]);
    let quads;
    if (values.dataset !== undefined) {
      quads = await readDataset(values.dataset);
    } else {
      // Validated as for a build: violations stop here, warnings are printed as build prints them.
      const compiled = await compileDataset({ dataDir: values.data });
      printWarnings(io, compiled.diagnostics);
      quads = compiled.quads;
    }
    const progress = terminalProgress();
    const result = await publish(quads, {
      endpoint: values.endpoint,
      graph: values.graph,
      sparql: values.sparql,
      credentials,
      chunkTriples,
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      onProgress: progress.listener,
    }).finally(progress.end);
    io.out(`published ${result.triples} triples to <${values.graph}> at ${values.endpoint} in ${result.chunks} `
      + `chunk${result.chunks === 1 ? '' : 's'}, ${result.seconds.toFixed(1)} s; ${result.sparql} counts ${result.stored}\n`);
    return 0;
  },
};

/** The user and the password read from the environment variable --password-env names (never from argv). */
function credentialsOf(values: { user?: string; 'password-env'?: string }): { user: string; password: string } | undefined {
  if ((values.user === undefined) !== (values['password-env'] === undefined)) throw new UsageError('give --user and --password-env together');
  if (values.user === undefined) return undefined;
  const variable = values['password-env']!;
  const password = process.env[variable];
  if (password === undefined) throw new UsageError(`--password-env ${variable}: the environment variable ${variable} is not set`);
  return { user: values.user, password };
}

/** An absolute IRI option (one that can go between <> in SPARQL), or a usage error. */
function absoluteIri(option: string, text: string): void {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/.test(text)) throw new UsageError(`${option} takes an absolute IRI, not "${text}"`);
}

/** An http(s) URL option, or a usage error. */
function httpUrl(option: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${option} takes an absolute http(s) URL, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${option} takes an http(s) URL, not "${text}"`);
  return url;
}

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
  publish: publishCommand,
  schema: schemaCommand,
  serve: serveCommand,
  release: releaseCommand,
  diff: diffCommand,
};
