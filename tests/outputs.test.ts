// The three outputs hold the same graph, re-parsed by n3 and jsonld, and the same input gives the same bytes.
// Built from the fixed data folder tests/fixtures/data (a part of the bundled data), so the bundled data may grow.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { build, type BuildResult } from '../src/build.js';
import { schemes } from '../src/identifiers.js';
import { rdfFormats } from '../src/serialize/formats.js';
import { quadToNTriples, toNTriples } from '../src/serialize/ntriples.js';
import { cls, prop, rdfs, skos } from '../src/vocab.js';
import { copyOfData, fixtureDataDir as dataDir, scratchDir, snapshot } from './helpers.js';

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const lines = (nt: string) => new Set(nt.split('\n').filter(Boolean));
/** The canonical form of a graph (RDF Dataset Canonicalization), equal for isomorphic graphs. */
const canonical = (nquads: string) =>
  jsonld.canonize(nquads, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never) as Promise<string>;

let first: BuildResult;
let out: string;

beforeAll(async () => {
  out = scratchDir();
  first = await build({ dataDir, outDir: out });
});

describe('dist/', () => {
  it('holds exactly the contract files', () => {
    expect(readdirSync(out).sort()).toEqual(['context.jsonld', 'dataset.jsonld', 'dataset.nt', 'dataset.ttl', 'site', 'void.ttl']);
  });

  it('Turtle, N-Triples and JSON-LD re-parse to the same graph as the build', async () => {
    const expected = await canonical(toNTriples(first.quads));
    expect(lines(expected).size).toBe(first.quads.length);
    const fromTurtle = new Parser({ format: 'text/turtle' }).parse(read(out, 'dataset.ttl'));
    const fromNTriples = new Parser({ format: 'application/n-triples' }).parse(read(out, 'dataset.nt'));
    const nquads = (await jsonld.toRDF(JSON.parse(read(out, 'dataset.jsonld')) as object, { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(nquads);
    for (const parsed of [fromTurtle, fromNTriples, fromJsonLd]) {
      expect(await canonical(`${parsed.map(quadToNTriples).join('\n')}\n`)).toBe(expected);
    }
  });

  it('writes N-Triples sorted and without duplicates', () => {
    const nt = read(out, 'dataset.nt').trimEnd().split('\n');
    expect([...nt].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(nt);
    expect(new Set(nt).size).toBe(nt.length);
  });

  it('inlines in dataset.jsonld the same context as context.jsonld', () => {
    const context = JSON.parse(read(out, 'context.jsonld')) as { '@context': unknown };
    const dataset = JSON.parse(read(out, 'dataset.jsonld')) as { '@context': unknown; '@graph': { id: string }[] };
    expect(dataset['@context']).toEqual(context['@context']);
    const ketamine = dataset['@graph'].find((node) => node.id === 'https://w3id.org/pharmald/id/drug/ketamine');
    expect(ketamine).toMatchObject({ type: 'Drug', label: 'ketamine' });
  });

  it('uses controlled terms by name in JSON-LD, as a web developer reads them', () => {
    const dataset = JSON.parse(read(out, 'dataset.jsonld')) as { '@graph': Record<string, unknown>[] };
    const block = dataset['@graph'].find((node) => String(node.id).endsWith('/mechanism/ketamine-nmda-receptor-block'));
    expect(block).toMatchObject({ actionType: 'ChannelBlocker', directness: 'Direct', strength: 'Strong', certainty: 'Established' });
  });

  it('is byte-identical when built again, from a copy of the data elsewhere', async () => {
    const again = scratchDir();
    await build({ dataDir: copyOfData(dataDir), outDir: again });
    const files = snapshot(out);
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(snapshot(again)).toEqual(files);
  });
});

describe('the graph', () => {
  it('labels every drug, target, system, process, use, reference and mechanism', () => {
    const typed = new Map<string, string>();
    const labelled = new Set<string>();
    for (const quad of first.quads) {
      if (quad.predicate.value.endsWith('#type')) typed.set(quad.subject.value, quad.object.value);
      if (quad.predicate.value === rdfs.label) labelled.add(quad.subject.value);
    }
    const kinds = [cls.Drug, cls.Target, cls.PhysiologicalSystem, cls.PhysiologicalProcess, cls.ClinicalUse, cls.Reference, cls.Mechanism];
    const entities = first.quads.filter((q) => q.predicate.value.endsWith('#type') && kinds.includes(q.object.value)).map((q) => q.subject.value);
    expect(entities.length).toBeGreaterThan(30);
    for (const entity of entities) expect(labelled.has(entity), entity).toBe(true);
  });

  it('links every external identifier in one of the canonical IRI forms', () => {
    const canonical = Object.values(schemes).map((scheme) => scheme.iri(scheme.example).replace(scheme.example.replace(/^[A-Z]+:/, ''), ''));
    const matches = first.quads.filter((q) => q.predicate.value === skos.exactMatch).map((q) => q.object.value);
    expect(matches.length).toBeGreaterThan(30);
    for (const iri of matches) expect(canonical.some((prefix) => iri.startsWith(prefix)), iri).toBe(true);
    expect(matches).toContain('http://purl.obolibrary.org/obo/CHEBI_6121');
    expect(matches).toContain('http://purl.uniprot.org/uniprot/Q05586');
    expect(matches).toContain('https://identifiers.org/iuphar.receptor:455');
    expect(matches).toContain('http://purl.obolibrary.org/obo/UBERON_0001017');
  });

  it('derives the chain drug –actsOn→ target –affects→ system from the mechanisms', () => {
    const has = (s: string, p: string, o: string) =>
      first.quads.some((q) => q.subject.value.endsWith(s) && q.predicate.value === p && q.object.value.endsWith(o));
    expect(has('/drug/ketamine', prop.actsOn, '/target/nmda-receptor')).toBe(true);
    expect(has('/target/nmda-receptor', prop.affects, '/system/spinal-cord')).toBe(true);
    expect(has('/target/mu-opioid-receptor', prop.affects, '/system/central-nervous-system')).toBe(true);
    expect(has('/drug/ketamine', prop.actsOn, '/target/d2-receptor')).toBe(false);
  });
});

describe('a dataset too large to write whole', () => {
  it('gives one clear error, not a RangeError, and writes nothing', async () => {
    // A file longer than V8's longest string (about 10 M triples of N-Triples) fails like this inside a writer.
    const spy = vi.spyOn(rdfFormats.ntriples, 'write').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    const out = path.join(scratchDir('pharmald-too-large-'), 'out');
    try {
      await expect(build({ dataDir, outDir: out, site: false })).rejects.toThrow(
        /^pharmald: error: dataset\.nt of \d+ triples is longer than the longest text Node\.js can hold \(536,870,888 characters\); pharmald writes each file whole/,
      );
    } finally {
      spy.mockRestore();
    }
    expect(existsSync(out)).toBe(false);
  });
});
