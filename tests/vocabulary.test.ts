// The vocabulary tables of src/vocab.ts, the ontology, the SHACL shapes and the JSON Schema stay in step.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFileJsonSchema } from '../src/generate/jsonSchema.js';
import { pharmald } from '../src/model/pharmald.js';
import { ontologyFile, shapesFile } from '../src/paths.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { cls, pld, prop, rdf, rdfs, vocabularies } from '../src/vocab.js';
import { root } from './helpers.js';

const OWL = 'http://www.w3.org/2002/07/owl#';
const SH = 'http://www.w3.org/ns/shacl#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
let ontology: Quad[];
let shapes: Quad[];

const objects = (quads: Quad[], s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

beforeAll(async () => {
  [ontology, shapes] = await Promise.all([parseTurtleFile(ontologyFile), parseTurtleFile(shapesFile)]);
});

describe('ontology/', () => {
  it('declares every class with a label and a comment', () => {
    for (const iri of Object.values(cls)) {
      expect(objects(ontology, iri, rdf.type).map((t) => t.value), iri).toContain(`${OWL}Class`);
      expect(objects(ontology, iri, rdfs.label), iri).toHaveLength(1);
      expect(objects(ontology, iri, rdfs.comment), iri).toHaveLength(1);
    }
  });
  it('declares every property with label, comment, domain and range', () => {
    for (const iri of Object.values(prop)) {
      for (const p of [rdfs.label, rdfs.comment, `${prefixRdfs}domain`, `${prefixRdfs}range`]) {
        expect(objects(ontology, iri, p).length, `${iri} ${p}`).toBeGreaterThan(0);
      }
    }
  });
  it('declares every controlled term with its code as skos:notation and a label', () => {
    for (const [name, vocabulary] of Object.entries(vocabularies)) {
      for (const [code, local] of Object.entries(vocabulary.terms)) {
        const iri = pld(local);
        expect(objects(ontology, iri, `${SKOS}notation`).map((t) => t.value), `${name} ${code}`).toEqual([code]);
        expect(objects(ontology, iri, rdfs.label), iri).toHaveLength(1);
      }
    }
  });
});

describe('shapes/', () => {
  it('lists every term of each enumeration in sh:in, and nothing else', () => {
    const lists = shInLists(shapes).map((list) => [...list].sort());
    for (const [name, vocabulary] of Object.entries(vocabularies)) {
      if (name === 'targetType') continue; // target types are classes, checked by sh:class
      const iris = Object.values(vocabulary.terms).map(pld).sort();
      expect(lists, name).toContainEqual(iris);
    }
  });
});

describe('schema/pharmald-data.schema.json', () => {
  it('is the JSON Schema generated from the model description (regenerate: npm run generate)', () => {
    const committed = JSON.parse(readFileSync(path.join(root, 'schema', 'pharmald-data.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(dataFileJsonSchema(pharmald));
  });
  it('offers the controlled codes for completion', () => {
    const text = JSON.stringify(dataFileJsonSchema(pharmald));
    for (const code of Object.keys(vocabularies.actionType.terms)) expect(text).toContain(`"${code}"`);
  });
});

const prefixRdfs = 'http://www.w3.org/2000/01/rdf-schema#';

/** The members of every sh:in list in the shapes graph. */
function shInLists(quads: Quad[]): string[][] {
  const first = `${prefixRdf}first`;
  const rest = `${prefixRdf}rest`;
  return quads.filter((q) => q.predicate.value === `${SH}in`).map((q) => {
    const members: string[] = [];
    let node = q.object;
    while (node.value !== `${prefixRdf}nil`) {
      members.push(objects(quads, node.value, first)[0]!.value);
      node = objects(quads, node.value, rest)[0]!;
    }
    return members;
  });
}
const prefixRdf = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
