// **serviceDescription** is what an RDF client gets at GET /sparql without a query: a SPARQL 1.1 Service
// Description (https://www.w3.org/TR/sparql11-service-description/) of this endpoint.
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { rdf, xsd } from '../vocab.js';

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const VOID = 'http://rdfs.org/ns/void#';
const { namedNode, blankNode, literal, quad } = DataFactory;

export function serviceDescription(endpoint: string, tripleCount: number, federates: boolean): Quad[] {
  const service = namedNode(endpoint);
  const dataset = blankNode('dataset');
  const graph = blankNode('defaultGraph');
  const add = (s: Quad['subject'], p: string, o: Quad['object']) => quad(s, namedNode(p), o);
  const quads = [
    add(service, rdf.type, namedNode(`${SD}Service`)),
    add(service, `${SD}endpoint`, service),
    add(service, `${SD}supportedLanguage`, namedNode(`${SD}SPARQL11Query`)),
    ...['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'JSON-LD']
      .map((format) => add(service, `${SD}resultFormat`, namedNode(`${FORMATS}${format}`))),
    add(service, `${SD}defaultDataset`, dataset),
    add(dataset, rdf.type, namedNode(`${SD}Dataset`)),
    add(dataset, `${SD}defaultGraph`, graph),
    add(graph, rdf.type, namedNode(`${SD}Graph`)),
    add(graph, `${VOID}triples`, literal(String(tripleCount), namedNode(xsd.integer))),
  ];
  if (federates) quads.push(add(service, `${SD}feature`, namedNode(`${SD}BasicFederatedQuery`)));
  return quads;
}
