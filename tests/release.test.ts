// Releases, VoID/DCAT and the semantic diff, on real builds before and after an edit of the data (a copy of the
// fixed data folder tests/fixtures/data, so that the bundled data may change).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { query } from '../src/query/engine.js';
import { diffDatasets, readDist } from '../src/release/diff.js';
import { formatDiff } from '../src/release/diffFormat.js';
import { release } from '../src/release/release.js';
import { copyOfData, edit, fixtureDataDir, pharmald, scratchDir, snapshot } from './helpers.js';

const VOID = 'http://rdfs.org/ns/void#';
const read = (...parts: string[]) => readFileSync(path.join(...parts), 'utf8');

let before: string;
let after: string;

beforeAll(async () => {
  const data = copyOfData(fixtureDataDir);
  before = scratchDir();
  await build({ dataDir: data, outDir: before });
  // A curator's edit: a label changed, a mechanism removed, an identifier swapped, a strength changed.
  edit(data, 'targets.yaml', 'label: GluN2B', 'label: GluN2B subunit');
  edit(data, 'ketamine.yaml', /\n  - id: ketamine-sympathomimetic-cardiovascular-effects\n[\s\S]*$/, '\n');
  edit(data, 'ketamine.yaml', 'wikidata: Q243547', 'wikidata: Q2365493');
  edit(data, 'ketamine.yaml', 'strength: weak', 'strength: moderate');
  after = scratchDir();
  await build({ dataDir: data, outDir: after });
});

describe('pharmald diff', () => {
  it('names each change in domain terms', async () => {
    const diff = diffDatasets(await readDist(before), await readDist(after));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([expect.objectContaining({ kind: 'mechanism', label: 'Ketamine raises heart rate and blood pressure through central sympathetic stimulation' })]);
    const changes = Object.fromEntries(diff.changed.map((e) => [`${e.kind} ${e.label}`, e.changes]));
    expect(changes['target GluN2B subunit']).toEqual([{ field: 'label', removed: ['GluN2B'], added: ['GluN2B subunit'] }]);
    expect(changes['drug ketamine']).toEqual([
      { field: 'identifiers', removed: ['http://www.wikidata.org/entity/Q243547'], added: ['http://www.wikidata.org/entity/Q2365493'], list: true, identifiers: true },
    ]);
    expect(changes['mechanism Ketamine interacts weakly with the mu opioid receptor']).toEqual([{ field: 'strength', removed: ['weak'], added: ['moderate'] }]);
    // A renamed subunit is one change, on the subunit, not on the complex that links to it.
    expect(changes['target NMDA receptor']).toBeUndefined();
  });

  it('writes text, JSON and Markdown, and --exit-code says whether anything changed', () => {
    const text = pharmald(['diff', before, after]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('~ mechanism "Ketamine interacts weakly with the mu opioid receptor" changed\n    strength: "weak" → "moderate"');
    expect(text.stdout).toContain('- mechanism "Ketamine raises heart rate and blood pressure through central sympathetic stimulation" removed');
    const json = JSON.parse(pharmald(['diff', before, after, '--format', 'json']).stdout) as { removed: unknown[] };
    expect(json.removed).toHaveLength(1);
    expect(pharmald(['diff', before, after, '--format', 'markdown']).stdout).toContain('### Removed\n\n- mechanism **Ketamine raises heart rate and blood pressure through central sympathetic stimulation**');
    expect(pharmald(['diff', before, after, '--exit-code']).status).toBe(1);
    const same = pharmald(['diff', before, before, '--exit-code']);
    expect(same.status).toBe(0);
    expect(same.stdout).toBe('no changes\n');
  });

  it('is stable when only the order of triples and blank-node labels change', async () => {
    const shuffled = scratchDir();
    const lines = read(before, 'dataset.nt').trimEnd().split('\n').reverse().map((l) => l.replace(/_:b(\d+)/g, '_:x$1y'));
    writeFileSync(path.join(shuffled, 'dataset.nt'), `${lines.join('\n')}\n`);
    const diff = diffDatasets(await readDist(before), await readDist(shuffled));
    expect(formatDiff(diff, 'text')).toBe('no changes\n');
  });
});

describe('void.ttl', () => {
  it('counts what an independent SPARQL count of the dataset finds', async () => {
    const dataset = new Parser().parse(read(before, 'dataset.nt'));
    const description = new Parser().parse(read(before, 'void.ttl'));
    const stat = (p: string) => Number(description.find((q) => q.subject.value === 'https://w3id.org/pharmald/dataset' && q.predicate.value === `${VOID}${p}`)!.object.value);
    const count = async (sparql: string) => {
      const result = await query(dataset, sparql);
      if (result.type !== 'bindings') throw new Error('expected bindings');
      return Number(result.rows[0]!.n!.value);
    };
    expect(stat('triples')).toBe(await count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'));
    expect(stat('distinctSubjects')).toBe(await count('SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }'));
    expect(stat('properties')).toBe(await count('SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }'));
    expect(stat('classes')).toBe(await count('SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }'));
    expect(stat('entities')).toBe(await count('SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER STRSTARTS(STR(?s), "https://w3id.org/pharmald/id/") }'));
    const mechanisms = description.find((q) => q.subject.value.endsWith(encodeURIComponent('https://w3id.org/pharmald/vocab#Mechanism')) && q.predicate.value === `${VOID}entities`);
    expect(Number(mechanisms!.object.value)).toBe(await count('SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/pharmald/vocab#Mechanism> }'));
    expect(Number(mechanisms!.object.value)).toBeGreaterThan(0);
  });

  it('gives each distribution its size and SHA-256', () => {
    const description = new Parser().parse(read(before, 'void.ttl'));
    for (const file of ['dataset.ttl', 'dataset.nt', 'dataset.jsonld', 'context.jsonld']) {
      const bytes = readFileSync(path.join(before, file));
      const distribution = `https://w3id.org/pharmald/dataset/distribution/${file}`;
      const size = description.find((q) => q.subject.value === distribution && q.predicate.value.endsWith('#byteSize'));
      const sum = description.find((q) => q.subject.value === `${distribution}#sha256` && q.predicate.value.endsWith('#checksumValue'));
      expect(Number(size!.object.value), file).toBe(bytes.length);
      expect(sum!.object.value, file).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('carries licence and provenance (every database and source text the data names), and no date unless a release gives one', async () => {
    const text = read(before, 'void.ttl');
    expect(text).toContain('<https://creativecommons.org/licenses/by/4.0/>');
    const result = await query(new Parser().parse(read(before, 'dataset.nt')), `PREFIX pld: <https://w3id.org/pharmald/vocab#>
      SELECT ?r WHERE { ?r pld:referenceType ?type FILTER(?type IN (pld:Database, pld:SourceText)) } ORDER BY ?r`);
    if (result.type !== 'bindings') throw new Error('expected bindings');
    const sources = result.rows.map((row) => row.r!.value.replace('https://w3id.org/pharmald/id/reference/', 'reference:'));
    expect(sources).toContain('reference:seed-ketamine');
    expect(text).toContain(`prov:wasDerivedFrom ${sources.join(', ')}`);
    expect(text).not.toContain('dcterms:issued');
  });
});

describe('pharmald release', () => {
  it('writes an immutable, versioned release with checksums and a changelog from the diff', async () => {
    const data = copyOfData(fixtureDataDir);
    const out = scratchDir();
    const first = await release({ version: '1.0.0', date: '2026-01-15', dataDir: data, outDir: out });
    expect(first.previous).toBeUndefined();
    edit(data, 'ketamine.yaml', 'strength: weak', 'strength: moderate');
    const second = await release({ version: '1.1.0', date: '2026-02-01', dataDir: data, outDir: out });
    expect(second.previous).toBe('1.0.0');

    const dir = path.join(out, 'releases', '1.1.0');
    expect(readdirSync(dir).sort()).toEqual(['CHANGES.md', 'SHA256SUMS', 'context.jsonld', 'dataset.jsonld', 'dataset.nt', 'dataset.ttl', 'void.ttl']);
    for (const line of read(dir, 'SHA256SUMS').trimEnd().split('\n')) {
      const [sum, file] = line.split('  ');
      expect(createHash('sha256').update(readFileSync(path.join(dir, file!))).digest('hex'), file).toBe(sum);
    }
    const ttl = read(dir, 'dataset.ttl');
    expect(ttl).toContain('owl:versionIRI <https://w3id.org/pharmald/vocab/1.1.0>');
    expect(ttl).toContain('owl:versionInfo "1.1.0"');
    expect(read(dir, 'void.ttl')).toContain('dcterms:issued "2026-02-01"^^xsd:date');
    expect(read(dir, 'void.ttl')).toContain('<https://w3id.org/pharmald/releases/1.1.0/dataset.ttl>');
    const changelog = read(out, 'releases', 'CHANGELOG.md');
    expect(changelog.indexOf('## 1.1.0 (2026-02-01)')).toBeLessThan(changelog.indexOf('## 1.0.0 (2026-01-15)'));
    expect(changelog).toContain('- mechanism **Ketamine interacts weakly with the mu opioid receptor**\n  - strength: "weak" → "moderate"');

    const snapshot = read(dir, 'dataset.nt');
    const again = pharmald(['release', '--version', '1.1.0', '--data', data, '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^pharmald: release 1\.1\.0 already exists .*immutable/);
    expect(read(dir, 'dataset.nt')).toBe(snapshot);
  });

  it('refuses a version below the latest release, naming it, and writes nothing', async () => {
    const out = scratchDir();
    await release({ version: '1.1.1', date: '2026-01-15', dataDir: fixtureDataDir, outDir: out });
    const before = snapshot(out);
    const older = pharmald(['release', '--version', '0.9.0', '--data', fixtureDataDir, '--out', out]);
    expect(older.status).toBe(2);
    expect(older.stderr).toContain('pharmald: release 0.9.0 is older than the latest release 1.1.1: versions go up');
    expect(snapshot(out)).toEqual(before);
  });

  it('orders versions as numbers: 1.10.0 follows 1.9.0, and 1.9.5 is then refused', async () => {
    const data = copyOfData(fixtureDataDir);
    const out = scratchDir();
    await release({ version: '1.2.0', date: '2026-01-01', dataDir: data, outDir: out });
    await release({ version: '1.9.0', date: '2026-01-15', dataDir: data, outDir: out });
    edit(data, 'ketamine.yaml', 'strength: weak', 'strength: moderate');
    const tenth = await release({ version: '1.10.0', date: '2026-02-01', dataDir: data, outDir: out });
    expect(tenth.previous).toBe('1.9.0');
    const changes = read(out, 'releases', '1.10.0', 'CHANGES.md');
    expect(changes).toContain('Changes since 1.9.0:');
    expect(changes).toContain('strength: "weak" → "moderate"');
    // As text "1.9.5" sorts after "1.10.0": the order is by number.
    await expect(release({ version: '1.9.5', dataDir: data, outDir: out })).rejects.toThrow('release 1.9.5 is older than the latest release 1.10.0: versions go up');
  });

  it('prints the data\'s warnings on stderr as build does', () => {
    const build = pharmald(['build', '--no-site', '--data', fixtureDataDir, '--out', scratchDir()]);
    const warnings = build.stderr.split('\n').filter((line) => / warning: /.test(line));
    expect(warnings.join('\n')).toMatch(/ketamine\.yaml:\d+:\d+: warning: Mechanism has no supporting literature reference/);
    const result = pharmald(['release', '--version', '1.0.0', '--data', fixtureDataDir, '--out', scratchDir()]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(build.stderr);
  });

  it('brings dist/ itself up to date: what a release removed is gone from the dataset and the site', async () => {
    const data = copyOfData(fixtureDataDir);
    const out = scratchDir();
    const gone = 'ketamine-sympathomimetic-cardiovascular-effects';
    await release({ version: '1.0.0', date: '2026-01-15', dataDir: data, outDir: out });
    const pagesOf = () => readdirSync(path.join(out, 'site'), { recursive: true, encoding: 'utf8' }).filter((name) => name.includes(gone));
    expect(read(out, 'dataset.nt')).toContain(gone);
    expect(pagesOf()).not.toEqual([]);
    edit(data, 'ketamine.yaml', /\n  - id: ketamine-sympathomimetic-cardiovascular-effects\n[\s\S]*$/, '\n');
    await release({ version: '1.1.0', date: '2026-02-01', dataDir: data, outDir: out });
    expect(read(out, 'dataset.nt')).not.toContain(gone);
    expect(readFileSync(path.join(out, 'releases', '1.1.0', 'dataset.nt')).equals(readFileSync(path.join(out, 'dataset.nt')))).toBe(true);
    expect(read(out, 'releases', '1.0.0', 'dataset.nt')).toContain(gone);
    expect(pagesOf()).toEqual([]);
    expect(existsSync(path.join(out, 'site', 'index.html'))).toBe(true);
    // The current files are described where the latest build is published, the release's where it is.
    expect(read(out, 'void.ttl')).toContain('<https://w3id.org/pharmald/latest/dataset.nt>');
    expect(read(out, 'releases', '1.1.0', 'void.ttl')).toContain('<https://w3id.org/pharmald/releases/1.1.0/dataset.nt>');
  });

  it('refuses a version that is not X.Y.Z', () => {
    const result = pharmald(['release', '--version', 'v1', '--out', scratchDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--version takes X.Y.Z');
  });
});
