// **store** gives the N3.Store that the query engine and rdf-validate-shacl read: the store itself when the
// dataset already is one, else one filled with the quads.
import type { DatasetCore, Quad } from '@rdfjs/types';
import { Store } from 'n3';

export function toStore(quads: DatasetCore | readonly Quad[]): Store {
  if (quads instanceof Store) return quads;
  const store = new Store();
  for (const quad of quads as Iterable<Quad>) store.addQuad(quad);
  return store;
}
