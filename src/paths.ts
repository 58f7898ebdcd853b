// **paths** finds the files that ship inside the package, wherever pharmald is installed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectDataDirs, projectFileName } from './projectFile.js';

/** The package root: the folder above lib/ (compiled) or src/ (run from source by the tests). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ontologyFile = path.join(packageRoot, 'ontology', 'pharmald.ttl');
export const shapesFile = path.join(packageRoot, 'shapes', 'pharmald.shacl.ttl');
export const queriesDir = path.join(packageRoot, 'queries');

/**
 * The data folders a command reads: those given; else those that ./pharmald.yaml lists; else ./data when there
 * is one; else the bundled dataset (the package's own pharmald.yaml: the curated data and the DrugCentral import).
 */
export function resolveDataDirs(given: readonly string[]): readonly string[] {
  if (given.length > 0) return given;
  if (existsSync(projectFileName)) return projectDataDirs(projectFileName);
  if (existsSync('data')) return ['data'];
  return projectDataDirs(path.join(packageRoot, projectFileName));
}
