// The CLI contract: "`pharmald build [--data DIR] [--out DIR]`, `pharmald validate [--data DIR]`,
// `pharmald query …`, `--help` on each, `--version`. Exit 0 on success, 1 on a data or validation error, 2 on a
// usage error. Errors on stderr, one clear line each, never a stack trace."
//
// Every test runs bin/pharmald.js as a child process, from the source (see tests/helpers.ts: the first test proves
// it), in a scratch folder holding a copy of a fixed data folder (tests/fixtures/data) as ./data, so the defaults
// (--data ./data, --out dist) are exercised and diagnostics read `data/ketamine.yaml:LINE:COL`. The expectations
// are read from that folder's YAML, whichever file holds each section. One good build (in beforeAll) is reused as
// the existing dist/ and as the --dataset files.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCleanStderr, fixtureDataDir, lineOf, moduleLog, pharmald, pharmaldAsync, root, scratchDir, snapshot, type CliResult } from './helpers.js';

// --- What the data says, read straight from the YAML (so the expectations follow the data) -------------------

interface YamlMechanism { id: string; drug: string; target?: string; systems: string[]; supported_by?: string[]; affinities?: unknown[] }
interface YamlEntity { id: string; label: string }
const yamlFiles = readdirSync(fixtureDataDir).filter((f) => f.endsWith('.yaml')).sort();
const sections = yamlFiles.map((file) => ({ file, yaml: parseYaml(readFileSync(path.join(fixtureDataDir, file), 'utf8')) as Record<string, unknown[]> }));
/** Every entry of a section, from whichever files hold it, with the file it is in. */
const entries = <T>(section: string) => sections.flatMap(({ file, yaml }) => ((yaml[section] ?? []) as T[]).map((entry) => ({ ...entry, file })));
const drugs = entries<YamlEntity>('drugs');
const mechanisms = entries<YamlMechanism>('mechanisms');
const targets = entries<YamlEntity>('targets');
const systems = entries<YamlEntity>('systems');
const labelOf = (list: readonly YamlEntity[], id: string) => list.find((e) => e.id === id)!.label;

const id = 'https://w3id.org/pharmald/id/';
const rdfsLabel = 'http://www.w3.org/2000/01/rdf-schema#label';
const xsdDecimal = 'http://www.w3.org/2001/XMLSchema#decimal';
const prefixes = 'PREFIX pld: <https://w3id.org/pharmald/vocab#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>';
const targetLabels = `${prefixes} CONSTRUCT { ?t rdfs:label ?l } WHERE { ?t a pld:Target ; rdfs:label ?l }`;
const expectedTargetLabelTriples = targets.map((t) => `<${id}target/${t.id}> <${rdfsLabel}> "${t.label}"@en`).sort();

/** The mechanisms without supported_by: each a SHACL warning at the mechanism's `id`, in file order. */
const unsupported = mechanisms.filter((m) => !m.supported_by?.length);
const expectedWarnings = unsupported.map((m) => {
  const line = lineOf(path.join(fixtureDataDir, m.file), `- id: ${m.id}`);
  const col = readFileSync(path.join(fixtureDataDir, m.file), 'utf8').split('\n')[line - 1]!.indexOf('id:') + 1;
  return `data/${m.file}:${line}:${col}: warning: `;
});

/** The rows of queries/chain.rq: drug –actsOn→ target –affects→ system, from the mechanisms with a target. */
const chainRows = [...new Set(mechanisms.filter((m) => m.target).flatMap((m) =>
  m.systems.map((s) => JSON.stringify([labelOf(drugs, m.drug), labelOf(targets, m.target!), labelOf(systems, s)]))))]
  .map((row) => JSON.parse(row) as string[])
  .sort();

let work: string;
let dist: string;
let firstBuild: CliResult;

beforeAll(() => {
  work = scratchDir('pharmald-cli-');
  cpSync(fixtureDataDir, path.join(work, 'data'), { recursive: true });
  firstBuild = pharmald(['build'], { cwd: work });
  dist = path.join(work, 'dist');
});

describe('the CLI under test', () => {
  it('is the source: bin/pharmald.js runs src/cli/main.ts and the rest of src/, and nothing of lib/ (which may be stale)', () => {
    const log = moduleLog();
    const result = pharmald(['validate'], { cwd: work, env: log.env });
    expect(result.status, result.stderr).toBe(0);
    const modules = log.modules();
    expect(modules).toEqual(expect.arrayContaining(['bin/pharmald.js', 'src/cli/main.ts', 'src/cli/commands.ts', 'src/build.ts']));
    expect(modules.filter((m) => !m.startsWith('src/') && m !== 'bin/pharmald.js')).toEqual([]);
  });
});

describe('the data, as the expectations read it', () => {
  it('has a mechanism without a supporting reference, and chain rows', () => {
    expect(unsupported.length).toBeGreaterThan(0);
    expect(expectedWarnings[0]).toMatch(/^data\/\S+\.yaml:\d+:5: warning: $/);
    expect(chainRows).toContainEqual(['ketamine', 'NMDA receptor', 'spinal cord']);
  });
});

describe.concurrent('--version and --help', () => {
  it.for([['--version'], ['-v']])('%s prints package.json\'s version', async (args, { expect }) => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const result = await pharmaldAsync(args, { cwd: work });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.stderr).toBe('');
  });

  const helps: readonly { args: string[]; first: RegExp; mentions: string[] }[] = [
    { args: ['--help'], first: /^pharmald: /, mentions: ['pharmald build', 'pharmald validate', 'pharmald query', 'pharmald publish', '--endpoint', '--version', '--help', '--data', '--out', '--fail-on', '--format', '--dataset', '-e'] },
    { args: ['publish', '--help'], first: /^pharmald publish /, mentions: ['--endpoint', '--graph', '--user', '--password-env', '--chunk-triples', 'Graph Store', 'Exit status'] },
    { args: ['build', '--help'], first: /^pharmald build /, mentions: ['--data', '--out', '--fail-on warning', 'dataset.ttl', 'dataset.nt', 'dataset.jsonld', 'context.jsonld', 'Exit status'] },
    { args: ['validate', '--help'], first: /^pharmald validate /, mentions: ['--data', '--fail-on warning', 'FILE.yaml:LINE:COL', 'Exit status'] },
    { args: ['query', '--help'], first: /^pharmald query FILE\.rq/, mentions: ['-e, --expression', '--format', 'table|json|csv|tsv|turtle|ntriples', '--data', '--dataset', 'Exit status'] },
    { args: ['query', '-h'], first: /^pharmald query FILE\.rq/, mentions: ['--format'] },
  ];
  it.for(helps)('$args exits 0 and mentions its options', async ({ args, first, mentions }, { expect }) => {
    const result = await pharmaldAsync(args, { cwd: work });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(first);
    for (const option of mentions) expect(result.stdout).toContain(option);
  });
});

describe.concurrent('usage errors: exit 2, one line on stderr', () => {
  const cases: readonly { name: string; args: string[]; message: RegExp }[] = [
    { name: 'unknown command', args: ['frob'], message: /unknown command "frob"/ },
    { name: 'unknown option of build', args: ['build', '--bogus'], message: /'--bogus'/ },
    { name: 'unknown option of validate', args: ['validate', '--frob'], message: /'--frob'/ },
    { name: 'option without its value', args: ['build', '--out'], message: /--out/ },
    { name: 'query with neither file nor -e', args: ['query'], message: /give either a query file or -e SPARQL/ },
    { name: 'query with both file and -e', args: ['query', 'queries/chain.rq', '-e', 'ASK {}'], message: /give either a query file or -e SPARQL/ },
    { name: 'query with two files', args: ['query', 'a.rq', 'b.rq'], message: /give one query file/ },
    { name: 'bad --format', args: ['query', '-e', 'ASK {?s ?p ?o}', '--format', 'xml'], message: /--format takes table, json, csv, tsv, turtle, ntriples, not "xml"/ },
    { name: 'missing query file', args: ['query', 'no-such-query.rq'], message: /cannot read query file no-such-query\.rq: ENOENT/ },
    { name: '--data with --dataset', args: ['query', '-e', 'ASK {?s ?p ?o}', '--data', 'data', '--dataset', 'dist/dataset.ttl'], message: /--data or --dataset/ },
    { name: 'validate --fail-on bogus', args: ['validate', '--fail-on', 'bogus'], message: /--fail-on takes "warning" or "violation", not "bogus"/ },
    { name: 'serve --port out of range', args: ['serve', '--port', '99999'], message: /--port takes a whole number from 0 to 65535, not "99999"/ },
    { name: 'serve --port not whole', args: ['serve', '--port', '80.5'], message: /--port takes a whole number from 0 to 65535, not "80\.5"/ },
    { name: 'build --fail-on bogus', args: ['build', '--fail-on', 'bogus', '--out', 'never-written'], message: /--fail-on takes "warning" or "violation", not "bogus"/ },
  ];
  it.for(cases)('$name → 2', async ({ args, message }, { expect }) => {
    const result = await pharmaldAsync(args, { cwd: work });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pharmald: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
    expectCleanStderr(result.stderr);
    expect(() => statSync(path.join(work, 'never-written'))).toThrow();
  });

  it('no command at all → 2, with the usage', async ({ expect }) => {
    const result = await pharmaldAsync([], { cwd: work });
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toMatch(/Usage:\n\s+pharmald build/);
  });
});

describe.concurrent('query', () => {
  it('ASK in json is exactly the SPARQL JSON boolean', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', 'ASK {?s ?p ?o}', '--format', 'json'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('{"head":{},"boolean":true}\n');
    expect(result.stderr).toBe('');
  });

  it('without --format, piped output is JSON (and a false ASK is false)', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', `${prefixes} ASK { ?t a pld:Target ; rdfs:label "no such target"@en }`], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('{"head":{},"boolean":false}\n');
  });

  it('a SPARQL syntax error → 1, one line', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', 'SELECT * WHERE { ?s ?p '], { cwd: work });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pharmald: SPARQL: [^\n]+\n$/);
    expectCleanStderr(result.stderr);
  });

  it('SELECT in json is SPARQL 1.1 Results JSON with typed bindings', async ({ expect }) => {
    const sparql = `${prefixes} SELECT ?target ?label WHERE { ?target a pld:Target ; rdfs:label ?label } ORDER BY ?target`;
    const result = await pharmaldAsync(['query', '-e', sparql, '--format', 'json'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { head: { vars: string[] }; results: { bindings: Record<string, Record<string, string>>[] } };
    expect(json.head).toEqual({ vars: ['target', 'label'] });
    const expected = targets
      .map((t) => ({ target: { type: 'uri', value: `${id}target/${t.id}` }, label: { type: 'literal', value: t.label, 'xml:lang': 'en' } }))
      .sort((a, b) => (a.target.value < b.target.value ? -1 : 1));
    expect(json.results.bindings).toEqual(expected);
  });

  it('csv from a query file: header line, CRLF line ends, the chain rows', async ({ expect }) => {
    const result = await pharmaldAsync(['query', path.join(root, 'queries', 'chain.rq'), '--format', 'csv'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith('drug,target,system\r\n')).toBe(true);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(result.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = result.stdout.split('\r\n').slice(1, -1).map((line) => line.split(','));
    expect(rows.sort()).toEqual(chainRows);
  });

  it('tsv: ?var headers and terms in N-Triples syntax', async ({ expect }) => {
    const sparql = readFileSync(path.join(root, 'queries', 'chain.rq'), 'utf8');
    const result = await pharmaldAsync(['query', '-e', sparql, '--format', 'tsv'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    const [header, ...rows] = result.stdout.split('\n');
    expect(header).toBe('?drug\t?target\t?system');
    expect(rows.pop()).toBe('');
    expect(rows.sort()).toEqual(chainRows.map((row) => row.map((label) => `"${label}"@en`).join('\t')).sort());
  });

  it('CONSTRUCT with --format turtle: Turtle that n3 parses to the expected triples', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', targetLabels, '--format', 'turtle'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^@prefix /);
    const triples = new Parser({ format: 'text/turtle' }).parse(result.stdout)
      .map((q) => `<${q.subject.value}> <${q.predicate.value}> "${q.object.value}"@${(q.object as { language: string }).language}`);
    expect(triples.sort()).toEqual(expectedTargetLabelTriples);
  });

  it('CONSTRUCT without --format is Turtle too', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', targetLabels], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^@prefix /);
    expect(new Parser({ format: 'text/turtle' }).parse(result.stdout)).toHaveLength(expectedTargetLabelTriples.length);
  });

  it('CONSTRUCT with --format ntriples: one triple a line, the expected triples', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', targetLabels, '--format', 'ntriples'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(/^<[^>]+> <[^>]+> ".*"@en \.$/);
    expect(lines.map((line) => line.replace(/ \.$/, '')).sort()).toEqual(expectedTargetLabelTriples);
    const parsed = new Parser({ format: 'N-Triples' }).parse(result.stdout);
    expect(parsed).toHaveLength(expectedTargetLabelTriples.length);
  });

  it('--dataset dist/dataset.ttl, .nt and .jsonld answer as the in-memory build does', async ({ expect }) => {
    expect(firstBuild.status, firstBuild.stderr).toBe(0);
    const run = (...extra: string[]) => pharmaldAsync(['query', 'queries/affinities.rq', '--format', 'json', ...extra], { cwd: root });
    const [inMemory, ttl, nt, jsonld] = await Promise.all([
      run('--data', path.join(work, 'data')),
      run('--dataset', path.join(dist, 'dataset.ttl')),
      run('--dataset', path.join(dist, 'dataset.nt')),
      run('--dataset', path.join(dist, 'dataset.jsonld')),
    ]);
    for (const result of [inMemory, ttl, nt, jsonld]) expect(result.status, result.stderr).toBe(0);
    const answer = JSON.parse(inMemory.stdout) as { results: { bindings: Record<string, Record<string, string>>[] } };
    const affinities = mechanisms.flatMap((m) => m.affinities ?? []);
    expect(answer.results.bindings).toHaveLength(affinities.length);
    expect(answer.results.bindings.map((b) => b.value)).toContainEqual({ type: 'literal', value: '6.18', datatype: xsdDecimal });
    expect(answer.results.bindings.find((b) => b.measure?.value === 'Ki')?.unit).toEqual({ type: 'literal', value: 'nM' });
    expect(ttl.stdout).toBe(inMemory.stdout);
    expect(nt.stdout).toBe(inMemory.stdout);
    expect(jsonld.stdout).toBe(inMemory.stdout);
  });

  it('an ASK answer asked for as turtle → an error line, not a crash', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', 'ASK {?s ?p ?o}', '--format', 'turtle'], { cwd: work });
    expect([1, 2]).toContain(result.status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pharmald: [^\n]*not a graph[^\n]*\n$/);
  });

  it('a missing --dataset file → an error line naming it', async ({ expect }) => {
    const result = await pharmaldAsync(['query', '-e', 'ASK {?s ?p ?o}', '--dataset', 'no-such-dataset.ttl'], { cwd: work });
    expect([1, 2]).toContain(result.status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pharmald: [^\n]*no-such-dataset\.ttl[^\n]*\n$/);
    expectCleanStderr(result.stderr);
  });
});

describe.concurrent('build and validate', () => {
  it('build (defaults: ./data → dist/) exits 0, writes the dataset files and the site, and prints the warnings', ({ expect }) => {
    expect(firstBuild.status, firstBuild.stderr).toBe(0);
    const match = /^built (\d+) triples into dist\/: (.*)\n$/.exec(firstBuild.stdout);
    expect(match, firstBuild.stdout).not.toBeNull();
    const entries = match![2]!.split(', ');
    expect(entries.pop()).toMatch(/^site\/ \(\d+ files\)$/);
    const files = entries.map((entry) => /^(\S+) \((\d+) bytes\)$/.exec(entry)!.slice(1));
    expect(files.map(([name]) => name)).toEqual(['dataset.ttl', 'dataset.nt', 'dataset.jsonld', 'context.jsonld', 'void.ttl']);
    expect(statSync(path.join(dist, 'site', 'index.html')).isFile()).toBe(true);
    for (const [name, bytes] of files) expect(statSync(path.join(dist, name!)).size).toBe(Number(bytes));
    const stderr = firstBuild.stderr.split('\n');
    expect(stderr.pop()).toBe('');
    expect(stderr).toHaveLength(expectedWarnings.length);
    stderr.forEach((line, i) => {
      expect(line.startsWith(expectedWarnings[i]!), line).toBe(true);
      expect(line).toMatch(/no supporting literature reference/);
    });
    expectCleanStderr(firstBuild.stderr);
  });

  it('validate exits 0, reports the counts and prints the warnings', async ({ expect }) => {
    const result = await pharmaldAsync(['validate'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    const triples = /^built (\d+) triples/.exec(firstBuild.stdout)![1];
    expect(result.stdout).toBe(`valid: ${triples} triples, ${mechanisms.length} mechanisms, ${expectedWarnings.length} warning(s)\n`);
    expect(result.stderr).toBe(firstBuild.stderr);
  });

  it('build --fail-on warning exits 1 and leaves an existing out dir untouched', async ({ expect }) => {
    const out = scratchDir('pharmald-cli-out-');
    cpSync(dist, out, { recursive: true, dereference: true });
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('void.ttl');
    expect(Object.keys(before)).toContain('site/index.html');
    const result = await pharmaldAsync(['build', '--fail-on', 'warning', '--out', out], { cwd: work });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.pop()).toBe(`pharmald: ${expectedWarnings.length} problem(s) found; nothing was written`);
    expect(lines.map((line, i) => line.startsWith(expectedWarnings[i]!))).toEqual(expectedWarnings.map(() => true));
    expectCleanStderr(result.stderr);
    expect(snapshot(out)).toEqual(before);
  });

  it('validate --fail-on warning exits 1 with the warnings', async ({ expect }) => {
    const result = await pharmaldAsync(['validate', '--fail-on', 'warning'], { cwd: work });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(firstBuild.stderr)).toBe(true);
    expect(result.stderr.slice(firstBuild.stderr.length)).toBe(`pharmald: ${expectedWarnings.length} problem(s) found\n`);
    expectCleanStderr(result.stderr);
  });

  it('build --fail-on violation is the default: exit 0', async ({ expect }) => {
    const out = path.join(scratchDir('pharmald-cli-out-'), 'nested', 'out');
    const result = await pharmaldAsync(['build', '--fail-on', 'violation', '--out', out], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(dist));
  });

  const folders: readonly { name: string; make: () => string; message: RegExp }[] = [
    { name: 'a data folder that does not exist', make: () => path.join(scratchDir('pharmald-cli-'), 'missing'), message: /cannot read data folder .*missing/ },
    { name: 'a data folder without .yaml files', make: () => { const dir = path.join(scratchDir('pharmald-cli-'), 'empty'); mkdirSync(dir); return dir; }, message: /no \.yaml data files in .*empty/ },
  ];
  it.for(folders)('validate on $name → 1, every stderr line a known form', async ({ make, message }, { expect }) => {
    const result = await pharmaldAsync(['validate', '--data', make()], { cwd: work });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expectCleanStderr(result.stderr);
  });
});
