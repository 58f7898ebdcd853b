// Writes the committed artefacts of the model (artefacts.ts) into the repository: `npm run generate`.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pharmald } from '../model/pharmald.js';
import { packageRoot } from '../paths.js';
import { committedArtefacts } from './artefacts.js';

for (const artefact of await committedArtefacts(pharmald)) {
  await writeFile(path.join(packageRoot, artefact.path), artefact.content);
  console.log(`wrote ${artefact.path}`);
}
