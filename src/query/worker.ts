// **worker** runs SPARQL queries in a worker thread over its own copy of the dataset, so a runaway query
// can be stopped for real (the pool terminates the thread) while the server keeps serving.
import { parentPort, workerData } from 'node:worker_threads';
import { Parser, Store } from 'n3';
import { RdfXmlRefused } from '../serialize/rdfxml.js';
import { query } from './engine.js';
import { serializeResult } from './serializeResult.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const store = new Store(new Parser({ format: 'application/n-quads' }).parse((workerData as { nquads: string }).nquads));
// Load the query engine before taking work, so start-up never counts against a query's time limit.
await query(store, 'ASK {}');
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (request: WorkerRequest) => parentPort!.postMessage(await answer(request)));

/** The reply to one query: its serialized answer, or why there is none. */
async function answer({ id, sparql, mediaType, maxResults }: WorkerRequest): Promise<WorkerReply> {
  try {
    const result = await query(store, sparql);
    const size = result.type === 'bindings' ? result.rows.length : result.type === 'quads' ? result.quads.length : 1;
    const message = `the answer has ${size} results, over the limit of ${maxResults}: add a LIMIT`;
    if (size > maxResults) return { id, ok: false, status: 400, message };
    return { id, ok: true, body: await serializeResult(result, mediaType) };
  } catch (error) {
    // A graph RDF/XML cannot write is not the query's fault: not acceptable as asked (406), another type may do.
    const status = error instanceof RdfXmlRefused ? 406 : 400;
    return { id, ok: false, status, message: error instanceof Error ? error.message : String(error) };
  }
}
