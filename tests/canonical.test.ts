// Canonical order (src/serialize/canonical.ts) is computed by subject groups rather than one global sort; the
// N-Triples of canonical quads are sorted group by group. Both must give exactly what the plain definitions give:
// every quad once, subjects by N-Triples form, rdf:type and rdfs:label first; N-Triples lines fully sorted.
import type { Quad } from '@rdfjs/types';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { canonicalNTriples, canonicalQuads } from '../src/serialize/canonical.js';
import { compareCodeUnits, quadToNTriples, termToNTriples, toNTriples } from '../src/serialize/ntriples.js';
import { rdf, rdfs } from '../src/vocab.js';
import { bundledDataset } from './helpers.js';

const { namedNode, blankNode, literal, quad } = DataFactory;
const seed = Number(process.env['PHARMALD_PROPERTY_SEED'] ?? 20_251_129);

// Short alphabets so that subjects share prefixes and collide: the cases where grouping could go wrong.
const text = fc.string({ unit: fc.constantFrom('a', 'b', '-', '/', '0', '~', 'é', '😀', '"', '\\', '\n'), maxLength: 4 });
const iri = fc.string({ unit: fc.constantFrom('a', 'b', '-', '/', '0', '~', 'é', '😀'), maxLength: 4 }).map((s) => namedNode(`http://x/${s}`));
const blank = fc.constantFrom('b', 'b0', 'b1', 'b10', 'n3-1').map((label) => blankNode(label));
const predicate = fc.oneof(iri, fc.constant(namedNode(rdf.type)), fc.constant(namedNode(rdfs.label)));
const object = fc.oneof(iri, blank, text.map((s) => literal(s)), text.map((s) => literal(s, 'en')), text.map((s) => literal(s, namedNode('http://x/dt'))));
const quads = fc.array(fc.tuple(fc.oneof(iri, blank), predicate, object).map(([s, p, o]) => quad(s, p, o)), { maxLength: 60 });

/** The definition, with one global sort. */
function reference(input: readonly Quad[]): Quad[] {
  const rank = (q: Quad) => (q.predicate.value === rdf.type ? 0 : q.predicate.value === rdfs.label ? 1 : 2);
  const unique = new Map(input.map((q) => [quadToNTriples(q), q]));
  return [...unique.values()].sort((a, b) => compareCodeUnits(termToNTriples(a.subject), termToNTriples(b.subject)) || rank(a) - rank(b)
    || compareCodeUnits(`${termToNTriples(a.predicate)} ${termToNTriples(a.object)}`, `${termToNTriples(b.predicate)} ${termToNTriples(b.object)}`));
}

describe('canonical order by subject groups', () => {
  it('equals the definition on random graphs, and so do the N-Triples', () => {
    fc.assert(
      fc.property(quads, (input) => {
        const ordered = canonicalQuads(input);
        expect(ordered.map(quadToNTriples)).toEqual(reference(input).map(quadToNTriples));
        expect(canonicalNTriples(ordered)).toBe(toNTriples(input));
        // Again: the kept lines are used once, then computed afresh.
        expect(canonicalNTriples(ordered)).toBe(toNTriples(input));
      }),
      { seed, numRuns: 500 },
    );
  });

  it('equals the definition on the bundled dataset', async () => {
    const { quads: dataset } = await bundledDataset();
    expect(dataset.map(quadToNTriples)).toEqual(reference(dataset).map(quadToNTriples));
    expect(canonicalNTriples(dataset)).toBe(toNTriples([...dataset].reverse()));
  });
});
