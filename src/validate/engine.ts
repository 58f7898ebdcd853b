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
import type { Term } from '@rdfjs/types';
import { validateBatch } from './batch-checks.js';
import type { DataGraph } from './data-graph.js';
import { validateShape, type RawResult, type Run } from './node-checks.js';
import type { CompiledShape, CompiledShapes, Targets } from './shapes.js';
import { termKey } from './terms.js';

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
      validateBatch(run, shape, foci, sink);
    }
  }
  return sink;
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
