// The indexed source that pharmald's query() now feeds Comunica with (src/query/source.ts), under the name
// the benchmark's what-if runs used while it was a prototype here.
export { IndexedSource as PredicateIndexedSource } from '../lib/query/source.js';
