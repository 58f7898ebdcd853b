// **engine** runs compiled shapes over an indexed data graph, in batches: one constraint over all the focus
// nodes of a shape at a time, so that each loop runs one kind of check, which the JIT compiles tightly.
// Where a (node, shape) pair may repeat (CompiledShapes.countChecks), it goes node by node instead
// (node-checks.ts), counting checks as rdf-validate-shacl does.
import type { Term } from '@rdfjs/types';
import type { DataGraph } from './data-graph.js';
import { checkConstraint, report, validateShape, valueConforms, type RawResult, type Run, type ValueCheck } from './node-checks.js';
import { pathValues } from './paths.js';
import type { CompiledShape, CompiledShapes, Targets } from './shapes.js';
import { distinct, termKey } from './terms.js';

export { CheckLimitReached, type RawResult } from './node-checks.js';

/** Validates the graph against the compiled shapes; the results, in no particular order. */
export function runShapes(shapes: CompiledShapes, graph: DataGraph): RawResult[] {
  const run: Run = { graph, counting: shapes.countChecks, main: shapes.countChecks ? new Map() : null };
  const sink: RawResult[] = [];
  for (const { shape, targets } of shapes.targeted) {
    const foci = targetNodes(graph, shape, targets);
    if (run.counting) {
      for (const focus of foci) validateShape(run, run.main, focus, shape, sink);
    } else {
      checkBatch(run, shape, foci, sink);
    }
  }
  return sink;
}

/** A shape's focus nodes, without duplicates. */
export function targetNodes(graph: DataGraph, shape: CompiledShape, targets: Targets): Term[] {
  const { implicitClass, classes, nodes, subjectsOf, objectsOf } = targets;
  const onlyClass = !implicitClass && classes.length === 1 && !nodes.length && !subjectsOf.length && !objectsOf.length;
  if (onlyClass) return graph.instancesOf(classes[0]!); // already without duplicates
  return distinct([
    ...(implicitClass ? graph.instancesOf(shape.term) : []),
    ...classes.flatMap((cls) => graph.instancesOf(cls)),
    ...nodes,
    ...subjectsOf.flatMap((p) => graph.triplesWith(p).map(([s]) => s)),
    ...objectsOf.flatMap((p) => graph.triplesWith(p).map(([, o]) => o)),
  ]);
}

/** Checks nodes against a shape, constraint by constraint; whether each failed. With a sink: every result, as
 *  validateShape gives them (not counting checks). Without: yes/no, so a failed node is not checked further. */
function checkBatch(run: Run, shape: CompiledShape, nodes: readonly Term[], sink: RawResult[] | null): boolean[] {
  const failed = nodes.map(() => false);
  if (shape.deactivated || nodes.length === 0) return failed;
  const { path } = shape;
  const values = path ? nodes.map((node) => pathValues(run.graph, node, path)) : nodes.map((node) => [node]);
  let alive = nodes.map((_, i) => i);
  for (const constraint of shape.constraints) {
    if (!sink) alive = alive.filter((i) => !failed[i]);
    if (alive.length === 0) break;
    const { check } = constraint;
    switch (check.kind) {
      case 'MinCount': case 'MaxCount': case 'HasValue': case 'QualifiedMinCount': case 'QualifiedMaxCount':
      case 'Closed': case 'UniqueLang': case 'Equals': case 'LessThan': case 'LessThanOrEquals':
        for (const i of alive) if (checkConstraint(run, null, nodes[i]!, values[i]!, shape, constraint, sink)) failed[i] = true;
        break;
      default: {
        // sh:property: each value checked against the property shape (which reports); else a check of each value.
        // In a node shape each node is its own value (and with a sink, every node is alive).
        let owners = alive;
        let pairFoci = alive.length === nodes.length ? nodes : alive.map((i) => nodes[i]!);
        let pairValues = pairFoci;
        if (path) {
          const o: number[] = [], f: Term[] = [], v: Term[] = [];
          for (const i of alive) for (const value of values[i]!) { o.push(i); f.push(nodes[i]!); v.push(value); }
          [owners, pairFoci, pairValues] = [o, f, v];
        }
        if (check.kind === 'Property') {
          const nested = checkBatch(run, check.shape, pairValues, sink);
          if (!sink) nested.forEach((f, k) => { if (f) failed[owners[k]!] = true; });
          break;
        }
        const verdicts = valueVerdicts(run, check, pairFoci, pairValues);
        for (let k = 0; k < verdicts.length; k++) {
          if (verdicts[k]) continue;
          failed[owners[k]!] = true;
          if (sink) report(sink, pairFoci[k]!, shape, constraint, pairValues[k]!);
        }
      }
    }
  }
  return failed;
}

/** Whether each node conforms to `shape`: the batch form of `conforms`. */
function conformsBatch(run: Run, shape: CompiledShape, nodes: readonly Term[]): boolean[] {
  return checkBatch(run, shape, nodes, null).map((f) => !f);
}

/** Whether each (focus node, value) pair passes a value check; nested shapes are checked in batches. */
function valueVerdicts(run: Run, check: ValueCheck, foci: readonly Term[], values: readonly Term[]): boolean[] {
  switch (check.kind) {
    case 'Not': return checkBatch(run, check.shape, values, null);
    case 'And': case 'Or': case 'Xone': {
      const counts = values.map(() => 0);
      for (const member of check.shapes) conformsBatch(run, member, values).forEach((c, k) => { if (c) counts[k]!++; });
      const all = check.shapes.length;
      return counts.map((n) => (check.kind === 'And' ? n === all : check.kind === 'Or' ? n > 0 : n === 1));
    }
    default: {
      const test = valueTest(run, check);
      return values.map((v, k) => test(foci[k]!, v));
    }
  }
}

/** A value check as a function of its own (so that a batch loop calls one small function). */
function valueTest(run: Run, check: ValueCheck): (focus: Term, value: Term) => boolean {
  switch (check.kind) {
    case 'Class': {
      // The values of a link are few nodes referred to many times (targets, systems…): remember each answer.
      const { cls } = check;
      const known = new Map<Term, boolean>();
      return (_, v) => {
        let ok = known.get(v);
        if (ok === undefined) known.set(v, (ok = run.graph.isInstanceOf(v, cls)));
        return ok;
      };
    }
    case 'Datatype': {
      const { wellFormed } = check;
      const { value: iri, termType } = check.datatype;
      return (_, v) => v.termType === 'Literal' && v.datatype.value === iri && v.datatype.termType === termType
        && (wellFormed === null || wellFormed(v.value));
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
    default: return (focus, v) => valueConforms(run, focus, check, v);
  }
}
