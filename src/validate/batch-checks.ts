// **batch-checks** validates many focus nodes against one shape, constraint by constraint (validateBatch), and
// decides for many nodes at once whether they conform to a nested shape (conformsBatch), stopping at the first
// failure. Each loop runs one kind of check, which the JIT compiles tightly.
import type { Term } from '@rdfjs/types';
import { checkConstraint, report, valueConforms, type RawResult, type Run, type ValueCheck } from './node-checks.js';
import { pathValues } from './paths.js';
import type { CompiledShape } from './shapes.js';
import { termKey } from './terms.js';

/**
 * Validates many focus nodes against one shape, constraint by constraint: the same results as validateShape on
 * each (top-level results do not depend on the order), but each loop runs one kind of check, which the JIT
 * compiles tightly. Only without check counting (the counts would depend on the order).
 */
export function validateBatch(run: Run, shape: CompiledShape, foci: readonly Term[], sink: RawResult[]): void {
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

