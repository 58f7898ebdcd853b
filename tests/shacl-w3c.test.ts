// The W3C SHACL Core test suite (tests/fixtures/shacl-w3c/core, a copy of w3c/data-shapes
// data-shapes-test-suite/tests/core) run through OUR validation path: src/validate/validate.ts `validate()`.
//
// Each test file names a data graph, a shapes graph (`mf:action [ sht:dataGraph <>; sht:shapesGraph <> ]`) and
// the expected report (`mf:result`). A case passes when our report has the expected sh:conforms and the same
// multiset of results, each keyed by
//   (focusNode, resultPath, value, severity, sourceConstraintComponent, sourceShape)
// plus, where the expected result carries an sh:resultMessage, the same message text.
//
// How the keys are compared, because validate() is not a raw SHACL report:
// - sourceShape: validate() returns `shape`, which names a blank-node property shape by its parent node shape
//   (nodeShapeOf in validate.ts), and does not expose the raw sh:sourceShape. The expected sourceShape is put
//   through the same mapping (looked up in the shapes graph) before the comparison. So a result from the wrong
//   property shape of the right node shape is NOT caught here; exposing the raw `sourceShape` in
//   ValidationResult would make this exact.
// - resultPath: a complex path (sequence, inverse, alternative, *, +, ?) is a blank node. validate() returns only
//   that term, without the report triples that describe it; rdf-validate-shacl reuses the shape's own path
//   node, so our path is described from the shapes graph, the expected one from the test file, both as a
//   SPARQL-like path string (e.g. `(^<p>/^<p>)`).
// - blank nodes (focus node, value, shape): every file is parsed once with its own blank-node prefix. Where the
//   expected report lives in the same file as the graph the node comes from (`sht:dataGraph <>`), the labels
//   are the same node and are compared exactly; otherwise a blank node matches any blank node (`_:*`).
// - severity: compared by IRI (validate()'s `severityIri`), so custom severities count too.
//
// Known failures are listed below with their reason. The suite FAILS if an unlisted case fails, and also if a
// listed case starts passing (then remove it from the list). The pass count is printed and written to
// tests/artifacts/shacl-w3c.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { validate, type ValidationResult } from '../src/validate/validate.js';
import { root } from './helpers.js';

const SUITE_DIR = path.join(root, 'tests', 'fixtures', 'shacl-w3c', 'core');
// The files' IRIs: where the suite is published (relative IRIs in the tests resolve against them).
const SUITE_BASE = 'http://w3c.github.io/data-shapes/data-shapes-test-suite/tests/core/';
const ARTIFACT = path.join(root, 'tests', 'artifacts', 'shacl-w3c.json');

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SH = 'http://www.w3.org/ns/shacl#';
const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const SHT = 'http://www.w3.org/ns/shacl-test#';

/** Expected to fail, with the reason. Keyed by the test's path under core/ and its name. */
const KNOWN_FAILURES: Record<string, string> = {
};

// ---------------------------------------------------------------------------------------------------------
// Reading the suite

interface Doc {
  readonly iri: string;
  readonly quads: Quad[];
  readonly store: Store;
}

const docs = new Map<string, Doc>();

/** A suite file by its IRI, parsed once (with its own blank-node prefix, so files never share a label). */
function doc(iri: string): Doc {
  let found = docs.get(iri);
  if (!found) {
    if (!iri.startsWith(SUITE_BASE)) throw new Error(`${iri} is outside the suite`);
    const file = path.join(SUITE_DIR, iri.slice(SUITE_BASE.length));
    const quads = new Parser({ format: 'text/turtle', baseIRI: iri, blankNodePrefix: `f${docs.size}_` }).parse(readFileSync(file, 'utf8'));
    found = { iri, quads, store: new Store(quads) };
    docs.set(iri, found);
  }
  return found;
}

function one(store: Store, subject: Term, predicate: string): Term | undefined {
  return store.getObjects(subject, predicate, null)[0];
}

function list(store: Store, head: Term): Term[] {
  const items: Term[] = [];
  for (let node = head; node.value !== `${RDF}nil`;) {
    const first = one(store, node, `${RDF}first`);
    const rest = one(store, node, `${RDF}rest`);
    if (!first || !rest) throw new Error(`broken RDF list at ${node.value}`);
    items.push(first);
    node = rest;
  }
  return items;
}

interface Case {
  /** core/<area>/<file>#<name>, e.g. node/class-001 */
  readonly id: string;
  readonly test: Doc;
  readonly entry: Term;
  readonly data: Doc;
  readonly shapes: Doc;
  readonly expected: Term;
}

function collect(manifestIri: string, into: Case[]): Case[] {
  const manifest = doc(manifestIri);
  const self = manifest.store.getSubjects(`${RDF}type`, `${MF}Manifest`, null).find((s) => s.value === manifestIri);
  if (!self) throw new Error(`${manifestIri}: no mf:Manifest <>`);
  for (const include of manifest.store.getObjects(self, `${MF}include`, null)) collect(include.value, into);
  for (const entriesHead of manifest.store.getObjects(self, `${MF}entries`, null)) {
    for (const entry of list(manifest.store, entriesHead)) {
      const type = one(manifest.store, entry, `${RDF}type`)?.value;
      if (type !== `${SHT}Validate`) throw new Error(`${entry.value}: unexpected test type ${type}`);
      const action = one(manifest.store, entry, `${MF}action`);
      const expected = one(manifest.store, entry, `${MF}result`);
      const dataGraph = action && one(manifest.store, action, `${SHT}dataGraph`);
      const shapesGraph = action && one(manifest.store, action, `${SHT}shapesGraph`);
      if (!dataGraph || !shapesGraph || !expected) throw new Error(`${entry.value}: no data graph, shapes graph or result`);
      into.push({
        id: entry.value.slice(SUITE_BASE.length).replace(/\.ttl$/, ''),
        test: manifest,
        entry,
        data: doc(dataGraph.value),
        shapes: doc(shapesGraph.value),
        expected,
      });
    }
  }
  return into;
}

// ---------------------------------------------------------------------------------------------------------
// Results as comparable keys

/** A term as a string; a blank node by its label only when `comparable` (else any blank node: `_:*`). */
function termKey(term: Term | null | undefined, comparable: boolean): string {
  if (!term) return '-';
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return comparable ? `_:${term.value}` : '_:*';
    case 'Literal': return `${JSON.stringify(term.value)}${term.language ? `@${term.language}` : `^^<${term.datatype.value}>`}`;
    default: return `?${term.value}`;
  }
}

/** A SHACL property path as a SPARQL-like string, read from the graph that describes it. */
function pathKey(store: Store, term: Term | null | undefined): string {
  if (!term) return '-';
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType !== 'BlankNode') return `?${term.value}`;
  if (one(store, term, `${RDF}first`)) return `(${list(store, term).map((t) => pathKey(store, t)).join('/')})`;
  const unary: [string, (inner: string) => string][] = [
    ['inversePath', (p) => `^${p}`],
    ['zeroOrMorePath', (p) => `${p}*`],
    ['oneOrMorePath', (p) => `${p}+`],
    ['zeroOrOnePath', (p) => `${p}?`],
  ];
  for (const [name, write] of unary) {
    const inner = one(store, term, `${SH}${name}`);
    if (inner) return write(pathKey(store, inner));
  }
  const alternatives = one(store, term, `${SH}alternativePath`);
  if (alternatives) return `(${list(store, alternatives).map((t) => pathKey(store, t)).join('|')})`;
  return '_:?path';
}

function severityKey(term: Term | undefined): string {
  switch (term?.value) {
    case `${SH}Violation`: return 'violation';
    case `${SH}Warning`: return 'warning';
    case `${SH}Info`: return 'info';
    default: return termKey(term, false);
  }
}

/** validate()'s mapping of a shape to the one it reports (nodeShapeOf in src/validate/validate.ts). */
function reportedShape(shapes: Store, shape: Term | undefined): Term | undefined {
  if (!shape || shape.termType !== 'BlankNode') return shape;
  return shapes.getSubjects(`${SH}property`, shape, null)[0] ?? shape;
}

interface Keyed {
  readonly key: string;
  /** The expected sh:resultMessage texts, if any (checked against our message). */
  readonly messages: readonly string[];
}

function key(parts: { focusNode: string; path: string; value: string; severity: string; component: string; shape: string }): string {
  return `focus=${parts.focusNode} path=${parts.path} value=${parts.value} severity=${parts.severity} component=${parts.component} shape=${parts.shape}`;
}

function expectedResults(c: Case): { conforms: boolean; results: Keyed[] } {
  const store = c.test.store;
  const conforms = one(store, c.expected, `${SH}conforms`);
  const dataComparable = c.data === c.test;
  const shapesComparable = c.shapes === c.test;
  const results = store.getObjects(c.expected, `${SH}result`, null).map((r): Keyed => ({
    key: key({
      focusNode: termKey(one(store, r, `${SH}focusNode`), dataComparable),
      path: pathKey(store, one(store, r, `${SH}resultPath`)),
      value: termKey(one(store, r, `${SH}value`), dataComparable),
      severity: severityKey(one(store, r, `${SH}resultSeverity`)),
      component: termKey(one(store, r, `${SH}sourceConstraintComponent`), false),
      shape: termKey(shapesComparable ? reportedShape(c.shapes.store, one(store, r, `${SH}sourceShape`)) : one(store, r, `${SH}sourceShape`), shapesComparable),
    }),
    messages: store.getObjects(r, `${SH}resultMessage`, null).map((m) => m.value),
  }));
  return { conforms: conforms?.value === 'true', results };
}

function ourKey(c: Case, result: ValidationResult): string {
  const dataComparable = c.data === c.test;
  const shapesComparable = c.shapes === c.test;
  return key({
    focusNode: termKey(result.focusNode, dataComparable),
    path: pathKey(c.shapes.store, result.path),
    value: termKey(result.value, dataComparable),
    severity: severityKey(DataFactory.namedNode(result.severityIri)),
    component: termKey(result.constraintComponent, false),
    shape: termKey(result.shape, shapesComparable),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Running one case

interface Outcome {
  readonly id: string;
  readonly pass: boolean;
  /** Why it failed: conforms mismatch, missing / unexpected results, message mismatches, or an error. */
  readonly problems: readonly string[];
}

type Validate = typeof validate;

async function runCase(c: Case, validator: Validate = validate): Promise<Outcome> {
  const problems: string[] = [];
  try {
    const expected = expectedResults(c);
    const ours = await validator(c.data.quads, c.shapes.quads);
    if (ours.conforms !== expected.conforms) problems.push(`conforms: expected ${expected.conforms}, got ${ours.conforms}`);
    const remaining = ours.results.map((r) => ({ key: ourKey(c, r), message: r.message }));
    for (const wanted of expected.results) {
      const index = remaining.findIndex((r) => r.key === wanted.key);
      if (index < 0) {
        problems.push(`missing: ${wanted.key}`);
        continue;
      }
      const [got] = remaining.splice(index, 1);
      if (wanted.messages.length > 0 && !wanted.messages.includes(got!.message)) {
        problems.push(`message: expected ${JSON.stringify(wanted.messages)}, got ${JSON.stringify(got!.message)} for ${wanted.key}`);
      }
    }
    for (const extra of remaining) problems.push(`unexpected: ${extra.key}`);
  } catch (error) {
    problems.push(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { id: c.id, pass: problems.length === 0, problems };
}

// ---------------------------------------------------------------------------------------------------------

const cases = collect(`${SUITE_BASE}manifest.ttl`, []);
const outcomes = new Map<string, Outcome>();

describe('W3C SHACL core tests through validate()', () => {
  afterAll(() => {
    const all = cases.map((c) => outcomes.get(c.id)).filter((o): o is Outcome => o !== undefined);
    const passed = all.filter((o) => o.pass).length;
    const summary = `${passed} / ${cases.length} core tests pass`;
    console.log(`W3C SHACL: ${summary}`);
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    writeFileSync(ARTIFACT, `${JSON.stringify({
      suite: 'W3C SHACL test suite, tests/core (tests/fixtures/shacl-w3c/core)',
      validator: 'pharmald validate() (src/validate/validate.ts) : the compiled validator, rdf-validate-shacl where it falls back',
      summary,
      passed,
      total: cases.length,
      run: all.length,
      failures: all.filter((o) => !o.pass).map((o) => ({ id: o.id, knownReason: KNOWN_FAILURES[o.id] ?? null, problems: o.problems })),
    }, null, 2)}\n`);
  });

  it('reads every core test of the suite', () => {
    // 98 core tests in 7 areas (complex, misc, node, path, property, targets, validation-reports).
    expect(cases).toHaveLength(98);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const id of Object.keys(KNOWN_FAILURES)) expect(cases.map((c) => c.id), `known failure ${id}`).toContain(id);
  });

  it('the comparison catches a wrong report (harness self-check)', async () => {
    const byId = (id: string) => cases.find((c) => c.id === id)!;
    const tamper = (change: (r: Awaited<ReturnType<Validate>>) => Awaited<ReturnType<Validate>>): Validate =>
      async (data, shapes) => change(await validate(data, shapes));
    const checks: [string, Validate][] = [
      ['node/class-001', tamper((r) => ({ ...r, results: r.results.slice(1) }))],
      ['node/class-001', tamper((r) => ({ ...r, results: [...r.results, r.results[0]!] }))],
      ['node/class-001', tamper((r) => ({ ...r, conforms: true }))],
      ['misc/severity-001', tamper((r) => ({ ...r, results: r.results.map((x) => ({ ...x, severityIri: 'http://www.w3.org/ns/shacl#Violation' })) }))],
      ['property/datatype-001', tamper((r) => ({ ...r, results: r.results.map((x) => ({ ...x, value: x.focusNode })) }))],
      ['property/in-001', tamper((r) => ({ ...r, results: r.results.map((x) => ({ ...x, shape: x.focusNode })) }))],
      ['path/path-complex-002', tamper((r) => ({ ...r, results: r.results.map((x) => ({ ...x, path: null })) }))],
      ['misc/message-001', tamper((r) => ({ ...r, results: r.results.map((x) => ({ ...x, message: 'another message' })) }))],
      ['node/class-001', async () => { throw new Error('boom'); }],
    ];
    for (const [id, validator] of checks) {
      expect((await runCase(byId(id))).pass, `${id} untampered`).toBe(true);
      expect((await runCase(byId(id), validator)).pass, `${id} tampered`).toBe(false);
    }
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const outcome = await runCase(c);
    outcomes.set(id, outcome);
    const known = KNOWN_FAILURES[id];
    if (known) {
      expect(outcome.pass, `${id} is listed as a known failure (${known}) but now passes: remove it from KNOWN_FAILURES`).toBe(false);
    } else {
      expect(outcome.problems, `${id} differs from the expected W3C report`).toEqual([]);
    }
  });
});
