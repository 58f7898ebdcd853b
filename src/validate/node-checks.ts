// **node-checks** validates one focus node against one shape at a time, as rdf-validate-shacl does, counting
// checks per (focus node, shape) pair to stop where its guard against recursion would (CheckLimitReached).
import type { Literal, Term } from '@rdfjs/types';
import { fromRdf } from 'rdf-literal';
import { validators as datatypes } from 'rdf-validate-datatype';
import type { DataGraph } from './data-graph.js';
import { pathValues } from './paths.js';
import type { Check, CompiledShape, Constraint } from './shapes.js';
import { termKey } from './terms.js';

const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
const MAX_NODE_CHECKS = 50;

/** One result, before validate() names the shapes (see ValidationResult in validate.ts). */
export interface RawResult {
  readonly focusNode: Term;
  readonly path: Term | null;
  readonly value: Term | null;
  /** null: none given (counts as sh:Violation). */
  readonly severity: Term | null;
  readonly component: Term | null;
  readonly sourceShape: Term | null;
  readonly message: string | null;
}

export class CheckLimitReached extends Error {
  override readonly name = 'CheckLimitReached';
}

export type Counters = Map<string, number> | null;

export interface Run {
  readonly graph: DataGraph;
  readonly counting: boolean;
  /** The top-level engine's counters (null when not counting). */
  readonly main: Counters;
}

/** Validates `focus` against `shape`; true if it produced a result (pushed to `sink` when there is one). */
export function validateShape(run: Run, counters: Counters, focus: Term, shape: CompiledShape, sink: RawResult[] | null): boolean {
  if (shape.deactivated) return false;
  if (counters) {
    const key = `${termKey(focus)}\u0000${termKey(shape.term)}`;
    const n = counters.get(key) ?? 0;
    if (n > MAX_NODE_CHECKS) throw new CheckLimitReached(`${focus.value} checked against ${shape.term.value} more than ${MAX_NODE_CHECKS + 1} times`);
    counters.set(key, n + 1);
  }
  const values = shape.path ? pathValues(run.graph, focus, shape.path) : [focus];
  return failsAny(run, sink, shape.constraints, (constraint) => checkConstraint(run, counters, focus, values, shape, constraint, sink));
}

/** Whether `fails` holds for any item: all are tried, unless only a yes/no is wanted (no sink, no counting). */
function failsAny<T>(run: Run, sink: RawResult[] | null, items: Iterable<T>, fails: (item: T) => boolean): boolean {
  let found = false;
  for (const item of items) {
    if (!fails(item)) continue;
    found = true;
    if (!sink && !run.counting) return true;
  }
  return found;
}

/** Whether `node` conforms to `shape`, checked in a fresh engine (rdf-validate-shacl's nodeConformsToShape). */
export function conforms(run: Run, node: Term, shape: CompiledShape): boolean {
  return !validateShape(run, run.counting ? new Map() : null, node, shape, null);
}

export function checkConstraint(run: Run, counters: Counters, focus: Term, values: readonly Term[], shape: CompiledShape, constraint: Constraint, sink: RawResult[] | null): boolean {
  const { check } = constraint;
  switch (check.kind) {
    case 'Property': return failsAny(run, sink, values, (value) => validateShape(run, counters, value, check.shape, sink));
    case 'MinCount': return values.length >= check.limit ? false : report(sink, focus, shape, constraint, null);
    case 'MaxCount': return values.length <= check.limit ? false : report(sink, focus, shape, constraint, null);
    case 'HasValue': return values.some((v) => v.equals(check.value)) ? false : report(sink, focus, shape, constraint, null);
    case 'QualifiedMinCount':
    case 'QualifiedMaxCount': {
      let count = 0;
      for (const v of values) if (conforms(run, v, check.shape) && !check.siblings.some((s) => conforms(run, v, s))) count++;
      const ok = check.limit !== null && (check.kind === 'QualifiedMinCount' ? count >= check.limit : count <= check.limit);
      return ok ? false : report(sink, focus, shape, constraint, null);
    }
    case 'Closed': {
      if (!check.active) return false;
      const edges = values.flatMap((value) => [...run.graph.edges(value)]);
      return failsAny(run, sink, edges, ([p, o]) => !check.allowed.has(termKey(p)) && report(sink, focus, shape, constraint, o, p));
    }
    case 'UniqueLang': {
      if (!check.active) return false;
      const counts = new Map<string, number>();
      for (const v of values) if (v.termType === 'Literal' && v.language) counts.set(v.language, (counts.get(v.language) ?? 0) + 1);
      let found = false;
      for (const [language, count] of counts) {
        if (count > 1) found = report(sink, focus, shape, constraint, null, undefined, `Language "${language}" has been used by ${count} values`);
      }
      return found;
    }
    case 'Equals': {
      let found = false;
      const other = run.graph.objects(focus, check.predicate.value);
      if (shape.path) {
        for (const v of values) if (!other.some((o) => o.equals(v))) found = report(sink, focus, shape, constraint, v);
        for (const o of other) if (!values.some((v) => v.equals(o))) found = report(sink, focus, shape, constraint, o);
      } else {
        for (const o of other) if (!o.equals(focus)) found = report(sink, focus, shape, constraint, o);
        if (!found && other.length === 0) found = report(sink, focus, shape, constraint, focus);
      }
      return found;
    }
    case 'LessThan':
    case 'LessThanOrEquals': {
      let found = false;
      const references = run.graph.objects(focus, check.predicate.value);
      for (const v of values) {
        for (const r of references) {
          const c = compareTerms(v, r);
          if (c === null || (check.kind === 'LessThan' ? c >= 0 : c > 0)) found = report(sink, focus, shape, constraint, v);
        }
      }
      return found;
    }
    default: // a check of each value node on its own: one result per failing value
      return failsAny(run, sink, values, (v) => !valueConforms(run, focus, check, v) && report(sink, focus, shape, constraint, v));
  }
}

export type ValueCheck = Exclude<Check, { kind: 'Property' | 'MinCount' | 'MaxCount' | 'HasValue' | 'QualifiedMinCount' | 'QualifiedMaxCount' | 'Closed' | 'UniqueLang' | 'Equals' | 'LessThan' | 'LessThanOrEquals' }>;

/** The checks made on each value node alone. */
export function valueConforms(run: Run, focus: Term, check: ValueCheck, v: Term): boolean {
  switch (check.kind) {
    case 'Class': return run.graph.isInstanceOf(v, check.cls);
    case 'Datatype': {
      if (v.termType !== 'Literal') return false;
      const datatype = v.datatype;
      return datatype.value === check.datatype.value && datatype.termType === check.datatype.termType && (check.wellFormed === null || check.wellFormed(v.value));
    }
    case 'NodeKind': return check.allowed.has(v.termType) || (v.termType !== 'NamedNode' && v.termType !== 'BlankNode' && v.termType !== 'Literal');
    case 'MinLength': return v.termType !== 'BlankNode' && v.value.length >= check.limit;
    case 'MaxLength': return v.termType !== 'BlankNode' && v.value.length <= check.limit;
    case 'MinExclusive': { const c = compareTerms(v, check.bound); return c !== null && c > 0; }
    case 'MinInclusive': { const c = compareTerms(v, check.bound); return c !== null && c >= 0; }
    case 'MaxExclusive': { const c = compareTerms(v, check.bound); return c !== null && c < 0; }
    case 'MaxInclusive': { const c = compareTerms(v, check.bound); return c !== null && c <= 0; }
    case 'Pattern':
      if (v.termType === 'BlankNode') return false;
      check.regexp.lastIndex = 0;
      return check.regexp.test(v.value);
    case 'In': return check.keys.has(termKey(v));
    case 'LanguageIn': {
      if (v.termType !== 'Literal' || !v.language) return false;
      const language = v.language;
      return check.languages.some((l) => language.startsWith(l));
    }
    case 'Disjoint': return !run.graph.has(focus, check.predicate.value, v);
    case 'Not': return !conforms(run, v, check.shape);
    case 'Node': return !validateShape(run, run.main, v, check.shape, null);
    case 'And': return check.shapes.every((s) => conforms(run, v, s));
    case 'Or': return check.shapes.some((s) => conforms(run, v, s));
    case 'Xone': {
      let n = 0;
      for (const s of check.shapes) if (conforms(run, v, s)) n++;
      return n === 1;
    }
    default: return unreachable(check);
  }
}

function unreachable(check: never): never {
  throw new Error(`unknown check ${JSON.stringify(check)}`);
}

/** Records a result (when there is a sink); true, for `found = report(…)`. */
export function report(sink: RawResult[] | null, focus: Term, shape: CompiledShape, constraint: Constraint, value: Term | null, path: Term | null = shape.path ? shape.pathTerm : null, message: string | null = constraint.message): true {
  sink?.push({ focusNode: focus, path, value, severity: shape.severity, component: constraint.component, sourceShape: shape.term, message });
  return true;
}

/** rdf-validate-shacl's compareTerms: literals by their JavaScript value (rdf-literal), strings by localeCompare. */
/** SPARQL's order of two literals, or null where it has none (an ill-typed literal such as "6,18"^^xsd:decimal). */
function compareTerms(a: Term, b: Term): number | null {
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return null;
  if (hasTimezone(a) !== hasTimezone(b) || !wellTyped(a) || !wellTyped(b)) return null;
  const x: unknown = fromRdf(a);
  const y: unknown = fromRdf(b);
  if (typeof x !== typeof y) return null;
  if (typeof x === 'string') return x.localeCompare(y as string);
  return (x as number) - (y as number);
}

/** rdf-validate-datatype's check of a lexical form, per datatype IRI (its own lookup hashes the whole term). */
const lexicalChecks = new Map<string, ((value: string) => boolean) | undefined>();

function wellTyped(literal: Literal): boolean {
  const iri = literal.datatype.value;
  if (!lexicalChecks.has(iri)) lexicalChecks.set(iri, datatypes.find(literal.datatype) as ((value: string) => boolean) | undefined);
  const check = lexicalChecks.get(iri);
  return check === undefined || check(literal.value);
}

function hasTimezone(literal: Literal): boolean {
  return literal.datatype.value === XSD_DATETIME && /^.*(((\+|-)\d{2}:\d{2})|Z)$/.test(literal.value);
}
