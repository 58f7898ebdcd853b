// **answer** is what a query gives back as plain RDF/JS terms, read once from Comunica's result for both the
// in-process engine and remote endpoints.
import type { Quad, Term } from '@rdfjs/types';
import type { QueryEngine } from '@comunica/query-sparql';
import { QueryError } from '../errors.js';

/** A SELECT answer: the projected variables in order, and one row of bound terms per solution. */
export interface BindingsResult {
  readonly type: 'bindings';
  readonly variables: readonly string[];
  readonly rows: readonly Readonly<Record<string, Term>>[];
}
export interface BooleanResult {
  readonly type: 'boolean';
  readonly value: boolean;
}
export interface QuadsResult {
  readonly type: 'quads';
  readonly quads: readonly Quad[];
}
export type QueryResult = BindingsResult | BooleanResult | QuadsResult;

type ComunicaResult = Awaited<ReturnType<QueryEngine['query']>>;

/** Reads a Comunica result to the end; an UPDATE is refused with `refusal`. */
export async function readAnswer(result: ComunicaResult, refusal: string): Promise<QueryResult> {
  switch (result.resultType) {
    case 'bindings': {
      const metadata = await result.metadata();
      const variables = metadata.variables.map((variable) => variable.value);
      const solutions = await (await result.execute()).toArray();
      const rows = solutions.map((bindings) => Object.fromEntries([...bindings].map(([v, term]) => [v.value, term])));
      return { type: 'bindings', variables, rows };
    }
    case 'boolean':
      return { type: 'boolean', value: await result.execute() };
    case 'quads':
      return { type: 'quads', quads: await (await result.execute()).toArray() };
    default:
      throw new QueryError(refusal);
  }
}
