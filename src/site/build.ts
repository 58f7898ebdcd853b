// **site/build** makes the static site of the published graph (index, entity pages with their data, letter pages of
// large kinds, search.json, vocabulary), from the RDF, not the YAML, so it shows what is published; the same graph
// always gives the same bytes.
import type { Quad } from '@rdfjs/types';
import type { OutputFile } from '../io/atomicWrite.js';
import { kinds } from '../model/kinds.js';
import type { DistributionFile } from '../release/void.js';
import { canonicalQuads } from '../serialize/canonical.js';
import { rdfFormats } from '../serialize/formats.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { canonicalTurtle } from '../serialize/turtle.js';
import { mechanismDiagram } from './diagram.js';
import { renderEntityPage } from './entityPage.js';
import { entityBase, entityPage, entityRef, SiteGraph, sitePaths } from './graph.js';
import { datasetSchemaOrg, renderIndexPage, searchIndex } from './indexPage.js';
import { jsonLdScript } from './layout.js';
import { letterGroups, listedInline, listingFiles, typeAndLabelQuads } from './listingPage.js';
import { schemaOrgDocument, schemaOrgNodes } from './schemaOrg.js';
import { icon, stylesheet } from './stylesheet.js';
import { renderVocabularyPage, vocabularySchemaOrg } from './vocabPage.js';

/** A published file of the dataset, for the schema.org Dataset on the index page. */
export type DatasetDownload = Pick<DistributionFile, 'mediaType' | 'bytes' | 'sha256'> & { readonly url: string };

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

/** buildSite, and the IRIs that a page named and the graph gave no label for (shown by their last segment instead). */
export async function buildSiteWithReport(input: SiteInput): Promise<{ files: OutputFile[]; missingLabels: string[] }> {
  const site = siteFiles({ ...input, quads: canonicalQuads(input.quads) });
  const files: OutputFile[] = [];
  for await (const file of site) files.push(file);
  files.sort((a, b) => compareCodeUnits(a.name, b.name));
  return { files, missingLabels: site.missingLabels() };
}

/** The site's files one at a time, as they are made, so that a large site is written without being held. */
export interface SiteFiles extends AsyncIterable<OutputFile> {
  /** How many files there will be. */
  readonly total: number;
  /** After the last file: IRIs that a page named and the graph gave no label for. */
  missingLabels(): string[];
}

/** The site's files, from `input.quads` in canonical order (as compileDataset gives them). */
export function siteFiles(input: SiteInput): SiteFiles {
  const graph = new SiteGraph(input.quads);
  const vocabulary = canonicalQuads(input.ontology);
  const ontology = new SiteGraph(vocabulary);
  const entities = kinds.flatMap(({ kind }) => graph.entities(kind));
  // A kind too large for the index gets letter pages; the index (and its data) keeps the small kinds' entities only.
  const grouped = kinds.filter(({ kind }) => !listedInline(graph.entities(kind).length)).map(({ kind }) => ({ kind, groups: letterGroups(graph, kind) }));
  const inline = kinds.filter(({ kind }) => listedInline(graph.entities(kind).length)).flatMap(({ kind }) => graph.entities(kind));
  const listingCount = grouped.reduce((sum, { groups }) => sum + 1 + groups.length, 0);
  return {
    // Stylesheet and icon; page, .ttl, .nt and .jsonld per entity; listing pages; index, search.json, vocabulary page and its Turtle.
    total: 2 + 4 * entities.length + listingCount + 4,
    missingLabels: () => [...graph.missingLabels, ...ontology.missingLabels].sort(),
    async *[Symbol.asyncIterator]() {
      yield { name: sitePaths.stylesheet, content: stylesheet };
      yield { name: sitePaths.icon, content: icon };
      for (const entity of entities) {
        const description = graph.describe(entity);
        const diagram = entityRef(entity)?.kind === 'drug' ? await mechanismDiagram(graph, entity) : undefined;
        const jsonLd = jsonLdScript(description.quads, schemaOrgDocument(...schemaOrgNodes(graph, entity)));
        yield { name: entityPage(entity), content: renderEntityPage(graph, entity, jsonLd, diagram) };
        for (const format of Object.values(rdfFormats)) {
          yield { name: `${entityBase(entity)}${format.extension}`, content: await format.write(description) };
        }
      }
      for (const { kind, groups } of grouped) yield* listingFiles(graph, kind, groups);
      // The index's own data: the type and label of every entity it lists itself.
      const indexJsonLd = jsonLdScript(typeAndLabelQuads(graph, inline), schemaOrgDocument(datasetSchemaOrg(graph, input.downloads ?? [])));
      yield { name: sitePaths.index, content: renderIndexPage(graph, indexJsonLd, input.downloads ?? []) };
      yield { name: sitePaths.searchIndex, content: searchIndex(graph) };
      const vocabularyJsonLd = jsonLdScript(vocabulary, schemaOrgDocument(vocabularySchemaOrg(ontology)));
      yield { name: sitePaths.vocabulary, content: renderVocabularyPage(graph, ontology, vocabularyJsonLd) };
      yield { name: sitePaths.vocabularyTurtle, content: await canonicalTurtle(vocabulary) };
    },
  };
}
