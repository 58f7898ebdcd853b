// The artefacts made from the model description (src/generate/artefacts.ts) are the committed files, the Turtle
// they are written in reads back as the same graph, and a field added to a copy of the description reaches the
// SHACL shapes, the ontology and the JSON-LD context.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { committedArtefacts } from '../src/generate/artefacts.js';
import { jsonLdContext } from '../src/generate/context.js';
import { ontologyQuads } from '../src/generate/ontology.js';
import { SHAPES, shapesQuads } from '../src/generate/shapes.js';
import { pharmald } from '../src/model/pharmald.js';
import { root } from './helpers.js';
import { withMechanismField } from './support/description.js';

const PLD = pharmald.namespace;
const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';

const objects = (quads: readonly Quad[], s: Term | string, p: string) =>
  quads.filter((q) => (typeof s === 'string' ? q.subject.value === s : q.subject.equals(s)) && q.predicate.value === p).map((q) => q.object);

/** Each named subject's triples, blank-node objects written out in full (the generated graphs' blank nodes are trees). */
function graphKey(quads: readonly Quad[]): string[] {
  const term = (t: Term): string => (t.termType === 'BlankNode'
    ? `[${quads.filter((q) => q.subject.equals(t)).map((q) => `${q.predicate.value} ${term(q.object)}`).sort().join('; ')}]`
    : `${t.termType}:${t.value}${t.termType === 'Literal' ? `@${t.language}^^${t.datatype.value}` : ''}`);
  return quads.filter((q) => q.subject.termType === 'NamedNode').map((q) => `${q.subject.value} ${q.predicate.value} ${term(q.object)}`).sort();
}

describe('committed artefacts', async () => {
  const artefacts = await committedArtefacts(pharmald);

  it('are the shapes, the ontology and the JSON Schema', () => {
    expect(artefacts.map((a) => a.path).sort()).toEqual(['ontology/pharmald.ttl', 'schema/pharmald-data.schema.json', 'shapes/pharmald.shacl.ttl']);
  });

  it.each(artefacts.map((a) => [a.path, a] as const))('%s is up to date (else: npm run generate)', (file, artefact) => {
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(artefact.content);
  });

  it.each([['shapes/pharmald.shacl.ttl', shapesQuads], ['ontology/pharmald.ttl', ontologyQuads]] as const)('%s reads back as the generated graph', (file, generate) => {
    const parsed = new Parser({ format: 'text/turtle' }).parse(artefacts.find((a) => a.path === file)!.content);
    const generated = generate(pharmald);
    expect(parsed).toHaveLength(generated.length);
    expect(graphKey(parsed)).toEqual(graphKey(generated));
  });

  it('say in a header comment that they are generated, and how (JSON has no comments)', () => {
    for (const artefact of artefacts.filter((a) => !a.path.endsWith('.json'))) expect(artefact.content.slice(0, 400), artefact.path).toMatch(/npm run generate/);
  });
});

describe('a field added to a copy of the description', () => {
  const withRoute = withMechanismField({ kind: 'text', cardinality: 'optional', property: 'route', doc: 'The route of administration the claim is about' });

  it('gets a property shape on mechanisms: sh:path pld:route, sh:name "route", at most one English text', () => {
    const shapes = shapesQuads(withRoute);
    const routeShapes = objects(shapes, `${SHAPES}MechanismShape`, `${SH}property`).filter((s) => objects(shapes, s, `${SH}path`).some((p) => p.value === `${PLD}route`));
    expect(routeShapes).toHaveLength(1);
    const shape = routeShapes[0]!;
    expect(objects(shapes, shape, `${SH}name`).map((t) => t.value)).toEqual(['route']);
    expect(objects(shapes, shape, `${SH}datatype`).map((t) => t.value)).toEqual([`${RDF}langString`]);
    expect(objects(shapes, shape, `${SH}maxCount`).map((t) => t.value)).toEqual(['1']);
    expect(objects(shapes, shape, `${SH}minCount`)).toEqual([]);
    expect(objects(shapes, shape, `${SH}message`).map((t) => t.value)).toEqual([expect.stringMatching(/^A mechanism has at most one route, a text/)]);
    expect(shapesQuads(pharmald).some((q) => q.object.value === `${PLD}route`)).toBe(false);
  });

  it('gets an ontology property pld:route with domain pld:Mechanism', () => {
    const ontology = ontologyQuads(withRoute);
    const route = `${PLD}route`;
    expect(objects(ontology, route, `${RDF}type`).map((t) => t.value)).toEqual([`${OWL}DatatypeProperty`]);
    expect(objects(ontology, route, `${RDFS}domain`).map((t) => t.value)).toEqual([`${PLD}Mechanism`]);
    expect(objects(ontology, route, `${RDFS}range`).map((t) => t.value)).toEqual([`${RDF}langString`]);
    expect(objects(ontology, route, `${RDFS}label`).map((t) => t.value)).toEqual(['route']);
    expect(objects(ontologyQuads(pharmald), route, `${RDF}type`)).toEqual([]);
  });

  it('gets a JSON-LD context entry route, an English text', () => {
    expect(jsonLdContext(withRoute)['@context']['route']).toEqual({ '@id': `${PLD}route`, '@language': 'en' });
    expect(jsonLdContext(pharmald)['@context']['route']).toBeUndefined();
  });
});
