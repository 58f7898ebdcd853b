// (d) Property test (fast-check): random mutations of the bundled graph (data + ontology, as compileDataset
// validates it) give the same validation results with the compiled SHACL validator and with
// rdf-validate-shacl, on every field (src/validate/compare.ts). A mutation drops triples, duplicates them
// (a duplicate quad), retypes a node, moves an object to another subject or predicate, or replaces an object
// by another term of the graph or by a literal (a wrong datatype, a language tag, an ill-formed number, a
// string where an IRI belongs…) — the kinds of faults the shapes are there to catch.
import type { Quad, Term } from '@rdfjs/types';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../src/model/load.js';
import { pharmald } from '../src/model/pharmald.js';
import { ontologyFile, shapesFile } from '../src/paths.js';
import { modelToQuads } from '../src/generate/quads.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { canonicalQuads } from '../src/serialize/canonical.js';
import { diffResults } from '../src/validate/compare.js';
import { validate } from '../src/validate/validate.js';
import { dataDir } from './helpers.js';

const { literal, namedNode, quad } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const seed = Number(process.env['PHARMALD_PROPERTY_SEED'] ?? 20_251_129);

let graph: Quad[];
let shapes: Quad[];
beforeAll(async () => {
  const mapped = modelToQuads(pharmald, await loadModel(dataDir));
  const [ontology, shapeQuads] = await Promise.all([parseTurtleFile(ontologyFile), parseTurtleFile(shapesFile)]);
  graph = canonicalQuads([...mapped.quads, ...ontology]);
  shapes = shapeQuads;
});

type Mutation =
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'retype'; readonly at: number; readonly to: number }
  | { readonly kind: 'move-object'; readonly at: number; readonly to: number }
  | { readonly kind: 'other-predicate'; readonly at: number; readonly to: number }
  | { readonly kind: 'other-object'; readonly at: number; readonly to: number }
  | { readonly kind: 'literal'; readonly at: number; readonly literal: number };

const index = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: index }),
  fc.record({ kind: fc.constant('duplicate' as const), at: index }),
  fc.record({ kind: fc.constant('retype' as const), at: index, to: index }),
  fc.record({ kind: fc.constant('move-object' as const), at: index, to: index }),
  fc.record({ kind: fc.constant('other-predicate' as const), at: index, to: index }),
  fc.record({ kind: fc.constant('other-object' as const), at: index, to: index }),
  fc.record({ kind: fc.constant('literal' as const), at: index, literal: index }),
);

const replacementLiterals = (old: Term): Term[] => [
  literal(old.value),
  literal(old.value, 'en'),
  literal(`${old.value} `, namedNode(`${XSD}string`)),
  literal('-1.5', namedNode(`${XSD}decimal`)),
  literal('0.0', namedNode(`${XSD}decimal`)),
  literal('abc', namedNode(`${XSD}decimal`)),
  literal('2020', namedNode(`${XSD}gYear`)),
  literal('20x0', namedNode(`${XSD}gYear`)),
  literal('nM'),
  literal('http://purl.uniprot.org/uniprot/P35372'),
];

function apply(quads: Quad[], mutations: readonly Mutation[]): Quad[] {
  const out = [...quads];
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    const q = out[i]!;
    const other = 'to' in m ? out[m.to % out.length]! : q;
    switch (m.kind) {
      case 'drop': out.splice(i, 1); break;
      case 'duplicate': out.push(quad(q.subject, q.predicate, q.object)); break;
      case 'retype': {
        const types = out.filter((x) => x.predicate.value === RDF_TYPE);
        const t = types[m.to % types.length]!;
        out.push(quad(q.subject, namedNode(RDF_TYPE), t.object));
        break;
      }
      case 'move-object': out[i] = quad(other.subject, q.predicate, q.object); break;
      case 'other-predicate': out[i] = quad(q.subject, other.predicate, q.object); break;
      case 'other-object': out[i] = quad(q.subject, q.predicate, other.object); break;
      case 'literal': {
        const choices = replacementLiterals(q.object);
        out[i] = quad(q.subject, q.predicate, choices[m.literal % choices.length]! as Quad['object']);
        break;
      }
    }
  }
  return out;
}

describe('(d) random mutations of the bundled graph', () => {
  it('compiled validator = rdf-validate-shacl, result for result', async () => {
    let withResults = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (mutations) => {
        const data = apply(graph, mutations);
        const ours = await validate(data, shapes);
        const reference = await validate(data, shapes, { engine: 'rdf-validate-shacl' });
        expect(ours.engine).toBe('compiled');
        expect(diffResults(ours.results, reference.results)).toEqual({ onlyA: [], onlyB: [] });
        if (ours.results.some((r) => r.severity === 'violation')) withResults++;
      }),
      { seed, numRuns: 60 },
    );
    // The mutations must actually break things, or the comparison proves little.
    expect(withResults).toBeGreaterThan(20);
  }, 300_000);
});
