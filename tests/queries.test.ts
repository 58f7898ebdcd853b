// Each example query in queries/ runs in-process through Comunica and gives the answer it promises about the
// bundled ketamine data. The answers are kept to ketamine's rows (by the column each query has for it), and the
// checks are run on the bundled data and again with a second drug added as README's "How to add a drug" says
// (tests/fixtures/new-drug), which makes claims of every kind at ketamine's targets: another drug changes
// nothing here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../src/query/engine.js';
import { dataDir, datasetOf, dataWithNewDrug, root } from './helpers.js';

const dir = path.join(root, 'queries');
type Row = Record<string, string>;

async function select(dataFolder: string, sparql: string): Promise<Row[]> {
  const { quads } = await datasetOf(dataFolder);
  const result = await query(quads, sparql);
  if (result.type !== 'bindings') throw new Error('not a SELECT');
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
}

/** The labels that name ketamine or one of its mechanisms: how a query's rows say they are about ketamine. */
async function ketamineLabels(dataFolder: string): Promise<Set<string>> {
  const rows = await select(dataFolder, `PREFIX pld: <https://w3id.org/pharmald/vocab#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label WHERE { { <https://w3id.org/pharmald/id/drug/ketamine> rdfs:label ?label }
      UNION { ?m pld:drug <https://w3id.org/pharmald/id/drug/ketamine> ; rdfs:label ?label } }`);
  return new Set(rows.map((r) => r.label!));
}

/**
 * For each query: the column that says whose row it is (`drug`, `mechanism` or `subject`: other drugs' rows are
 * left out before the check), or none where the check only asks that rows be there, which no other drug can break.
 */
const expectations: Record<string, { readonly of?: 'drug' | 'mechanism' | 'subject'; readonly check: (answer: Row[]) => void }> = {
  'systems-and-targets.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toContainEqual({ system: 'spinal cord', target: 'NMDA receptor', directness: 'direct', mechanism: 'Ketamine blocks the NMDA receptor channel' });
    expect(answer).toContainEqual({ system: 'heart', directness: 'indirect', mechanism: 'Ketamine raises heart rate and blood pressure through central sympathetic stimulation' });
    expect(new Set(answer.map((r) => r.system))).toEqual(new Set([
      'brain', 'bronchus smooth muscle', 'cardiovascular system', 'central nervous system', 'heart',
      'peripheral nervous system', 'respiratory system', 'spinal cord',
    ]));
  } },
  'chain.rq': { of: 'drug', check: (answer) => {
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'NMDA receptor', system: 'brain' });
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'mu opioid receptor', system: 'central nervous system' });
    expect(answer.some((r) => r.target === 'dopamine D2 receptor')).toBe(false);
  } },
  'direct-vs-indirect.rq': { of: 'mechanism', check: (answer) => {
    const direct = answer.filter((r) => r.directness === 'direct').map((r) => r.mechanism);
    expect(new Set(direct)).toEqual(new Set([
      'Ketamine blocks the NMDA receptor channel',
      'Ketamine blocks NMDA receptors in the spinal cord and brain, reducing central sensitization and pain',
      'Ketamine interacts weakly with the mu opioid receptor',
    ]));
    expect(answer).toContainEqual(expect.objectContaining({
      mechanism: 'Ketamine increases BDNF levels', directness: 'indirect', upstream: 'Ketamine enhances AMPA receptor function, downstream of NMDA receptor block',
    }));
  } },
  'therapeutic-vs-adverse.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toContainEqual(expect.objectContaining({ effect: 'increased heart rate', direction: 'increased', valence: 'context-dependent' }));
    expect(answer).toContainEqual(expect.objectContaining({ effect: 'respiratory drive preserved', direction: 'preserved', valence: 'therapeutic' }));
  } },
  'evidence.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toContainEqual(expect.objectContaining({ pmid: '26075331', doi: '10.1111/bph.13222', type: 'review' }));
    expect(answer).toContainEqual(expect.objectContaining({ mechanism: 'Ketamine causes bronchodilation', pmid: '24082612' }));
  } },
  'affinities.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toEqual([
      expect.objectContaining({ target: 'GluN2C', measure: 'pIC50', value: '6.18' }),
      expect.objectContaining({ target: 'NMDA receptor', measure: 'Ki', value: '659.0', uncertainty: '98.0', unit: 'nM' }),
    ]);
  } },
  'weak-and-unquantified.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toEqual([{ mechanism: 'Ketamine interacts weakly with the mu opioid receptor', target: 'mu opioid receptor', certainty: 'possible' }]);
  } },
  'caveats.rq': { of: 'subject', check: (answer) => {
    expect(answer.some((r) => r.subject === 'Ketamine causes bronchodilation' && /systematic review/.test(r.caveat!))).toBe(true);
    expect(answer.some((r) => r.subject === 'ketamine' && /not a measured affinity/.test(r.caveat!))).toBe(true);
  } },
  'downstream-chain.rq': { of: 'mechanism', check: (answer) => {
    expect(answer.map((r) => r.target).sort()).toEqual([
      'AMPA receptor', 'TrkB (neurotrophic receptor tyrosine kinase 2)', 'brain-derived neurotrophic factor (BDNF)', 'mTOR (mechanistic target of rapamycin kinase)',
    ]);
  } },
  'clinical-uses.rq': { of: 'mechanism', check: (answer) => {
    expect(new Set(answer.map((r) => r.use))).toEqual(new Set(['anaesthesia', 'analgesia', 'rapid antidepressant']));
    expect(answer).toContainEqual(expect.objectContaining({ use: 'analgesia', role: 'analgesic', mechanism: 'Ketamine enhances descending pain inhibition' }));
  } },
  'no-appreciable-binding.rq': { of: 'drug', check: (answer) => {
    expect(answer.map((r) => r.gene).sort()).toEqual(['DRD2', 'HTR2A', 'OPRK1']);
  } },
  'external-identifiers.rq': { check: (answer) => {
    expect(answer).toContainEqual({ entity: 'ketamine', identifier: 'http://www.wikidata.org/entity/Q243547' });
    expect(answer).toContainEqual({ entity: 'GluN1', identifier: 'https://identifiers.org/hgnc:4584' });
  } },
  'unsupported-claims.rq': { of: 'mechanism', check: (answer) => {
    expect(answer.map((r) => r.section)).toEqual(['1c', '1e', '4', '5', '5']);
  } },
};

describe('queries/', () => {
  it('has an expectation for every example query', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.rq')).sort()).toEqual(Object.keys(expectations).sort());
  });
});

const withNewDrug = dataWithNewDrug();
describe.each([
  { data: 'the bundled data', folder: dataDir },
  { data: 'the bundled data and a new drug', folder: withNewDrug },
])('queries/ on $data', ({ folder }) => {
  for (const [file, { of, check }] of Object.entries(expectations)) {
    it(`${file} answers${of ? ` (${of}: ketamine's rows)` : ''}`, async () => {
      const answer = await select(folder, readFileSync(path.join(dir, file), 'utf8'));
      const ketamine = await ketamineLabels(folder);
      const rows = of ? answer.filter((row) => ketamine.has(row[of]!)) : answer;
      expect(rows.length).toBeGreaterThan(0);
      check(rows);
    });
  }
});
