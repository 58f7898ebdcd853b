// **store** gives an N3.Store (for the query engine and rdf-validate-shacl): the dataset, or one filled from it.
import type { DatasetCore, Quad } from '@rdfjs/types';
import { Store } from 'n3';

export function toStore(quads: DatasetCore | readonly Quad[]): Store {
  if (quads instanceof Store) return quads;
  const store = new Store();
  for (const quad of quads as Iterable<Quad>) store.addQuad(quad);
  return store;
}
