// **querysource** gives Comunica a query source over the IndexedSource that accepts whole joins of patterns, so
// conjunction.ts solves each basic graph pattern and Comunica does the rest; single patterns go to Comunica's
// RDF/JS source actor. Registered as already identified, which skips source identification per query.
import type * as RDF from '@rdfjs/types';
import { QuerySourceRdfJs } from '@comunica/actor-query-source-identify-rdfjs';
import { KeysQueryOperation } from '@comunica/context-entries';
import type { BindingsStream, FragmentSelectorShape, IActionContext, IQuerySource, IQuerySourceWrapper, QueryStringContext } from '@comunica/types';
import { Algebra } from '@comunica/utils-algebra';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { MetadataValidationState } from '@comunica/utils-metadata';
import { DataFactory } from 'n3';
import { estimateSolutions, patternVariables, solve, type QuadPattern, type Row } from './conjunction.js';
import { GeneratorIterator } from './iterator.js';
import type { IndexedSource } from './source.js';

const JOIN: FragmentSelectorShape = { type: 'operation', operation: { operationType: 'type', type: Algebra.Types.JOIN } };
const BGP: FragmentSelectorShape = { type: 'operation', operation: { operationType: 'type', type: Algebra.Types.BGP } };

export class ConjunctiveQuerySource {
  readonly #bindings = new BindingsFactory(DataFactory);
  readonly #patterns: QuerySourceRdfJs;
  #shape: FragmentSelectorShape | undefined;

  constructor(readonly referenceValue: IndexedSource) {
    this.#patterns = new QuerySourceRdfJs(referenceValue, DataFactory, this.#bindings);
  }

  /** The context that gives Comunica this source already identified (`querySources`: `sources` would identify it again). */
  get context(): QueryStringContext {
    // Comunica's types name asynciterator through its CommonJS build, ours through the ES module build:
    // the same class at run time, two declarations to the compiler.
    const wrapper: IQuerySourceWrapper = { source: this as unknown as IQuerySource };
    return { [KeysQueryOperation.querySources.name]: [wrapper] } as unknown as QueryStringContext;
  }

  async getSelectorShape(): Promise<FragmentSelectorShape> {
    this.#shape ??= { type: 'disjunction', children: [await this.#patterns.getSelectorShape(), JOIN, BGP] };
    return this.#shape;
  }

  async getFilterFactor(): Promise<number> {
    return 0;
  }

  queryBindings(operation: Algebra.Operation, context: IActionContext): BindingsStream {
    const patterns = conjuncts(operation);
    if (!patterns) return this.#patterns.queryBindings(operation, context);
    const options = { unionDefaultGraph: Boolean(context.get(KeysQueryOperation.unionDefaultGraph)) };
    const variables = patternVariables(patterns);
    const factory = this.#bindings;
    const stream = new GeneratorIterator(solve(this.referenceValue, patterns, options), (row: Row) => {
      const entries: [RDF.Variable, RDF.Term][] = [];
      for (const variable of variables) {
        const term = row[variable.value];
        if (term) entries.push([variable, term]);
      }
      return factory.bindings(entries);
    });
    stream.setProperty('metadata', {
      state: new MetadataValidationState(),
      cardinality: { type: 'estimate', value: estimateSolutions(this.referenceValue, patterns, options) },
      requestTime: 0,
      variables: variables.map((variable) => ({ variable, canBeUndef: false })),
    });
    return stream as unknown as BindingsStream;
  }

  queryQuads(operation: Algebra.Operation, context: IActionContext): ReturnType<IQuerySource['queryQuads']> {
    return this.#patterns.queryQuads(operation, context);
  }

  queryBoolean(operation: Algebra.Ask, context: IActionContext): Promise<boolean> {
    return this.#patterns.queryBoolean(operation, context);
  }

  queryVoid(operation: Algebra.Operation, context: IActionContext): Promise<void> {
    return this.#patterns.queryVoid(operation, context);
  }

  toString(): string {
    return 'ConjunctiveQuerySource(IndexedSource)';
  }
}

/** The quad patterns of a join or BGP of patterns (nested joins flattened), or undefined for anything else. */
function conjuncts(operation: Algebra.Operation): QuadPattern[] | undefined {
  if (operation.type === Algebra.Types.PATTERN) return undefined;
  const found: QuadPattern[] = [];
  const visit = (op: Algebra.Operation): boolean => {
    switch (op.type) {
      case Algebra.Types.PATTERN:
        found.push(op as Algebra.Pattern);
        return true;
      case Algebra.Types.JOIN:
        return (op as Algebra.Join).input.every(visit);
      case Algebra.Types.BGP:
        return (op as Algebra.Bgp).patterns.every(visit);
      default:
        return false;
    }
  };
  if (!visit(operation)) throw new Error(`ConjunctiveQuerySource cannot evaluate a ${operation.type} operation`);
  return found;
}
