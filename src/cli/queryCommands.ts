// **queryCommands** are the commands that answer or hand on the dataset: query, publish, serve. Each imports
// what it needs when it runs (the SPARQL engine, the server are heavy).
import { UsageError } from '../errors.js';
import { publishDefaults } from '../publish/defaults.js';
import { resultFormats } from '../query/serializeResult.js';
import { serveDefaults } from '../server/defaults.js';
import {
  absoluteIri, credentialsOf, dataOption, httpUrl, numberOption, oneOf, parse, printWarnings, readDataset, readQueryFile, strings, type Command,
} from './options.js';

export const queryCommand: Command = {
  help: `pharmald query FILE.rq [options]
pharmald query -e 'SPARQL' [options]

Runs a SPARQL query in-process (Comunica) over the dataset built in memory from the YAML data,
or over an RDF file given with --dataset.
Options:
  -e, --expression SPARQL   the query text (instead of FILE.rq)
  --format F                ${resultFormats.join('|')}; default: table on a terminal, otherwise json
                            (turtle for CONSTRUCT / DESCRIBE)
  --data DIR                YAML data folder (default: ./data, else the bundled data); repeat it to query
                            several folders as one dataset
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
    const { values, positionals } = parse(args, {
      expression: { type: 'string', short: 'e' }, ...dataOption, ...strings('format', 'dataset', 'endpoint', 'graph', 'user', 'password-env'),
    }, true);
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
    const format = oneOf('--format', values.format ?? (io.isTerminal ? 'table' : 'json'), resultFormats);
    const sparql = values.expression ?? (await readQueryFile(positionals[0]!));
    const { formatResult } = await import('../query/serializeResult.js');
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
    io.out(await formatResult(result, chosen));
    return 0;
  },
};

export const publishCommand: Command = {
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
                        (violations stop it; warnings are printed); repeat it for several folders, one dataset
  --dataset FILE        publish an RDF file instead (.ttl, .nt or .jsonld, e.g. dist/dataset.nt)
  --chunk-triples N     triples per request (default ${publishDefaults.chunkTriples})
  --timeout SECONDS     time limit for each request (default ${publishDefaults.timeoutMs / 1000})
If a chunk after the first fails, the graph is left partially loaded (the message says so): publish again.
Exit status: 0 published and counted, 1 data, network or store error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, {
      ...dataOption, ...strings('endpoint', 'graph', 'sparql', 'user', 'password-env', 'dataset', 'chunk-triples', 'timeout'),
    });
    if (values.endpoint === undefined) throw new UsageError('give --endpoint URL (the Graph Store Protocol service)');
    if (values.graph === undefined) throw new UsageError('give --graph IRI (the named graph to replace)');
    httpUrl('--endpoint', values.endpoint);
    if (values.sparql !== undefined) httpUrl('--sparql', values.sparql);
    absoluteIri('--graph', values.graph);
    if (values.data !== undefined && values.dataset !== undefined) throw new UsageError('give --data or --dataset, not both');
    const credentials = credentialsOf(values);
    const chunkTriples = numberOption('chunk-triples', values['chunk-triples'], { positive: true, integer: true });
    const timeout = numberOption('timeout', values.timeout, { positive: true });
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

export const serveCommand: Command = {
  help: `pharmald serve [--port N] [--host H] [--data DIR … | --dataset FILE] [options]

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
  --data DIR            YAML data folder to build the dataset from (default: ./data, else the bundled
                        data); repeat it for several folders, one dataset
  --dataset FILE        serve an RDF file instead (.ttl, .nt or .jsonld, e.g. dist/dataset.nt)
  --federate URL        a SERVICE endpoint queries may call (repeatable); any other is refused
  --dist DIR            the build output whose site/ and releases/ are served (default dist)
Each entity IRI's path (/id/drug/ketamine) answers with content negotiation: the page for a browser,
Turtle, N-Triples or JSON-LD for an RDF client; a release answers at /releases/X.Y.Z/dataset.
`,
  async run(args, io) {
    const { values } = parse(args, {
      ...dataOption, ...strings('host', 'port', 'dataset', 'timeout', 'max-results', 'max-body', 'workers', 'max-queue', 'dist'),
      federate: { type: 'string', multiple: true },
    });
    if (values.data !== undefined && values.dataset !== undefined) throw new UsageError('give --data or --dataset, not both');
    const number = (name: string, value: string | undefined, min: number) => numberOption(name, value, { min });
    const timeout = number('timeout', values.timeout, 0.001);
    const { serve } = await import('../server/app.js');
    const server = await serve({
      host: values.host,
      port: numberOption('port', values.port, { min: 0, max: 65535, integer: true }),
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
