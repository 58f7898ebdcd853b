// The fast, position-less YAML path (src/model/fastYaml.ts) must read every file exactly as the positioned parser
// (`yaml`, src/model/source.ts) does, or leave it to that parser: the loader may never accept through it a file the
// positioned parser refuses, nor read a value differently. (The loader takes the fast result only when the schema
// accepts it too; on text the schema refuses anyway, the two parsers may differ, and the positioned one reports.) Checked on the real data files, on random byte mutations of them, on random
// scalars in every YAML spelling of null, bools, ints and floats, and on the constructs it must hand over.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMutations, byteMutations } from '../bench/arbitraries.mjs';
import { parseWithoutPositions } from '../src/model/fastYaml.js';
import { dataFileSchema } from '../src/generate/zod.js';
import { pharmald } from '../src/model/pharmald.js';
import { parsePositioned, SourceFiles } from '../src/model/source.js';
import { dataDir, root, scratchDir } from './helpers.js';

/** The schema the loader checks each data file against. */
const DataFile = dataFileSchema(pharmald);
const seed = Number(process.env['PHARMALD_PROPERTY_SEED'] ?? 20_251_129);

/** What the positioned parser reads, or 'refused' when it reports an error. */
function positioned(text: string): unknown {
  const { doc } = parsePositioned(text);
  if (doc.errors.length > 0) return 'refused';
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return 'refused';
  }
}

/**
 * The fast path agrees: it hands the text over (undefined), or reads exactly what the positioned parser reads.
 * With `schema`, only a result the data schema accepts counts, as in the loader.
 */
function expectAgreement(text: string, schema = false): 'fast' | 'handed over' {
  const fast = parseWithoutPositions(text);
  if (fast === undefined || (schema && !DataFile.safeParse(fast).success)) return 'handed over';
  expect(positioned(text), JSON.stringify(text.slice(0, 200))).toEqual(fast);
  return 'fast';
}

const dataFiles = readdirSync(dataDir).filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(path.join(dataDir, name), 'utf8'));

/** Generated data (bench/gen.mjs, 10 k triples), in the plain style the fast path reads. */
function generatedFiles(): { name: string; text: string }[] {
  const out = scratchDir('pharmald-fast-yaml-');
  execFileSync(process.execPath, [path.join(root, 'bench', 'gen.mjs'), '--triples', '10k', '--out', out], { stdio: 'ignore' });
  return readdirSync(out).filter((name) => name.endsWith('.yaml')).map((name) => ({ name, text: readFileSync(path.join(out, name), 'utf8') }));
}
let generated: { name: string; text: string }[] = [];
beforeAll(() => {
  generated = generatedFiles();
}, 60_000);

describe('fast YAML path', () => {
  it('reads the bundled data files as the positioned parser does (their folded `>-` texts go to it)', () => {
    const paths = dataFiles.map((text) => expectAgreement(text));
    expect(paths).toContain('fast');
    expect(paths).toContain('handed over');
  });

  it('takes the fast path for generated data, and reads it exactly as the positioned parser does', () => {
    expect(generated.length).toBeGreaterThan(4);
    for (const { name, text } of generated) expect(expectAgreement(text), name).toBe('fast');
  });

  it('agrees on 300 random byte mutations of the bundled and generated data files', () => {
    // The first 150 lines of each generated file keep a case small; the mutations land all over it.
    const corpus = [...dataFiles, ...generated.map(({ text }) => text.split('\n').slice(0, 150).join('\n'))];
    const counts = { fast: 0, 'handed over': 0 };
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), byteMutations(), (index, mutations) => {
        const text = applyMutations(Buffer.from(corpus[index]!), mutations).toString('utf8');
        counts[expectAgreement(text, true)]++;
      }),
      { seed, numRuns: Number(process.env['PHARMALD_FAST_YAML_RUNS'] ?? 300) },
    );
    // Both outcomes occur: the property is not vacuous.
    expect(counts.fast).toBeGreaterThan(0);
    expect(counts['handed over']).toBeGreaterThan(0);
  });

  it('reads scalars by the YAML 1.2 core schema, like the positioned parser', () => {
    const spellings = [
      '~', 'null', 'Null', 'NULL', '', 'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'on', 'y',
      '0', '-0', '+7', '007', '0o17', '0x1F', '0b101', '1_000', '1.', '.5', '-.5e3', '1e3', '1E-3', '6.180', '1e', '0x',
      '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '2024-01-01', '12:30:00', '"1"', "'true'", '1,5', '0.1.2',
    ];
    for (const value of spellings) expectAgreement(`value: ${value}\nlist: [${value || '""'}, x]\n`);
    fc.assert(
      fc.property(fc.stringMatching(/^[-+.0-9eExXoOabcdfinNulTtrs_~]{0,8}$/), (value) => {
        expectAgreement(`value: ${value}\n`);
      }),
      { seed, numRuns: 500 },
    );
  });

  it('hands over anchors, aliases, tags, several documents and syntax errors to the positioned parser', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: !custom x\n',
      'a: 1\n---\nb: 2\n',
      'a: [1, 2\n',
      'a: 1\na: 2\n',
      'a:\n\t- 1\n',
    ]) {
      expect(parseWithoutPositions(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('positions in plain-style files', () => {
  /** Every path into the data: each entity, each of its fields, and each item and field below them. */
  function* pathsOf(value: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
    yield path;
    if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* pathsOf(item, [...path, i]);
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* pathsOf(item, [...path, key]);
  }

  it('the entity-by-entity locator gives the same line and column as the whole syntax tree, for every path and for missing fields', () => {
    let checked = 0;
    for (const { name, text } of generated) {
      const plain = new SourceFiles();
      plain.add(name, text);
      const whole = new SourceFiles();
      whole.add(name, parsePositioned(text));
      const data = parseWithoutPositions(text);
      for (const path of pathsOf(data)) {
        if (path.length > 6) continue;
        expect(plain.locate({ file: name, path }), `${name} ${path.join('.')}`).toEqual(whole.locate({ file: name, path }));
        if (path.length === 2) {
          for (const fields of [['label'], ['no-such-field'], ['no-such-field', 'id']]) {
            expect(plain.locateField({ file: name, path }, fields)).toEqual(whole.locateField({ file: name, path }, fields));
          }
        }
        checked++;
      }
      for (const path of [[], ['drugs'], ['drugs', 100_000], ['nothing', 0], ['drugs', 0, 'nothing', 'deeper']]) {
        expect(plain.locate({ file: name, path }), `${name} ${path.join('.')}`).toEqual(whole.locate({ file: name, path }));
      }
    }
    expect(checked).toBeGreaterThan(9_000);
  });
});
