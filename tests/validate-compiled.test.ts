// The compiled SHACL validator (src/validate/) against rdf-validate-shacl, the engine it replaces:
//   - the shapes graph of pharmald (shapes/pharmald.shacl.ttl) takes the compiled path, and what sends a shapes
//     graph (or data) to the rdf-validate-shacl fallback is decided as documented;
//   (a) the bundled dataset (data + ontology, as compileDataset validates it): the same warning (one claim backed
//       by the source text alone);
//   (c) hand-made fixtures for every constraint component pharmald's shapes use, without and with violations:
//       tests/fixtures/shacl-injected/ (ontology + _context.ttl + one fixture) and the cases below.
// "The same" is the multiset of results compared on every field validate() returns (focus node, path, value,
// severity, component, source shape, message): src/validate/compare.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../src/model/load.js';
import { pharmald } from '../src/model/pharmald.js';
import { ontologyFile, shapesFile } from '../src/paths.js';
import { modelToQuads } from '../src/generate/quads.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { canonicalQuads } from '../src/serialize/canonical.js';
import { diffResults } from '../src/validate/compare.js';
import { planValidation, validate, type ValidationReport } from '../src/validate/validate.js';
import { dataDir, root } from './helpers.js';

const SH = 'http://www.w3.org/ns/shacl#';
const FIXTURES = path.join(root, 'tests', 'fixtures', 'shacl-injected');
const PREFIXES = `
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix obo: <http://purl.obolibrary.org/obo/> .
@prefix pld: <https://w3id.org/pharmald/vocab#> . @prefix drug: <https://w3id.org/pharmald/id/drug/> .
@prefix target: <https://w3id.org/pharmald/id/target/> . @prefix system: <https://w3id.org/pharmald/id/system/> .
@prefix reference: <https://w3id.org/pharmald/id/reference/> . @prefix mechanism: <https://w3id.org/pharmald/id/mechanism/> .
@prefix ex: <http://example.org/> .
`;

let shapes: Quad[];
let ontology: Quad[];
let context: Quad[];
beforeAll(async () => {
  [shapes, ontology] = await Promise.all([parseTurtleFile(shapesFile), parseTurtleFile(ontologyFile)]);
  context = turtle(readFileSync(path.join(FIXTURES, '_context.ttl'), 'utf8'), 'ctx_');
});

function turtle(text: string, blankPrefix = 'x_'): Quad[] {
  return new Parser({ format: 'text/turtle', blankNodePrefix: blankPrefix }).parse(text);
}

/** Runs both engines; fails on any difference; returns the compiled report. */
/**
 * Validates with both engines and expects the same results, but for `onlyOurs`: results that only the compiled
 * validator gives, where the SHACL spec backs it (each named with its reason where it is used).
 */
async function bothEngines(data: readonly Quad[], shapeQuads: readonly Quad[] = shapes, onlyOurs: readonly RegExp[] = []): Promise<ValidationReport> {
  const ours = await validate(data, shapeQuads);
  const reference = await validate(data, shapeQuads, { engine: 'rdf-validate-shacl' });
  const { onlyA, onlyB } = diffResults(ours.results, reference.results);
  expect({ onlyA: onlyA.filter((r) => !onlyOurs.some((known) => known.test(r))), onlyB }).toEqual({ onlyA: [], onlyB: [] });
  expect(onlyA).toHaveLength(onlyOurs.length);
  if (onlyOurs.length === 0) expect(ours.conforms).toBe(reference.conforms);
  return ours;
}

/**
 * Where rdf-validate-shacl is wrong: it orders an ill-typed literal ("6,18"^^xsd:decimal) by its lexical form, so
 * its value passes sh:minInclusive / sh:maxInclusive; SPARQL has no order for it, so the comparison is not true and
 * the value fails (SHACL 1.0 §4.4; Jena agrees, tests/cross/shacl-jena.test.ts).
 */
const referenceEngineWrong: Record<string, readonly RegExp[]> = {
  'affinity-value-ill-typed.ttl': [/^<[^>]*affinity\/value-ill-typed> .* <http:\/\/www\.w3\.org\/ns\/shacl#OrConstraintComponent> <[^>]*LogMeasureInRangeShape>/],
};

const components = (report: ValidationReport) => report.results.map((r) => `${r.constraintComponent?.value.replace(SH, '').replace('ConstraintComponent', '')}${r.severity === 'warning' ? ' (warning)' : ''}`).sort();

describe('which validator runs', () => {
  it('pharmald\'s shapes compile: the compiled validator is the one validate() uses for them', async () => {
    const plan = planValidation(shapes);
    expect(plan.engine).toBe('compiled');
    const report = await validate([...ontology, ...context], shapes);
    expect(report.engine).toBe('compiled');
    expect(report.fallbackReason).toBeUndefined();
    expect(report.results).toEqual([]);
  });

  const shapesWith = (body: string) => turtle(`${PREFIXES}\n${body}`, 's_');
  const fallbacks: [string, string, string][] = [
    ['a SPARQL constraint', 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select "SELECT $this WHERE { }" ] .', 'sh:sparql'],
    ['a SPARQL-based target', 'ex:S a sh:NodeShape ; sh:target [ a ex:T ] ; sh:nodeKind sh:IRI .', 'sh:target'],
    ['sh:and in a property shape', 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:and ( [ sh:minCount 1 ] ) ] .', 'sh:and in a property shape'],
    ['recursive shapes', 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:S ] .', 'recursive shapes'],
    ['a count constraint in a node shape', 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:minCount 1 .', 'sh:minCount in a node shape'],
    ['an inverse of a complex path', 'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ( ex:p ex:q ) ] ; sh:minCount 1 ] .', 'inverse of a complex path'],
    ['owl:imports', '<http://example.org/shapes> <http://www.w3.org/2002/07/owl#imports> <http://example.org/other> . ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:nodeKind sh:IRI .', 'owl:imports in the shapes graph'],
  ];
  it.each(fallbacks)('%s goes to rdf-validate-shacl', (_, body, reason) => {
    const plan = planValidation(shapesWith(body));
    expect(plan.engine).toBe('rdf-validate-shacl');
    if (plan.engine === 'rdf-validate-shacl') expect(plan.reason).toBe(reason);
  });

  it('forcing the compiled validator where it does not apply throws', async () => {
    await expect(validate([], shapesWith(fallbacks[0]![1]), { engine: 'compiled' })).rejects.toThrow(/does not apply: sh:sparql/);
  });

  it('data in a named graph goes to rdf-validate-shacl, with the same results', async () => {
    const data = turtle(`${PREFIXES} ex:a a ex:C .`).map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode('http://example.org/g')));
    const shapeQuads = shapesWith('ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .');
    const report = await bothEngines(data, shapeQuads);
    expect(report.engine).toBe('rdf-validate-shacl');
    expect(report.fallbackReason).toBe('data in a named graph');
    expect(report.results).toHaveLength(1);
  });

  it('a node checked more than 51 times against one shape (rdf-validate-shacl\'s check limit) goes to rdf-validate-shacl', async () => {
    // 60 focus nodes share one value that fails sh:node: rdf-validate-shacl stops checking the pair after 51
    // checks and reports fewer results than SHACL calls for; the compiled validator counts, and hands over.
    const shapeQuads = shapesWith('ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:T ] . ex:T a sh:NodeShape ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .');
    const many = (n: number) => turtle(`${PREFIXES}\n${Array.from({ length: n }, (_, i) => `ex:f${i} a ex:C ; ex:p ex:shared .`).join('\n')}`);
    const few = await bothEngines(many(40), shapeQuads);
    expect(few.engine).toBe('compiled');
    expect(few.results).toHaveLength(40);
    const lots = await bothEngines(many(60), shapeQuads);
    expect(lots.engine).toBe('rdf-validate-shacl');
    expect(lots.fallbackReason).toMatch(/check limit/);
    expect(lots.results).toHaveLength(51); // what rdf-validate-shacl reports (SHACL calls for 60)
  });
});

describe('(a) the bundled dataset', () => {
  it('gives the same warning with both engines (the one claim backed by the source text alone)', async () => {
    const mapped = modelToQuads(pharmald, await loadModel(dataDir));
    const quads = canonicalQuads([...mapped.quads, ...ontology]);
    const report = await bothEngines(quads);
    expect(report.engine).toBe('compiled');
    expect(report.results.map((r) => [r.severity, r.focusNode.value])).toEqual([['warning', 'https://w3id.org/pharmald/id/mechanism/ketamine-gabaergic-effects']]);
  });
});

describe('(c) fixtures for every constraint component of pharmald\'s shapes', () => {
  const seen = new Set<string>();

  it('the valid context gives no result', async () => {
    expect((await bothEngines([...ontology, ...context])).results).toEqual([]);
  });

  const injected = readdirSync(FIXTURES).filter((f) => f.endsWith('.ttl') && !f.startsWith('_'));
  it.each(injected)('tests/fixtures/shacl-injected/%s', async (file) => {
    const report = await bothEngines([...ontology, ...context, ...turtle(readFileSync(path.join(FIXTURES, file), 'utf8'), 'fx_')], shapes, referenceEngineWrong[file]);
    expect(report.engine).toBe('compiled');
    // (reference-doi-nbsp.ttl gives no result with either engine: see tests/cross/shacl-jena.test.ts.)
    for (const c of components(report)) seen.add(c);
  });

  // [name, Turtle added to the valid context, the components (and severities) it must give]
  const cases: [string, string, string[]][] = [
    ['sh:class: a drug role that is not a pld:Role', 'drug:testdrug obo:RO_0000087 obo:CHEBI_35480 .', ['Class']],
    ['sh:class through rdfs:subClassOf in the data: no result', 'ex:SpecialRole rdfs:subClassOf pld:Role . obo:CHEBI_35480 a ex:SpecialRole ; rdfs:label "analgesic"@en . drug:testdrug obo:RO_0000087 obo:CHEBI_35480 .', []],
    ['sh:minCount: a drug without a label', 'drug:nolabel a pld:Drug .', ['MinCount']],
    ['sh:maxCount: a drug with two labels', 'drug:testdrug rdfs:label "second"@en .', ['MaxCount']],
    ['sh:datatype: a plain-string label', 'drug:plain a pld:Drug ; rdfs:label "plain" .', ['Datatype']],
    ['sh:in: an unknown reference type', 'reference:review-2020 pld:referenceType pld:Blog .', ['In', 'MaxCount']],
    ['sh:nodeKind and sh:pattern: a literal identifier', 'drug:testdrug skos:exactMatch "CHEBI:6121" .', ['NodeKind', 'Pattern']],
    ['sh:pattern: a foreign identifier IRI', 'drug:testdrug skos:exactMatch <http://example.org/drug/1> .', ['Pattern']],
    ['sh:minExclusive: a zero uncertainty', '<https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/affinity/ki> pld:affinityUncertainty 0.0 .', ['MaxCount', 'MinExclusive']],
    ['sh:or / sh:minInclusive / sh:maxInclusive: a pKi of 120', '<https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/affinity/pki-120> a pld:Affinity ; rdfs:label "pKi 120"@en ; pld:target target:mu-opioid-receptor ; pld:citation reference:review-2020 ; pld:affinityMeasure pld:pKi ; pld:affinityValue 120.0 .', ['Or']],
    ['sh:or / sh:minInclusive / sh:maxInclusive: a pKi of 7.2 and a Ki of 120 nM: no result', '<https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/affinity/pki-7> a pld:Affinity ; rdfs:label "pKi 7.2"@en ; pld:target target:mu-opioid-receptor ; pld:citation reference:review-2020 ; pld:affinityMeasure pld:pKi ; pld:affinityValue 7.2 . <https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/affinity/ki-120> a pld:Affinity ; rdfs:label "Ki 120 nM"@en ; pld:target target:mu-opioid-receptor ; pld:citation reference:review-2020 ; pld:affinityMeasure pld:Ki ; pld:affinityValue 120.0 ; pld:affinityUnit "nM" .', []],
    ['sh:or / sh:not / sh:hasValue: a direct mechanism without target', 'mechanism:m2 a pld:Mechanism ; rdfs:label "m2"@en ; pld:drug drug:testdrug ; pld:directness pld:Direct ; pld:certainty pld:Probable ; pld:system system:brain ; pld:hasEffect <https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/effect/pain> ; pld:supportedBy reference:review-2020 .', ['Or']],
    ['sh:or / sh:not / sh:hasValue: an indirect mechanism without target: no result', 'mechanism:m3 a pld:Mechanism ; rdfs:label "m3"@en ; pld:drug drug:testdrug ; pld:directness pld:Indirect ; pld:certainty pld:Probable ; pld:system system:brain ; pld:hasEffect <https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/effect/pain> ; pld:supportedBy reference:review-2020 .', []],
    ['sh:qualifiedMinCount: a target with no target type', 'target:untyped a pld:Target ; rdfs:label "untyped"@en ; skos:exactMatch <http://purl.uniprot.org/uniprot/P35372> .', ['QualifiedMinCount']],
    ['sh:qualifiedMaxCount: a target with two target types', 'target:mu-opioid-receptor a pld:Enzyme .', ['QualifiedMaxCount']],
    ['sh:or: proteins without a grouping', 'target:mu-opioid-receptor pld:hasProtein <http://purl.uniprot.org/uniprot/P41145> .', ['Or']],
    ['sh:severity sh:Warning: a mechanism without supporting reference', 'mechanism:m4 a pld:Mechanism ; rdfs:label "m4"@en ; pld:drug drug:testdrug ; pld:directness pld:Indirect ; pld:certainty pld:Probable ; pld:system system:brain ; pld:hasEffect <https://w3id.org/pharmald/id/mechanism/testdrug-analgesia/effect/pain> .', ['MinCount (warning)']],
    ['sh:severity sh:Warning on a node shape: a target without UniProt', 'target:no-uniprot a pld:Receptor, pld:Target ; rdfs:label "no uniprot"@en ; obo:RO_0002204 <https://identifiers.org/hgnc:8156> .', ['Or (warning)']],
    ['everything wrong at once', 'drug:testdrug rdfs:label "x" ; skos:exactMatch "y" ; obo:RO_0000087 ex:notARole . target:mu-opioid-receptor a pld:Enzyme ; pld:hasProtein <http://purl.uniprot.org/uniprot/P41145> .', ['Class', 'Datatype', 'MaxCount', 'NodeKind', 'Or', 'Pattern', 'QualifiedMaxCount']],
  ];
  it.each(cases)('%s', async (_, body, expected) => {
    const report = await bothEngines([...ontology, ...context, ...turtle(`${PREFIXES}\n${body}`)]);
    expect(report.engine).toBe('compiled');
    expect(components(report)).toEqual(expected);
    for (const c of components(report)) seen.add(c);
  });

  it('together they give a result of every component pharmald\'s shapes use', () => {
    for (const c of ['Class', 'Datatype', 'In', 'MinCount', 'MaxCount', 'NodeKind', 'Or', 'Pattern', 'MinExclusive', 'QualifiedMinCount', 'QualifiedMaxCount', 'MinCount (warning)', 'Or (warning)']) {
      expect(seen, c).toContain(c);
    }
  });
});
