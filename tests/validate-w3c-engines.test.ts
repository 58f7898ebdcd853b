// The compiled SHACL validator (src/validate/) against rdf-validate-shacl on every W3C SHACL Core test
// (tests/fixtures/shacl-w3c/core): the same multiset of results, compared on every field validate() returns
// (focus node, path, value, severity, component, source shape, message; blank nodes by label: both engines
// see the same parsed terms). tests/shacl-w3c.test.ts checks the expected W3C reports; this file checks
// that the engine choice never changes a report, and pins which shapes graphs fall back and why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad, Term } from '@rdfjs/types';
import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { diffResults } from '../src/validate/compare.js';
import { planValidation, validate } from '../src/validate/validate.js';
import { root } from './helpers.js';

const SUITE_DIR = path.join(root, 'tests', 'fixtures', 'shacl-w3c', 'core');
const SUITE_BASE = 'http://w3c.github.io/data-shapes/data-shapes-test-suite/tests/core/';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const SHT = 'http://www.w3.org/ns/shacl-test#';

/** The W3C shapes graphs the compiled validator hands to rdf-validate-shacl, and why (the decision is pinned). */
const EXPECTED_FALLBACKS: Record<string, string> = {
  // rdf-validate-shacl checks the focus node against each member with the property shape's path put on it.
  'property/and-001': 'sh:and in a property shape',
};

const docs = new Map<string, { quads: Quad[]; store: Store }>();
function doc(iri: string): { quads: Quad[]; store: Store } {
  let found = docs.get(iri);
  if (!found) {
    const quads = new Parser({ format: 'text/turtle', baseIRI: iri, blankNodePrefix: `f${docs.size}_` })
      .parse(readFileSync(path.join(SUITE_DIR, iri.slice(SUITE_BASE.length)), 'utf8'));
    found = { quads, store: new Store(quads) };
    docs.set(iri, found);
  }
  return found;
}
const one = (store: Store, s: Term, p: string): Term | undefined => store.getObjects(s as never, p, null)[0];
function list(store: Store, head: Term): Term[] {
  const out: Term[] = [];
  for (let n = head; n.value !== `${RDF}nil`; n = one(store, n, `${RDF}rest`)!) out.push(one(store, n, `${RDF}first`)!);
  return out;
}

interface Case { readonly id: string; readonly data: Quad[]; readonly shapes: Quad[] }
function collect(manifestIri: string, into: Case[]): Case[] {
  const { store } = doc(manifestIri);
  const self = store.getSubjects(`${RDF}type`, `${MF}Manifest`, null).find((s) => s.value === manifestIri)!;
  for (const include of store.getObjects(self, `${MF}include`, null)) collect(include.value, into);
  for (const head of store.getObjects(self, `${MF}entries`, null)) {
    for (const entry of list(store, head)) {
      const action = one(store, entry, `${MF}action`)!;
      into.push({
        id: entry.value.slice(SUITE_BASE.length).replace(/\.ttl$/, ''),
        data: doc(one(store, action, `${SHT}dataGraph`)!.value).quads,
        shapes: doc(one(store, action, `${SHT}shapesGraph`)!.value).quads,
      });
    }
  }
  return into;
}

const cases = collect(`${SUITE_BASE}manifest.ttl`, []);

describe('compiled validator = rdf-validate-shacl on the W3C SHACL Core suite', () => {
  it('reads the 98 core tests', () => expect(cases).toHaveLength(98));

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const auto = await validate(c.data, c.shapes);
    const reference = await validate(c.data, c.shapes, { engine: 'rdf-validate-shacl' });
    expect(diffResults(auto.results, reference.results), `${id}: results differ`).toEqual({ onlyA: [], onlyB: [] });
    expect(auto.conforms).toBe(reference.conforms);
    const plan = planValidation(c.shapes);
    const fallback = plan.engine === 'compiled' ? auto.fallbackReason ?? null : plan.reason;
    expect(fallback, `${id}: fallback decision`).toBe(EXPECTED_FALLBACKS[id] ?? null);
    expect(auto.engine).toBe(fallback === null ? 'compiled' : 'rdf-validate-shacl');
  });
});
