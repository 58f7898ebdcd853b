// **site/build** makes the static site of the published graph: the index, a page per entity with its
// description in Turtle, N-Triples and JSON-LD beside it, the vocabulary page, the stylesheet and icon.
// It works from the RDF (not the YAML model), so the site shows exactly what is published, and its output
// is the same bytes for the same graph: everything is sorted, nothing depends on time or chance.
import type { Quad } from '@rdfjs/types';
import type { OutputFile } from '../io/atomicWrite.js';
import { kinds } from '../model/kinds.js';
import { canonicalQuads } from '../serialize/canonical.js';
import { rdfFormats } from '../serialize/formats.js';
import { canonicalTurtle } from '../serialize/turtle.js';
import { rdf, rdfs } from '../vocab.js';
import { describeEntity } from './describe.js';
import { mechanismDiagram } from './diagram.js';
import { renderEntityPage } from './entityPage.js';
import { SiteGraph } from './graph.js';
import { datasetSchemaOrg, renderIndexPage } from './indexPage.js';
import { jsonLdScript, pageJsonLd } from './jsonLd.js';
import { entityBase, entityPage, sitePaths } from './paths.js';
import { schemaOrgGraph } from './schemaOrg.js';
import { icon, stylesheet } from './stylesheet.js';
import { renderVocabularyPage, vocabularySchemaOrg } from './vocabPage.js';

/** A published file of the dataset, for the schema.org Dataset on the index page. */
export interface DatasetDownload {
  readonly url: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface SiteInput {
  /** The dataset's downloads (as void.ttl lists them), for dataset search engines. */
  readonly downloads?: readonly DatasetDownload[];
  /** The whole published graph: data and vocabulary. */
  readonly quads: readonly Quad[];
  /** The ontology (ontology/pharmald.ttl) alone: the vocabulary page lists what it declares. */
  readonly ontology: readonly Quad[];
}

/** The files of the site of any quads, with paths relative to its root, in path order. */
export async function buildSite(input: SiteInput): Promise<OutputFile[]> {
  return (await buildSiteWithReport(input)).files;
}

export interface SiteReport {
  readonly files: OutputFile[];
  /** IRIs that a page named and the graph gave no label for (shown by their last segment instead). */
  readonly missingLabels: readonly string[];
}

/** buildSite, and what the pages revealed about the graph. */
export async function buildSiteWithReport(input: SiteInput): Promise<SiteReport> {
  const site = siteFiles({ ...input, quads: canonicalQuads(input.quads) });
  const files: OutputFile[] = [];
  for await (const file of site) files.push(file);
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, missingLabels: site.missingLabels() };
}

/** The site's files one at a time, as they are made, so that a large site is written without being held. */
export interface SiteFiles extends AsyncIterable<OutputFile> {
  /** How many files there will be. */
  readonly total: number;
  /** After the last file: IRIs that a page named and the graph gave no label for. */
  missingLabels(): readonly string[];
}

/** The site's files, from `input.quads` in canonical order (as compileDataset gives them). */
export function siteFiles(input: SiteInput): SiteFiles {
  const graph = new SiteGraph(input.quads);
  const vocabulary = canonicalQuads(input.ontology);
  const ontology = new SiteGraph(vocabulary);
  const entities = kinds.reduce((sum, { kind }) => sum + graph.entities(kind).length, 0);
  return {
    // Stylesheet and icon; page, .ttl, .nt and .jsonld per entity; index, vocabulary page and its Turtle.
    total: 2 + 4 * entities + 3,
    [Symbol.asyncIterator]: () => pages(input, graph, ontology, vocabulary),
    missingLabels: () => [...graph.missingLabels, ...ontology.missingLabels].sort(),
  };
}

async function* pages(input: SiteInput, graph: SiteGraph, ontology: SiteGraph, vocabulary: readonly Quad[]): AsyncGenerator<OutputFile> {
  yield { name: sitePaths.stylesheet, content: stylesheet };
  yield { name: sitePaths.icon, content: icon };

  for (const { kind } of kinds) {
    for (const entity of graph.entities(kind)) {
      const description = describeEntity(graph, entity);
      const base = entityBase(entity);
      const diagram = kind === 'drug' ? await mechanismDiagram(graph, entity) : undefined;
      const jsonLd = jsonLdScript(pageJsonLd(description.quads, schemaOrgGraph(graph, entity)));
      yield { name: entityPage(entity), content: renderEntityPage({ graph, entity, jsonLd, ...(diagram ? { diagram } : {}) }) };
      for (const format of Object.values(rdfFormats)) yield { name: `${base}${format.extension}`, content: await format.write(description) };
    }
  }

  // The index's own data: the type and label of every entity it lists.
  const listed = kinds.flatMap(({ kind }) => graph.entities(kind));
  const indexQuads = listed.flatMap((e) => graph.outgoing(e).filter((q) => q.predicate.value === rdf.type || q.predicate.value === rdfs.label));
  yield {
    name: sitePaths.index,
    content: renderIndexPage(graph, jsonLdScript(pageJsonLd(canonicalQuads(indexQuads), { '@context': 'https://schema.org', '@graph': [datasetSchemaOrg(graph, input.downloads ?? [])] }))),
  };

  const vocabularyJsonLd = jsonLdScript(pageJsonLd(vocabulary, { '@context': 'https://schema.org', '@graph': [vocabularySchemaOrg(ontology)] }));
  yield { name: sitePaths.vocabulary, content: renderVocabularyPage({ graph, ontology, jsonLd: vocabularyJsonLd }) };
  yield { name: sitePaths.vocabularyTurtle, content: await canonicalTurtle(vocabulary) };
}
