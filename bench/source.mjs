// The sources pharmald's query() feeds Comunica with, for the benchmark's what-if run and explain.mjs:
// IndexedSource (src/query/source.ts) is the RDF/JS source Comunica reads pattern by pattern when it is
// given as `sources: [source]`; ConjunctiveQuerySource (src/query/querysource.ts) wraps it so that Comunica
// hands it whole basic graph patterns, which is what query() does.
export { IndexedSource as PredicateIndexedSource, IndexedSource } from '../lib/query/source.js';
export { ConjunctiveQuerySource } from '../lib/query/querysource.js';
