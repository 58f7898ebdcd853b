// **turtle** writes a graph as Turtle with the project's prefixes, in canonical order.
import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { sections } from '../model/schema.js';
import { ID, prefixes } from '../vocab.js';
import { canonicalQuads } from './canonical.js';

/** The vocabulary prefixes, and one per entity kind (`drug:ketamine`), so the Turtle reads like the YAML. */
export const turtlePrefixes: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(prefixes).filter(([name]) => name !== 'pldid' && name !== 'sh')),
  ...Object.fromEntries(Object.values(sections).map((kind) => [kind, `${ID}${kind}/`])),
};

export function toTurtle(quads: readonly Quad[], extraPrefixes: Readonly<Record<string, string>> = {}): Promise<string> {
  const writer = new Writer({ prefixes: { ...turtlePrefixes, ...extraPrefixes } });
  for (const quad of canonicalQuads(quads)) writer.addQuad(quad);
  return new Promise((resolve, reject) => {
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });
}
