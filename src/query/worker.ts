// **worker** runs SPARQL queries in a worker thread over its own copy of the dataset, so a runaway query
// can be stopped for real (the pool terminates the thread) while the server keeps serving.
import { parentPort, workerData } from 'node:worker_threads';
import { Parser, Store } from 'n3';
import { query } from './engine.js';
import { serializeResult } from './serializeResult.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const store = new Store(new Parser({ format: 'application/n-quads' }).parse((workerData as { nquads: string }).nquads));
// Load the query engine before taking work, so start-up never counts against a query's time limit.
await query(store, 'ASK {}');
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const result = await query(store, request.sparql);
    const size = result.type === 'bindings' ? result.rows.length : result.type === 'quads' ? result.quads.length : 1;
    if (size > request.maxResults) {
      reply = { id: request.id, ok: false, status: 400, message: `the answer has ${size} results, over the limit of ${request.maxResults}: add a LIMIT` };
    } else {
      reply = { id: request.id, ok: true, body: await serializeResult(result, request.mediaType) };
    }
  } catch (error) {
    reply = { id: request.id, ok: false, status: 400, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
