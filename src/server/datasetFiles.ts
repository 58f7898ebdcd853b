// **datasetFiles** serves the dataset's own files from dist/ at the site root (/dataset.ttl, /void.ttl …): the
// index page links them as `../dataset.ttl`, which is dist/dataset.ttl when dist/ is a plain folder and, since `..`
// stops at the root, /dataset.ttl under `pharmald serve` (which serves site/ at /).
import type { IncomingMessage } from 'node:http';
import { rdfFormats } from '../serialize/formats.js';
import { serveFromFolder } from './files.js';
import type { Reply } from './http.js';

/** The files `pharmald build` writes beside site/: exactly these names, never any other file of dist/. */
export const datasetFileNames: ReadonlySet<string> = new Set([...Object.values(rdfFormats).map((format) => format.file), 'context.jsonld', 'void.ttl']);

/** The dataset file at `pathname` (`/dataset.ttl`), with the static files' types, ETag and HEAD; undefined for any other path or one not built. */
export async function serveDatasetFile(request: IncomingMessage, distDir: string, pathname: string): Promise<Reply | undefined> {
  const name = pathname.slice(1);
  return datasetFileNames.has(name) ? serveFromFolder(request, distDir, `/${name}`) : undefined;
}
