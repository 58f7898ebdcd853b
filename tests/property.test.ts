// Property tests (fast-check), the quick size; bench/fuzz.mjs runs the same properties long (npm run fuzz).
//
// (a) Any valid model builds, and its three RDF files are the same graph as the build's quads: random data files drawn
//     from the model description (bench/arbitraries.mjs validModel with src/model/pharmald.ts and src/identifiers.ts:
//     every field by its kind and cardinality, the rules made to hold; random texts full of quotes, backslashes, line
//     ends, tabs, non-BMP characters, RTL marks, separators and combining marks; random decimals; random YAML styles,
//     CRLF and BOM) are built with build() into a temp dir; dataset.ttl and dataset.nt are parsed with n3 and
//     dataset.jsonld with jsonld.toRDF; each must equal the build's quads (ground triples term for term, the blank-node
//     part by URDNA2015 canonical form: bench/roundtrip.mjs), and every literal of a text, string, integer or decimal
//     field must be exactly what the YAML gave. (Built with site: false: the web pages are not under test here, and
//     cost ~2 s a build.)
// (b) Any byte mutation of the real data files loads cleanly or fails cleanly: loadModel gives a model, or a DataError
//     whose every diagnostic has a file (one of the data files), a line and a column inside it. Any other exception
//     is a bug; fast-check shrinks the input to a small one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyMutations, byteMutations, expectedLiterals, validModel } from '../bench/arbitraries.mjs';
import { checkLiterals, compareGraphs, parseOutputs } from '../bench/roundtrip.mjs';
import { build } from '../src/build.js';
import { DataError } from '../src/errors.js';
import { dataFileSchema } from '../src/generate/zod.js';
import { schemes } from '../src/identifiers.js';
import { pharmald } from '../src/model/pharmald.js';
import { loadModel } from '../src/model/load.js';
import { dataDir } from './helpers.js';

const scratch: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A fixed seed by default, so CI is reproducible; PHARMALD_PROPERTY_SEED=… replays or varies it. */
const seed = Number(process.env['PHARMALD_PROPERTY_SEED'] ?? 20_251_129);

interface GeneratedModel {
  readonly sections: Record<string, { id: string }[]>;
  readonly files: readonly { name: string; text: string }[];
}

describe('property: valid models', () => {
  it('build, and their Turtle, N-Triples and JSON-LD are the build\'s graph, with every literal exact', async () => {
    await fc.assert(
      fc.asyncProperty(validModel(pharmald, schemes) as fc.Arbitrary<GeneratedModel>, async ({ sections, files }) => {
        const data = temp('pharmald-prop-data-');
        const out = temp('pharmald-prop-out-');
        try {
          for (const file of files) writeFileSync(path.join(data, file.name), file.text);
          const built = await build({ dataDir: data, outDir: out, site: false });
          const parsed = await parseOutputs(out);
          const problems = await compareGraphs(built.quads, parsed);
          const literals = expectedLiterals(pharmald, schemes, sections);
          for (const [file, quads] of Object.entries(parsed)) problems.push(...checkLiterals(literals, quads, file));
          expect(problems).toEqual([]);
          // Every model has a drug, and so a label to check.
          expect(literals.length).toBeGreaterThan(0);
        } finally {
          rmSync(data, { recursive: true, force: true });
          rmSync(out, { recursive: true, force: true });
        }
      }),
      // At most 50 s, so a loaded machine runs fewer cases rather than time out; a failure is still shrunk (within
      // that time) and reported.
      { numRuns: 40, seed, interruptAfterTimeLimit: 50_000 },
    );
  }, 120_000);
});

describe('the arbitraries follow the description', () => {
  it('draw a field and a vocabulary term added to a copy of it, as its data schema accepts, and expect the new literals', () => {
    const { mechanism } = pharmald.entities;
    const { strength } = pharmald.vocabularies;
    const extended = {
      ...pharmald,
      properties: { ...pharmald.properties, dosing: { label: 'dosing', comment: 'How the drug is given, in words.' } },
      vocabularies: {
        ...pharmald.vocabularies,
        strength: { ...strength, terms: [...strength.terms, { code: 'negligible', name: 'Negligible', label: 'negligible', definition: 'no effect at clinical concentrations' }] },
      },
      entities: {
        ...pharmald.entities,
        mechanism: { ...mechanism, fields: { ...mechanism.fields, dosing: { kind: 'text', cardinality: 'optional', property: 'dosing', doc: 'How the drug is given' } } },
      },
    } as const;
    const schema = dataFileSchema(extended);
    const models = fc.sample(validModel(extended, schemes), { numRuns: 60, seed }) as GeneratedModel[];
    for (const { files } of models) {
      for (const file of files) expect(schema.safeParse(parse(file.text.replace(/^\uFEFF/, ''))).error).toBeUndefined();
    }
    const mechanisms = models.flatMap((m) => m.sections['mechanisms'] ?? []) as { dosing?: string; strength?: string }[];
    expect(mechanisms.filter((m) => m.strength === 'negligible').length).toBeGreaterThan(0);
    const dosings = mechanisms.flatMap((m) => (m.dosing === undefined ? [] : [m.dosing]));
    expect(dosings.length).toBeGreaterThan(0);
    const expected = models.flatMap((m) => expectedLiterals(extended, schemes, m.sections) as { predicate: string; value: unknown }[]);
    expect(expected.filter((l) => l.predicate === `${pharmald.namespace}dosing`).map((l) => l.value)).toEqual(dosings);
  });
});

describe('property: byte mutations of the real data', () => {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.yaml')).sort();
  const originals = new Map(files.map((f) => [f, readFileSync(path.join(dataDir, f))]));
  const lineCounts = new Map<string, number>();

  it('load into a model or fail with a DataError whose diagnostics all have file:line:col; never anything else', async () => {
    const dir = temp('pharmald-prop-mut-');
    for (const [name, bytes] of originals) writeFileSync(path.join(dir, name), bytes);
    let previous: string | undefined;
    const outcomes = { loaded: 0, dataError: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), byteMutations(), async (file, mutations) => {
        if (previous !== undefined) writeFileSync(path.join(dir, previous), originals.get(previous)!);
        const mutated = applyMutations(originals.get(file)!, mutations);
        writeFileSync(path.join(dir, file), mutated);
        previous = file;
        lineCounts.set(file, mutated.toString('latin1').split('\n').length);
        try {
          await loadModel(dir, pharmald, { displayPath: (absolute) => path.basename(absolute) });
          outcomes.loaded++;
        } catch (error) {
          if (!(error instanceof DataError)) throw error;
          outcomes.dataError++;
          expect(error.diagnostics.length).toBeGreaterThan(0);
          for (const d of error.diagnostics) {
            expect(d.position, d.message).toBeDefined();
            expect(files, d.message).toContain(d.position!.file);
            expect(d.position!.line).toBeGreaterThanOrEqual(1);
            expect(d.position!.col).toBeGreaterThanOrEqual(1);
            const lines = d.position!.file === file ? lineCounts.get(file)! : originals.get(d.position!.file)!.toString('latin1').split('\n').length;
            expect(d.position!.line, d.message).toBeLessThanOrEqual(lines);
            expect(d.message).not.toMatch(/\n/);
          }
        }
      }),
      { numRuns: 150, seed, interruptAfterTimeLimit: 30_000 },
    );
    // The mutations reach both sides: some still load, most fail cleanly.
    expect(outcomes.dataError).toBeGreaterThan(0);
  }, 120_000);
});
