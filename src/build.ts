// **build** is the pipeline, top to bottom: load the YAML → map to RDF → add the ontology → validate with
// SHACL → serialize every format → write dist/ atomically. Nothing is written unless every step succeeds.
import { constants } from 'node:buffer';
import type { Quad } from '@rdfjs/types';
import { DataError, sortDiagnostics, type Diagnostic } from './errors.js';
import { writeFilesAtomically, type OutputFile } from './io/atomicWrite.js';
import type { ProgressListener } from './io/progress.js';
import { loadModel } from './model/load.js';
import type { Model } from './model/model.js';
import { ontologyFile, resolveDataDir, shapesFile } from './paths.js';
import { modelToQuads } from './rdf/mappers.js';
import { parseTurtleFile } from './rdf/parse.js';
import { canonicalQuads } from './serialize/canonical.js';
import { jsonLdContext } from './serialize/context.js';
import { rdfFormats, type RdfFormat } from './serialize/formats.js';
import { defaultBaseUrl, describeDataset, distributionFile, voidPrefixes, type DescribeOptions, type DistributionFile } from './release/void.js';
import { toTurtle } from './serialize/turtle.js';
import { resultsToDiagnostics } from './validate/report.js';
import { validate } from './validate/validate.js';

export interface CompileOptions {
  /** Folder of YAML data files; defaults to ./data, else the bundled data. */
  readonly dataDir?: string;
  /** The lowest SHACL severity that fails the build: violations always do, warnings with 'warning'. */
  readonly failOn?: 'violation' | 'warning';
  /** Told of each stage as it goes (a terminal shows a bar: see io/progress.ts). */
  readonly onProgress?: ProgressListener;
}

export interface CompiledDataset {
  readonly model: Model;
  /** The dataset's triples (data and vocabulary) in canonical order. */
  readonly quads: readonly Quad[];
  /** SHACL results that did not fail the build (warnings, infos). */
  readonly diagnostics: readonly Diagnostic[];
  /** The vocabulary alone (ontology/), which the site's vocabulary page lists. */
  readonly ontology: readonly Quad[];
}

/** Loads, maps and validates the data; throws DataError with every problem found. */
export async function compileDataset(options: CompileOptions = {}): Promise<CompiledDataset> {
  const progress = options.onProgress ?? (() => undefined);
  const stages = ['load', 'map', 'validate'];
  const step = (done: number) => progress({ stage: stages[done] ?? 'validated', done, total: stages.length });
  step(0);
  const loaded = await loadModel(resolveDataDir(options.dataDir));
  step(1);
  const mapped = modelToQuads(loaded);
  const [ontology, shapes] = await Promise.all([parseTurtleFile(ontologyFile), parseTurtleFile(shapesFile)]);
  const quads = canonicalQuads([...mapped.quads, ...ontology]);
  step(2);
  const report = await validate(quads, shapes);
  step(3);
  const diagnostics = sortDiagnostics(resultsToDiagnostics(report.results, mapped.origins, loaded.sources));
  const failing = new Set(options.failOn === 'warning' ? ['violation', 'warning'] : ['violation']);
  if (diagnostics.some((d) => failing.has(d.severity))) throw new DataError(diagnostics);
  return { model: loaded.model, quads, diagnostics, ontology };
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


/** The published files of a dataset: every RDF format, the JSON-LD context, and their VoID/DCAT description. */
export async function datasetFiles(
  quads: readonly Quad[],
  description: Omit<DescribeOptions, 'baseUrl'> & { baseUrl?: string },
  onProgress: ProgressListener = () => undefined,
): Promise<DistributionFile[]> {
  const files: DistributionFile[] = [];
  const formats = Object.values(rdfFormats);
  // As bytes at once: every later step (sizes, checksums, writing) reads bytes, and the text can go.
  for (const [done, format] of formats.entries()) {
    onProgress({ stage: 'serialize', done, total: formats.length + 1 });
    files.push(distributionFile(format.file, await writeWhole(format, quads), format.mediaType));
  }
  onProgress({ stage: 'serialize', done: formats.length, total: formats.length + 1 });
  files.push(distributionFile('context.jsonld', `${JSON.stringify(jsonLdContext(), null, 2)}\n`, 'application/ld+json'));
  const described = describeDataset(quads, files, { ...description, baseUrl: description.baseUrl ?? defaultBaseUrl });
  return [...files, distributionFile('void.ttl', await toTurtle(described, voidPrefixes), 'text/turtle')];
}

/** A format's whole text, or a clear error where it is longer than a JavaScript string may be (about 10 M triples). */
async function writeWhole(format: RdfFormat, quads: readonly Quad[]): Promise<string> {
  try {
    return await format.write(quads);
  } catch (error) {
    if (!(error instanceof RangeError && /string length/i.test(error.message))) throw error;
    throw new DataError([{
      position: undefined,
      severity: 'error',
      message: `${format.file} of ${quads.length} triples is longer than the longest text Node.js can hold (${constants.MAX_STRING_LENGTH.toLocaleString('en')} characters); pharmald writes each file whole, so a dataset this large is not supported yet`,
    }]);
  }
}

/** What a build made: the dataset (without the model, which a large build lets go before writing) and the files. */
export interface BuildResult extends Omit<CompiledDataset, 'model'> {
  readonly outDir: string;
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
}

/** The model is not needed past validation: let it go, it is a good part of a large build's peak memory. */
function withoutModel({ model: _model, ...rest }: CompiledDataset): Omit<CompiledDataset, 'model'> {
  return rest;
}

/** Builds the dataset and writes dist/: dataset.ttl, dataset.nt, dataset.jsonld, context.jsonld, void.ttl, site/. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const compiled = withoutModel(await compileDataset(options));
  const outDir = options.outDir ?? 'dist';
  const published = await datasetFiles(compiled.quads, { baseUrl: options.baseUrl, sparqlEndpoint: options.sparqlEndpoint }, options.onProgress);
  const pages = options.site !== false ? await sitePages(compiled, published, options) : [];
  // Pages of entities that are gone must not outlive them: site/ holds exactly this build's pages.
  options.onProgress?.({ stage: 'write', done: 0, total: published.length });
  const files = await writeFilesAtomically(outDir, concat(published, pages), {
    prune: options.site !== false ? ['site'] : [],
    flush: (name) => !name.startsWith('site/'),
  });
  return { ...compiled, outDir, files };
}

/** The web pages under site/, made one at a time as they are written (a large site is never held whole). */
async function sitePages(compiled: Omit<CompiledDataset, 'model'>, published: readonly DistributionFile[], options: BuildOptions): Promise<AsyncIterable<OutputFile>> {
  const { siteFiles } = await import('./site/build.js');
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  const downloads = published.map((file) => ({ url: `${baseUrl}${file.name}`, mediaType: file.mediaType, bytes: file.bytes, sha256: file.sha256 }));
  const site = siteFiles({ quads: compiled.quads, ontology: compiled.ontology, downloads });
  const progress = options.onProgress ?? (() => undefined);
  return (async function* prefixed() {
    let done = 0;
    for await (const page of site) {
      progress({ stage: 'site', done: done++, total: site.total });
      yield { name: `site/${page.name}`, content: page.content };
    }
    progress({ stage: 'site', done, total: site.total });
  })();
}

async function* concat<T>(...parts: readonly (Iterable<T> | AsyncIterable<T>)[]): AsyncGenerator<T> {
  for (const part of parts) yield* part;
}

export { DataError };
