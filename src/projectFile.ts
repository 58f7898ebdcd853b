// **projectFile** reads `pharmald.yaml`, which names the data folders a command reads when no --data is given:
// a dataset made of curated data and imports is built with a plain `pharmald build`, as README's set-up says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { DataError, type Diagnostic } from './errors.js';
import { parsePositioned } from './model/source.js';

export const projectFileName = 'pharmald.yaml';

/**
 * The data folders that the project file `file` lists under `data:`, in order, relative to the file's folder.
 * A wrong file is a DataError naming its line and column.
 */
export function projectDataDirs(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const { doc, lines } = parsePositioned(text);
  const at = (offset: number | undefined): { file: string; line: number; col: number } => ({ file, ...lines.linePos(offset ?? 0) });
  const fail = (offset: number | undefined, message: string): never => {
    throw new DataError([{ position: at(offset), severity: 'error', message } satisfies Diagnostic]);
  };
  const syntaxError = doc.errors[0];
  if (syntaxError) fail(syntaxError.pos[0], `YAML syntax: ${syntaxError.message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) return fail(root?.range?.[0], `${projectFileName} is a mapping with one key, data: a list of data folders`);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'data') fail(isScalar(pair.key) ? pair.key.range?.[0] : undefined, `unknown key "${key}" in ${projectFileName} (it has one key, data)`);
  }
  const list = root.get('data', true);
  if (!isSeq(list) || list.items.length === 0) return fail(isScalar(list) || isSeq(list) ? list.range?.[0] : root.range?.[0], 'field data: give the list of data folders to read, in order (curated data first)');
  return list.items.map((item) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') return fail(isScalar(item) || isMap(item) || isSeq(item) ? item.range?.[0] : undefined, 'field data: each entry is the path of a data folder');
    return path.join(path.dirname(file), item.value);
  });
}
