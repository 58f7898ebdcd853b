// **layout** is the frame every page shares: head (title, stylesheet, alternates, JSON-LD), site header and footer.
import type { Quad } from '@rdfjs/types';
import type { Graph } from 'schema-dts';
import { canonicalJsonLdDocument } from '../serialize/jsonld.js';
import { html, Html, join, jsonForScript, type Content } from './html.js';
import { relativeHref, sitePaths } from './graph.js';

export interface PageFrame {
  /** The page's file in the site, to make its links relative. */
  readonly file: string;
  readonly title: string;
  /** <link rel="alternate"> targets: the description in other formats. */
  readonly alternates?: readonly { readonly href: string; readonly mediaType: string; readonly name: string }[];
  /** The <script type="application/ld+json"> element. */
  readonly jsonLd: Html;
  /** Breadcrumb trail below the site name: [text, site file] pairs; the last is the page itself. */
  readonly trail?: readonly (readonly [string, string | undefined])[];
  readonly body: Content;
  /** A small script of the page's own (the index filter); pages work without it. */
  readonly script?: string;
}

export function page(frame: PageFrame): string {
  const href = (to: string) => relativeHref(frame.file, to);
  const trail = frame.trail && join(frame.trail.map(([text, to]) => (to ? html`<a href="${href(to)}">${text}</a>` : html`<span aria-current="page">${text}</span>`)), ' › ');
  const document = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · pharmald</title>
<link rel="stylesheet" href="${href(sitePaths.stylesheet)}">
<link rel="icon" type="image/svg+xml" href="${href(sitePaths.icon)}">
${frame.alternates?.map((a) => html`<link rel="alternate" type="${a.mediaType}" href="${a.href}" title="${a.name}">
`)}${frame.jsonLd}
</head>
<body>
<header class="site">
<nav aria-label="Site"><a class="brand" href="${href(sitePaths.index)}">pharmald</a> <a href="${href(sitePaths.index)}">Dataset</a> <a href="${href(sitePaths.vocabulary)}">Vocabulary</a></nav>
${trail ? html`<nav class="trail" aria-label="Breadcrumb">${trail}</nav>` : ''}
</header>
<main>
${frame.body}
</main>
<footer class="site">
<p>pharmald: pharmacology mechanism-of-action knowledge as linked data. Each page describes one IRI; its data is embedded as JSON-LD and linked as Turtle, N-Triples and JSON-LD.</p>
</footer>
${frame.script ? html`<script>${new Html(frame.script)}</script>
` : ''}</body>
</html>
`;
  return document.markup;
}

/** The JSON-LD script: schema.org (if any) and the pharmald description, each with its own context so neither captures the other. */
export function jsonLdScript(description: readonly Quad[], schemaOrg?: Graph): Html {
  const document = canonicalJsonLdDocument(description);
  return new Html(`<script type="application/ld+json">\n${jsonForScript(schemaOrg ? [schemaOrg, document] : [document])}\n</script>`);
}
