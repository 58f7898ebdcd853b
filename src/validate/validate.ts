// **validate** checks a data graph against SHACL shapes: compiled once (shapes.ts), over the data indexed once
// (data-graph.ts), the same results as rdf-validate-shacl, many times faster. What the compiled validator does
// not do (SPARQL, recursion, named graphs, rdf-validate-shacl's check limit) goes to rdf-validate-shacl itself.
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import type { Store } from 'n3';
import { DataGraph } from './data-graph.js';
import { CheckLimitReached, runShapes, type RawResult } from './engine.js';
import SHACLValidator from 'rdf-validate-shacl';
import { toStore } from '../rdf/store.js';
import { Unsupported } from './shapes-graph.js';
import { compileShapes, type CompiledShapes } from './shapes.js';

const SH = 'http://www.w3.org/ns/shacl#';

export type ResultSeverity = 'violation' | 'warning' | 'info';
const SEVERITIES: Record<string, ResultSeverity> = { [`${SH}Warning`]: 'warning', [`${SH}Info`]: 'info' };

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

/** Which validator produced a report: our compiled one, or rdf-validate-shacl as the fallback. */
export type ValidationEngine = 'compiled' | 'rdf-validate-shacl';

export interface ValidationReport {
  readonly conforms: boolean;
  readonly results: readonly ValidationResult[];
  /** Which validator ran, and why rdf-validate-shacl did if it did. */
  readonly engine?: ValidationEngine;
  readonly fallbackReason?: string;
}

export interface ValidateOptions {
  /** 'auto' (default): compiled where it applies, else rdf-validate-shacl. Forcing 'compiled' throws where it does not apply. */
  readonly engine?: 'auto' | ValidationEngine;
}

/** What validate() will do with a shapes graph, decided by reading the shapes once. */
export type ValidationPlan =
  | { readonly engine: 'compiled'; readonly shapes: CompiledShapes }
  | { readonly engine: 'rdf-validate-shacl'; readonly reason: string };

const plans = new WeakMap<object, ValidationPlan>();

/** Compiles the shapes graph, or says why it goes to rdf-validate-shacl. Cached per shapes object. */
export function planValidation(shapes: DatasetCore | readonly Quad[]): ValidationPlan {
  const known = plans.get(shapes);
  if (known) return known;
  let plan: ValidationPlan;
  try {
    plan = { engine: 'compiled', shapes: compileShapes(shapes as Iterable<Quad>) };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    plan = { engine: 'rdf-validate-shacl', reason: error.message };
  }
  plans.set(shapes, plan);
  return plan;
}

/** Validates `data` against `shapes` (SHACL Core). */
export async function validate(data: DatasetCore | readonly Quad[], shapes: DatasetCore | readonly Quad[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const wanted = options.engine ?? 'auto';
  let reason = 'asked for';
  if (wanted !== 'rdf-validate-shacl') {
    const plan = planValidation(shapes);
    const outcome = plan.engine === 'compiled' ? runCompiled(plan.shapes, data) : plan.reason;
    if (typeof outcome !== 'string') return outcome;
    reason = outcome;
    if (wanted === 'compiled') throw new Error(`the compiled SHACL validator does not apply: ${reason}`);
  }
  const shapesStore = toStore(shapes);
  const fallback = await new SHACLValidator(shapesStore).validate(toStore(data));
  const raw = fallback.results.map((result): RawResult => ({
    focusNode: result.focusNode,
    path: result.path ?? null,
    value: result.value ?? null,
    severity: result.severity ?? null,
    component: result.sourceConstraintComponent ?? null,
    sourceShape: result.sourceShape ?? null,
    message: result.message.map((term) => term.value).join(' ') || null,
  }));
  return { ...report(raw, shapesStore, 'rdf-validate-shacl'), fallbackReason: reason };
}

/** The compiled validator's report, or why it cannot give one. */
function runCompiled(shapes: CompiledShapes, data: DatasetCore | readonly Quad[]): ValidationReport | string {
  const graph = DataGraph.of(data as Iterable<Quad>, shapes.vocabulary);
  if (!graph) return 'data in a named graph';
  try {
    return report(runShapes(shapes, graph), shapes.store, 'compiled');
  } catch (error) {
    if (error instanceof CheckLimitReached) return `rdf-validate-shacl's check limit: ${error.message}`;
    throw error;
  }
}

function report(raw: readonly RawResult[], shapes: Store, engine: ValidationEngine): ValidationReport {
  const results = raw.map((result): ValidationResult => ({
    severity: SEVERITIES[result.severity?.value ?? ''] ?? 'violation',
    severityIri: result.severity?.value ?? `${SH}Violation`,
    focusNode: result.focusNode,
    path: result.path,
    value: result.value,
    message: result.message || (result.component?.value ?? 'constraint violated').replace(/^.*[#/]/, ''),
    shape: nodeShapeOf(shapes, result.sourceShape),
    sourceShape: result.sourceShape,
    constraintComponent: result.component,
  }));
  return { conforms: results.length === 0, results, engine };
}

/** A property shape is usually a blank node: name its node shape instead, which a curator can look up. */
function nodeShapeOf(shapes: Store, shape: Term | null): Term | null {
  if (!shape || shape.termType !== 'BlankNode') return shape;
  return shapes.getSubjects(`${SH}property`, shape, null)[0] ?? shape;
}
