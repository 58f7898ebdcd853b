// `pharmald publish` and `pharmald query --endpoint` against a real triplestore: Debian's OpenLink Virtuoso
// (virtuoso-opensource-7), started here by .ci/virtuoso.sh on free loopback ports with a database in a
// temporary folder, and stopped afterwards. 100 k generated triples go in over the Graph Store Protocol
// (/sparql-graph-crud-auth, HTTP Digest), and the benchmark queries and the example queries answer through
// Virtuoso's /sparql exactly as in-process, compared as sets of rows.
// A missing virtuoso-t FAILS the test with the Debian package to install: it is never skipped.
//
// Run: npx tsc -p . && npx vitest run --config tests/cross/vitest.config.ts tests/cross/virtuoso.test.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkQueries } from '../../bench/queries.mjs';
import { compileDataset } from '../../src/build.js';
import { query } from '../../src/query/engine.js';
import { toSparqlJson } from '../../src/query/results.js';
import { quadToNTriples } from '../../src/serialize/ntriples.js';
import { bundledDataset, expectCleanStderr, pharmaldAsync, root, type CliResult } from '../helpers.js';

const SCRIPT = path.join(root, '.ci', 'virtuoso.sh');
const MISSING = 'install the Debian package virtuoso-opensource-7 (apt-get install virtuoso-opensource-7)';
const GRAPH = 'https://w3id.org/pharmald/test';
const PASSWORD_ENV = 'PHARMALD_TEST_VIRTUOSO_PASSWORD';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const scratch = mkdtempSync(path.join(tmpdir(), 'pharmald-virtuoso-'));
const dbDir = path.join(scratch, 'db');
const genDir = path.join(scratch, 'gen');
let gsp: string;
let sparql: string;
let generated: readonly Quad[];
let generatedTriples: number;
let sample: { firstDrug: string; selectiveSystem: string };
let firstPublish: CliResult;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function script(args: readonly string[]): void {
  const which = spawnSync('sh', ['-c', 'command -v virtuoso-t && command -v isql-vt'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error(`virtuoso-t or isql-vt not found: ${MISSING}`);
  const result = spawnSync(SCRIPT, args, { encoding: 'utf8', timeout: 110_000, env: { ...process.env } });
  if (result.status !== 0) throw new Error(`.ci/virtuoso.sh ${args[0]} failed (exit ${result.status}): ${result.stderr}${result.stdout}`);
}

const publishArgs = (extra: readonly string[]) => [
  'publish', '--endpoint', gsp, '--graph', GRAPH, '--user', 'pharmald', '--password-env', PASSWORD_ENV, ...extra,
];

beforeAll(async () => {
  const [http, sql] = [await freePort(), await freePort()];
  process.env[PASSWORD_ENV] = randomBytes(12).toString('hex');
  process.env['PHARMALD_VIRTUOSO_PASSWORD'] = process.env[PASSWORD_ENV];
  script(['start', dbDir, String(http), String(sql)]);
  gsp = `http://127.0.0.1:${http}/sparql-graph-crud-auth`;
  sparql = `http://127.0.0.1:${http}/sparql`;
  const gen = spawnSync(process.execPath, [path.join(root, 'bench', 'gen.mjs'), '--triples', '100k', '--out', genDir], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`bench/gen.mjs failed: ${gen.stderr}`);
  sample = (JSON.parse(readFileSync(path.join(genDir, 'manifest.json'), 'utf8')) as { sample: typeof sample }).sample;
  generated = (await compileDataset({ dataDir: genDir })).quads;
  generatedTriples = new Set(generated.map(quadToNTriples)).size;
}, 180_000);

afterAll(() => {
  try {
    script(['stop', dbDir]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------
// Answers as comparable rows.

type JsonTerm = { type: string; value: string; datatype?: string; 'xml:lang'?: string };
interface SparqlJson { head: { vars?: string[] }; results?: { bindings: Record<string, JsonTerm>[] }; boolean?: boolean }

/** Decimal text in its canonical form ("659.0" and "659" are one xsd:decimal value; "6.180" and "6.18" too). */
function canonicalDecimal(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return text;
  const whole = match[2]!.replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && (whole !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * One term as text. The normalisations, and why each is the same RDF term value:
 * - xsd:decimal and xsd:integer by value: Virtuoso stores numbers as numbers and writes them back in its own
 *   lexical form (pharmald writes "659.0", Virtuoso returns "659"); the SPARQL "=" and the value space agree.
 * - language tags in lower case: tags are case-insensitive (RDF 1.1 § 3.3), and Virtuoso lowercases them.
 * - blank nodes by kind only: each store mints its own labels.
 */
function termKey(term: JsonTerm | undefined): string {
  if (!term) return 'UNBOUND';
  if (term.type === 'bnode') return '_:';
  if (term.type === 'uri') return `<${term.value}>`;
  if (term['xml:lang']) return `${JSON.stringify(term.value)}@${term['xml:lang'].toLowerCase()}`;
  const datatype = term.datatype ?? `${XSD}string`;
  const value = datatype === `${XSD}decimal` || datatype === `${XSD}integer` ? canonicalDecimal(term.value) : term.value;
  return `${JSON.stringify(value)}^^<${datatype}>`;
}

function rows(json: SparqlJson): string[] {
  const vars = json.head.vars ?? [];
  return (json.results?.bindings ?? []).map((binding) => vars.map((v) => `${v}=${termKey(binding[v])}`).join(' ')).sort();
}

async function inProcess(quads: readonly Quad[], sparqlText: string): Promise<SparqlJson> {
  const result = await query(quads, sparqlText);
  if (result.type === 'quads') throw new Error('expected a SELECT or ASK');
  return toSparqlJson(result) as SparqlJson;
}

/** stderr without the data's SHACL warnings, which publish prints first (as build does). */
const withoutWarnings = (stderr: string) => stderr.split('\n').filter((line) => !/^\S+:\d+:\d+: warning: /.test(line)).join('\n');

async function remote(sparqlText: string, extra: readonly string[] = []): Promise<SparqlJson> {
  const result = await pharmaldAsync(['query', '--endpoint', sparql, '-e', sparqlText, '--format', 'json', ...extra]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as SparqlJson;
}

async function expectSameAnswers(quads: readonly Quad[], sparqlText: string, extra: readonly string[] = []): Promise<number> {
  const [want, got] = await Promise.all([inProcess(quads, sparqlText), remote(sparqlText, extra)]);
  if (want.boolean !== undefined) {
    expect(got.boolean).toBe(want.boolean);
    return 1;
  }
  expect(got.head.vars).toEqual(want.head.vars);
  expect(rows(got)).toEqual(rows(want));
  return rows(want).length;
}

// ---------------------------------------------------------------------------------------------------------

describe('publish 100 k generated triples to Virtuoso, then query them back', () => {
  it('publishes every triple over the Graph Store Protocol (digest authentication) and the count agrees', async () => {
    expect(generatedTriples).toBeGreaterThan(100_000);
    firstPublish = await pharmaldAsync(publishArgs(['--data', genDir]));
    // The data's SHACL warnings, as build prints them, and nothing else.
    expectCleanStderr(firstPublish.stderr);
    for (const line of firstPublish.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^\S+:\d+:\d+: warning: /);
    expect(firstPublish.status).toBe(0);
    const match = /^published (\d+) triples to <(.+)> at (\S+) in (\d+) chunks, (\d+\.\d) s; (\S+) counts (\d+)\n$/.exec(firstPublish.stdout);
    expect(match, firstPublish.stdout).not.toBeNull();
    expect(match!.slice(1, 5)).toEqual([String(generatedTriples), GRAPH, gsp, String(Math.ceil(generatedTriples / 50_000))]);
    expect(match!.slice(6)).toEqual([sparql, String(generatedTriples)]);
    console.info(`virtuoso: ${firstPublish.stdout.trim()}`);
  });

  it('the store counts the same triples through pharmald query --endpoint', async () => {
    const json = await remote(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${GRAPH}> { ?s ?p ?o } }`);
    expect(json.results!.bindings[0]!['n']).toEqual({ type: 'literal', value: String(generatedTriples), datatype: `${XSD}integer` });
  });

  it.each(['a', 'b', "b'", 'c', 'd'])('benchmark query (%s): the same rows as in-process', async (id) => {
    const { sparql: text } = benchmarkQueries(sample).find((q: { id: string }) => q.id === id)!;
    expect(await expectSameAnswers(generated, text, ['--graph', GRAPH])).toBeGreaterThan(0);
  });

  it('the generated data\'s decimals really are written differently by Virtuoso, so the value comparison matters', async () => {
    const text = 'PREFIX pld: <https://w3id.org/pharmald/vocab#> SELECT ?v WHERE { ?a pld:affinityValue ?v } ';
    const [want, got] = await Promise.all([inProcess(generated, text), remote(text, ['--graph', GRAPH])]);
    const lexical = (json: SparqlJson) => json.results!.bindings.map((b) => b['v']!.value).sort();
    expect(lexical(got)).not.toEqual(lexical(want));
    expect(rows(got)).toEqual(rows(want));
  });

  it('publishing again replaces the graph: the count stays the same, not doubled', async () => {
    const again = await pharmaldAsync(publishArgs(['--data', genDir, '--chunk-triples', '20000']));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`in ${Math.ceil(generatedTriples / 20_000)} chunks`);
    expect(again.stdout).toContain(`counts ${generatedTriples}\n`);
    const json = await remote(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${GRAPH}> { ?s ?p ?o } }`);
    expect(json.results!.bindings[0]!['n']!.value).toBe(String(generatedTriples));
  });
});

describe('a protected query endpoint (Virtuoso /sparql-auth, digest authentication)', () => {
  const count = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${GRAPH}> { ?s ?p ?o } }`;

  it('query --endpoint --user --password-env answers as the open endpoint does', async () => {
    const result = await pharmaldAsync(['query', '--endpoint', sparql.replace(/\/sparql$/, '/sparql-auth'), '--user', 'pharmald', '--password-env', PASSWORD_ENV, '-e', count, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(rows(JSON.parse(result.stdout) as SparqlJson)).toEqual(rows(await remote(count)));
  });

  it('without a user, or with a wrong password: exit 1, one line naming the endpoint', async () => {
    const protectedEndpoint = sparql.replace(/\/sparql$/, '/sparql-auth');
    process.env['PHARMALD_TEST_WRONG_PASSWORD'] = 'not-the-password';
    for (const extra of [[], ['--user', 'pharmald', '--password-env', 'PHARMALD_TEST_WRONG_PASSWORD']]) {
      const result = await pharmaldAsync(['query', '--endpoint', protectedEndpoint, ...extra, '-e', count, '--format', 'json']);
      expect(result.status, result.stderr).toBe(1);
      expectCleanStderr(result.stderr);
      expect(result.stderr).toMatch(new RegExp(`^pharmald: ${protectedEndpoint.replace(/[.?]/g, '\\$&')}: .*401`));
    }
  });
});

describe('failures against the real store', () => {
  it('a wrong password: exit 1, one line naming the endpoint and the user', async () => {
    process.env['PHARMALD_TEST_WRONG_PASSWORD'] = 'not-the-password';
    const wrong = await pharmaldAsync(publishArgs(['--data', path.join(root, 'data')]).map((a) => (a === PASSWORD_ENV ? 'PHARMALD_TEST_WRONG_PASSWORD' : a)));
    expect(wrong.status).toBe(1);
    expectCleanStderr(wrong.stderr);
    expect(withoutWarnings(wrong.stderr)).toBe(`pharmald: PUT ${gsp}: 401 Unauthorized: user "pharmald" was refused (wrong user or password?)\n`);
    // Refused before anything was loaded: the graph still holds the 100 k triples.
    const json = await remote(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${GRAPH}> { ?s ?p ?o } }`);
    expect(json.results!.bindings[0]!['n']!.value).toBe(String(generatedTriples));
  });

  it('a missing password variable is a usage error (exit 2), before anything is sent', async () => {
    delete process.env['PHARMALD_TEST_UNSET'];
    const result = await pharmaldAsync(['publish', '--endpoint', gsp, '--graph', GRAPH, '--user', 'pharmald', '--password-env', 'PHARMALD_TEST_UNSET']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('pharmald: --password-env PHARMALD_TEST_UNSET: the environment variable PHARMALD_TEST_UNSET is not set (see pharmald publish --help)\n');
  });

  it('an unreachable endpoint: exit 1 for publish and for query --endpoint', async () => {
    const port = await freePort();
    const publish = await pharmaldAsync(['publish', '--endpoint', `http://127.0.0.1:${port}/sparql-graph-crud-auth`, '--graph', GRAPH,
      '--user', 'pharmald', '--password-env', PASSWORD_ENV, '--data', path.join(root, 'data')]);
    expect(publish.status).toBe(1);
    expect(withoutWarnings(publish.stderr)).toBe(`pharmald: HEAD http://127.0.0.1:${port}/sparql-graph-crud-auth: connection refused (is the store running, and on this port?) (ECONNREFUSED)\n`);
    const queried = await pharmaldAsync(['query', '--endpoint', `http://127.0.0.1:${port}/sparql`, '-e', 'ASK {}']);
    expect(queried.status).toBe(1);
    expect(queried.stderr).toBe(`pharmald: http://127.0.0.1:${port}/sparql: connection refused (is the store running, and on this port?) (ECONNREFUSED)\n`);
  });

  it('a query Virtuoso refuses: exit 1 with its message on one line', async () => {
    const result = await pharmaldAsync(['query', '--endpoint', sparql, '-e', 'SELECT * WHERE { ?s ?p ?o } ORDER BY <urn:no-such-function>(?s)']);
    expect(result.status).toBe(1);
    expectCleanStderr(result.stderr);
    expect(result.stderr).toMatch(new RegExp(`^pharmald: ${sparql}: .*\\n$`));
  });
});

describe('the bundled data published to Virtuoso (replacing the 100 k graph) answers like in-process', () => {
  let bundled: readonly Quad[];
  let warnings: number;
  beforeAll(async () => {
    const compiled = await bundledDataset();
    bundled = compiled.quads;
    warnings = compiled.diagnostics.filter((d) => d.severity === 'warning').length;
  });

  it('publishes data/ and the graph now holds only its triples', async () => {
    const result = await pharmaldAsync(publishArgs(['--data', path.join(root, 'data')]));
    expect(result.status, result.stderr).toBe(0);
    // The SHACL warnings of the bundled data (claims backed by the source text alone), as build prints them.
    const lines = result.stderr.trimEnd().split('\n').filter(Boolean);
    expect(lines.every((line) => /^data\/\S+\.yaml:\d+:\d+: warning: /.test(line)), result.stderr).toBe(true);
    expect(lines).toHaveLength(warnings);
    const triples = new Set(bundled.map(quadToNTriples)).size;
    expect(result.stdout).toMatch(new RegExp(`^published ${triples} triples .* in 1 chunk, .* counts ${triples}\\n$`));
  });

  it('answers a seed claim: ketamine blocks the NMDA receptor channel directly and strongly (and a false claim is false)', async () => {
    const claim = (action: string) => `PREFIX pld: <https://w3id.org/pharmald/vocab#>
ASK { <https://w3id.org/pharmald/id/drug/ketamine> pld:hasMechanism ?m .
  ?m pld:target <https://w3id.org/pharmald/id/target/nmda-receptor> ; pld:actionType pld:${action} ;
     pld:directness pld:Direct ; pld:strength pld:Strong }`;
    expect((await remote(claim('ChannelBlocker'))).boolean).toBe(true);
    expect((await remote(claim('Agonist'))).boolean).toBe(false);
  });

  // Without --graph: Virtuoso's default graph is the union of all its graphs (here: ours, and its own system
  // graphs, which hold no pharmald terms), so the example queries give exactly the in-process answers.
  const examples = readdirSync(path.join(root, 'queries')).filter((f) => f.endsWith('.rq')).sort();
  it.each(examples)('queries/%s over the store\'s default graph: the same rows as in-process', async (file) => {
    const text = readFileSync(path.join(root, 'queries', file), 'utf8');
    const count = await expectSameAnswers(bundled, text);
    // The curated data has no pharmacologic classes (imports do): a query about them answers nothing here.
    if (!/pld:inPharmacologicClass|pld:hasClassMembership/.test(text)) expect(count).toBeGreaterThan(0);
  });
});
