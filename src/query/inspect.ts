// **inspect** reads a SPARQL request before it runs: query or update, which form, and which remote
// services it would call, so a server can refuse what it must not run.
import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import { QueryError } from '../errors.js';

export interface QueryShape {
  /** The query to run: the request's, with the protocol's dataset (if any) in place of its FROM clauses. */
  readonly sparql: string;
  /** SELECT and ASK give result sets; CONSTRUCT and DESCRIBE give graphs. */
  readonly form: 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';
  /** The IRIs of SERVICE clauses. */
  readonly services: readonly string[];
}

/** The RDF dataset a request names through the protocol's default-graph-uri / named-graph-uri. */
export interface ProtocolDataset {
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
}

/** Parses a request (QueryError on update or syntax); a protocol dataset overrides FROM (SPARQL Protocol §2.1.4). */
export function inspectQuery(sparql: string, dataset?: ProtocolDataset, baseIRI?: string): QueryShape {
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser({ baseIRI }).parse(sparql);
  } catch (error) {
    throw new QueryError(`SPARQL syntax: ${error instanceof Error ? error.message.split('\n').slice(0, 4).join(' ') : String(error)}`);
  }
  if (parsed.type === 'update') throw new QueryError('SPARQL Update is not allowed: the dataset is read-only');
  let text = sparql;
  if (dataset && (dataset.defaultGraphs.length > 0 || dataset.namedGraphs.length > 0)) {
    parsed.from = {
      default: dataset.defaultGraphs.map((iri) => DataFactory.namedNode(iri)),
      named: dataset.namedGraphs.map((iri) => DataFactory.namedNode(iri)),
    };
    text = new sparqljs.Generator().stringify(parsed);
  }
  // Relative IRIs resolve against the service's base IRI (SPARQL 1.1 Protocol: "which MAY be the service endpoint").
  if (baseIRI) text = `BASE <${baseIRI}>\n${text}`;
  return { sparql: text, form: parsed.queryType, services: collectServices(parsed) };
}

function collectServices(node: unknown, found: string[] = []): string[] {
  // An array is an object too: its items are its values, in order.
  if (node && typeof node === 'object') {
    const record = node as { type?: unknown; name?: { value?: unknown } };
    if (record.type === 'service' && typeof record.name?.value === 'string') found.push(record.name.value);
    for (const value of Object.values(node)) collectServices(value, found);
  }
  return found;
}
