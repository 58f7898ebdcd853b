// **paths** finds the files that ship inside the package, wherever pharmald is installed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder above lib/ (compiled) or src/ (run from source by the tests). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ontologyFile = path.join(packageRoot, 'ontology', 'pharmald.ttl');
export const shapesFile = path.join(packageRoot, 'shapes', 'pharmald.shacl.ttl');
export const bundledDataDir = path.join(packageRoot, 'data');
export const queriesDir = path.join(packageRoot, 'queries');

/** The data folder a command uses: the one given, else ./data when there is one, else the bundled data. */
export function resolveDataDir(given: string | undefined): string {
  if (given !== undefined) return given;
  return existsSync('data') ? 'data' : bundledDataDir;
}
