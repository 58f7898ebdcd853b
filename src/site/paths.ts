// **paths** maps IRIs to site files and links pages by relative URLs, so the site works from file://, any folder and serve.
import path from 'node:path';
import { rdfFormats } from '../serialize/formats.js';
import { PLD } from '../vocab.js';
import { entityRef } from './graph.js';

/** The site's own files. */
export const sitePaths = {
  index: 'index.html',
  stylesheet: 'site.css',
  icon: 'favicon.svg',
  vocabulary: 'vocab/index.html',
  vocabularyTurtle: `vocab/index${rdfFormats.turtle.extension}`,
} as const;

/** `…/id/drug/ketamine` → `id/drug/ketamine`: the IRI path below the dataset's base, the page's folder. */
export function entityBase(entity: string): string {
  const ref = entityRef(entity);
  if (!ref || ref.part !== undefined) throw new Error(`not an entity IRI: ${entity}`);
  return `id/${ref.kind}/${ref.id}`;
}

/** The page file of an entity. */
export function entityPage(entity: string): string {
  return `${entityBase(entity)}/index.html`;
}

/** The HTML id of a part of an entity on its owner's page: `effect/synaptic-plasticity` → `effect-synaptic-plasticity`. */
export function partAnchor(part: string): string {
  return part.replace(/[^a-zA-Z0-9_-]+/g, '-');
}

/** The site file (and fragment) that shows an IRI: an entity's page, a part's or vocabulary term's section, else undefined. */
export function siteTarget(iri: string): string | undefined {
  const ref = entityRef(iri);
  if (ref) return ref.part === undefined ? entityPage(ref.entity) : `${entityPage(ref.entity)}#${partAnchor(ref.part)}`;
  if (iri.startsWith(PLD) && iri.length > PLD.length) return `${sitePaths.vocabulary}#${iri.slice(PLD.length)}`;
  return undefined;
}

/** A link from one site file to another (either may carry a fragment), relative to the first. */
export function relativeHref(from: string, to: string): string {
  const [file = '', fragment] = to.split('#');
  const relative = path.posix.relative(path.posix.dirname(from), file) || path.posix.basename(file);
  return fragment === undefined ? relative : `${relative}#${fragment}`;
}
