// **engine** is a small façade over Comunica: one engine per process, queries over an in-memory dataset (through
// querysource.ts), results as plain RDF/JS terms.
import type { DatasetCore, Quad } from '@rdfjs/types';
import { QueryEngine } from '@comunica/query-sparql';
import type { Store } from 'n3';
import { QueryError } from '../errors.js';
import { toStore } from '../rdf/store.js';
import { readAnswer, type QueryResult } from './answer.js';
import { ConjunctiveQuerySource } from './querysource.js';
import { IndexedSource } from './source.js';

export type { BindingsResult, BooleanResult, QuadsResult, QueryResult } from './answer.js';

let engine: QueryEngine | undefined;
/** One source per store, made on its first query and kept while the store lives (its caches follow the store's size). */
const sources = new WeakMap<Store, ConjunctiveQuerySource>();
/** Comunica's FROM rewriting leaves a whole-BGP source's patterns sourceless: such queries go pattern by pattern. */
const mayHaveDataset = /\bfrom\b/i;

/** Runs a SPARQL query over a dataset in memory. UPDATE is refused: the data is read-only. */
export async function query(dataset: DatasetCore | readonly Quad[], sparql: string): Promise<QueryResult> {
  engine ??= new QueryEngine();
  const store = toStore(dataset);
  let source = sources.get(store);
  if (!source) sources.set(store, (source = new ConjunctiveQuerySource(new IndexedSource(store))));
  try {
    const result = await engine.query(sparql, mayHaveDataset.test(sparql) ? { sources: [source.referenceValue] } : source.context);
    return await readAnswer(result, 'SPARQL UPDATE is not supported: the dataset is read-only');
  } catch (error) {
    if (error instanceof QueryError) throw error;
    throw new QueryError(`SPARQL: ${error instanceof Error ? error.message : String(error)}`);
  }
}
