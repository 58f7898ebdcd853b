// **fallback** runs rdf-validate-shacl, the reference the compiled validator is measured against, for the
// shapes graphs (and the rare data) the compiled validator does not cover: see `plan` in validate.ts.
import type { DatasetCore, Quad } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { RawResult } from './engine.js';

export async function validateWithRdfValidateShacl(data: DatasetCore | readonly Quad[], shapes: DatasetCore | readonly Quad[]): Promise<RawResult[]> {
  const validator = new SHACLValidator(toStore(shapes));
  const report = await validator.validate(toStore(data));
  return report.results.map((result) => ({
    focusNode: result.focusNode,
    path: result.path ?? null,
    value: result.value ?? null,
    severity: result.severity ?? null,
    component: result.sourceConstraintComponent ?? null,
    sourceShape: result.sourceShape ?? null,
    message: result.message.map((term) => term.value).join(' ') || null,
  }));
}

export function toStore(quads: DatasetCore | readonly Quad[]): Store {
  if (quads instanceof Store) return quads;
  const store = new Store();
  for (const quad of quads as Iterable<Quad>) store.addQuad(quad);
  return store;
}
