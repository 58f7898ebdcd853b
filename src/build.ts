// **build** is the pipeline, top to bottom: load YAML → RDF → add the ontology → SHACL → serialize → write dist/
// atomically. Each stage takes what the one before gave; nothing is written unless every stage succeeds.
import { constants } from 'node:buffer';
import type { Quad } from '@rdfjs/types';
import { DataError, sortDiagnostics, type Diagnostic } from './errors.js';
import { jsonLdContext } from './generate/context.js';
import { fieldsOfPredicate } from './generate/fields.js';
import { ontologyQuads } from './generate/ontology.js';
import { modelToQuads } from './generate/quads.js';
import { shapesQuads } from './generate/shapes.js';
import { writeFilesAtomically, type OutputFile } from './io/atomicWrite.js';
import { stages, steps, type ProgressListener } from './io/progress.js';
import { loadModel } from './model/load.js';
import type { ModelDescription } from './model/description.js';
import type { Model } from './model/model.js';
import { pharmald } from './model/pharmald.js';
import { resolveDataDirs } from './paths.js';
import { defaultBaseUrl, describeDataset, distributionFile, voidPrefixes, type DescribeOptions, type DistributionFile } from './release/void.js';
import { canonicalGraph, type CanonicalGraph } from './serialize/canonical.js';
import { rdfFormats, type RdfFormat } from './serialize/formats.js';
import { toTurtle } from './serialize/turtle.js';
import { resultsToDiagnostics } from './validate/report.js';
import { validate } from './validate/validate.js';

export interface CompileOptions {
  /**
   * Folder(s) of YAML data files, read in this order as one dataset (entities of one may name entities of
   * another); defaults to ./data, else the bundled data (also when the list is empty).
   */
  readonly dataDir?: string | readonly string[];
  /** The model the data is read, mapped and validated by; defaults to pharmald's. */
  readonly description?: ModelDescription;
  /** The lowest SHACL severity that fails the build: violations always do, warnings with 'warning'. */
  readonly failOn?: 'violation' | 'warning';
  /** Told of each stage as it goes (a terminal shows a bar: see io/progress.ts). */
  readonly onProgress?: ProgressListener;
}

/** The validated dataset: its triples (data and vocabulary) in canonical order, with their N-Triples lines. */
export interface CompiledDataset extends CanonicalGraph {
  readonly model: Model;
  /** SHACL results that did not fail the build (warnings, infos). */
  readonly diagnostics: readonly Diagnostic[];
  /** The vocabulary alone (the ontology), which the site's vocabulary page lists. */
  readonly ontology: readonly Quad[];
}

/** Loads, maps and validates the data; throws DataError with every problem found. */
export async function compileDataset(options: CompileOptions = {}): Promise<CompiledDataset> {
  const description = options.description ?? pharmald;
  const stage = stages(['load', 'map', 'validate', 'validated'], options.onProgress);
  stage('load');
  const loaded = await loadModel(dataDirsOf(options.dataDir), description);
  stage('map');
  const mapped = modelToQuads(description, loaded);
  const ontology = ontologyQuads(description);
  const graph = canonicalGraph([...mapped.quads, ...ontology]);
  stage('validate');
  const report = await validate(graph.quads, shapesQuads(description));
  stage('validated');
  const diagnostics = sortDiagnostics([...(loaded.notes ?? []), ...resultsToDiagnostics(report.results, mapped.origins, loaded.sources, fieldsOfPredicate(description))]);
  const failing = new Set(options.failOn === 'warning' ? ['violation', 'warning'] : ['violation']);
  if (diagnostics.some((d) => failing.has(d.severity))) throw new DataError(diagnostics);
  return { model: loaded.model, ...graph, diagnostics, ontology };
}

/** The data folders to read: those given, else the default ones (see resolveDataDirs). */
export function dataDirsOf(given: string | readonly string[] | undefined): readonly string[] {
  return resolveDataDirs(typeof given === 'string' ? [given] : given ?? []);
}

export interface BuildOptions extends CompileOptions {
  /** Output folder; defaults to dist. */
  readonly outDir?: string;
  /** Where the files will be published, for the download links in void.ttl. */
  readonly baseUrl?: string;
  /** The SPARQL endpoint that serves the dataset, if any, for void.ttl. */
  readonly sparqlEndpoint?: string;
  /** Also write the web pages to {outDir}/site (default true). */
  readonly site?: boolean;
}

/** The dataset as a build keeps it past serializing: without the model and the N-Triples lines. */
export type Dataset = Omit<CompiledDataset, 'model' | 'lines'>;

/** What a build made: the dataset and the files written. */
export interface BuildResult extends Dataset {
  readonly outDir: string;
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
}

/** Builds the dataset and writes dist/: dataset.ttl, dataset.nt, dataset.jsonld, context.jsonld, void.ttl, site/. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { dataset, published } = await serialize(await compileDataset(options), options);
  return writeDist(dataset, published, options);
}

/**
 * Writes dist/ from a serialized dataset: its files, then site/. `extra` files go into the same generation, so that
 * a release and the dataset it makes current switch together.
 */
export async function writeDist(dataset: Dataset, published: readonly DistributionFile[], options: BuildOptions, extra: readonly OutputFile[] = []): Promise<BuildResult> {
  const pages = options.site !== false ? await sitePages(dataset, published, options) : [];
  options.onProgress?.({ stage: 'write', done: 0, total: published.length });
  const outDir = options.outDir ?? 'dist';
  const files = await writeFilesAtomically(outDir, concat(published, extra, pages), {
    // Pages of entities that are gone must not outlive them: site/ holds exactly this build's pages.
    prune: options.site !== false ? ['site'] : [],
    flush: (name) => !name.startsWith('site/'),
  });
  return { ...dataset, outDir, files };
}

/** The serialize stage: the files, and the dataset less what only they needed (freed before the pages, for memory). */
async function serialize({ model: _model, lines, ...dataset }: CompiledDataset, options: BuildOptions): Promise<{ dataset: Dataset; published: DistributionFile[] }> {
  const published = await datasetFiles({ quads: dataset.quads, lines }, options);
  return { dataset, published };
}

export interface DatasetFilesOptions extends Partial<DescribeOptions> {
  /** The model whose JSON-LD context the files use; defaults to pharmald's. */
  readonly description?: ModelDescription;
  readonly onProgress?: ProgressListener;
}

/** The published files of a dataset: every RDF format, the JSON-LD context, and their VoID/DCAT description. */
export async function datasetFiles(graph: CanonicalGraph, options: DatasetFilesOptions = {}): Promise<DistributionFile[]> {
  const { description = pharmald, baseUrl = defaultBaseUrl, version, issued, sparqlEndpoint } = options;
  const formats = Object.values(rdfFormats);
  const step = steps('serialize', formats.length + 1, options.onProgress);
  const files: DistributionFile[] = [];
  // As bytes at once: every later step (sizes, checksums, writing) reads bytes, and the text can go.
  for (const [done, format] of formats.entries()) {
    step(done);
    files.push(distributionFile(format.file, await writeWhole(format, graph, description), format.mediaType));
  }
  step(formats.length);
  files.push(distributionFile('context.jsonld', `${JSON.stringify(jsonLdContext(description), null, 2)}\n`, rdfFormats.jsonld.mediaType));
  return [...files, await voidFile(graph.quads, files, { baseUrl, version, issued, sparqlEndpoint })];
}

/** void.ttl for `files` of `quads`: apart, so that one serialization may be described at two addresses. */
export async function voidFile(quads: readonly Quad[], files: readonly DistributionFile[], options: DescribeOptions): Promise<DistributionFile> {
  return distributionFile('void.ttl', await toTurtle(describeDataset(quads, files, options), voidPrefixes), rdfFormats.turtle.mediaType);
}

/** A format's whole text, or a clear error where it is longer than a JavaScript string may be (about 10 M triples). */
async function writeWhole(format: RdfFormat, graph: CanonicalGraph, description: ModelDescription): Promise<string> {
  try {
    return await format.write(graph, description);
  } catch (error) {
    if (!(error instanceof RangeError && /string length/i.test(error.message))) throw error;
    const message = `${format.file} of ${graph.quads.length} triples is longer than the longest text Node.js can hold (${constants.MAX_STRING_LENGTH.toLocaleString('en')} characters); pharmald writes each file whole, so a dataset this large is not supported yet`;
    throw new DataError([{ position: undefined, severity: 'error', message }]);
  }
}

/** The web pages under site/, made one at a time as they are written (a large site is never held whole). */
async function sitePages(dataset: Dataset, published: readonly DistributionFile[], options: BuildOptions): Promise<AsyncIterable<OutputFile>> {
  const { siteFiles } = await import('./site/build.js');
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const downloads = published.map((file) => ({ url: `${baseUrl}${file.name}`, mediaType: file.mediaType, bytes: file.bytes, sha256: file.sha256 }));
  const site = siteFiles({ quads: dataset.quads, ontology: dataset.ontology, downloads });
  const step = steps('site', site.total, options.onProgress);
  return (async function* prefixed() {
    let done = 0;
    for await (const page of site) {
      step(done++);
      yield { name: `site/${page.name}`, content: page.content };
    }
    step(done);
  })();
}

async function* concat<T>(...parts: readonly (Iterable<T> | AsyncIterable<T>)[]): AsyncGenerator<T> {
  for (const part of parts) yield* part;
}
