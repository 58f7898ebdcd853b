// **search** answers the site's search form (GET /search?q=…) from the built site's search.json, as a page in the
// site's own layout: the search works with no script in the browser, over every entity, not only those the index lists.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { kindInfo, type EntityKind } from '../model/kinds.js';
import { sitePaths } from '../site/graph.js';
import { html, Html } from '../site/html.js';
import { page } from '../site/layout.js';
import { HttpError, type Reply } from './http.js';

/** The most entries one answer shows; a reader narrows the search with more words. */
export const searchLimit = 200;

/** One entity as search.json holds it. */
export interface SearchEntry {
  readonly label: string;
  readonly kind: EntityKind;
  /** Its page, relative to the site root. */
  readonly href: string;
  readonly summary: string;
}

/** search.json parsed, kept until the file changes (a rebuilt site is searched without a restart). */
let loaded: { readonly file: string; readonly version: string; readonly entries: readonly SearchEntry[] } | undefined;

async function searchEntries(siteDir: string): Promise<readonly SearchEntry[]> {
  const file = path.join(siteDir, sitePaths.searchIndex);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, `no ${sitePaths.searchIndex} in ${siteDir}: build the site first`);
  const version = `${info.mtimeMs}:${info.size}`;
  if (loaded?.file === file && loaded.version === version) return loaded.entries;
  const rows = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (!Array.isArray(rows)) throw new HttpError(500, `${sitePaths.searchIndex} is not a list`);
  const entries = rows.flatMap((row: unknown): SearchEntry[] => {
    if (!Array.isArray(row) || row.length !== 4 || !row.every((cell) => typeof cell === 'string')) return [];
    const [label, kind, href, summary] = row as [string, string, string, string];
    // Only a plain site path becomes a link: never a `javascript:` or an absolute URL, whoever wrote the file.
    return kind in kindInfo && /^[\w./-]+$/.test(href) ? [{ label, kind: kind as EntityKind, href, summary }] : [];
  });
  loaded = { file, version, entries };
  return entries;
}

/** The entries whose label or summary holds every word of the query, case-insensitively, in search.json's order. */
export function matchingEntries(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return entries.filter((entry) => {
    const text = `${entry.label} ${entry.summary}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** GET /search: the form, and for a query the entries that match it (at most searchLimit of them). */
export async function handleSearch(request: IncomingMessage, url: URL, siteDir: string): Promise<Reply> {
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'use GET', { Allow: 'GET, HEAD' });
  const query = (url.searchParams.get('q') ?? '').trim();
  const entries = await searchEntries(siteDir);
  return { status: 200, contentType: 'text/html; charset=utf-8', body: searchPage(query, matchingEntries(entries, query)) };
}

/** The answer page; at the site root (/search), so the site's relative links hold. */
export function searchPage(query: string, matches: readonly SearchEntry[]): string {
  const shown = matches.slice(0, searchLimit);
  const results = query === '' ? '' : html`<p id="search-status">${matches.length} ${matches.length === 1 ? 'entry matches' : 'entries match'}.</p>
${matches.length > shown.length ? html`<p class="note">Showing the first ${shown.length}: add words to narrow the search.</p>
` : ''}${shown.length ? html`<ul class="entities">
${shown.map((e) => html`<li><a href="${e.href}">${e.label}</a> <span class="meta">${kindInfo[e.kind].name}${e.summary ? ` · ${e.summary}` : ''}</span></li>
`)}</ul>
` : ''}`;
  const body = html`<h1>Search</h1>
<form class="filter" method="get" action="search" role="search">
<label for="q">Search</label>
<input type="search" id="q" name="q" value="${query}" placeholder="e.g. NMDA, brain, pain" autocomplete="off">
<button type="submit">Search</button>
</form>
${results}`;
  const title = query === '' ? 'Search' : `Search: ${query}`;
  return page({ file: 'search', title, jsonLd: new Html(''), trail: [['Dataset', sitePaths.index], ['Search', undefined]], body });
}
