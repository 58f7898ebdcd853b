// Writes the committed artefacts of the model (artefacts.ts) and the bundled import (bundledImport.ts) into the
// repository: `npm run generate`.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pharmald } from '../model/pharmald.js';
import { packageRoot } from '../paths.js';
import { committedArtefacts } from './artefacts.js';
import { bundledImport, bundledImportFiles } from './bundledImport.js';

for (const artefact of await committedArtefacts(pharmald)) {
  await writeFile(path.join(packageRoot, artefact.path), artefact.content);
  console.log(`wrote ${artefact.path}`);
}

// The import folder holds exactly the import's files: one the mapping no longer writes is removed.
const importDir = path.join(packageRoot, bundledImport.out);
const files = await bundledImportFiles();
await mkdir(importDir, { recursive: true });
for (const stale of (await readdir(importDir)).filter((name) => !files.some((file) => file.name === name))) await rm(path.join(importDir, stale));
for (const file of files) await writeFile(path.join(importDir, file.name), file.content);
console.log(`wrote ${bundledImport.out}/ (${files.map((f) => f.name).join(', ')})`);
