// `pharmald import drugcentral SRC --out DIR` on the two bundled DrugCentral releases (sources/drugcentral/) and on
// small tables made here: columns by header name, the field's mappings, provenance per row, bad rows named by
// file:line:col with nothing written, and the import built together with the curated data (ketamine one drug).
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileDataset } from '../src/build.js';
import { bundledImport } from '../src/generate/bundledImport.js';
import { importDrugCentral } from '../src/import/drugcentral.js';
import { referenceOf } from '../src/import/drugcentralTerms.js';
import { projectDataDirs } from '../src/projectFile.js';
import { query } from '../src/query/engine.js';
import { dataDir, expectCleanStderr, pharmald, pharmaldAsync, root, scratchDir, snapshot } from './helpers.js';

const releases = path.join(root, 'sources', 'drugcentral');
const pld = 'https://w3id.org/pharmald/vocab#';
const idBase = 'https://w3id.org/pharmald/id/';

type Entity = Record<string, unknown>;
const read = (dir: string, file: string, section: string): Entity[] => (parseYaml(readFileSync(path.join(dir, file), 'utf8')) as Record<string, Entity[]>)[section]!;
const targetHeader = 'DRUG_ID\tCHEMBL_ID\tDRUG_NAME\tTARGET_NAME\tTARGET_FAMILY\tUNIPROT\tGENE\tSWISSPROT\tACTION_TYPE\tSOURCE\tREFERENCE';
const ketamineRow = '1523\tCHEMBL742\tketamine\tGlutamate [NMDA] receptor\tIon channel\tO15399|O60391|Q05586|Q12879|Q13224|Q14957|Q8TCU5\tGRIN1|GRIN2A|GRIN2B|GRIN2C|GRIN2D|GRIN3A|GRIN3B\tNMD3A_HUMAN|NMD3B_HUMAN|NMDE1_HUMAN|NMDE2_HUMAN|NMDE3_HUMAN|NMDE4_HUMAN|NMDZ1_HUMAN\tBLOCKER\tCHEMBL\thttps://www.ebi.ac.uk/chembl/compound/inspect/CHEMBL742';

/** A release folder with the given tables and the 2016-05-09 licence. */
function release(tables: Record<string, string>, name = '2020-01-01'): string {
  const dir = path.join(scratchDir('pharmald-dc-'), name);
  cpSync(path.join(releases, '2016-05-09', 'LICENSE'), path.join(dir, 'LICENSE'), { recursive: true });
  for (const [file, text] of Object.entries(tables)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('import drugcentral: the bundled releases', () => {
  const out = { '2016-05-09': '', '2016-01-28': '' };
  beforeAll(async () => {
    const scratch = scratchDir('pharmald-dc-out-');
    await Promise.all(Object.keys(out).map(async (version) => {
      out[version as keyof typeof out] = path.join(scratch, version);
      const result = await pharmaldAsync(['import', 'drugcentral', path.join(releases, version), '--out', out[version as keyof typeof out]]);
      expect(result.stderr).not.toMatch(/: error: /);
      expect(result.status).toBe(0);
    }));
  }, 120_000);

  it('keeps every mechanism row, with its release, file and line', () => {
    for (const [version, dir] of Object.entries(out)) {
      const rows = readFileSync(path.join(releases, version, 'drug_target.tsv'), 'utf8').trimEnd().split('\n').length - 1;
      const lines = read(dir, 'mechanisms.yaml', 'mechanisms').flatMap((m) => (m.origins as Entity[]).map((o) => {
        expect(o).toMatchObject({ release: `drugcentral-${version}`, file: 'drug_target.tsv' });
        return o.line as number;
      }));
      expect(lines.sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, i) => i + 2));
    }
  });

  it("maps ketamine's BLOCKER row to a channel-blocker claim at a family of seven NMDA receptor proteins, and nothing more", () => {
    const mechanisms = read(out['2016-05-09'], 'mechanisms.yaml', 'mechanisms').filter((m) => m.drug === 'ketamine');
    expect(mechanisms).toHaveLength(1);
    const [m] = mechanisms;
    expect(m).toMatchObject({ action: 'channel-blocker', directness: 'direct', supported_by: ['chembl-chembl742'] });
    expect(m).not.toHaveProperty('certainty');
    expect(m).not.toHaveProperty('strength');
    expect(m).not.toHaveProperty('systems');
    expect(m!.origins).toEqual([{ release: 'drugcentral-2016-05-09', file: 'drug_target.tsv', line: 2340, upstream: 'CHEMBL' }]);
    const target = read(out['2016-05-09'], 'targets.yaml', 'targets').find((t) => t.id === m!.target)!;
    expect(target).toMatchObject({ label: 'Glutamate [NMDA] receptor', type: 'ion-channel', grouping: 'family' });
    expect(target.proteins).toEqual(['O15399', 'O60391', 'Q05586', 'Q12879', 'Q13224', 'Q14957', 'Q8TCU5']);
    expect(target).not.toHaveProperty('subunits');
  });

  it("gives ketamine DrugCentral's identifiers, indications and classes, each with its row", () => {
    const ketamine = read(out['2016-05-09'], 'drugs.yaml', 'drugs').find((d) => d.id === 'ketamine')!;
    expect(ketamine.identifiers).toMatchObject({ drugcentral: '1523', chembl: ['CHEMBL1714', 'CHEMBL742'], chebi: 'CHEBI:6121', unii: '690G0D6V8H', kegg_drug: 'D00711' });
    const tsv = readFileSync(path.join(releases, '2016-05-09', 'pharm_class.tsv'), 'utf8').split('\n');
    for (const membership of ketamine.classes as Entity[]) {
      for (const o of membership.origins as Entity[]) expect(tsv[(o.line as number) - 1]).toMatch(/^1523\tketamine\t/);
    }
    expect((ketamine.classes as Entity[]).length).toBeGreaterThan(0);
    expect((ketamine.indications as Entity[]).map((i) => i.use)).toEqual(ketamine.uses);
  });

  it('types classes by their source, so a physiologic effect is an effect class and an FDA mechanism class is no target', () => {
    const classes = read(out['2016-05-09'], 'classes.yaml', 'pharmacologic_classes');
    const types = new Set(classes.map((c) => c.type));
    expect([...types].sort()).toEqual(['chebi-role', 'fda-chemical-ingredient', 'fda-established-class', 'fda-mechanism-of-action', 'fda-physiologic-effect', 'mesh-pharmacological-action']);
    const moa = classes.find((c) => c.type === 'fda-mechanism-of-action')!;
    expect(String(moa.id)).toMatch(/^ndfrt-n\d{10}$/);
    expect(moa.ndfrt).toMatch(/^N\d{10}$/);
  });

  it('is byte-identical when run again', async () => {
    const again = path.join(scratchDir('pharmald-dc-again-'), 'out');
    const result = await pharmaldAsync(['import', 'drugcentral', path.join(releases, '2016-05-09'), '--out', again]);
    expect(result.status).toBe(0);
    expect(snapshot(again)).toEqual(snapshot(out['2016-05-09']));
  });

  it('is the committed import in imports/ (else: npm run generate), which the published dataset reads after data/', async () => {
    expect(snapshot(path.join(root, bundledImport.out))).toEqual(snapshot(out['2016-05-09']));
    expect(projectDataDirs(path.join(root, 'pharmald.yaml'))).toEqual(['data', bundledImport.out].map((dir) => path.join(root, dir)));
  });

  let merged: ReturnType<typeof compileDataset> | undefined;
  const mergedDataset = () => (merged ??= compileDataset({ dataDir: [dataDir, out['2016-05-09']] }));

  it('builds with the curated data as one dataset: ketamine one drug, its curated NMDA block with the BLOCKER row as evidence', async () => {
    const compiled = await mergedDataset();
    const has = (s: string, p: string, o: string) => compiled.quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    const drugs = compiled.model.drugs.filter((d) => (d.identifiers.chembl ?? []).includes('CHEMBL742'));
    expect(drugs.map((d) => d.id)).toEqual(['ketamine']);
    // The curated drug keeps its uses and identifiers and takes DrugCentral's indications and classes.
    const [ketamine] = drugs;
    expect(ketamine!.uses).toEqual(expect.arrayContaining(['anaesthesia', 'analgesia']));
    expect(ketamine!.identifiers.chembl).toEqual(['CHEMBL742']);
    expect((ketamine!.indications ?? []).length).toBeGreaterThan(0);
    expect(ketamine!.indications!.every((i) => ketamine!.uses!.includes(i.use) && i.origins![0]!.file === 'drug_indication.tsv')).toBe(true);
    expect((ketamine!.classes ?? []).map((c) => c.origins![0]!.file)).toContain('pharm_class.tsv');
    const block = `${idBase}mechanism/ketamine-nmda-receptor-block`;
    expect(has(block, `${pld}target`, `${idBase}target/nmda-receptor`)).toBe(true);
    expect(has(block, `${pld}supportedBy`, `${idBase}reference/chembl-chembl742`)).toBe(true);
    const origin = `${block}/origin/drugcentral-2016-05-09-drug-target-2340`;
    expect(has(block, `${pld}hasOrigin`, origin)).toBe(true);
    expect(has(origin, `${pld}sourceLine`, '2340')).toBe(true);
    expect(compiled.quads.some((q) => q.subject.value.startsWith(`${idBase}mechanism/ketamine-uniprot-set-`))).toBe(false);
    expect(compiled.diagnostics.filter((d) => d.severity === 'violation')).toEqual([]);
    expect(compiled.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/^mechanism ketamine-uniprot-set-\w+ is ketamine-nmda-receptor-block/));
  }, 120_000);

  it('keeps every drug_target.tsv row in the merged output: a mechanism of the row\'s drug with a source record of its line', async () => {
    const compiled = await mergedDataset();
    const objects = new Map(compiled.quads.map((q) => [`${q.subject.value} ${q.predicate.value}`, q.object.value]));
    const objectOf = (s: string, p: string) => objects.get(`${s} ${pld}${p}`);
    const drugOf = new Map(compiled.model.drugs.map((d) => [`${idBase}drug/${d.id}`, [d.identifiers.drugcentral ?? []].flat()]));
    const lines = new Map<number, string[]>();
    for (const q of compiled.quads.filter((q) => q.predicate.value === `${pld}hasOrigin`)) {
      if (objectOf(q.object.value, 'sourceFile') !== 'drug_target.tsv') continue;
      expect(objectOf(q.object.value, 'sourceRelease')).toBe(`${idBase}source/drugcentral-2016-05-09`);
      const line = Number(objectOf(q.object.value, 'sourceLine'));
      lines.set(line, [...(lines.get(line) ?? []), ...(drugOf.get(objectOf(q.subject.value, 'drug') ?? '') ?? [])]);
    }
    const rows = readFileSync(path.join(releases, '2016-05-09', 'drug_target.tsv'), 'utf8').trimEnd().split('\n').slice(1);
    expect([...lines.keys()].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 2));
    rows.forEach((row, i) => expect(lines.get(i + 2), `line ${i + 2}`).toContain(row.split('\t')[0]));
  }, 120_000);

  it('answers the cross-drug example queries from each drug\'s own claims', async () => {
    const { quads } = await mergedDataset();
    const select = async (file: string) => {
      const result = await query(quads, readFileSync(path.join(root, 'queries', file), 'utf8'));
      if (result.type !== 'bindings') throw new Error('not a SELECT');
      return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
    };
    const blockers = await select('ion-channel-blockers.rq');
    // amantadine's DrugCentral row is at the NMDA receptor family, which is the curated NMDA receptor.
    expect(blockers).toContainEqual({ drug: 'amantadine', target: 'NMDA receptor', use: 'Parkinsonism' });
    expect(blockers).toContainEqual({ drug: 'ketamine', target: 'NMDA receptor', use: 'anaesthesia' });
    expect(blockers).toContainEqual({ drug: 'verapamil', target: 'Voltage-dependent L-type calcium channel subunit alpha-1C', use: 'Hypertension' });
    expect(blockers.some((r) => r.drug === 'lidocaine' && r.target === 'NMDA receptor')).toBe(false);
    const shared = await select('shared-targets.rq');
    expect(shared).toContainEqual({ target: 'Sodium channel protein type 2 subunit alpha', drugOfFirst: 'lamotrigine', drugOfSecond: 'lidocaine' });
    expect(new Set(shared.map((r) => r.target.split(' ')[0]))).toEqual(new Set(['Sodium']));
  }, 120_000);
});

describe('import drugcentral: reading the tables', () => {
  it('reads columns by header name, in any order, without the optional ones', async () => {
    const header = 'ACTION_TYPE\tDRUG_NAME\tUNIPROT\tDRUG_ID\tTARGET_NAME';
    const dir = release({ 'drug_target.tsv': `${header}\nAGONIST\texampline\tP40238\t42\tThrombopoietin receptor\n` });
    const imported = await importDrugCentral(dir);
    const mechanisms = parseYaml(imported.files.find((f) => f.name === 'mechanisms.yaml')!.content).mechanisms;
    expect(mechanisms).toEqual([expect.objectContaining({ drug: 'exampline', target: 'uniprot-p40238', action: 'agonist', origins: [{ release: 'drugcentral-2020-01-01', file: 'drug_target.tsv', line: 2 }] })]);
    const targets = parseYaml(imported.files.find((f) => f.name === 'targets.yaml')!.content).targets;
    expect(targets).toEqual([{ id: 'uniprot-p40238', label: 'Thrombopoietin receptor', type: 'protein', identifiers: { uniprot: 'P40238' } }]);
  });

  it('maps every ChEMBL action type DrugCentral uses to a term whose mapping is not broader than the source', async () => {
    const types = ['INHIBITOR', 'AGONIST', 'ANTAGONIST', 'BLOCKER', 'POSITIVE ALLOSTERIC MODULATOR', 'ANTIBODY BINDING', 'OPENER', 'MODULATOR',
      'POSITIVE MODULATOR', 'ACTIVATOR', 'PARTIAL AGONIST', 'INVERSE AGONIST', 'NEGATIVE ALLOSTERIC MODULATOR', 'RELEASING AGENT',
      'ALLOSTERIC ANTAGONIST', 'SUBSTRATE', 'OTHER'];
    const rows = types.map((t, i) => `${i + 1}\t\tdrug${i + 1}\tTarget\tEnzyme\tP40238\t\t\t${t}\tCHEMBL\t`);
    const imported = await importDrugCentral(release({ 'drug_target.tsv': `${targetHeader}\n${rows.join('\n')}\n` }));
    const actions = parseYaml(imported.files.find((f) => f.name === 'mechanisms.yaml')!.content).mechanisms.map((m: Entity) => [m.drug, m.action]);
    expect(Object.fromEntries(actions)).toEqual({
      drug1: 'inhibitor', drug2: 'agonist', drug3: 'antagonist', drug4: 'channel-blocker', drug5: 'positive-allosteric-modulator', drug6: 'antibody-binding',
      drug7: 'opener', drug8: 'modulation', drug9: 'positive-modulator', drug10: 'activator', drug11: 'partial-agonist', drug12: 'inverse-agonist',
      drug13: 'negative-allosteric-modulator', drug14: 'releasing-agent', drug15: 'allosteric-antagonist', drug16: 'substrate', drug17: 'other-action',
    });
  });

  it('makes references of the right kind from the REFERENCE cell', () => {
    expect(referenceOf('http://www.ncbi.nlm.nih.gov/pubmed/24847974')).toMatchObject({ id: 'pmid-24847974', type: 'article', pmid: '24847974' });
    expect(referenceOf('http://www.accessdata.fda.gov/drugsatfda_docs/label/2015/208462lbl.pdf')).toMatchObject({ type: 'drug-label', label: 'Drug label: accessdata.fda.gov 208462lbl.pdf' });
    expect(referenceOf('http://www.guidetopharmacology.org/GRAC/LigandDisplayForward?ligandId=6961')).toMatchObject({ id: 'gtopdb-ligand-6961', type: 'database' });
    expect(referenceOf('http://www.kegg.jp/entry/D00711')).toMatchObject({ id: 'kegg-d00711', type: 'database' });
    const citation = 'CAROPPO, R, EFFECT OF NIPEROTIDINE ON HYDROGEN-ION SECRETION, Curr. Ther. Res.-Clin. Exp., 1990, 48, 1, 20-29';
    expect(referenceOf(citation)).toMatchObject({ label: citation, type: 'article' });
    expect(referenceOf('http://www.ncbi.nlm.nih.gov/pubmed/?term=ketamine')).toBe('malformed');
    expect(referenceOf('')).toBeUndefined();
  });
});

describe('import drugcentral: bad rows are named by file:line:col and nothing is written', () => {
  const cases: [string, string, RegExp][] = [
    ['a row with too few fields', `${targetHeader}\n${ketamineRow}\n1\tCHEMBL1\tx\tT\n`, /drug_target\.tsv:3:\d+: error: this row has 4 fields, but the header has 11/],
    ['an unknown action type', `${targetHeader}\n${ketamineRow.replace('BLOCKER', 'TICKLER')}\n`, /drug_target\.tsv:2:\d+: error: ACTION_TYPE: "TICKLER" is not a ChEMBL action type that pharmald maps \(BLOCKER, /],
    ['a malformed UniProt accession', `${targetHeader}\n${ketamineRow.replace('Q05586', 'Q0558X')}\n`, /drug_target\.tsv:2:\d+: error: UNIPROT: "Q0558X" is not a UniProtKB accession/],
    ['a PubMed URL without an id', `${targetHeader}\n${ketamineRow.replace(/https:\S+$/, 'http://www.ncbi.nlm.nih.gov/pubmed/abc')}\n`, /drug_target\.tsv:2:\d+: error: REFERENCE: "http:\/\/www\.ncbi\.nlm\.nih\.gov\/pubmed\/abc" is a PubMed URL without a PubMed ID/],
    ['a DRUG_ID with two names', `${targetHeader}\n${ketamineRow}\n${ketamineRow.replace('\tketamine\t', '\tketamin\t').replace('Q8TCU5', 'P40238')}\n`, /drug_target\.tsv:3:\d+: error: DRUG_NAME: DRUG_ID 1523 is "ketamin" here and "ketamine" at .*drug_target\.tsv:2/],
    ['a missing required column', `${targetHeader.replace('ACTION_TYPE', 'ACTION')}\n${ketamineRow}\n`, /drug_target\.tsv:1:1: error: missing column ACTION_TYPE/],
  ];
  for (const [name, table, message] of cases) {
    it(name, () => {
      const dir = release({ 'drug_target.tsv': table });
      const out = path.join(scratchDir('pharmald-dc-bad-'), 'out');
      const result = pharmald(['import', 'drugcentral', dir, '--out', out]);
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n')[0]).toMatch(message);
      const [file, line, col] = result.stderr.split('\n')[0]!.split(':').slice(0, 3);
      expect(path.basename(file!)).toBe('drug_target.tsv');
      expect(Number(line)).toBeGreaterThan(0);
      expect(Number(col)).toBeGreaterThan(0);
      expect(result.stderr).toMatch(/nothing was written/);
      expectCleanStderr(result.stderr);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('leaves a previous import whole when the next one fails', async () => {
    const good = release({ 'drug_target.tsv': `${targetHeader}\n${ketamineRow}\n` });
    const out = path.join(scratchDir('pharmald-dc-keep-'), 'out');
    expect(pharmald(['import', 'drugcentral', good, '--out', out]).status).toBe(0);
    const before = snapshot(out);
    writeFileSync(path.join(good, 'drug_target.tsv'), `${targetHeader}\n${ketamineRow.replace('BLOCKER', 'TICKLER')}\n`);
    expect(pharmald(['import', 'drugcentral', good, '--out', out]).status).toBe(1);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses a source folder without drug_target.tsv, and an unknown source, as usage or data errors', () => {
    const dir = release({ 'drug_indication.tsv': 'DRUG_ID\tDRUG_NAME\tINDICATION_FDB\n' });
    const result = pharmald(['import', 'drugcentral', dir, '--out', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/drug_target\.tsv: no such file \(drug_target\.tsv is required\)/);
    const unknown = pharmald(['import', 'chembl', dir, '--out', path.join(dir, 'out')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown source "chembl"/);
  });
});
