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
const expectations: Record<string, { readonly of?: 'drug' | 'mechanism' | 'subject'; readonly empty?: true; readonly check: (answer: Row[]) => void }> = {
  // Cross-drug questions: on the bundled data, ketamine's rows; their answers across DrugCentral's drugs are
  // checked in tests/import-drugcentral.test.ts and by rdflib in tests/cross/drugcentral.test.ts.
  'ion-channel-blockers.rq': { of: 'drug', check: (answer) => {
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'NMDA receptor', use: 'anaesthesia' });
    expect(new Set(answer.map((r) => r.target))).toEqual(new Set(['NMDA receptor']));
  } },
  // The curated data has no pharmacologic classes: no row, and none made up by pooling.
  'shared-targets.rq': { empty: true, check: (answer) => expect(answer).toEqual([]) },
  'systems-and-targets.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toContainEqual({ system: 'spinal cord', target: 'NMDA receptor', directness: 'direct', mechanism: 'Ketamine blocks the NMDA receptor channel' });
    expect(answer).toContainEqual({ system: 'heart', directness: 'indirect', mechanism: 'Ketamine raises heart rate and blood pressure through central sympathetic stimulation' });
    expect(answer).toContainEqual({ system: 'urinary bladder', directness: 'indirect', mechanism: 'Chronic ketamine use can cause ulcerative cystitis' });
    expect(new Set(answer.map((r) => r.system))).toEqual(new Set([
      'brain', 'bronchus smooth muscle', 'cardiovascular system', 'central nervous system', 'digestive system', 'heart', 'larynx',
      'lateral habenula', 'nervous system', 'peripheral nervous system', 'respiratory system', 'salivary glands', 'spinal cord',
      'urinary bladder',
    ]));
  } },
  'chain.rq': { of: 'drug', check: (answer) => {
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'NMDA receptor', system: 'brain' });
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'mu opioid receptor', system: 'central nervous system' });
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'kappa opioid receptor', system: 'central nervous system' });
    expect(answer).toContainEqual({ drug: 'ketamine', target: 'HCN1 channel', system: 'brain' });
    expect(answer.some((r) => r.target === 'dopamine D2 receptor')).toBe(false);
    expect(answer.some((r) => r.target === 'serotonin 5-HT2A receptor')).toBe(false);
  } },
  'direct-vs-indirect.rq': { of: 'mechanism', check: (answer) => {
    const direct = answer.filter((r) => r.directness === 'direct').map((r) => r.mechanism);
    expect(new Set(direct)).toEqual(new Set([
      'Ketamine blocks the NMDA receptor channel',
      'Ketamine blocks NMDA receptors in the spinal cord and brain, reducing central sensitization and pain',
      'Ketamine interacts weakly with the mu opioid receptor',
      'Ketamine interacts weakly with the kappa opioid receptor',
      'Ketamine interacts very weakly with the delta opioid receptor',
      'Ketamine inhibits the noradrenaline transporter weakly',
      'Ketamine inhibits the dopamine transporter weakly',
      'Ketamine inhibits the serotonin transporter weakly',
      'Ketamine inhibits HCN1 channels, contributing to hypnosis',
      'Ketamine inhibits alpha7 nicotinic acetylcholine receptors',
    ]));
    expect(answer.filter((r) => r.directness === 'direct' && r.strength === 'weak')).toHaveLength(7);
    // BDNF follows from two mechanisms: one row for each.
    expect(answer.filter((r) => r.mechanism === 'Ketamine increases BDNF levels').map((r) => r.upstream).sort()).toEqual([
      'Ketamine enhances AMPA receptor function, downstream of NMDA receptor block',
      'Ketamine reduces eEF2 phosphorylation, de-suppressing BDNF translation',
    ]);
  } },
  'therapeutic-vs-adverse.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toContainEqual(expect.objectContaining({ effect: 'increased heart rate', direction: 'increased', valence: 'context-dependent' }));
    expect(answer).toContainEqual(expect.objectContaining({ effect: 'respiratory drive preserved', direction: 'preserved', valence: 'therapeutic' }));
    expect(answer).toContainEqual(expect.objectContaining({ effect: 'altered dopamine signalling', direction: 'altered', valence: 'context-dependent' }));
    expect(answer).toContainEqual(expect.objectContaining({ process: 'gamma-aminobutyric acid signaling pathway', direction: 'altered' }));
    expect(answer.filter((r) => r.valence === 'adverse')).toHaveLength(9);
  } },
  'evidence.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toContainEqual(expect.objectContaining({ pmid: '26075331', doi: '10.1111/bph.13222', type: 'review' }));
    expect(answer).toContainEqual(expect.objectContaining({ mechanism: 'Ketamine causes bronchodilation', pmid: '24082612' }));
  } },
  'affinities.rq': { of: 'mechanism', check: (answer) => {
    expect(answer.map((r) => [r.target, r.measure, r.value, r.uncertainty, r.unit, r.species])).toEqual([
      ['GluN2C', 'pIC50', '6.18', undefined, undefined, undefined],
      ['NMDA receptor', 'Ki', '659.0', '98.0', 'nM', undefined],
      ['nicotinic acetylcholine receptor alpha7', 'IC50', '20.0', undefined, 'uM', 'human'],
      ['dopamine transporter (DAT)', 'Ki', '62.9', undefined, 'uM', 'rat'],
      ['noradrenaline transporter (NET)', 'IC50', '97.0', undefined, 'uM', 'bovine'],
      ['noradrenaline transporter (NET)', 'Ki', '66.8', undefined, 'uM', 'human'],
      ['serotonin transporter (SERT)', 'Ki', '162.0', undefined, 'uM', 'rat'],
      ['delta opioid receptor', 'pKi', '3.57', '0.02', undefined, undefined],
      ['kappa opioid receptor', 'pKi', '4.55', '0.04', undefined, undefined],
      ['mu opioid receptor', 'pKi', '4.38', '0.02', undefined, undefined],
    ]);
    for (const row of answer) expect(row.assay, row.target).toBeDefined();
    expect(answer.find((r) => r.target === 'NMDA receptor')?.assay).toMatch(/\[3H\]MK-801/);
  } },
  'opioid-affinities.rq': { of: 'mechanism', check: (answer) => {
    expect(answer.map((r) => [r.target, r.gene, r.measure, r.value, r.uncertainty, r.unit, r.strength, r.species, r.pmid])).toEqual([
      ['delta opioid receptor', 'OPRD1', 'pKi', '3.57', '0.02', undefined, 'weak', undefined, '9915326'],
      ['kappa opioid receptor', 'OPRK1', 'pKi', '4.55', '0.04', undefined, 'weak', undefined, '9915326'],
      ['mu opioid receptor', 'OPRM1', 'pKi', '4.38', '0.02', undefined, 'weak', undefined, '9915326'],
    ]);
    for (const row of answer) expect(row.assay).toMatch(/^\[3H\]diprenorphine displacement, recombinant receptor in CHO cell membranes/);
  } },
  'unquantified-interactions.rq': { of: 'mechanism', check: (answer) => {
    expect(answer).toEqual([{ mechanism: 'Ketamine inhibits HCN1 channels, contributing to hypnosis', target: 'HCN1 channel', certainty: 'probable' }]);
  } },
  'adverse-effects.rq': { of: 'mechanism', check: (answer) => {
    expect(new Set(answer.map((r) => r.mechanism))).toEqual(new Set([
      'Chronic ketamine use can cause ulcerative cystitis',
      'Ketamine can cause cardiac decompensation where catecholamines are depleted',
      'Ketamine can cause emergence reactions after anaesthesia',
      'Ketamine can cause laryngospasm and airway obstruction',
      'Ketamine can cause nausea and vomiting',
      'Ketamine causes psychosis-like and dissociative symptoms',
      'Ketamine has abuse liability',
      'Ketamine increases salivation',
      'Ketamine may raise intracranial pressure (contested)',
    ]));
    expect(answer).toContainEqual({
      effect: 'psychosis-like (positive and negative) symptoms and dissociation', process: 'perception and thought', system: 'brain',
      mechanism: 'Ketamine causes psychosis-like and dissociative symptoms', certainty: 'established', upstream: 'Ketamine blocks the NMDA receptor channel',
    });
    expect(answer).toContainEqual(expect.objectContaining({ mechanism: 'Ketamine may raise intracranial pressure (contested)', certainty: 'possible' }));
    expect(answer.filter((r) => r.upstream !== undefined).map((r) => r.mechanism)).toEqual(['Ketamine causes psychosis-like and dissociative symptoms']);
  } },
  'caveats.rq': { of: 'subject', check: (answer) => {
    expect(answer.some((r) => r.subject === 'Ketamine causes bronchodilation' && /systematic review/.test(r.caveat!))).toBe(true);
    expect(answer.some((r) => r.subject === 'ketamine' && /not a measured affinity/.test(r.caveat!))).toBe(true);
    expect(answer.some((r) => r.subject === 'Ketamine may alter dopamine signalling' && /D2High/.test(r.caveat!))).toBe(true);
    expect(answer.some((r) => r.subject === 'Ketamine may raise intracranial pressure (contested)' && /systematic review/.test(r.caveat!))).toBe(true);
    expect(answer.some((r) => /Catecholamine reuptake inhibition/.test(r.caveat!) && /Nishimura/.test(r.citation!))).toBe(true);
  } },
  'downstream-chain.rq': { of: 'mechanism', check: (answer) => {
    expect(answer.map((r) => r.target).filter((t) => t !== undefined).sort()).toEqual([
      'AMPA receptor', 'TrkB (neurotrophic receptor tyrosine kinase 2)', 'brain-derived neurotrophic factor (BDNF)',
      'eEF2 (eukaryotic translation elongation factor 2)', 'eEF2 kinase (eukaryotic elongation factor 2 kinase)',
      'mTOR (mechanistic target of rapamycin kinase)',
    ]);
    expect(answer.filter((r) => r.target === undefined).map((r) => r.mechanism)).toEqual([
      'Ketamine blocks NMDA receptor-dependent bursting in the lateral habenula',
      'Ketamine causes psychosis-like and dissociative symptoms',
      'Ketamine may alter dopamine signalling',
      'Ketamine may alter serotonin signalling',
    ]);
  } },
  'clinical-uses.rq': { of: 'mechanism', check: (answer) => {
    expect(new Set(answer.map((r) => r.use))).toEqual(new Set(['anaesthesia', 'analgesia', 'rapid antidepressant']));
    expect(answer).toContainEqual(expect.objectContaining({ use: 'analgesia', role: 'analgesic', mechanism: 'Ketamine enhances descending pain inhibition' }));
  } },
  'no-appreciable-binding.rq': { of: 'drug', check: (answer) => {
    expect(answer.map((r) => r.gene).sort()).toEqual(['DRD2', 'HTR2A']);
  } },
  'external-identifiers.rq': { check: (answer) => {
    expect(answer).toContainEqual({ entity: 'ketamine', relation: 'exact match', identifier: 'http://www.wikidata.org/entity/Q243547' });
    expect(answer).toContainEqual({ entity: 'GluN1', relation: 'gene product of', identifier: 'https://identifiers.org/hgnc:4584' });
    expect(answer.filter((r) => r.identifier!.startsWith('https://identifiers.org/hgnc:')).map((r) => r.relation)).not.toContain('exact match');
    expect(answer).toContainEqual({ entity: 'delta opioid receptor', relation: 'exact match', identifier: 'http://purl.uniprot.org/uniprot/P41143' });
    expect(answer).toContainEqual({ entity: 'Bell RF, Kalso EA. Ketamine for pain management. Pain Rep 2018;3(5):e674.', relation: 'exact match', identifier: 'https://identifiers.org/pubmed:30534625' });
  } },
  'enantiomers.rq': { of: 'racemate', check: (answer) => {
    const measured = answer.filter((r) => r.basis === 'measured affinities');
    expect(measured.map((r) => [r.target, r.morePotent, r.lessPotent, r.measure, r.unit, Number(r.morePotentValue), Number(r.lessPotentValue)])).toEqual([
      ['dopamine transporter (DAT)', 'esketamine', 'arketamine', 'Ki', 'uM', 46.9, 390],
    ]);
    // At the NMDA receptor no affinity of either enantiomer is verified: the answer is the review's statement.
    const stated = answer.filter((r) => r.basis !== 'measured affinities');
    expect(stated.map((r) => `${r.target}: ${r.morePotent} > ${r.lessPotent}`)).toEqual([
      'NMDA receptor: esketamine > arketamine', 'kappa opioid receptor: esketamine > arketamine', 'mu opioid receptor: esketamine > arketamine',
    ]);
    expect(stated[0]!.basis).toMatch(/^Yang C, Yang J, Luo A, Hashimoto K\./);
  } },
  'dose-dependent-effects.rq': { check: (answer) => {
    expect(answer.filter((r) => r.drug === 'ketamine').map((r) => `${r.dose}: ${r.direction} ${r.process}`)).toEqual([
      'anaesthetic dose: decreased synaptic transmission, glutamatergic', 'subanaesthetic dose: increased synaptic transmission, glutamatergic',
    ]);
  } },
  'related-drugs.rq': { of: 'parent', check: (answer) => {
    expect(new Set(answer.map((r) => `${r.relation}: ${r.drug}`))).toEqual(new Set([
      'enantiomer of: esketamine', 'enantiomer of: arketamine', 'metabolite of: norketamine', 'metabolite of: (2R,6R)-hydroxynorketamine',
    ]));
    expect(answer).toContainEqual(expect.objectContaining({
      drug: '(2R,6R)-hydroxynorketamine', mechanism: '(2R,6R)-hydroxynorketamine may have antidepressant actions independent of NMDA receptor inhibition',
      caveat: expect.stringMatching(/^Counter-evidence: Kavalali and Monteggia \(2018\)/),
    }));
  } },
  'regulatory-status.rq': { check: (answer) => {
    expect(answer).toContainEqual(expect.objectContaining({
      drug: 'ketamine', use: 'rapid antidepressant', status: 'off-label', citation: expect.stringMatching(/^Gastaldon C/),
    }));
    expect(answer.filter((r) => r.drug === 'ketamine').map((r) => r.status)).toEqual(['off-label']);
    expect(answer).toContainEqual(expect.objectContaining({
      drug: 'esketamine', use: 'treatment-resistant depression', status: 'approved', authority: 'FDA', year: '2019',
      restriction: expect.stringMatching(/SPRAVATO REMS/),
    }));
  } },
  'action-type-mappings.rq': { check: (answer) => {
    const of = (t: string) => answer.filter((r) => r.actionType === t).map((r) => `${r.vocabulary}: ${r.value} (${r.precision})`);
    expect(of('binding')).toEqual(['GtoPdb action: Binding (exact)']);
    expect(of('binding agent')).toEqual(['ChEMBL action type: BINDING AGENT (exact)']);
    expect(of('potentiation')).toEqual(['ChEMBL action type: POSITIVE MODULATOR (broad)', 'GtoPdb action: Potentiation (exact)']);
    expect(of('modulation')).toEqual(['ChEMBL action type: MODULATOR (close)']);
    expect(of('channel blocker')).toEqual(['ChEMBL action type: BLOCKER (exact)', 'GtoPdb action: Pore blocker (exact)', 'GtoPdb type: Channel blocker (exact)']);
  } },
  'unsupported-claims.rq': { of: 'mechanism', check: (answer) => {
    expect(answer.map((r) => r.section)).toEqual(['1e']);
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
  for (const [file, { of, empty, check }] of Object.entries(expectations)) {
    it(`${file} answers${of ? ` (${of}: ketamine's rows)` : ''}`, async () => {
      const answer = await select(folder, readFileSync(path.join(dir, file), 'utf8'));
      const ketamine = await ketamineLabels(folder);
      const rows = of ? answer.filter((row) => ketamine.has(row[of]!)) : answer;
      if (!empty) expect(rows.length).toBeGreaterThan(0);
      check(rows);
    });
  }
});
