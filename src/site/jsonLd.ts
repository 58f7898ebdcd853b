// **jsonLd** is the structured data a page embeds: one <script type="application/ld+json"> holding an
// array of two documents, each with its own context, so neither vocabulary's terms can capture the other's:
// the schema.org graph (context https://schema.org, as search engines expect), and the entity's pharmald
// description compacted with the dataset's own context, inlined so that it expands offline.
import type { Quad } from '@rdfjs/types';
import type { Graph } from 'schema-dts';
import { canonicalJsonLdDocument, type JsonLdDocument } from '../serialize/jsonld.js';
import { jsonForScript } from './escape.js';
import { raw, type Html } from './html.js';

export type PageJsonLd = readonly [Graph, JsonLdDocument] | readonly [JsonLdDocument];

/** The page's JSON-LD: schema.org first (when the page has it), then the pharmald description (in canonical order). */
export function pageJsonLd(description: readonly Quad[], schemaOrg?: Graph): PageJsonLd {
  const document = canonicalJsonLdDocument(description);
  return schemaOrg ? [schemaOrg, document] : [document];
}

/** The script element, with the JSON escaped for a script element's raw text (see escape.ts). */
export function jsonLdScript(value: PageJsonLd): Html {
  return raw(`<script type="application/ld+json">\n${jsonForScript(value)}\n</script>`);
}
