// (b) The compiled SHACL validator against rdf-validate-shacl on synthetic data (bench/gen.mjs, 10k triples
// with 7 injected violations, the same data the benchmark validates), loaded and mapped as the build does:
// identical results on every field (src/validate/compare.ts), and every injected violation found.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, writeDataset } from '../bench/gen.mjs';
import { loadModel } from '../src/model/load.js';
import { pharmald } from '../src/model/pharmald.js';
import { ontologyFile, shapesFile } from '../src/paths.js';
import { modelToQuads } from '../src/generate/quads.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { canonicalQuads } from '../src/serialize/canonical.js';
import { diffResults } from '../src/validate/compare.js';
import { validate } from '../src/validate/validate.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pharmald-validate-synthetic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Manifest { readonly injected: readonly { readonly focus: string; readonly component: string }[] }

describe('(b) synthetic data with injected violations', () => {
  it('10k triples, 7 violations: both engines give the same results, and find all 7', async () => {
    const manifest = writeDataset(generate({ triples: 10_000, seed: 1, violations: 7 }), dir) as Manifest;
    const mapped = modelToQuads(pharmald, await loadModel(dir));
    const [ontology, shapes] = await Promise.all([parseTurtleFile(ontologyFile), parseTurtleFile(shapesFile)]);
    const quads = canonicalQuads([...mapped.quads, ...ontology]);
    expect(quads.length).toBeGreaterThan(9_000);
    const ours = await validate(quads, shapes);
    const reference = await validate(quads, shapes, { engine: 'rdf-validate-shacl' });
    expect(ours.engine).toBe('compiled');
    expect(diffResults(ours.results, reference.results)).toEqual({ onlyA: [], onlyB: [] });
    const violations = ours.results.filter((r) => r.severity === 'violation');
    expect(violations).toHaveLength(7);
    expect(manifest.injected).toHaveLength(7);
    for (const { focus } of manifest.injected) expect(violations.map((v) => v.focusNode.value)).toContain(focus);
    expect(ours.results.length).toBeGreaterThan(7); // and the natural share of warnings
  });
});
