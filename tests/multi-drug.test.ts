// Many drugs at one target: the derived links pld:actsOn (drug → target) and pld:affects (target → system) are each
// true, but pld:affects is pooled over drugs, so joining them credits one drug with a system that only another
// drug's claim names. The example queries and the pages that combine a drug, a target and a system must go through
// one mechanism instead. The data here is the bundled data plus one more file, written in a scratch folder (never
// in data/): TESTDRUG, a made-up test fixture whose one mechanism acts at ketamine's mu opioid receptor, but in
// the digestive system only (ketamine's mu opioid claim is in the central nervous system).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { ontologyFile } from '../src/paths.js';
import { query } from '../src/query/engine.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { buildSite } from '../src/site/build.js';
import { copyOfData, dataDir, datasetOf, root, write } from './helpers.js';

/** TEST FIXTURE, not data: a made-up drug for this test only (its one identifier is a placeholder, not a real record). */
const testdrugYaml = `# TEST FIXTURE (tests/multi-drug.test.ts), never data: a made-up drug, written into a scratch copy of data/.
drugs:
  - id: testdrug
    label: testdrug
    description: A made-up test drug (a test fixture, not a medicine) that acts at the mu opioid receptor in the gut only.
    drug_classes: [test fixture]
    identifiers: {}

references:
  - id: testdrug-review
    label: A made-up review of testdrug (test fixture)
    type: review
    year: 2025

mechanisms:
  - id: testdrug-mu-opioid-receptor-gut
    label: Testdrug activates the mu opioid receptor in the gut
    drug: testdrug
    target: mu-opioid-receptor
    action: agonist
    directness: direct
    strength: strong
    certainty: established
    systems: [digestive-system]
    effects:
      - process: opioid-receptor-signalling
        label: increased opioid receptor signalling in the gut (test fixture)
        direction: increased
        valence: therapeutic
    # A made-up claim that it follows from ketamine's NMDA receptor block: another drug's mechanism downstream of
    # ketamine's, which queries/downstream-chain.rq (ketamine's chain) must not list.
    downstream_of: [ketamine-nmda-receptor-block]
    supported_by: [testdrug-review]
    affinities:
      - target: mu-opioid-receptor
        measure: Ki
        value: 2.5
        unit: nM
        assay: a made-up binding assay (test fixture)
        reference: testdrug-review
`;

const ID = 'https://w3id.org/pharmald/id/';
const PREFIXES = 'PREFIX pld: <https://w3id.org/pharmald/vocab#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n';
type Row = Record<string, string>;

let twoDrugs: string;
let site: Map<string, string>;

async function select(folder: string, sparql: string): Promise<Row[]> {
  const result = await query((await datasetOf(folder)).quads, sparql);
  if (result.type !== 'bindings') throw new Error('not a SELECT');
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
}

async function ask(folder: string, sparql: string): Promise<boolean> {
  const result = await query((await datasetOf(folder)).quads, PREFIXES + sparql);
  if (result.type !== 'boolean') throw new Error('not an ASK');
  return result.value;
}

const exampleQuery = (file: string) => readFileSync(path.join(root, 'queries', file), 'utf8');
/** An RDF literal for a label, in SPARQL. */
const en = (label: string) => `${JSON.stringify(label)}@en`;
const rowKey = (row: Row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1)));

beforeAll(async () => {
  twoDrugs = copyOfData();
  write(twoDrugs, 'testdrug.yaml', testdrugYaml);
  const quads: readonly Quad[] = (await datasetOf(twoDrugs)).quads;
  const ontology = await parseTurtleFile(ontologyFile);
  site = new Map((await buildSite({ quads, ontology })).map((f) => [f.name, f.content]));
});

describe('the two-drug data', () => {
  it('has the pooled link that the old chain join fell for: testdrug acts on the mu opioid receptor, which affects the CNS (through ketamine)', async () => {
    expect(await ask(twoDrugs, `ASK { <${ID}drug/testdrug> pld:actsOn <${ID}target/mu-opioid-receptor> .
      <${ID}target/mu-opioid-receptor> pld:affects <${ID}system/central-nervous-system> }`)).toBe(true);
    // … yet no mechanism of testdrug acts in the CNS.
    expect(await ask(twoDrugs, `ASK { <${ID}drug/testdrug> pld:hasMechanism/pld:system <${ID}system/central-nervous-system> }`)).toBe(false);
    const pooled = await select(twoDrugs, `${PREFIXES}SELECT ?system WHERE { <${ID}drug/testdrug> pld:actsOn ?t . ?t pld:affects/rdfs:label ?system }`);
    expect(pooled.map((r) => r.system).sort()).toEqual(['central nervous system', 'digestive system']);
  });
});

describe('queries/chain.rq with two drugs at one target', () => {
  it("gives testdrug only the system of its own claim, never ketamine's", async () => {
    const answer = await select(twoDrugs, exampleQuery('chain.rq'));
    expect(answer.filter((r) => r.drug === 'testdrug')).toEqual([{ drug: 'testdrug', target: 'mu opioid receptor', system: 'digestive system' }]);
    expect(answer).not.toContainEqual({ drug: 'testdrug', target: 'mu opioid receptor', system: 'central nervous system' });
    // and gives ketamine no system of testdrug's claim.
    expect(answer).not.toContainEqual({ drug: 'ketamine', target: 'mu opioid receptor', system: 'digestive system' });
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'mu opioid receptor', system: 'central nervous system' });
  });

  it("gives every other drug's rows exactly as on the bundled data", async () => {
    const before = await select(dataDir, exampleQuery('chain.rq'));
    const after = await select(twoDrugs, exampleQuery('chain.rq'));
    expect(before.filter((r) => r.drug === 'ketamine').length).toBeGreaterThan(10);
    expect(after.filter((r) => r.drug !== 'testdrug')).toEqual(before);
  });

  it('answers only rows that one mechanism backs: of the drug, naming the target, acting in the system; once each', async () => {
    const answer = await select(twoDrugs, exampleQuery('chain.rq'));
    expect(new Set(answer.map(rowKey)).size).toBe(answer.length);
    for (const row of answer) {
      expect(await ask(twoDrugs, `ASK { ?d rdfs:label ${en(row.drug!)} ; pld:hasMechanism ?m .
        ?m pld:target/rdfs:label ${en(row.target!)} ; pld:system/rdfs:label ${en(row.system!)} }`), JSON.stringify(row)).toBe(true);
    }
  });
});

describe('queries/downstream-chain.rq with another drug downstream of the block', () => {
  it("lists ketamine's mechanisms only, exactly as on the bundled data", async () => {
    const before = await select(dataDir, exampleQuery('downstream-chain.rq'));
    const after = await select(twoDrugs, exampleQuery('downstream-chain.rq'));
    expect(after.map((r) => r.mechanism)).not.toContain('Testdrug activates the mu opioid receptor in the gut');
    expect(after).toEqual(before);
    for (const row of after) {
      expect(await ask(twoDrugs, `ASK { ?m rdfs:label ${en(row.mechanism!)} ; pld:drug <${ID}drug/ketamine> }`), row.mechanism).toBe(true);
    }
  });

  it('has the cross-drug link it leaves out (the fixture does reach it)', async () => {
    expect(await ask(twoDrugs, `ASK { <${ID}mechanism/testdrug-mu-opioid-receptor-gut> pld:downstreamOf <${ID}mechanism/ketamine-nmda-receptor-block> }`)).toBe(true);
  });
});

/** The text of the <dd> after a <dt> on a page, and its lines (one per drug) without tags. */
function factLines(page: string, term: string): string[] {
  const dd = new RegExp(`<dt>${term}</dt><dd>([\\s\\S]*?)</dd>`).exec(page)?.[1];
  if (dd === undefined) throw new Error(`no fact "${term}"`);
  return dd.split('<br>').map((line) => line.replace(/<[^>]+>/g, ''));
}

/** A table's header cells and its rows as [id, cell texts]. */
function tableOf(page: string, cls: string): { head: string[]; rows: [string, string[]][] } {
  const body = new RegExp(`<table class="${cls}">[\\s\\S]*?</table>`).exec(page)?.[0] ?? '';
  const head = [...(/<thead>([\s\S]*?)<\/thead>/.exec(body)?.[1] ?? '').matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!);
  const rows = [...body.matchAll(/<tr id="([^"]+)">([\s\S]*?)<\/tr>/g)].map(([, id, cells]): [string, string[]] =>
    [id!, [...cells!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))]);
  return { head, rows };
}

describe('the pages with two drugs at one target', () => {
  const muPage = () => site.get('id/target/mu-opioid-receptor/index.html')!;

  it("list a target's systems drug by drug, each from that drug's own mechanisms", () => {
    expect(factLines(muPage(), 'Affects, by drug')).toEqual(['ketamine: central nervous system', 'testdrug: digestive system']);
  });

  it("give the affinity table of a target a Drug column naming whose mechanism measured each value", () => {
    const { head, rows } = tableOf(muPage(), 'affinities');
    expect(head).toEqual(['Drug', 'Target', 'Measure', 'Value', 'Assay', 'Source']);
    expect(rows.map(([, cells]) => cells.slice(0, 4))).toEqual([
      ['ketamine', 'mu opioid receptor', 'pKi', '4.38 ± 0.02'],
      ['testdrug', 'mu opioid receptor', 'Ki', '2.5 nM'],
    ]);
    // Row ids name the mechanism, so two mechanisms' affinities never share one.
    expect(rows.map(([id]) => id)).toEqual([
      expect.stringMatching(/^mechanism-ketamine-mu-opioid-receptor-interaction-affinity-/),
      expect.stringMatching(/^mechanism-testdrug-mu-opioid-receptor-gut-affinity-/),
    ]);
    // The mechanism's own page keeps its table as it was: no Drug column, the part's own anchor.
    const own = tableOf(site.get('id/mechanism/testdrug-mu-opioid-receptor-gut/index.html')!, 'affinities');
    expect(own.head[0]).toBe('Target');
    expect(own.rows.map(([id]) => id)).toEqual(['affinity-mu-opioid-receptor-ki']);
  });

  it("list a system's targets drug by drug: the digestive system's mu opioid receptor is testdrug's, not ketamine's", () => {
    const lines = factLines(site.get('id/system/digestive-system/index.html')!, 'Targets acting in it, by drug');
    expect(lines).toContain('testdrug: mu opioid receptor');
    expect(lines.filter((l) => l.includes('mu opioid receptor'))).toEqual(['testdrug: mu opioid receptor']);
    const cns = factLines(site.get('id/system/central-nervous-system/index.html')!, 'Targets acting in it, by drug');
    expect(cns.find((l) => l.startsWith('ketamine: '))).toContain('mu opioid receptor');
    expect(cns.some((l) => l.startsWith('testdrug: '))).toBe(false);
  });

  it("keep a drug's potency comparisons out of a target's affinity table, in their own table with the drug", () => {
    const nmda = site.get('id/target/nmda-receptor/index.html')!;
    expect(tableOf(nmda, 'affinities').rows.map(([, cells]) => cells[2])).not.toContain('');
    expect(tableOf(nmda, 'potency-comparisons').rows).toEqual([
      ['drug-esketamine-potency-nmda-receptor-arketamine', ['esketamine', 'arketamine', expect.stringMatching(/less potent NMDA receptor antagonist/), expect.stringMatching(/^Yang C/)]],
    ]);
  });

  it('never give two elements of a page the same id', () => {
    let pages = 0;
    for (const [name, page] of site) {
      if (!name.endsWith('.html')) continue;
      const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), name).toEqual([]);
      pages++;
    }
    expect(pages).toBeGreaterThan(100);
  });
});
