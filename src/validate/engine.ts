// **engine** runs compiled shapes (shapes.ts) over an indexed data graph (data-graph.ts): for each targeted
// shape, it evaluates the constraints directly on its focus nodes' neighbourhoods. Usually in batches: one
// constraint over all the focus nodes of a shape at a time (validateBatch, conformsBatch), which keeps each
// loop to one kind of check. Nested shapes (sh:not, sh:or, sh:qualifiedValueShape…) only need a yes/no, so
// their evaluation stops at the first failure.
//
// rdf-validate-shacl stops checking a (focus node, shape) pair after 51 checks in one engine (its guard
// against recursion; sh:node checks share the top-level engine). When the shapes make a repeated pair
// possible (CompiledShapes.countChecks), the engine goes node by node (validateShape), counts like it does,
// evaluates as exhaustively as it does, and throws CheckLimitReached where rdf-validate-shacl would have stopped, so that validate() can
// hand the whole validation to rdf-validate-shacl instead of reporting different results.
import type { Literal, Term } from '@rdfjs/types';
import { fromRdf } from 'rdf-literal';
import type { DataGraph } from './data-graph.js';
import { pathValues } from './paths.js';
import type { Check, CompiledShape, CompiledShapes, Constraint, Targets } from './shapes.js';
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

type Counters = Map<string, number> | null;

interface Run {
  readonly graph: DataGraph;
  readonly counting: boolean;
  /** The top-level engine's counters (null when not counting). */
  readonly main: Counters;
}

/** Validates the graph against the compiled shapes; the results, in no particular order. */
export function runShapes(shapes: CompiledShapes, graph: DataGraph): RawResult[] {
  const run: Run = { graph, counting: shapes.countChecks, main: shapes.countChecks ? new Map() : null };
  const sink: RawResult[] = [];
  for (const { shape, targets } of shapes.targeted) {
    const foci = targetNodes(graph, shape, targets);
    if (run.counting) {
      for (const focus of foci) validateShape(run, run.main, focus, shape, sink);
    } else {
      validateBatch(run, shape, foci, sink);
    }
  }
  return sink;
}

/**
 * Validates many focus nodes against one shape, constraint by constraint: the same results as validateShape on
 * each (top-level results do not depend on the order), but each loop runs one kind of check, which the JIT
 * compiles tightly. Only without check counting (the counts would depend on the order).
 */
function validateBatch(run: Run, shape: CompiledShape, foci: readonly Term[], sink: RawResult[]): void {
  if (shape.deactivated || foci.length === 0) return;
  const { path } = shape;
  const values: (readonly Term[])[] | null = path ? foci.map((focus) => pathValues(run.graph, focus, path)) : null;
  const valuesOf = (i: number): readonly Term[] => (values ? values[i]! : [foci[i]!]);
  for (const constraint of shape.constraints) {
    const { check } = constraint;
    switch (check.kind) {
      case 'Property': {
        let next: readonly Term[] = foci;
        if (values) {
          const flat: Term[] = [];
          for (const vs of values) for (const v of vs) flat.push(v);
          next = flat;
        }
        validateBatch(run, check.shape, next, sink);
        break;
      }
      case 'MinCount':
        for (let i = 0; i < foci.length; i++) if (!(valuesOf(i).length >= check.limit)) report(sink, foci[i]!, shape, constraint, null);
        break;
      case 'MaxCount':
        for (let i = 0; i < foci.length; i++) if (!(valuesOf(i).length <= check.limit)) report(sink, foci[i]!, shape, constraint, null);
        break;
      case 'HasValue': case 'QualifiedMinCount': case 'QualifiedMaxCount': case 'Closed': case 'UniqueLang':
      case 'Equals': case 'LessThan': case 'LessThanOrEquals':
        for (let i = 0; i < foci.length; i++) checkConstraint(run, null, foci[i]!, valuesOf(i), shape, constraint, sink);
        break;
      default: {
        const pairFoci: Term[] = [];
        const pairValues: Term[] = [];
        for (let i = 0; i < foci.length; i++) for (const v of valuesOf(i)) { pairFoci.push(foci[i]!); pairValues.push(v); }
        const verdicts = valueVerdicts(run, check, pairFoci, pairValues);
        for (let k = 0; k < verdicts.length; k++) if (!verdicts[k]) report(sink, pairFoci[k]!, shape, constraint, pairValues[k]!);
      }
    }
  }
}

/**
 * Whether each node conforms to `shape` (no results kept), constraint by constraint over all the nodes still
 * conforming: the batch form of `conforms`, for sh:property, sh:not, sh:or, sh:and and sh:xone in batch mode.
 */
function conformsBatch(run: Run, shape: CompiledShape, nodes: readonly Term[]): boolean[] {
  const ok = nodes.map(() => true);
  if (shape.deactivated || nodes.length === 0) return ok;
  const { path } = shape;
  const values: (readonly Term[])[] | null = path ? nodes.map((node) => pathValues(run.graph, node, path)) : null;
  const valuesOf = (i: number): readonly Term[] => (values ? values[i]! : [nodes[i]!]);
  let alive = nodes.map((_, i) => i);
  for (const constraint of shape.constraints) {
    if (alive.length === 0) break;
    const { check } = constraint;
    const failed = new Set<number>();
    switch (check.kind) {
      case 'MinCount': for (const i of alive) if (!(valuesOf(i).length >= check.limit)) failed.add(i); break;
      case 'MaxCount': for (const i of alive) if (!(valuesOf(i).length <= check.limit)) failed.add(i); break;
      case 'HasValue': case 'QualifiedMinCount': case 'QualifiedMaxCount': case 'Closed': case 'UniqueLang':
      case 'Equals': case 'LessThan': case 'LessThanOrEquals':
        for (const i of alive) if (checkConstraint(run, null, nodes[i]!, valuesOf(i), shape, constraint, null)) failed.add(i);
        break;
      default: {
        // sh:property: every value conforms to the property shape; a value check: every value passes it.
        const owners: number[] = [];
        const pairFoci: Term[] = [];
        const pairValues: Term[] = [];
        for (const i of alive) for (const v of valuesOf(i)) { owners.push(i); pairFoci.push(nodes[i]!); pairValues.push(v); }
        const verdicts = check.kind === 'Property' ? conformsBatch(run, check.shape, pairValues) : valueVerdicts(run, check, pairFoci, pairValues);
        for (let k = 0; k < verdicts.length; k++) if (!verdicts[k]) failed.add(owners[k]!);
      }
    }
    if (failed.size === 0) continue;
    for (const i of failed) ok[i] = false;
    alive = alive.filter((i) => !failed.has(i));
  }
  return ok;
}

/** Whether each (focus node, value) pair passes a value check; nested shapes are checked in batches. */
function valueVerdicts(run: Run, check: ValueCheck, foci: readonly Term[], values: readonly Term[]): boolean[] {
  switch (check.kind) {
    case 'Not': return conformsBatch(run, check.shape, values).map((c) => !c);
    case 'And':
    case 'Or': {
      // sh:and: all members (stop at a failing one); sh:or: any member (stop at a conforming one).
      const decided = check.kind === 'Or';
      const out = values.map(() => !decided);
      let open = values.map((_, k) => k);
      for (const member of check.shapes) {
        if (open.length === 0) break;
        const c = conformsBatch(run, member, open.map((k) => values[k]!));
        const still: number[] = [];
        open.forEach((k, j) => {
          if (c[j] === decided) out[k] = decided;
          else still.push(k);
        });
        open = still;
      }
      return out;
    }
    case 'Xone': {
      const counts = values.map(() => 0);
      for (const member of check.shapes) conformsBatch(run, member, values).forEach((c, k) => { if (c) counts[k]!++; });
      return counts.map((n) => n === 1);
    }
    default: {
      const test = valueTest(run, check);
      return values.map((v, k) => test(foci[k]!, v));
    }
  }
}

/** A value check as a function of its own (so that a batch loop calls one small function). */
function valueTest(run: Run, check: ValueCheck): (focus: Term, value: Term) => boolean {
  const { graph } = run;
  switch (check.kind) {
    case 'Class': {
      // The values of a link are few nodes referred to many times (targets, systems…): remember each answer.
      const { cls } = check;
      const known = new Map<Term, boolean>();
      return (_, v) => {
        let ok = known.get(v);
        if (ok === undefined) known.set(v, (ok = graph.isInstanceOf(v, cls)));
        return ok;
      };
    }
    case 'Datatype': {
      const iri = check.datatype.value;
      const { wellFormed } = check;
      const termType = check.datatype.termType;
      return (_, v) => {
        if (v.termType !== 'Literal') return false;
        const datatype = v.datatype;
        return datatype.value === iri && datatype.termType === termType && (wellFormed === null || wellFormed(v.value));
      };
    }
    case 'In': {
      const { keys } = check;
      return (_, v) => keys.has(termKey(v));
    }
    case 'Pattern': {
      const { regexp } = check;
      return (_, v) => {
        if (v.termType === 'BlankNode') return false;
        regexp.lastIndex = 0;
        return regexp.test(v.value);
      };
    }
    default:
      return (focus, v) => valueConforms(run, focus, check, v);
  }
}

/** A shape's focus nodes, without duplicates. */
export function targetNodes(graph: DataGraph, shape: CompiledShape, targets: Targets): Term[] {
  const only = onlyTargetClass(shape, targets);
  if (only) return graph.instancesOf(only); // already without duplicates
  const out = new Map<string, Term>();
  const add = (terms: Iterable<Term>): void => {
    for (const t of terms) {
      const key = termKey(t);
      if (!out.has(key)) out.set(key, t);
    }
  };
  if (targets.implicitClass) add(graph.instancesOf(shape.term));
  for (const cls of targets.classes) add(graph.instancesOf(cls));
  add(targets.nodes);
  for (const p of targets.subjectsOf) add(graph.triplesWith(p).map(([s]) => s));
  for (const p of targets.objectsOf) add(graph.triplesWith(p).map(([, o]) => o));
  return [...out.values()];
}

/** The class, if the shape's only target is one sh:targetClass. */
function onlyTargetClass(shape: CompiledShape, targets: Targets): Term | undefined {
  const single = !targets.implicitClass && targets.classes.length === 1 && !targets.nodes.length && !targets.subjectsOf.length && !targets.objectsOf.length;
  return single ? targets.classes[0] : undefined;
}

/** Validates `focus` against `shape`; true if it produced a result (pushed to `sink` when there is one). */
function validateShape(run: Run, counters: Counters, focus: Term, shape: CompiledShape, sink: RawResult[] | null): boolean {
  if (shape.deactivated) return false;
  if (counters) {
    const key = `${termKey(focus)}\u0000${termKey(shape.term)}`;
    const n = counters.get(key) ?? 0;
    if (n > MAX_NODE_CHECKS) throw new CheckLimitReached(`${focus.value} checked against ${shape.term.value} more than ${MAX_NODE_CHECKS + 1} times`);
    counters.set(key, n + 1);
  }
  const values = shape.path ? pathValues(run.graph, focus, shape.path) : [focus];
  const stopEarly = !sink && !run.counting;
  let found = false;
  for (const constraint of shape.constraints) {
    if (checkConstraint(run, counters, focus, values, shape, constraint, sink)) {
      found = true;
      if (stopEarly) return true;
    }
  }
  return found;
}

/** Whether `node` conforms to `shape`, checked in a fresh engine (rdf-validate-shacl's nodeConformsToShape). */
function conforms(run: Run, node: Term, shape: CompiledShape): boolean {
  return !validateShape(run, run.counting ? new Map() : null, node, shape, null);
}

function checkConstraint(run: Run, counters: Counters, focus: Term, values: readonly Term[], shape: CompiledShape, constraint: Constraint, sink: RawResult[] | null): boolean {
  const { check } = constraint;
  const stopEarly = !sink && !run.counting;
  switch (check.kind) {
    case 'Property': {
      let found = false;
      for (const value of values) {
        if (validateShape(run, counters, value, check.shape, sink)) {
          found = true;
          if (stopEarly) return true;
        }
      }
      return found;
    }
    case 'MinCount': return values.length >= check.limit ? false : report(sink, focus, shape, constraint, null);
    case 'MaxCount': return values.length <= check.limit ? false : report(sink, focus, shape, constraint, null);
    case 'HasValue':
      if (!shape.path) return focus.equals(check.value) ? false : report(sink, focus, shape, constraint, null);
      return values.some((v) => v.equals(check.value)) ? false : report(sink, focus, shape, constraint, null);
    case 'QualifiedMinCount':
    case 'QualifiedMaxCount': {
      let count = 0;
      for (const v of values) if (conforms(run, v, check.shape) && !check.siblings.some((s) => conforms(run, v, s))) count++;
      const ok = check.limit !== null && (check.kind === 'QualifiedMinCount' ? count >= check.limit : count <= check.limit);
      return ok ? false : report(sink, focus, shape, constraint, null);
    }
    case 'Closed': {
      if (!check.active) return false;
      let found = false;
      for (const value of values) {
        for (const [predicate, object] of run.graph.edges(value)) {
          if (check.allowed.has(termKey(predicate))) continue;
          found = report(sink, focus, shape, constraint, object, predicate);
          if (stopEarly) return true;
        }
      }
      return found;
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
    default: {
      // A check of each value node on its own: one result per failing value.
      let found = false;
      for (const value of values) {
        if (valueConforms(run, focus, check, value)) continue;
        found = report(sink, focus, shape, constraint, value);
        if (stopEarly) return true;
      }
      return found;
    }
  }
}

type ValueCheck = Exclude<Check, { kind: 'Property' | 'MinCount' | 'MaxCount' | 'HasValue' | 'QualifiedMinCount' | 'QualifiedMaxCount' | 'Closed' | 'UniqueLang' | 'Equals' | 'LessThan' | 'LessThanOrEquals' }>;

/** The checks made on each value node alone. */
function valueConforms(run: Run, focus: Term, check: ValueCheck, v: Term): boolean {
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
function report(sink: RawResult[] | null, focus: Term, shape: CompiledShape, constraint: Constraint, value: Term | null, path: Term | null = shape.path ? shape.pathTerm : null, message: string | null = constraint.message): true {
  sink?.push({ focusNode: focus, path, value, severity: shape.severity, component: constraint.component, sourceShape: shape.term, message });
  return true;
}

/** rdf-validate-shacl's compareTerms: literals by their JavaScript value (rdf-literal), strings by localeCompare. */
function compareTerms(a: Term, b: Term): number | null {
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return null;
  if (hasTimezone(a) !== hasTimezone(b)) return null;
  const x: unknown = fromRdf(a);
  const y: unknown = fromRdf(b);
  if (typeof x !== typeof y) return null;
  if (typeof x === 'string') return x.localeCompare(y as string);
  return (x as number) - (y as number);
}

function hasTimezone(literal: Literal): boolean {
  return literal.datatype.value === XSD_DATETIME && /^.*(((\+|-)\d{2}:\d{2})|Z)$/.test(literal.value);
}
