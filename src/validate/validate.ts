// **validate** checks a data graph against SHACL shapes and returns the results as plain data.
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';

export type ResultSeverity = 'violation' | 'warning' | 'info';

/** One SHACL validation result (https://www.w3.org/TR/shacl/#results-validation-result). */
export interface ValidationResult {
  /** sh:Violation, sh:Warning, sh:Info; any other severity IRI (SHACL allows custom ones) counts as a violation. */
  readonly severity: ResultSeverity;
  /** The severity IRI exactly as the shape gives it. */
  readonly severityIri: string;
  readonly focusNode: Term;
  readonly path: Term | null;
  readonly value: Term | null;
  readonly message: string;
  /** The node shape the result comes from (a property shape's parent), or the shape itself. */
  readonly shape: Term | null;
  /** The shape exactly as the report gives it (often a blank-node property shape). */
  readonly sourceShape: Term | null;
  readonly constraintComponent: Term | null;
}

export interface ValidationReport {
  readonly conforms: boolean;
  readonly results: readonly ValidationResult[];
}

/** Validates `data` against `shapes` (SHACL Core). */
export async function validate(data: DatasetCore | readonly Quad[], shapes: DatasetCore | readonly Quad[]): Promise<ValidationReport> {
  const shapesStore = toStore(shapes);
  const validator = new SHACLValidator(shapesStore);
  const report = await validator.validate(toStore(data));
  const results = report.results.map((result): ValidationResult => ({
    severity: severityOf(result.severity),
    severityIri: result.severity?.value ?? `${SH}Violation`,
    focusNode: result.focusNode,
    path: result.path,
    value: result.value,
    message: result.message.map((term) => term.value).join(' ') || localName(result.sourceConstraintComponent?.value ?? 'constraint violated'),
    shape: nodeShapeOf(shapesStore, result.sourceShape),
    sourceShape: result.sourceShape,
    constraintComponent: result.sourceConstraintComponent,
  }));
  return { conforms: report.conforms, results };
}

function toStore(quads: DatasetCore | readonly Quad[]): Store {
  if (quads instanceof Store) return quads;
  const store = new Store();
  for (const quad of quads as Iterable<Quad>) store.addQuad(quad);
  return store;
}

function severityOf(term: Term | null): ResultSeverity {
  switch (term?.value) {
    case `${SH}Warning`: return 'warning';
    case `${SH}Info`: return 'info';
    default: return 'violation';
  }
}

/** A property shape is usually a blank node: name its node shape instead, which a curator can look up. */
function nodeShapeOf(shapes: Store, shape: Term | null): Term | null {
  if (!shape || shape.termType !== 'BlankNode') return shape;
  const parent = shapes.getSubjects(`${SH}property`, shape, null)[0];
  return parent ?? shape;
}

function localName(iri: string): string {
  return iri.replace(/^.*[#/]/, '');
}
