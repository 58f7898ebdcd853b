// Literals survive every format byte for byte. A copy of the bundled data gets labels, descriptions, drug classes, a
// source section, a species, a DOI and affinity values holding the characters that break naive writers: `"`, `\`,
// line ends (YAML block scalars and escapes), tabs, CR, non-BMP characters (😀, 𝔸), RTL marks (U+200F), line and
// paragraph separators (U+2028, U+2029), NEL (U+0085), no-break spaces (U+00A0) and combining accents. After a build,
// each of dataset.ttl, dataset.nt and dataset.jsonld is parsed back (n3; jsonld.toRDF) and every literal must have
// exactly the value (UTF-16 code unit for code unit), datatype and language tag that the YAML gave: `en` for texts,
// xsd:string for codes (DOI, source section), xsd:decimal in our canonical lexical form for affinity values
// (src/rdf/literal.ts decimal(): shortest round-trip digits, always with a fraction, never an exponent).
// Built with site: false: the web pages are not under test here.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { rdfFormats } from '../src/serialize/formats.js';
import { prop, rdfs, skos, xsd } from '../src/vocab.js';
import { copyOfData, edit, scratchDir } from './helpers.js';

const ID = 'https://w3id.org/pharmald/id/';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

type Kind = 'text' | 'plain' | 'decimal' | 'gYear';

interface ExpectedLiteral {
  readonly what: string;
  readonly subject: string;
  readonly predicate: string;
  /** The value the YAML gave (for decimals: the number). */
  readonly value: string | number;
  readonly kind: Kind;
  /** For decimals: the canonical lexical form written. */
  readonly lexical?: string;
}

// --- The values, and how they are written in the YAML ------------------------------------------------------------

/** A double-quoted scalar with escapes: \" \\ \t \r \n \u200F \u2028 \N (NEL) \P (U+2029) \_ (NBSP), raw non-BMP. */
const labelYaml = String.raw`"Glu\"N1\\x	tab\t😀\u200F|\u2028|\u00A0|e\u0301|\r\n|\N|\P|\_|𝔸 end"`;
const labelValue = 'Glu"N1\\x\ttab\t😀\u200F|\u2028|\u00A0|e\u0301|\r\n|\u0085|\u2029|\u00A0|𝔸 end';

/** A literal block scalar: newlines kept, no escapes, a tab after the indentation, raw special characters. */
const descriptionYaml = [
  '|-',
  '      Line one with "quotes" and a \\backslash\\ and \\n (not an escape).',
  '      \tTab after the indent, 😀 and an RTL mark:\u200F here.',
  '      Line three: combining e\u0301, NBSP a\u00A0b, LS x\u2028y, PS x\u2029y, 𝔸.',
].join('\n');
const descriptionValue = [
  'Line one with "quotes" and a \\backslash\\ and \\n (not an escape).',
  '\tTab after the indent, 😀 and an RTL mark:\u200F here.',
  'Line three: combining e\u0301, NBSP a\u00A0b, LS x\u2028y, PS x\u2029y, 𝔸.',
].join('\n');

/** A folded block scalar: lines joined by a space, a blank line kept as a newline. */
const foldedYaml = ['>-', '      Folded text joins', '      these lines with a space,', '', '      but keeps a "blank" line as a newline.'].join('\n');
const foldedValue = 'Folded text joins these lines with a space,\nbut keeps a "blank" line as a newline.';

/** A single-quoted scalar: '' is a quote, and a backslash is just a backslash. */
const singleQuotedYaml = String.raw`'It''s "GluN2B" \n not an escape'`;
const singleQuotedValue = 'It\'s "GluN2B" \\n not an escape';

const drugClassValues = ['general "anaesthetic"', 'tab\there \\ back', 'NMDA receptor antagonist 😀'];
const drugClassesYaml = String.raw`["general \"anaesthetic\"", "tab\there \\ back", 'NMDA receptor antagonist 😀']`;

const sectionValue = '1a "x" \\ 😀\u2028y';
const sectionYaml = String.raw`"1a \"x\" \\ 😀\u2028y"`;

const speciesValue = 'Homo sapiens "human" — 👤\u200F';
const speciesYaml = String.raw`"Homo sapiens \"human\" — 👤\u200F"`;

const doiValue = '10.1111/é😀(1);x';

const mechanism = `${ID}mechanism/ketamine-nmda-receptor-block`;
const affinity = (key: string) => `${mechanism}/affinity/${key}`;

const expected: readonly ExpectedLiteral[] = [
  { what: 'double-quoted label with escapes', subject: `${ID}target/glun1`, predicate: rdfs.label, value: labelValue, kind: 'text' },
  { what: 'literal block scalar description', subject: `${ID}target/glun1`, predicate: rdfs.comment, value: descriptionValue, kind: 'text' },
  { what: 'folded block scalar description', subject: `${ID}target/glun2a`, predicate: rdfs.comment, value: foldedValue, kind: 'text' },
  { what: 'single-quoted label', subject: `${ID}target/glun2b`, predicate: rdfs.label, value: singleQuotedValue, kind: 'text' },
  ...drugClassValues.map((value, i): ExpectedLiteral => ({ what: `drug class ${i + 1}`, subject: `${ID}drug/ketamine`, predicate: prop.drugClass, value, kind: 'text' })),
  { what: 'source section (a plain string)', subject: mechanism, predicate: prop.sourceSection, value: sectionValue, kind: 'plain' },
  { what: 'species of an affinity', subject: affinity('glun2a-ic50'), predicate: prop.species, value: speciesValue, kind: 'text' },
  { what: 'assay with brackets', subject: affinity('nmda-receptor-ki'), predicate: prop.assay, value: '[3H]MK-801 displacement at the PCP site of the NMDA receptor (PDSP)', kind: 'text' },
  { what: 'DOI with non-ASCII characters (a plain string)', subject: `${ID}reference/lodge-mercier-2015`, predicate: prop.doi, value: doiValue, kind: 'plain' },
  { what: 'year', subject: `${ID}reference/lodge-mercier-2015`, predicate: prop.year, value: '2015', kind: 'gYear' },
  { what: 'pIC50 6.18', subject: affinity('glun2c-pic50'), predicate: prop.affinityValue, value: 6.18, kind: 'decimal', lexical: '6.18' },
  { what: 'Ki 659 (an integer gets a fraction)', subject: affinity('nmda-receptor-ki'), predicate: prop.affinityValue, value: 659, kind: 'decimal', lexical: '659.0' },
  { what: 'uncertainty 98', subject: affinity('nmda-receptor-ki'), predicate: prop.affinityUncertainty, value: 98, kind: 'decimal', lexical: '98.0' },
  { what: 'IC50 0.000012 (no exponent)', subject: affinity('glun2a-ic50'), predicate: prop.affinityValue, value: 0.000012, kind: 'decimal', lexical: '0.000012' },
  { what: 'Kd 123456789.123', subject: affinity('glun2b-kd'), predicate: prop.affinityValue, value: 123456789.123, kind: 'decimal', lexical: '123456789.123' },
  { what: 'uncertainty 0.5', subject: affinity('glun2b-kd'), predicate: prop.affinityUncertainty, value: 0.5, kind: 'decimal', lexical: '0.5' },
  { what: 'affinity label built from the value', subject: affinity('glun2a-ic50'), predicate: rdfs.label, value: 'IC50 0.000012 uM', kind: 'text' },
];

/** Writes the values above into a copy of the bundled data. */
function writeLiterals(dir: string): void {
  edit(dir, 'targets.yaml', /\n {4}label: GluN1\n {4}description: .*\n/, `\n    label: ${labelYaml}\n    description: ${descriptionYaml}\n`);
  edit(dir, 'targets.yaml', /\n {4}label: GluN2A\n {4}description: .*\n/, `\n    label: GluN2A\n    description: ${foldedYaml}\n`);
  edit(dir, 'targets.yaml', '\n    label: GluN2B\n', `\n    label: ${singleQuotedYaml}\n`);
  edit(dir, 'ketamine.yaml', 'drug_classes: [general anaesthetic, NMDA receptor antagonist]', `drug_classes: ${drugClassesYaml}`);
  edit(dir, 'ketamine.yaml', 'source: { reference: seed-ketamine, section: "1a" }', `source: { reference: seed-ketamine, section: ${sectionYaml} }`);
  edit(dir, 'ketamine.yaml', '        reference: roth-2013\n    caveats:\n', [
    '        reference: roth-2013',
    '      - target: glun2a',
    '        measure: IC50',
    '        value: 0.000012',
    '        unit: uM',
    `        species: ${speciesYaml}`,
    '        reference: roth-2013',
    '      - target: glun2b',
    '        measure: Kd',
    '        value: 123456789.123',
    '        uncertainty: 0.5',
    '        unit: nM',
    '        reference: roth-2013',
    '    caveats:',
    '',
  ].join('\n'));
  edit(dir, 'references.yaml', 'doi: 10.1111/bph.13222', `doi: "${doiValue}"`);
}

/** The canonical N-Triples string form (RDF 1.1: only " \ LF CR escaped), the bytes dataset.nt must hold. */
const ntString = (value: string) => `"${value.replace(/["\\\n\r]/g, (c) => ({ '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r' })[c]!)}"`;

async function parseAll(out: string): Promise<Record<string, Quad[]>> {
  const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
  const nquads = (await jsonld.toRDF(JSON.parse(read(rdfFormats.jsonld.file)) as object, { format: 'application/n-quads' })) as unknown as string;
  return {
    [rdfFormats.turtle.file]: new Parser({ format: 'text/turtle' }).parse(read(rdfFormats.turtle.file)),
    [rdfFormats.ntriples.file]: new Parser({ format: 'application/n-triples' }).parse(read(rdfFormats.ntriples.file)),
    [rdfFormats.jsonld.file]: new Parser({ format: 'application/n-quads' }).parse(nquads),
  };
}

function expectLiteral(quads: readonly Quad[], want: ExpectedLiteral, format: string): void {
  const objects = quads.filter((q) => q.subject.value === want.subject && q.predicate.value === want.predicate).map((q) => q.object);
  const label = `${format}: ${want.what}`;
  expect(objects.length, label).toBeGreaterThan(0);
  expect(objects.every((o) => o.termType === 'Literal'), label).toBe(true);
  const lexical = want.kind === 'decimal' ? want.lexical! : String(want.value);
  const match = objects.find((o) => o.value === lexical);
  // On a mismatch, show the code points, which is what matters here.
  const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16)).join(' ');
  expect(match, `${label}: got ${objects.map((o) => codePoints(o.value)).join(' / ')}; want ${codePoints(lexical)}`).toBeDefined();
  const literal = match as Extract<Quad['object'], { termType: 'Literal' }>;
  switch (want.kind) {
    case 'text':
      expect(literal.language, label).toBe('en');
      expect(literal.datatype.value, label).toBe(RDF_LANG_STRING);
      break;
    case 'plain':
      expect(literal.language, label).toBe('');
      expect(literal.datatype.value, label).toBe(XSD_STRING);
      break;
    case 'gYear':
      expect(literal.language, label).toBe('');
      expect(literal.datatype.value, label).toBe(xsd.gYear);
      break;
    case 'decimal':
      expect(literal.language, label).toBe('');
      expect(literal.datatype.value, label).toBe(xsd.decimal);
      expect(Number(literal.value), label).toBe(want.value);
      expect(literal.value, `${label}: an xsd:decimal lexical form`).toMatch(/^-?\d+\.\d+$/);
      break;
  }
}

let out: string;
let data: string;
let parsed: Record<string, Quad[]>;

beforeAll(async () => {
  data = copyOfData();
  writeLiterals(data);
  out = scratchDir('pharmald-literals-');
  await build({ dataDir: data, outDir: out, site: false });
  parsed = await parseAll(out);
});

afterAll(() => {
  rmSync(data, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('literals survive every format', () => {
  it('the data copy holds the characters under test (the YAML parser gave what the test expects)', async () => {
    const { loadModel } = await import('../src/model/load.js');
    const { model } = await loadModel(data);
    const glun1 = model.targets.find((t) => t.id === 'glun1')!;
    expect(glun1.label).toBe(labelValue);
    expect(glun1.description).toBe(descriptionValue);
    expect(model.targets.find((t) => t.id === 'glun2a')!.description).toBe(foldedValue);
    expect(model.targets.find((t) => t.id === 'glun2b')!.label).toBe(singleQuotedValue);
    expect(model.drugs.find((d) => d.id === 'ketamine')!.drug_classes).toEqual(drugClassValues);
  });

  for (const format of [rdfFormats.turtle.file, rdfFormats.ntriples.file, rdfFormats.jsonld.file]) {
    it(`${format}: every literal has the YAML's exact value, datatype and language tag`, () => {
      const quads = parsed[format]!;
      for (const want of expected) expectLiteral(quads, want, format);
    });
  }

  it('dataset.nt holds each string literal in canonical N-Triples bytes (raw UTF-8, only " \\ LF CR escaped)', () => {
    const nt = readFileSync(path.join(out, rdfFormats.ntriples.file), 'utf8');
    for (const want of expected) {
      const object = want.kind === 'text'
        ? `${ntString(want.value as string)}@en`
        : want.kind === 'plain'
          ? ntString(want.value as string)
          : `"${want.kind === 'decimal' ? want.lexical! : String(want.value)}"^^<${want.kind === 'decimal' ? xsd.decimal : xsd.gYear}>`;
      expect(nt, want.what).toContain(`<${want.subject}> <${want.predicate}> ${object} .\n`);
    }
  });

  it('the DOI with non-ASCII characters is the same IRI in every format', () => {
    const iri = `https://doi.org/${doiValue}`;
    for (const [format, quads] of Object.entries(parsed)) {
      const matches = quads.filter((q) => q.subject.value === `${ID}reference/lodge-mercier-2015` && q.predicate.value === skos.exactMatch).map((q) => q.object.value);
      expect(matches, format).toContain(iri);
    }
  });

  it('every text literal of the dataset is tagged en, in every format', () => {
    for (const [format, quads] of Object.entries(parsed)) {
      const labels = quads.filter((q) => q.predicate.value === rdfs.label && q.object.termType === 'Literal' && q.subject.value.startsWith(ID));
      expect(labels.length, format).toBeGreaterThan(50);
      for (const q of labels) expect((q.object as { language: string }).language, `${format} ${q.subject.value}`).toBe('en');
    }
  });

  it('the three formats hold the same literals (as N-Triples terms)', () => {
    const literals = (quads: readonly Quad[]) =>
      new Set(quads.filter((q) => q.object.termType === 'Literal').map((q) => `${q.subject.value} ${q.predicate.value} ${JSON.stringify([q.object.value, (q.object as { language: string }).language, (q.object as { datatype: { value: string } }).datatype.value])}`));
    const [turtle, ntriples, json] = Object.values(parsed).map(literals);
    expect([...turtle!].sort()).toEqual([...ntriples!].sort());
    expect([...json!].sort()).toEqual([...ntriples!].sort());
  });
});

describe('decimals outside 1e-6 … 1e21 (known bug: src/rdf/literal.ts decimal())', () => {
  // Schema-valid values (z.number().finite()) that decimal() cannot write: 1e21 comes out as "1e+21", not an
  // xsd:decimal lexical form, so the build fails on its own SHACL shape; 1.2345678901234567e-10 is cut to 20 decimal
  // places and 1e-21 becomes "0.0", so the published value differs from the YAML's. Remove `.fails` once fixed.
  it('keep their value exactly, in a valid xsd:decimal lexical form', async () => {
    const dir = copyOfData();
    const dist = scratchDir('pharmald-decimals-');
    try {
      // (1e21 as an uncertainty: a pIC50 value outside 0-15 is refused by the affinity range rule.)
      edit(dir, 'ketamine.yaml', '        value: 6.18\n', '        value: 6.18\n        uncertainty: 1e21\n');
      edit(dir, 'ketamine.yaml', '        value: 659\n        uncertainty: 98\n', '        value: 1.2345678901234567e-10\n        uncertainty: 1e-21\n');
      await build({ dataDir: dir, outDir: dist, site: false });
      const nt = (await parseAll(dist))[rdfFormats.ntriples.file]!;
      for (const [subject, predicate, value] of [
        [affinity('glun2c-pic50'), prop.affinityUncertainty, 1e21],
        [affinity('nmda-receptor-ki'), prop.affinityValue, 1.2345678901234567e-10],
        [affinity('nmda-receptor-ki'), prop.affinityUncertainty, 1e-21],
      ] as const) {
        const literal = nt.find((q) => q.subject.value === subject && q.predicate.value === predicate)!.object;
        expect(literal.value).toMatch(/^-?\d+\.\d+$/);
        expect(Number(literal.value)).toBe(value);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
