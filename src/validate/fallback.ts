// **fallback** runs rdf-validate-shacl, the reference the compiled validator is measured against, for the
// shapes graphs (and the rare data) the compiled validator does not cover: see `plan` in validate.ts.
import type { DatasetCore, Quad } from '@rdfjs/types';
import type { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { toStore } from '../rdf/store.js';
import type { RawResult } from './engine.js';

export async function validateWithRdfValidateShacl(data: DatasetCore | readonly Quad[], shapes: Store): Promise<RawResult[]> {
  const validator = new SHACLValidator(shapes);
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
