// **conjunction** solves a basic graph pattern over an IndexedSource by index nested loops, as Oxigraph does
// (Comunica's hash joins read whole predicates, its bind joins re-plan per binding): the pattern with the fewest
// matches goes next, a zero count ends a branch, solutions come lazily so a LIMIT stops the work. A graph
// variable matches named graphs only (unless `unionDefaultGraph`); quoted triple patterns match term by term.
import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';
import { concrete, POSITIONS, unify, type IndexedSource } from './source.js';

export type QuadPattern = Pick<RDF.BaseQuad, 'subject' | 'predicate' | 'object' | 'graph'>;
/** A partial solution: variable name → term. */
export type Row = Readonly<Record<string, RDF.Term>>;

export interface ConjunctionOptions {
  /** The default graph is the union of all graphs (Comunica's `unionDefaultGraph`). */
  readonly unionDefaultGraph?: boolean;
}

/** The variables of the patterns, each once, in order of appearance. */
export function patternVariables(patterns: readonly QuadPattern[]): RDF.Variable[] {
  const found = new Map<string, RDF.Variable>();
  const visit = (term: RDF.Term): void => {
    if (term.termType === 'Variable') {
      if (!found.has(term.value)) found.set(term.value, term);
    } else if (term.termType === 'Quad') {
      for (const position of POSITIONS) visit(term[position]);
    }
  };
  for (const pattern of patterns) for (const position of POSITIONS) visit(pattern[position]);
  return [...found.values()];
}

/** An upper bound of the number of solutions: the smallest count of any one pattern. */
export function estimateSolutions(source: IndexedSource, patterns: readonly QuadPattern[], options: ConjunctionOptions = {}): number {
  return patterns.length === 0 ? 1 : Math.min(...patterns.map((pattern) => count(source, pattern, options)));
}

/** Every solution of the conjunction (extending `row`), lazily. */
export function* solve(
  source: IndexedSource, remaining: readonly QuadPattern[], options: ConjunctionOptions = {}, row: Row = {},
): Generator<Row> {
  if (remaining.length === 0) {
    yield row;
    return;
  }
  if (remaining.length === 1) {
    // The last pattern: no choice to make, and no count needed to prune (an empty lookup does).
    const pattern = substitute(remaining[0]!, row);
    if (!hasVariables(pattern)) {
      for (let n = count(source, pattern, options); n > 0; n--) yield row;
      return;
    }
    for (const quad of source.quads(...lookup(pattern, options))) {
      const next = unifyQuad(pattern, quad, row, options);
      if (next) yield next;
    }
    return;
  }
  // The pattern with the fewest matches under this row goes next; any pattern without a match ends it.
  let best = -1;
  let bestCount = Infinity;
  const bound = remaining.map((pattern) => substitute(pattern, row));
  for (let i = 0; i < bound.length; i++) {
    const n = count(source, bound[i]!, options);
    if (n === 0) return;
    if (n < bestCount) [best, bestCount] = [i, n];
  }
  const pattern = bound[best]!;
  const rest = remaining.filter((_, i) => i !== best);
  // Nothing left to bind: the pattern is a check, and its count says how many quads match (each one a
  // solution, as when Comunica matches the pattern itself).
  if (!hasVariables(pattern)) {
    for (let i = 0; i < bestCount; i++) yield* solve(source, rest, options, row);
    return;
  }
  for (const quad of source.quads(...lookup(pattern, options))) {
    const next = unifyQuad(pattern, quad, row, options);
    if (next) yield* solve(source, rest, options, next);
  }
}

function hasVariables(pattern: QuadPattern): boolean {
  return POSITIONS.some((position) => concrete(pattern[position]) === null && pattern[position].termType !== 'DefaultGraph');
}

function count(source: IndexedSource, pattern: QuadPattern, options: ConjunctionOptions): number {
  return source.countQuads(...lookup(pattern, options));
}

/** The pattern's terms as an index lookup: variables (and quoted triples holding some) become wildcards. */
function lookup(pattern: QuadPattern, options: ConjunctionOptions): [RDF.Term | null, RDF.Term | null, RDF.Term | null, RDF.Term | null] {
  const graph = pattern.graph.termType === 'DefaultGraph' && options.unionDefaultGraph ? null : concrete(pattern.graph);
  return [concrete(pattern.subject), concrete(pattern.predicate), concrete(pattern.object), graph];
}

/** The pattern with the row's terms in place of its bound variables. */
function substitute(pattern: QuadPattern, row: Row): QuadPattern {
  const subject = substituteTerm(pattern.subject, row);
  const predicate = substituteTerm(pattern.predicate, row);
  const object = substituteTerm(pattern.object, row);
  const graph = substituteTerm(pattern.graph, row);
  if (subject === pattern.subject && predicate === pattern.predicate && object === pattern.object && graph === pattern.graph) return pattern;
  return { subject, predicate, object, graph };
}

function substituteTerm(term: RDF.Term, row: Row): RDF.Term {
  // A variable bound to the default graph stays a variable: in place, the default graph would read as their union.
  if (term.termType === 'Variable') return row[term.value]?.termType === 'DefaultGraph' ? term : row[term.value] ?? term;
  if (term.termType !== 'Quad') return term;
  const parts = POSITIONS.map((position) => substituteTerm(term[position], row));
  if (parts.every((part, i) => part === term[POSITIONS[i]!])) return term;
  const [s, p, o, g] = parts as [RDF.Quad_Subject, RDF.Quad_Predicate, RDF.Quad_Object, RDF.Quad_Graph];
  return DataFactory.quad(s, p, o, g);
}

/** The row extended with the pattern's variables bound to the quad's terms, or undefined if they disagree. */
function unifyQuad(pattern: QuadPattern, quad: RDF.Quad, row: Row, options: ConjunctionOptions): Row | undefined {
  // A graph variable ranges over named graphs (SPARQL 1.1 §13.3), unless the default graph is their union.
  if (pattern.graph.termType === 'Variable' && quad.graph.termType === 'DefaultGraph' && !options.unionDefaultGraph) return undefined;
  let next: Record<string, RDF.Term> | undefined;
  for (const position of POSITIONS) {
    const term = pattern[position];
    if (term.termType !== 'Variable' && term.termType !== 'Quad') continue;
    next ??= { ...row };
    if (!unify(term, quad[position], next)) return undefined;
  }
  return next ?? row;
}
