// **turtle** writes a graph as Turtle with the project's prefixes, in canonical order.
import type { Quad } from '@rdfjs/types';
import { Writer } from 'n3';
import { kinds } from '../model/kinds.js';
import { ID, prefixes } from '../vocab.js';
import { canonicalQuads } from './canonical.js';

/** The vocabulary prefixes, and one per entity kind (`drug:ketamine`), so the Turtle reads like the YAML. */
export const turtlePrefixes: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(prefixes).filter(([name]) => name !== 'pldid' && name !== 'sh')),
  ...Object.fromEntries(kinds.map(({ kind }) => [kind, `${ID}${kind}/`])),
};

/** Any quads as Turtle, put in canonical order first. */
export function toTurtle(quads: Iterable<Quad>, extraPrefixes: Readonly<Record<string, string>> = {}): Promise<string> {
  return canonicalTurtle(canonicalQuads(quads), extraPrefixes);
}

/** Quads already in canonical order (see canonical.ts) as Turtle, in that order. */
export function canonicalTurtle(quads: readonly Quad[], extraPrefixes: Readonly<Record<string, string>> = {}): Promise<string> {
  const writer = new Writer({ prefixes: { ...turtlePrefixes, ...extraPrefixes } });
  for (const quad of quads) writer.addQuad(quad);
  return new Promise((resolve, reject) => {
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });
}
