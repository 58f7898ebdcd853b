// **release** cuts an immutable, versioned copy of the dataset, with checksums and a CHANGELOG entry.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { compileDataset, datasetFiles, type CompileOptions } from '../build.js';
import { UsageError } from '../errors.js';
import { writeFilesAtomically, type OutputFile } from '../io/atomicWrite.js';
import { canonicalGraph } from '../serialize/canonical.js';
import { diffDatasets, readDist, type DatasetDiff } from './diff.js';
import { formatDiff } from './diffFormat.js';
import { owl } from '../vocab.js';
import { datasetIri } from './void.js';

const ontologyIri = 'https://w3id.org/pharmald/vocab';
const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export interface ReleaseOptions extends CompileOptions {
  readonly version: string;
  /** The release date, YYYY-MM-DD; defaults to today (UTC). It is recorded once, in the release. */
  readonly date?: string;
  /** The dist folder that holds releases/; defaults to dist. */
  readonly outDir?: string;
  /** Where releases are published; the release's files live under {baseUrl}{version}/. */
  readonly baseUrl?: string;
}

export interface ReleaseResult {
  readonly dir: string;
  readonly previous: string | undefined;
  readonly diff: DatasetDiff | undefined;
  readonly changelogEntry: string;
}

export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const { version } = options;
  if (!semver.test(version)) throw new UsageError(`--version takes X.Y.Z (semantic versioning), not "${version}"`);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date takes YYYY-MM-DD, not "${date}"`);
  const releasesDir = path.join(options.outDir ?? 'dist', 'releases');
  const dir = path.join(releasesDir, version);
  if (existsSync(dir)) throw new UsageError(`release ${version} already exists in ${dir}: releases are immutable, pick a new version`);

  const compiled = await compileDataset(options);
  const graph = canonicalGraph([...compiled.quads.filter((q) => !isOntologyVersion(q)), ...versionTriples(version)]);
  const baseUrl = `${options.baseUrl ?? 'https://w3id.org/pharmald/releases/'}${version}/`;
  const files = await datasetFiles(graph, { baseUrl, version, issued: date, description: options.description });
  const sums = files.map((file) => `${file.sha256}  ${file.name}\n`).join('');

  const previous = await previousRelease(releasesDir, version);
  const diff = previous ? diffDatasets(await readDist(path.join(releasesDir, previous)), graph.quads, options.description) : undefined;
  const changes = diff ? formatDiff(diff, 'markdown') : 'First release.\n';
  const changelogEntry = `## ${version} (${date})\n\n${previous ? `Changes since ${previous}:\n\n` : ''}${changes}`;
  const changelogFile = path.join(releasesDir, 'CHANGELOG.md');
  const changelog = await readFile(changelogFile, 'utf8').catch(() => '# Changelog\n');
  const [title, ...rest] = changelog.split('\n');

  const out: OutputFile[] = [
    ...files.map((file) => ({ name: `releases/${version}/${file.name}`, content: file.content })),
    { name: `releases/${version}/SHA256SUMS`, content: sums },
    { name: `releases/${version}/CHANGES.md`, content: changelogEntry },
    { name: 'releases/CHANGELOG.md', content: `${title}\n\n${changelogEntry}\n${rest.join('\n').replace(/^\n+/, '')}`.replace(/\n*$/, '\n') },
  ];
  await writeFilesAtomically(options.outDir ?? 'dist', out);
  return { dir, previous, diff, changelogEntry };
}

/** The ontology's and the dataset's version IRI and version, as the release states them. */
function versionTriples(version: string): Quad[] {
  const { namedNode, literal, quad } = DataFactory;
  return [
    quad(namedNode(ontologyIri), namedNode(owl.versionIRI), namedNode(`${ontologyIri}/${version}`)),
    quad(namedNode(ontologyIri), namedNode(owl.versionInfo), literal(version)),
    quad(namedNode(datasetIri), namedNode(owl.versionIRI), namedNode(`https://w3id.org/pharmald/releases/${version}/dataset`)),
    quad(namedNode(datasetIri), namedNode(owl.versionInfo), literal(version)),
  ];
}

function isOntologyVersion(q: Quad): boolean {
  return q.subject.value === ontologyIri && (q.predicate.value === owl.versionInfo || q.predicate.value === owl.versionIRI);
}

/** The highest release below `version`, by semantic version. */
async function previousRelease(releasesDir: string, version: string): Promise<string | undefined> {
  const names = await readdir(releasesDir).catch(() => [] as string[]);
  const compare = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return names.filter((n) => semver.test(n) && compare(n, version) < 0).sort(compare).at(-1);
}
