// **release** cuts an immutable, versioned copy of the dataset, with checksums and a CHANGELOG entry.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { compileDataset, datasetFiles, voidFile, writeDist, type CompileOptions } from '../build.js';
import { UsageError, type Diagnostic } from '../errors.js';
import type { OutputFile } from '../io/atomicWrite.js';
import { canonicalGraph } from '../serialize/canonical.js';
import { diffDatasets, readDist, type DatasetDiff } from './diff.js';
import { formatDiff } from './diffFormat.js';
import { owl } from '../vocab.js';
import { datasetIri, defaultBaseUrl } from './void.js';
import { compareVersions, highestBelow, isVersion, releasesIn } from './versions.js';

const ontologyIri = 'https://w3id.org/pharmald/vocab';

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
  /** SHACL results that did not fail the release (warnings, infos), as build gives them. */
  readonly diagnostics: readonly Diagnostic[];
}

export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const { version } = options;
  if (!isVersion(version)) throw new UsageError(`--version takes X.Y.Z (semantic versioning), not "${version}"`);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date takes YYYY-MM-DD, not "${date}"`);
  const outDir = options.outDir ?? 'dist';
  const releasesDir = path.join(outDir, 'releases');
  const dir = path.join(releasesDir, version);
  if (existsSync(dir)) throw new UsageError(`release ${version} already exists in ${dir}: releases are immutable, pick a new version`);
  const existing = await releasesIn(releasesDir);
  const latest = existing.at(-1);
  if (latest && compareVersions(version, latest) < 0) throw new UsageError(`release ${version} is older than the latest release ${latest}: versions go up`);

  // Only what the release needs is kept, so that the model can be freed before the site is made.
  const { quads, ontology, diagnostics } = await compileDataset(options);
  const graph = canonicalGraph([...quads.filter((q) => !isOntologyVersion(q)), ...versionTriples(version)]);
  const baseUrl = `${options.baseUrl ?? 'https://w3id.org/pharmald/releases/'}${version}/`;
  const files = await datasetFiles(graph, { baseUrl, version, issued: date, description: options.description });
  const sums = files.map((file) => `${file.sha256}  ${file.name}\n`).join('');

  const previous = highestBelow(existing, version);
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
  // dist/ itself becomes this release, as build writes it (latest download links), in the same switch as releases/:
  // the same bytes, only void.ttl describes them at the latest address.
  const formats = files.filter((file) => file.name !== 'void.ttl');
  const current = [...formats, await voidFile(graph.quads, formats, { baseUrl: defaultBaseUrl, version, issued: date })];
  const dataset = { quads: graph.quads, ontology, diagnostics };
  await writeDist(dataset, current, { outDir, description: options.description, onProgress: options.onProgress }, out);
  return { dir, previous, diff, changelogEntry, diagnostics };
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
