// Several data folders build one dataset: `--data A --data B` in every command that reads the YAML data (build,
// validate, query, publish, serve, release), and `dataDir: [A, B]` in the library. Folder A ("curated") is a copy
// of tests/fixtures/data; folder B ("imported") holds one more drug whose mechanism names a target, a system, a
// process, a use and a reference that only A defines, so that B alone does not build, and every triple about that
// mechanism's links needs both. Each test runs in a scratch folder holding both, so paths in messages read
// `curated/targets.yaml:4:5`.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileDataset } from '../src/build.js';
import { loadModel } from '../src/model/load.js';
import { serve } from '../src/server/app.js';
import { entity, expectCleanStderr, fixtureDataDir, pharmald, pharmaldAsync, scratchDir, write } from './helpers.js';

const id = 'https://w3id.org/pharmald/id/';
const pld = 'https://w3id.org/pharmald/vocab#';
const rdfsLabel = 'http://www.w3.org/2000/01/rdf-schema#label';

/** The second folder's one file: a drug and its mechanism, naming a target, system, process, use and reference of A. */
const testamine = `drugs:
  - id: testamine
    label: testamine
    description: A made-up drug in a second data folder, for tests.
    drug_classes: [test fixture]
    identifiers: {}
    uses: [analgesia]

references:
  - id: testamine-notes
    label: Made-up notes on testamine
    type: source-text

mechanisms:
  - id: testamine-nmda-receptor-block
    label: Testamine blocks the NMDA receptor
    drug: testamine
    target: nmda-receptor
    action: channel-blocker
    directness: direct
    strength: strong
    certainty: established
    systems: [brain]
    effects:
      - process: glutamatergic-synaptic-transmission
        label: reduced glutamatergic signalling
        direction: decreased
        valence: therapeutic
    contributes_to: [analgesia]
    supported_by: [lodge-mercier-2015]
    source: { reference: testamine-notes, section: "1" }
`;

/** A target that A defines already (same id), in a file of its own folder. */
const duplicateTarget = `targets:
  - id: nmda-receptor
    label: NMDA receptor (imported again)
    type: ligand-gated-ion-channel
`;

let work: string;
const curated = 'curated';
const imported = 'imported';
const bothFolders = ['--data', curated, '--data', imported];
/** How many mechanisms folder A (the fixture data) holds, read from its YAML. */
const fixtureMechanisms = readdirSync(fixtureDataDir).filter((f) => f.endsWith('.yaml'))
  .map((f) => (parseYaml(readFileSync(path.join(fixtureDataDir, f), 'utf8')) as { mechanisms?: unknown[] }).mechanisms?.length ?? 0)
  .reduce((a, b) => a + b, 0);

/** A scratch folder with `curated/` (the fixture data) and `imported/` (testamine), plus any extra folders. */
function workspace(extra: Record<string, Record<string, string>> = {}): string {
  const dir = scratchDir('pharmald-multi-');
  cpSync(fixtureDataDir, path.join(dir, curated), { recursive: true });
  mkdirSync(path.join(dir, imported));
  write(path.join(dir, imported), 'testamine.yaml', testamine);
  for (const [folder, files] of Object.entries(extra)) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    for (const [file, content] of Object.entries(files)) write(path.join(dir, folder), file, content);
  }
  return dir;
}

beforeAll(() => {
  work = workspace({ empty: {}, 'dup-target': { 'targets.yaml': duplicateTarget } });
});

describe('build --data A --data B', () => {
  it('builds one dataset: a drug of B acts on a target of A, which keeps its label from A', async () => {
    const result = await pharmaldAsync(['build', ...bothFolders, '--out', 'out-ab', '--no-site'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expectCleanStderr(result.stderr);
    expect(result.stdout).toMatch(/^built \d+ triples into out-ab\/: dataset\.ttl/);
    const nt = readFileSync(path.join(work, 'out-ab', 'dataset.nt'), 'utf8').split('\n');
    // The link needs both folders: the drug and its mechanism are in B, the target in A.
    expect(nt).toContain(`<${id}drug/testamine> <${pld}actsOn> <${id}target/nmda-receptor> .`);
    expect(nt).toContain(`<${id}mechanism/testamine-nmda-receptor-block> <${pld}drug> <${id}drug/testamine> .`);
    expect(nt).toContain(`<${id}mechanism/testamine-nmda-receptor-block> <${pld}supportedBy> <${id}reference/lodge-mercier-2015> .`);
    expect(nt).toContain(`<${id}target/nmda-receptor> <${rdfsLabel}> "NMDA receptor"@en .`);
    // …and A's own data is all there.
    expect(nt).toContain(`<${id}drug/ketamine> <${pld}actsOn> <${id}target/nmda-receptor> .`);
  });

  it('B alone does not build: its mechanism names a target only A defines', async () => {
    const result = await pharmaldAsync(['validate', '--data', imported], { cwd: work });
    expect(result.status).toBe(1);
    expectCleanStderr(result.stderr);
    const at = entity(path.join(work, imported), 'testamine.yaml', 'testamine-nmda-receptor-block');
    expect(result.stderr).toContain(`${imported}/testamine.yaml:${at.line + 3}:5: error: mechanism "testamine-nmda-receptor-block" field target: no target has id "nmda-receptor"`);
  });

  it('the order of the folders does not change a byte of the outputs', async () => {
    const [ab, ba] = await Promise.all([
      pharmaldAsync(['build', ...bothFolders, '--out', 'order-ab'], { cwd: work }),
      pharmaldAsync(['build', '--data', imported, '--data', curated, '--out', 'order-ba'], { cwd: work }),
    ]);
    expect(ab.status, ab.stderr).toBe(0);
    expect(ba.status, ba.stderr).toBe(0);
    expect(ba.stdout.replace('order-ba', 'order-ab')).toBe(ab.stdout);
    const files = (dir: string) => readdirSync(path.join(work, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => statSync(path.join(work, dir, file)).isFile()).sort();
    expect(files('order-ba')).toEqual(files('order-ab'));
    expect(files('order-ab')).toEqual(expect.arrayContaining(['dataset.nt', 'dataset.ttl', 'dataset.jsonld', 'void.ttl', 'site/index.html']));
    for (const file of files('order-ab')) {
      expect(readFileSync(path.join(work, 'order-ba', file)).equals(readFileSync(path.join(work, 'order-ab', file))), file).toBe(true);
    }
  });
});

describe('validate and query --data A --data B', () => {
  it('validate prints the summary of both folders: one mechanism more than A alone', async () => {
    const [both, alone] = await Promise.all([
      pharmaldAsync(['validate', ...bothFolders], { cwd: work }),
      pharmaldAsync(['validate', '--data', curated], { cwd: work }),
    ]);
    expect(both.status, both.stderr).toBe(0);
    expect(alone.status, alone.stderr).toBe(0);
    const summary = /^valid: (\d+) triples, (\d+) mechanisms, (\d+) warning\(s\)\n$/;
    const [, bothTriples, bothMechanisms, bothWarnings] = summary.exec(both.stdout)!.map(Number);
    const [, aloneTriples, aloneMechanisms, aloneWarnings] = summary.exec(alone.stdout)!.map(Number);
    expect(aloneMechanisms).toBe(fixtureMechanisms);
    expect(bothMechanisms).toBe(fixtureMechanisms + 1);
    expect(bothTriples).toBeGreaterThan(aloneTriples!);
    // testamine's mechanism has a supporting reference: no new warning, and A's warnings keep A's paths.
    expect(bothWarnings).toBe(aloneWarnings);
    expect(both.stderr).toBe(alone.stderr);
  });

  it('query answers across both folders', async () => {
    const sparql = `PREFIX pld: <${pld}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      SELECT ?drug ?target WHERE { ?d pld:actsOn ?t ; rdfs:label ?drug . ?t rdfs:label ?target . FILTER(str(?drug) = "testamine") }`;
    const result = await pharmaldAsync(['query', ...bothFolders, '-e', sparql, '--format', 'csv'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('drug,target\r\ntestamine,NMDA receptor\r\n');
  });

  it('--data with --dataset is still a usage error', () => {
    const result = pharmald(['query', ...bothFolders, '--dataset', 'x.nt', '-e', 'ASK {}'], { cwd: work });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('pharmald: give --data or --dataset, not both (see pharmald query --help)\n');
  });
});

describe('what may not be given', () => {
  it('the same id in two folders is the duplicate-id error, naming the file:line:col of both', async () => {
    const result = await pharmaldAsync(['validate', ...bothFolders, '--data', 'dup-target'], { cwd: work });
    expect(result.status).toBe(1);
    expectCleanStderr(result.stderr);
    const first = entity(path.join(work, curated), 'targets.yaml', 'nmda-receptor');
    const again = entity(path.join(work, 'dup-target'), 'targets.yaml', 'nmda-receptor');
    expect(result.stderr).toBe(`dup-target/targets.yaml:${again.line}:${again.col}: error: target "nmda-receptor" field id: `
      + `duplicate target id "nmda-receptor", first defined at curated/targets.yaml:${first.line}:${first.col}\n`
      + 'pharmald: 1 problem(s) found\n');
  });

  it('an empty folder is an error naming it', async () => {
    const result = await pharmaldAsync(['build', ...bothFolders, '--data', 'empty', '--out', 'never'], { cwd: work });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('pharmald: error: no .yaml data files in empty\npharmald: 1 problem(s) found; nothing was written\n');
    expect(readdirSync(work)).not.toContain('never');
  });

  it('a folder given twice, or inside another one given, is a usage error', async () => {
    const [twice, sameByAnotherName, nested, nestedFirst] = await Promise.all([
      pharmaldAsync(['validate', ...bothFolders, '--data', curated], { cwd: work }),
      pharmaldAsync(['validate', '--data', curated, '--data', `./${curated}/`], { cwd: work }),
      pharmaldAsync(['validate', '--data', '.', '--data', imported], { cwd: work }),
      pharmaldAsync(['validate', '--data', imported, '--data', '.'], { cwd: work }),
    ]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe(`pharmald: data folder ${curated} is given twice (as ${curated} and ${curated}): give each folder once (see pharmald validate --help)\n`);
    expect(sameByAnotherName.status).toBe(2);
    expect(sameByAnotherName.stderr).toBe(`pharmald: data folder ./${curated}/ is given twice (as ${curated} and ./${curated}/): give each folder once (see pharmald validate --help)\n`);
    for (const result of [nested, nestedFirst]) {
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`pharmald: data folder ${imported} is inside data folder ., which reads it already: give one of them (see pharmald validate --help)\n`);
    }
  });
});

describe('publish, serve and release take --data more than once', () => {
  let store: Server;
  let base: string;
  const graphs = new Map<string, string[]>();
  beforeAll(async () => {
    // The least Graph Store: PUT replaces, POST adds, /sparql counts.
    store = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
        const url = new URL(request.url!, 'http://store');
        if (url.pathname === '/sparql') {
          const graph = /GRAPH <([^>]*)>/.exec(new URLSearchParams(body).get('query') ?? '')?.[1] ?? '';
          const n = String(graphs.get(graph)?.length ?? 0);
          response.writeHead(200, { 'content-type': 'application/sparql-results+json' })
            .end(JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: n } }] } }));
          return;
        }
        const graph = url.searchParams.get('graph') ?? '';
        const lines = body.split('\n').filter((line) => line.trim() !== '');
        if (request.method === 'PUT') graphs.set(graph, lines);
        else if (request.method === 'POST') graphs.set(graph, [...(graphs.get(graph) ?? []), ...lines]);
        response.writeHead(request.method === 'PUT' ? 201 : 204).end();
      });
    });
    await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(store.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => store.close(() => resolve())));

  it('publish sends the dataset of both folders', async () => {
    const graph = 'https://example.org/graph/multi';
    const result = await pharmaldAsync(['publish', ...bothFolders, '--endpoint', `${base}/gsp`, '--graph', graph], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^published (\\d+) triples to <${graph}> at ${base}/gsp in 1 chunk, \\d+\\.\\d s; ${base}/sparql counts \\1\\n$`));
    expect(graphs.get(graph)).toContain(`<${id}drug/testamine> <${pld}actsOn> <${id}target/nmda-receptor> .`);
    expect(graphs.get(graph)).toContain(`<${id}drug/ketamine> <${pld}actsOn> <${id}target/nmda-receptor> .`);
  });

  it('serve (dataDir as a list) answers across both folders', async () => {
    const server = await serve({ port: 0, host: '127.0.0.1', dataDir: [path.join(work, curated), path.join(work, imported)], workers: 1 });
    try {
      const query = `PREFIX pld: <${pld}> ASK { <${id}drug/testamine> pld:actsOn <${id}target/nmda-receptor> . <${id}drug/ketamine> pld:actsOn <${id}target/nmda-receptor> }`;
      const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/sparql-results+json' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ boolean: true });
    } finally {
      await server.close();
    }
  });

  it('release builds its version from both folders', async () => {
    const result = await pharmaldAsync(['release', ...bothFolders, '--version', '1.0.0', '--date', '2026-01-15', '--out', 'rel'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('released 1.0.0 into rel/releases/1.0.0/\n');
    const nt = readFileSync(path.join(work, 'rel', 'releases', '1.0.0', 'dataset.nt'), 'utf8').split('\n');
    expect(nt).toContain(`<${id}drug/testamine> <${pld}actsOn> <${id}target/nmda-receptor> .`);
  });
});

describe('the library', () => {
  it('loadModel reads the folders in the order given, each folder\'s files sorted, and still takes one folder', async () => {
    const dirs = [path.join(work, imported), path.join(work, curated)];
    const both = await loadModel(dirs, undefined, { displayPath: (p) => path.relative(work, p) });
    expect(both.model.drugs.map((d) => d.id)).toEqual(['testamine', ...(await loadModel(path.join(work, curated))).model.drugs.map((d) => d.id)]);
    const files = [...new Set(both.model.drugs.map((d) => both.origins.get(d)!.file))];
    expect(files[0]).toBe('imported/testamine.yaml');
    expect(files.slice(1).every((f) => f.startsWith('curated/'))).toBe(true);
  });

  it('compileDataset takes a list of folders; the same dataset in either order', async () => {
    const [ab, ba] = await Promise.all([
      compileDataset({ dataDir: [path.join(work, curated), path.join(work, imported)] }),
      compileDataset({ dataDir: [path.join(work, imported), path.join(work, curated)] }),
    ]);
    expect(ba.lines).toEqual(ab.lines);
    expect(ab.model.mechanisms.map((m) => m.id)).toContain('testamine-nmda-receptor-block');
  });
});

describe('pharmald.yaml: the data folders read when no --data is given', () => {
  it('lists them: validate without --data reads both, in order, and --data overrides it', async () => {
    const dir = workspace();
    write(dir, 'pharmald.yaml', `# both folders\ndata:\n  - ${curated}\n  - ${imported}\n`);
    const both = await pharmaldAsync(['validate'], { cwd: dir });
    expect(both.status, both.stderr).toBe(0);
    expect(both.stdout).toMatch(new RegExp(`^valid: \\d+ triples, ${fixtureMechanisms + 1} mechanisms`));
    const one = await pharmaldAsync(['validate', '--data', curated], { cwd: dir });
    expect(one.stdout).toMatch(new RegExp(`^valid: \\d+ triples, ${fixtureMechanisms} mechanisms`));
  });

  it.each([
    ['an unknown key', 'data:\n  - curated\nfolders:\n  - imported\n', 'pharmald.yaml:3:1: error: unknown key "folders" in pharmald.yaml'],
    ['data not a list', 'data: curated\n', 'pharmald.yaml:1:7: error: field data: give the list of data folders'],
    ['an entry that is not a path', 'data:\n  - curated\n  - { path: imported }\n', 'pharmald.yaml:3:5: error: field data: each entry is the path of a data folder'],
    ['a YAML syntax error', 'data:\n  - curated\n - imported\n', 'pharmald.yaml:3:'],
  ])('names the line of %s, and nothing is built', async (_name, text, message) => {
    const dir = workspace();
    write(dir, 'pharmald.yaml', text);
    const result = await pharmaldAsync(['build', '--out', 'out'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('a folder it lists that does not exist is an error naming the folder', async () => {
    const dir = workspace();
    write(dir, 'pharmald.yaml', 'data:\n  - curated\n  - missing\n');
    const result = await pharmaldAsync(['validate'], { cwd: dir });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/missing/);
  });
});
