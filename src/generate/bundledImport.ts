// **bundledImport** is the DrugCentral release that the published dataset carries beside the curated data: its
// import is committed in imports/ (so a new release or a change of the mapping shows as a reviewable diff of
// the YAML), pharmald.yaml reads it after data/, and a test says the committed files are a fresh import's.
import { importDrugCentral } from '../import/drugcentral.js';
import path from 'node:path';
import { packageRoot } from '../paths.js';

export const bundledImport = {
  /** The release's tables, as DrugCentral published them, with its licence. */
  source: 'sources/drugcentral/2016-05-09',
  /** The data folder the import is written to, relative to the package root. */
  out: 'imports/drugcentral-2016-05-09',
} as const;

/** The files of the bundled import, made afresh from its source tables. */
export async function bundledImportFiles(): Promise<readonly { readonly name: string; readonly content: string }[]> {
  return (await importDrugCentral(path.join(packageRoot, bundledImport.source))).files;
}
