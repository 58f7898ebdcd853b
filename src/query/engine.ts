// **engine** is a small façade over Comunica: one engine per process, queries over an in-memory dataset,
// results as plain RDF/JS terms. Comunica reads the dataset through querysource.ts, registered as an
// already identified source, which receives whole basic graph patterns.
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
/**
 * Comunica applies FROM / FROM NAMED by rewriting the patterns of a graph pattern after the source took it
 * whole, which leaves those patterns without a source; a query that may have a dataset clause (the word
 * FROM anywhere, so never a miss) goes pattern by pattern through the same indexed source instead.
 */
const mayHaveDataset = /\bfrom\b/i;

/** Runs a SPARQL query over a dataset in memory. UPDATE is refused: the data is read-only. */
export async function query(dataset: DatasetCore | readonly Quad[], sparql: string): Promise<QueryResult> {
  engine ??= new QueryEngine();
  const store = toStore(dataset);
  let source = sources.get(store);
  if (!source) sources.set(store, (source = new ConjunctiveQuerySource(new IndexedSource(store))));
  let result;
  try {
    result = await engine.query(sparql, mayHaveDataset.test(sparql) ? { sources: [source.referenceValue] } : source.context);
  } catch (error) {
    throw new QueryError(`SPARQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await readAnswer(result, 'SPARQL UPDATE is not supported: the dataset is read-only');
  } catch (error) {
    if (error instanceof QueryError) throw error;
    throw new QueryError(`SPARQL: ${error instanceof Error ? error.message : String(error)}`);
  }
}
