// Issue #11's "done when": adding an optional field to mechanisms is ONE declaration in a copy of the model
// description plus its data, and every artefact follows: YAML (zod), RDF, SHACL, ontology, JSON-LD context,
// JSON Schema, reporting at file:line:col, and the diff. Likewise a vocabulary term is one entry.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../src/build.js';
import { DataError } from '../src/errors.js';
import { jsonLdContext } from '../src/generate/context.js';
import { fieldsOfPredicate } from '../src/generate/fields.js';
import { dataFileJsonSchema } from '../src/generate/jsonSchema.js';
import { ontologyQuads } from '../src/generate/ontology.js';
import { modelToQuads } from '../src/generate/quads.js';
import { shapesQuads } from '../src/generate/shapes.js';
import type { Field, ModelDescription } from '../src/model/description.js';
import { loadModel } from '../src/model/load.js';
import { pharmald } from '../src/model/pharmald.js';
import { diffDatasets } from '../src/release/diff.js';
import { resultsToDiagnostics } from '../src/validate/report.js';
import { validate } from '../src/validate/validate.js';
import { copyOfData } from './helpers.js';
import { withMechanismField } from './support/description.js';

const PLD = 'https://w3id.org/pharmald/vocab#';
const SH = 'http://www.w3.org/ns/shacl#';
const mechanismIri = 'https://w3id.org/pharmald/id/mechanism/ketamine-nmda-receptor-block';
const { namedNode, literal, quad } = DataFactory;

/** The one declaration: an optional field `route` on mechanisms. */
const route: Field = {
  kind: 'string', cardinality: 'optional', property: 'route', values: ['intravenous', 'intramuscular', 'intranasal', 'oral'],
  doc: 'The route of administration the claim was observed with',
};
const withRoute = withMechanismField(route);

/** A copy of the bundled data whose NMDA-block mechanism says `route: VALUE` (the field's data). */
function dataWithRoute(value: string): { dir: string; file: string; line: number } {
  const dir = copyOfData();
  const file = path.join(dir, 'ketamine.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === 'id: ketamine-nmda-receptor-block');
  const directness = lines.findIndex((l, i) => i > at && l.trim().startsWith('directness:'));
  lines.splice(directness + 1, 0, `    route: ${value}`);
  writeFileSync(file, lines.join('\n'));
  return { dir, file, line: directness + 2 };
}

const objects = (quads: readonly { subject: { value: string }; predicate: { value: string }; object: { value: string } }[], s: string, p: string) =>
  quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);

describe('adding an optional mechanism field is one declaration', () => {
  it('YAML: the copy reads the field; pharmald\'s own model refuses it as unknown', async () => {
    const { dir, line } = dataWithRoute('intravenous');
    const loaded = await loadModel(dir, withRoute);
    const mechanism = loaded.model.mechanisms.find((m) => m.id === 'ketamine-nmda-receptor-block') as Record<string, unknown>;
    expect(mechanism.route).toBe('intravenous');
    const refused = await loadModel(dir, pharmald).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(DataError);
    expect((refused as DataError).message).toMatch(new RegExp(`ketamine\\.yaml:${line}:\\d+: error: .*route`));
  });

  it('YAML: a value outside the field\'s list is refused at its line, naming the field', async () => {
    const { dir, line } = dataWithRoute('by-mouth');
    const error = await loadModel(dir, withRoute).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(new RegExp(`ketamine\\.yaml:${line}:\\d+: error: mechanism "ketamine-nmda-receptor-block" field route`));
  });

  it('RDF: the build maps it to pld:route, and validates with the generated shapes', async () => {
    const { dir } = dataWithRoute('intravenous');
    const compiled = await compileDataset({ dataDir: dir, description: withRoute });
    expect(objects(compiled.quads, mechanismIri, `${PLD}route`)).toEqual(['intravenous']);
    // The ontology in the dataset declares it too.
    expect(objects(compiled.quads, `${PLD}route`, 'http://www.w3.org/2000/01/rdf-schema#domain')).toEqual([`${PLD}Mechanism`]);
  });

  it('SHACL: a property shape for pld:route, named by its YAML field, with its values', () => {
    const shapes = shapesQuads(withRoute);
    const shape = shapes.find((q) => q.predicate.value === `${SH}path` && q.object.value === `${PLD}route`)?.subject;
    expect(shape).toBeDefined();
    const of = (p: string) => shapes.filter((q) => q.subject.equals(shape!) && q.predicate.value === `${SH}${p}`).map((q) => q.object.value);
    expect(of('name')).toEqual(['route']);
    expect(of('maxCount')).toEqual(['1']);
    expect(of('in')).toHaveLength(1);
    expect(shapesQuads(pharmald).some((q) => q.object.value === `${PLD}route`)).toBe(false);
  });

  it('reporting: a SHACL result on pld:route points at the route line of the YAML', async () => {
    const { dir, file, line } = dataWithRoute('intravenous');
    const loaded = await loadModel(dir, withRoute);
    const mapped = modelToQuads(withRoute, loaded);
    const second = quad(namedNode(mechanismIri), namedNode(`${PLD}route`), literal('oral'));
    const report = await validate([...mapped.quads, ...ontologyQuads(withRoute), second], shapesQuads(withRoute));
    const diagnostics = resultsToDiagnostics(report.results, mapped.origins, loaded.sources, fieldsOfPredicate(withRoute));
    const onRoute = diagnostics.filter((d) => d.severity === 'violation' && d.position?.file.endsWith('ketamine.yaml') && d.position.line === line);
    expect(onRoute).toHaveLength(1);
    expect(path.basename(file)).toBe('ketamine.yaml');
    expect(fieldsOfPredicate(withRoute)[`${PLD}route`]).toEqual(['route']);
  });

  it('ontology: pld:route is a datatype property of mechanisms with the field\'s doc', () => {
    const quads = ontologyQuads(withRoute);
    expect(objects(quads, `${PLD}route`, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toContain('http://www.w3.org/2002/07/owl#DatatypeProperty');
    expect(objects(quads, `${PLD}route`, 'http://www.w3.org/2000/01/rdf-schema#range')).toEqual(['http://www.w3.org/2001/XMLSchema#string']);
    expect(objects(quads, `${PLD}route`, 'http://www.w3.org/2000/01/rdf-schema#comment')).toEqual([route.doc]);
  });

  it('JSON-LD context and JSON Schema name the field', () => {
    expect(jsonLdContext(withRoute)['@context'].route).toEqual({ '@id': `${PLD}route` });
    expect(jsonLdContext(pharmald)['@context'].route).toBeUndefined();
    const schema = JSON.stringify(dataFileJsonSchema(withRoute));
    expect(schema).toContain('"route":{');
    expect(schema).toContain('"enum":["intravenous","intramuscular","intranasal","oral"]');
    expect(JSON.stringify(dataFileJsonSchema(pharmald))).not.toContain('"route"');
  });

  it('diff: changing the route of a mechanism is one field change named route', async () => {
    const before = await compileDataset({ dataDir: dataWithRoute('intravenous').dir, description: withRoute });
    const after = await compileDataset({ dataDir: dataWithRoute('intranasal').dir, description: withRoute });
    const diff = diffDatasets(before.quads, after.quads, withRoute);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.iri).toBe(mechanismIri);
    expect(diff.changed[0]!.changes).toEqual([{ field: 'route', removed: ['intravenous'], added: ['intranasal'] }]);
  });
});

describe('adding a vocabulary term is one entry', () => {
  const strength = pharmald.vocabularies.strength;
  const withVeryWeak: ModelDescription = {
    ...pharmald,
    vocabularies: {
      ...pharmald.vocabularies,
      strength: { ...strength, terms: [...strength.terms, { code: 'very-weak', name: 'VeryWeak', label: 'very weak', definition: 'an action seen only far above clinical concentrations' }] },
    },
  };

  it('the YAML accepts the code, the RDF names its IRI, the shapes allow it, the ontology and context declare it', async () => {
    const dir = copyOfData();
    const file = path.join(dir, 'ketamine.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('strength: strong', 'strength: very-weak'));
    await expect(loadModel(dir, pharmald)).rejects.toThrow(/very-weak/);
    const compiled = await compileDataset({ dataDir: dir, description: withVeryWeak });
    expect(objects(compiled.quads, mechanismIri, `${PLD}strength`)).toEqual([`${PLD}VeryWeak`]);
    expect(objects(compiled.quads, `${PLD}VeryWeak`, 'http://www.w3.org/2004/02/skos/core#notation')).toEqual(['very-weak']);
    expect(jsonLdContext(withVeryWeak)['@context'].VeryWeak).toBe(`${PLD}VeryWeak`);
    expect(shapesQuads(withVeryWeak).some((q) => q.object.value === `${PLD}VeryWeak`)).toBe(true);
  });
});
