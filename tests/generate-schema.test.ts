// The schema side generated from the model description (src/generate/zod.ts, jsonSchema.ts, checks.ts, and the
// types of src/model/types.ts): the zod schema reads the bundled data, the committed JSON Schema is what its
// generator makes, the types follow the description, the JSON Schema (checked here by a small draft-07 validator, as no JSON Schema library is a
// dependency) accepts the bundled data and refuses a misspelt field, and a field added to a copy of the
// description appears in every artefact and in loading.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DataError } from '../src/errors.js';
import { dataFileJsonSchema } from '../src/generate/jsonSchema.js';
import { dataFileSchema } from '../src/generate/zod.js';
import { loadModel } from '../src/model/load.js';
import { pharmald } from '../src/model/pharmald.js';
import { routes, withMechanismField } from './support/description.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'data');
const dataFiles = readdirSync(dataDir).filter((name) => name.endsWith('.yaml')).sort();
const read = (file: string): unknown => parse(readFileSync(path.join(dataDir, file), 'utf8'));
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** pharmald with one more optional mechanism field, `route`, a code of a new vocabulary. */
const withRoute = withMechanismField({ kind: 'code', vocabulary: 'route', cardinality: 'optional', property: 'route', doc: 'How the drug is given' }, routes);

const mechanism = {
  id: 'm', label: 'M', drug: 'd', target: 't', action: 'antagonist', directness: 'direct', certainty: 'established',
  systems: ['s'], effects: [{ process: 'p', label: 'P', direction: 'decreased', valence: 'therapeutic' }],
};

describe('the zod schema of a data file', () => {
  const schema = dataFileSchema(pharmald);

  it('accepts every bundled data file', () => {
    for (const file of dataFiles) expect(schema.safeParse(read(file)).error?.issues, file).toBeUndefined();
  });

  it('refuses a misspelt field, a bad id, a bad code and a text with white space around it, with the model\'s messages', () => {
    const issues = (data: unknown) => schema.safeParse(data).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
    expect(issues({ mechanisms: [{ ...mechanism, directnes: 'x' }] })).toEqual([{ path: 'mechanisms.0', message: expect.stringContaining('directnes'), code: 'unrecognized_keys' }]);
    expect(issues({ mechanisms: [{ ...mechanism, id: 'M' }] })).toEqual([{ path: 'mechanisms.0.id', message: pharmald.idRule.message, code: 'invalid_format' }]);
    expect(issues({ mechanisms: [{ ...mechanism, certainty: 'sure' }] })?.[0]?.code).toBe('invalid_value');
    expect(issues({ mechanisms: [{ ...mechanism, label: ' M' }] })).toEqual([{ path: 'mechanisms.0.label', message: 'must not start or end with white space', code: 'invalid_format' }]);
    expect(issues({ targets: [{ id: 't', label: 'T', type: 'receptor', identifiers: { uniprot: 'X05586' } }] }))
      .toEqual([{ path: 'targets.0.identifiers.uniprot', message: 'is not a UniProtKB identifier (e.g. Q05586)', code: 'invalid_format' }]);
  });

  it('checks the rules on fields, at the field the rule asks for', () => {
    const { target: _target, ...indirectless } = mechanism;
    const messages = (data: unknown) => schema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ mechanisms: [indirectless] })).toEqual(['mechanisms.0.target: a direct mechanism needs a target']);
    expect(messages({ mechanisms: [{ ...indirectless, directness: 'indirect' }] })).toBeUndefined();
    const affinity = { measure: 'pKi', value: 6, reference: 'r' };
    expect(messages({ mechanisms: [{ ...mechanism, affinities: [{ ...affinity, unit: 'nM' }] }] }))
      .toEqual(['mechanisms.0.affinities.0.unit: a negative log affinity (pKi, pKd, pIC50, pEC50, pA2, pKB) takes no unit']);
    expect(messages({ mechanisms: [{ ...mechanism, affinities: [{ ...affinity, measure: 'Ki' }] }] }))
      .toEqual(['mechanisms.0.affinities.0.unit: a Ki, Kd, IC50 or EC50 needs a unit (nM or uM)']);
    // A warning (a target without UniProt entry) is the graph's business, not the YAML's.
    expect(messages({ targets: [{ id: 't', label: 'T', type: 'receptor' }] })).toBeUndefined();
  });
});

describe('committed generated files', () => {
  it('src/model/types.ts derives the types from the description (tests/support/types-check.ts type-checks)', () => {
    const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, { rootDir: root, noEmit: true });
    const program = ts.createProgram([path.join(root, 'tests', 'support', 'types-check.ts')], options);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
  it('schema/pharmald-data.schema.json is what dataFileJsonSchema makes (regenerate: npm run schema)', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'schema', 'pharmald-data.schema.json'), 'utf8'))).toEqual(dataFileJsonSchema(pharmald));
  });
});

describe('the JSON Schema of a data file (draft-07)', () => {
  const schema = dataFileJsonSchema(pharmald);

  it('is declared draft-07, with a definition per entity', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: 'https://w3id.org/pharmald/schema/data.schema.json', title: 'pharmald data file', additionalProperties: false });
    expect(Object.keys(schema['definitions'] as object)).toEqual(['Drug', 'Role', 'Target', 'PhysiologicalSystem', 'PhysiologicalProcess', 'ClinicalUse', 'Reference', 'Mechanism', 'Effect', 'Affinity', 'Caveat', 'Screen', 'UseStatus', 'PotencyComparison', 'PharmacologicClass', 'SourceRelease', 'Indication', 'ClassMembership', 'SourceRecord']);
  });

  it('has patterns that read the same with and without the Unicode flag', () => {
    const patterns = [...JSON.stringify(schema).matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
    expect(patterns.length).toBeGreaterThan(20);
    const samples = ['nmda-receptor', 'GluN1', ' x', 'x ', 'a\u0007b', 'ψ 𝛼 receptor', 'CHEBI:6121', '10.1111/bph.13222', ''];
    for (const pattern of patterns) {
      for (const sample of samples) expect(new RegExp(pattern, 'u').test(sample), `${pattern} on ${JSON.stringify(sample)}`).toBe(new RegExp(pattern).test(sample));
    }
  });

  it('accepts every bundled data file', () => {
    for (const file of dataFiles) expect(validate(schema, read(file)), file).toEqual([]);
  });

  it('refuses a misspelt field, a missing required field, a bad code and a broken rule', () => {
    const file = read('ketamine.yaml') as { mechanisms: Record<string, unknown>[] };
    const first = file.mechanisms[0]!;
    const { directness, target: _target, ...rest } = first;
    expect(validate(schema, { mechanisms: [{ ...first, directnes: directness }] })).toContain('$.mechanisms[0]: unknown field directnes');
    expect(validate(schema, { mechanisms: [rest] })).toContain('$.mechanisms[0]: missing directness');
    expect(validate(schema, { mechanisms: [{ ...first, certainty: 'sure' }] })).toContain('$.mechanisms[0].certainty: not one of the enum');
    expect(validate(schema, { mechanisms: [{ ...rest, directness: 'direct' }] })).toContain('$.mechanisms[0]: missing target');
    expect(validate(schema, { mechanisms: [{ ...rest, directness: 'indirect' }] })).toEqual([]);
  });
});

describe('a field added to a copy of the description', () => {
  it('is in the zod schema: accepted with a code, refused with another code or misspelt', () => {
    const schema = dataFileSchema(withRoute);
    expect(schema.safeParse({ mechanisms: [{ ...mechanism, route: 'oral' }] }).success).toBe(true);
    expect(schema.safeParse({ mechanisms: [{ ...mechanism, route: 'nasal' }] }).success).toBe(false);
    expect(schema.safeParse({ mechanisms: [{ ...mechanism, rout: 'oral' }] }).error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(dataFileSchema(pharmald).safeParse({ mechanisms: [{ ...mechanism, route: 'oral' }] }).success).toBe(false);
  });

  it('is in the JSON Schema, with its codes and its documentation', () => {
    const mechanismSchema = (dataFileJsonSchema(withRoute)['definitions'] as Record<string, { properties: Record<string, unknown> }>)['Mechanism']!;
    expect(mechanismSchema.properties['route']).toEqual({ description: 'How the drug is given', type: 'string', enum: ['intravenous', 'intranasal', 'oral'] });
    expect(validate(dataFileJsonSchema(withRoute), { mechanisms: [{ ...mechanism, route: 'oral' }] })).toEqual([]);
    expect(validate(dataFileJsonSchema(pharmald), { mechanisms: [{ ...mechanism, route: 'oral' }] })).toEqual(['$.mechanisms[0]: unknown field route']);
  });

  it('is read by loadModel with that description, and refused by pharmald\'s', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pharmald-route-'));
    scratch.push(dir);
    cpSync(dataDir, dir, { recursive: true });
    const file = path.join(dir, 'ketamine.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    directness: direct\n', '    directness: direct\n    route: intravenous\n'));
    const loaded = await loadModel(dir, withRoute);
    const routes = (loaded.model.mechanisms as readonly Record<string, unknown>[]).map((m) => m['route']).filter(Boolean);
    expect(routes).toEqual(['intravenous']);
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).diagnostics[0]!.message).toMatch(/^mechanism "[a-z-]+" field route: unknown field "route"$/);
  });
});

describe('the checks across entities', () => {
  /** The diagnostics of loading the bundled data with one edit of ketamine.yaml, as `line:col: message`. */
  async function problems(from: string, to: string): Promise<string[]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'pharmald-checks-'));
    scratch.push(dir);
    cpSync(dataDir, dir, { recursive: true });
    const file = path.join(dir, 'ketamine.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
    const error = await loadModel(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).diagnostics.map((d) => `${d.position!.line}:${d.position!.col}: ${d.message}`);
  }
  const ketamine = readFileSync(path.join(dataDir, 'ketamine.yaml'), 'utf8');
  /** The line of the bundled ketamine.yaml that `text` starts on. */
  const lineOf = (text: string) => ketamine.slice(0, ketamine.indexOf(text)).split('\n').length;

  it('finds two parts of one owner with the same IRI key, the second at its place', async () => {
    const second = '        reference: roth-2013\n';
    const found = await problems(second, `${second}      - { measure: Ki, value: 700, unit: nM, reference: roth-2013 }\n`);
    expect(found).toEqual([`${lineOf(second) + 1}:9: mechanism "ketamine-nmda-receptor-block" field affinities[2]: two affinities with the same target and measure "nmda-receptor-ki": give one affinity per target and measure`]);
  });

  it('finds a part whose fallback gives nothing: an affinity without a target in a mechanism without one', async () => {
    const found = await problems('    target: nmda-receptor\n    action: channel-blocker\n    directness: direct\n', '    directness: indirect\n');
    expect(found).toEqual([`${lineOf('      - measure: Ki') - 2}:9: mechanism "ketamine-nmda-receptor-block" field affinities[1]: an affinity needs a target: the mechanism has none, so give one here`]);
  });

  it('finds a reference to an unknown id inside a group and inside a part', async () => {
    const found = await problems('source: { reference: seed-ketamine, section: "1a" }', 'source: { reference: seed-ketamin, section: "1a" }');
    expect(found).toEqual([expect.stringMatching(/^\d+:\d+: mechanism "ketamine-nmda-receptor-block" field source\.reference: no reference has id "seed-ketamin"$/)]);
    const inPart = await problems('      - process: glutamatergic-synaptic-transmission\n', '      - process: glutamatergic-transmission\n');
    expect(inPart).toEqual([`${lineOf('      - process: glutamatergic-synaptic-transmission')}:9: mechanism "ketamine-nmda-receptor-block" field effects[0].process: no process has id "glutamatergic-transmission"`]);
  });
});

type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * The draft-07 keywords the generated schema uses, checked the way the specification says; any other keyword
 * fails the test, so the schema cannot use one this validator would skip.
 */
function validate(schema: JsonSchema, value: unknown, root: JsonSchema = schema, at = '$'): string[] {
  if (typeof schema['$ref'] === 'string') {
    const target = (schema['$ref'] as string).replace(/^#\//, '').split('/').reduce<unknown>((s, step) => (s as JsonSchema)[step], root);
    return validate(target as JsonSchema, value, root, at);
  }
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const sub = (s: unknown, v: unknown, where = at) => validate(s as JsonSchema, v, root, where);
  const errors: string[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    const fail = (message: string) => errors.push(`${at}: ${message}`);
    switch (keyword) {
      case '$schema': case '$id': case 'title': case 'description': case 'examples': case 'definitions': case 'then': break;
      case 'type': {
        const types: Record<string, boolean> = { object: object !== undefined, array: Array.isArray(value), string: typeof value === 'string', number: typeof value === 'number', integer: Number.isInteger(value) };
        if (!types[arg as string]) fail(`not ${String(arg)}`);
        break;
      }
      case 'properties':
        for (const [name, s] of Object.entries(arg as JsonSchema)) if (object && name in object) errors.push(...sub(s, object[name], `${at}.${name}`));
        break;
      case 'required': for (const name of arg as string[]) if (object && !(name in object)) fail(`missing ${name}`); break;
      case 'additionalProperties':
        for (const name of Object.keys(object ?? {})) if (arg === false && !(name in ((schema['properties'] ?? {}) as object))) fail(`unknown field ${name}`);
        break;
      case 'items': if (Array.isArray(value)) value.forEach((item, i) => errors.push(...sub(arg, item, `${at}[${i}]`))); break;
      case 'minItems': if (Array.isArray(value) && value.length < (arg as number)) fail(`fewer than ${String(arg)} items`); break;
      case 'enum': if (!(arg as unknown[]).includes(value)) fail('not one of the enum'); break;
      case 'pattern': if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) fail(`does not match ${String(arg)}`); break;
      case 'minimum': if (typeof value === 'number' && value < (arg as number)) fail('too small'); break;
      case 'maximum': if (typeof value === 'number' && value > (arg as number)) fail('too large'); break;
      case 'exclusiveMinimum': if (typeof value === 'number' && value <= (arg as number)) fail('too small'); break;
      case 'allOf': for (const s of arg as JsonSchema[]) errors.push(...sub(s, value)); break;
      case 'anyOf': if ((arg as JsonSchema[]).every((s) => sub(s, value).length > 0)) fail('matches none of anyOf'); break;
      case 'not': if (sub(arg, value).length === 0) fail('matches not'); break;
      case 'if': if (sub(arg, value).length === 0 && schema['then']) errors.push(...sub(schema['then'], value)); break;
      default: throw new Error(`the test's validator does not know the keyword ${keyword}`);
    }
  }
  return errors;
}
