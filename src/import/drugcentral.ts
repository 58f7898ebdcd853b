// **drugcentral** maps the DrugCentral tables (drug_target.tsv, and drug_indication.tsv, pharm_class.tsv and
// identifiers.tsv when present) to pharmald entities: each DRUG_ID a drug, each mechanism row a direct claim with
// no strength, certainty or system the source does not give, each indication a clinical use, each class row a
// membership; every claim with the file and line it came from. The field's mappings (ChEMBL action types,
// DrugCentral target families and class types) are read from the vocabularies, not written here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, sortDiagnostics, type Diagnostic } from '../errors.js';
import { schemes, type SchemeName } from '../identifiers.js';
import type { Entity } from '../model/description.js';
import { pharmald } from '../model/pharmald.js';
import { fnv as hash, mappedCodes, referenceOf, slug, type Mapped } from './drugcentralTerms.js';
import { DrugTable, Findings } from './drugTable.js';
import { readTsv, type TsvRow, type TsvTable } from './tsv.js';
import { dataFile } from './yaml.js';

export interface DrugCentralImport {
  /** The data files, by name, and the release's licence file. */
  readonly files: readonly { readonly name: string; readonly content: string }[];
  /** Warnings: facts the data format cannot hold, left out with where they are. */
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: Readonly<Record<string, number>>;
}

export interface ImportOptions {
  /** The release (2016-05-09); default: the source folder's name, when it is a date. */
  readonly release?: string;
  readonly displayPath?: (absolutePath: string) => string;
}

const tables = {
  drug_target: { file: 'drug_target.tsv', required: ['DRUG_ID', 'DRUG_NAME', 'TARGET_NAME', 'UNIPROT', 'ACTION_TYPE'], optional: ['CHEMBL_ID', 'TARGET_FAMILY', 'GENE', 'SOURCE', 'REFERENCE'] },
  drug_indication: { file: 'drug_indication.tsv', required: ['DRUG_ID', 'DRUG_NAME', 'INDICATION_FDB'], optional: ['UMLS_CUI', 'SNOMEDCT_CUI', 'DOID'] },
  pharm_class: { file: 'pharm_class.tsv', required: ['DRUG_ID', 'DRUG_NAME', 'TYPE', 'CLASS_SOURCE_ID', 'CLASS', 'SOURCE'] },
  identifiers: { file: 'identifiers.tsv', required: ['DRUG_ID', 'DRUG_NAME', 'ID_TYPE', 'IDENTIFIER'] },
} as const;

/** identifiers.tsv ID_TYPE → the drug's identifier field. Types not here have no canonical IRI (local drug
 * files, the INN and PDB numbers) or are not the drug's own identifier (a secondary CAS number). */
const identifierTypes: Readonly<Record<string, SchemeName>> = {
  ChEMBL_ID: 'chembl', UNII: 'unii', PUBCHEM_CID: 'pubchem', CHEBI: 'chebi', DRUGBANK_ID: 'drugbank',
  MESH_DESCRIPTOR_UI: 'mesh', MESH_SUPPLEMENTAL_RECORD_UI: 'mesh', IUPHAR_LIGAND_ID: 'gtopdb_ligand', KEGG_DRUG: 'kegg_drug',
  RXNORM: 'rxnorm', UMLSCUI: 'umls', SNOMEDCT_US: 'snomedct', NDFRT: 'ndfrt', NUI: 'ndfrt',
};
/** pharm_class.tsv SOURCE → the scheme of its CLASS_SOURCE_ID. */
const classSchemes: Readonly<Record<string, 'ndfrt' | 'mesh' | 'chebi'>> = { FDA: 'ndfrt', MeSH: 'mesh', CHEBI: 'chebi' };

/** Licences recognised from the first line of a release's LICENSE file, by SPDX identifier. */
const licences: readonly [RegExp, string][] = [[/^\s*Attribution 4\.0 International/, 'CC-BY-4.0'], [/^\s*CC0 1\.0 Universal/, 'CC0-1.0']];

/** Reads the DrugCentral release in `sourceDir` and maps it; throws DataError naming file:line:col of each bad row. */
export async function importDrugCentral(sourceDir: string, options: ImportOptions = {}): Promise<DrugCentralImport> {
  const display = options.displayPath ?? ((p: string) => path.relative(process.cwd(), p) || p);
  const version = options.release ?? path.basename(path.resolve(sourceDir));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version) && options.release === undefined) {
    throw new DataError([{ position: undefined, severity: 'error', message: `${display(path.resolve(sourceDir))} is not named by a release date (e.g. 2016-05-09): give --release` }]);
  }
  const read = async (name: keyof typeof tables, required: boolean): Promise<TsvTable | undefined> => {
    const { file, ...spec } = tables[name];
    const absolute = path.resolve(sourceDir, file);
    const text = await readFile(absolute, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && !required) return undefined;
      throw new DataError([{ position: undefined, severity: 'error', message: `cannot read ${display(absolute)}: ${error.code === 'ENOENT' ? 'no such file (drug_target.tsv is required)' : error.message}` }]);
    });
    return text === undefined ? undefined : readTsv(text, display(absolute), spec);
  };
  const targetTable = (await read('drug_target', true))!;
  const [indicationTable, classTable, identifierTable] = [await read('drug_indication', false), await read('pharm_class', false), await read('identifiers', false)];
  const licenceText = await readFile(path.resolve(sourceDir, 'LICENSE'), 'utf8').catch(() => undefined);
  const licence = licences.find(([pattern]) => pattern.test(licenceText ?? ''))?.[1];
  if (licence === undefined) {
    throw new DataError([{ position: undefined, severity: 'error', message: `${display(path.resolve(sourceDir, 'LICENSE'))}: no licence file of a known licence (CC BY 4.0 or CC0 1.0): imported data keeps its source's licence` }]);
  }

  const release = `drugcentral-${slug(version)}`;
  const findings = new Findings();
  const origin = (table: TsvTable, row: TsvRow, upstream?: string) =>
    ({ release, file: path.basename(table.file), line: row.line, ...(upstream ? { upstream } : {}) });
  const drugs = new DrugTable(findings);
  const targets = new Map<string, Entity & { id: string }>();
  const references = new Map<string, Entity>();
  const mechanisms = new Map<string, Entity & { id: string }>();
  const actionCodes = mappedCodes('actionType', 'chemblActionType');
  const familyCodes = mappedCodes('targetType', 'drugcentralTargetFamily');
  const classTypes = mappedCodes('classType', 'drugcentralClassType');

  for (const row of targetTable.rows) {
    const drug = drugs.at(targetTable, row);
    const accessions = splitCell(row, 'UNIPROT');
    const bad = accessions.filter((a) => !schemes.uniprot.pattern.test(a));
    const action = code(findings, row, 'ACTION_TYPE', actionCodes, 'a ChEMBL action type');
    const family = row.get('TARGET_FAMILY') ? code(findings, row, 'TARGET_FAMILY', familyCodes, 'a DrugCentral target family') : 'protein';
    const chembl = row.get('CHEMBL_ID') ?? '';
    if (bad.length || accessions.length === 0) findings.error(row.at('UNIPROT'), `UNIPROT: ${bad.length ? `"${bad[0]}" is not a UniProtKB accession (e.g. Q05586)` : 'no accession'}`);
    if (chembl && !schemes.chembl.pattern.test(chembl)) findings.error(row.at('CHEMBL_ID'), `CHEMBL_ID: "${chembl}" is not a ChEMBL identifier (e.g. CHEMBL742)`);
    const reference = referenceOf(row.get('REFERENCE') ?? '');
    if (reference === 'malformed') findings.error(row.at('REFERENCE'), `REFERENCE: "${row.get('REFERENCE')}" is a PubMed URL without a PubMed ID`);
    if (!drug || !action || !family || bad.length || accessions.length === 0 || reference === 'malformed') continue;
    if (chembl) drugs.identify(drug, 'chembl', chembl);
    const target = targetOf(row, accessions, family);
    const known = targets.get(target.id);
    if (!known) targets.set(target.id, target);
    if (reference) references.set(String(reference.id), reference);
    const id = `${drug.id}-${target.id}`;
    if (mechanisms.has(id)) findings.error(row.at('UNIPROT'), `drug ${drug.drugId} has a second row at the same target (${mechanisms.get(id)!.origins})`);
    mechanisms.set(id, {
      id, label: `${drug.label} ${pharmald.vocabularies.actionType.terms.find((t) => t.code === action)!.label} at ${target.label}`,
      drug: drug.id, target: target.id, action, directness: 'direct',
      supported_by: reference ? [String(reference.id)] : [], origins: [origin(targetTable, row, row.get('SOURCE'))],
    });
  }

  const uses = new Map<string, Entity & { id: string }>();
  for (const row of indicationTable?.rows ?? []) {
    const drug = drugs.at(indicationTable!, row);
    const name = row.get('INDICATION_FDB')!.trim();
    if (!name) findings.error(row.at('INDICATION_FDB'), 'INDICATION_FDB: empty');
    if (!drug || !name) continue;
    const use = { id: slug(name), label: name, ...idsOf(findings, row, { UMLS_CUI: 'umls', SNOMEDCT_CUI: 'snomedct', DOID: 'doid' }) };
    const known = uses.get(use.id);
    if (known && known.label !== name) use.id = `${use.id}-${hash(name)}`;
    if (!uses.has(use.id)) uses.set(use.id, use);
    drugs.claim(drug, 'indications', 'use', use.id, origin(indicationTable!, row));
  }

  const classes = new Map<string, Entity & { id: string }>();
  for (const row of classTable?.rows ?? []) {
    const drug = drugs.at(classTable!, row);
    const type = code(findings, row, 'TYPE', classTypes, 'a DrugCentral class type');
    const source = row.get('SOURCE')!;
    const scheme = classSchemes[source];
    const sourceId = row.get('CLASS_SOURCE_ID')!;
    const label = row.get('CLASS')!.trim();
    if (!scheme) findings.error(row.at('SOURCE'), `SOURCE: "${source}" is not a class source pharmald maps (${Object.keys(classSchemes).join(', ')})`);
    else if (!schemes[scheme].pattern.test(sourceId)) findings.error(row.at('CLASS_SOURCE_ID'), `CLASS_SOURCE_ID: "${sourceId}" is not a ${schemes[scheme].name} identifier (e.g. ${schemes[scheme].example})`);
    if (!label) findings.error(row.at('CLASS'), 'CLASS: empty');
    if (!drug || !type || !scheme || !schemes[scheme].pattern.test(sourceId) || !label) continue;
    const id = `${scheme}-${slug(sourceId)}`;
    if (!classes.has(id)) classes.set(id, { id, label, type, [scheme]: sourceId });
    drugs.claim(drug, 'classes', 'class', id, origin(classTable!, row));
  }

  const skipped = new Map<string, number>();
  for (const row of identifierTable?.rows ?? []) {
    const drug = drugs.find(identifierTable!, row);
    const type = row.get('ID_TYPE')!;
    const scheme = identifierTypes[type];
    if (!scheme) skipped.set(type, (skipped.get(type) ?? 0) + 1);
    // A drug that no other table names has only identifiers: nothing to publish about it.
    if (!drug || !scheme) continue;
    const value = row.get('IDENTIFIER')!;
    if (!schemes[scheme].pattern.test(value)) findings.warn(row.at('IDENTIFIER'), `IDENTIFIER: "${value}" is not a ${schemes[scheme].name} identifier (${type}): left out`);
    else drugs.identify(drug, scheme, value, row);
  }

  if (findings.errors.length) throw new DataError(sortDiagnostics(findings.errors));
  const sorted = <T extends { id: string }>(entities: Iterable<T>) => [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const header = [
    `DrugCentral ${version}, imported by \`pharmald import drugcentral\`: the facts are DrugCentral's (licence ${licence}, LICENSE).`,
    'Do not edit: import the release again. Curated additions belong in a data folder of their own.',
  ];
  const files = [
    { name: 'release.yaml', content: dataFile(header, {
      source_releases: [{ id: release, label: `DrugCentral ${version}`, database: 'DrugCentral', version, licence, reference: 'drugcentral-ursu-2017' }],
      references: [{ id: 'drugcentral-ursu-2017', label: 'Ursu O, et al. DrugCentral: online drug compendium. Nucleic Acids Research 45(D1):D932–D939 (2017)', type: 'article', year: 2017, pmid: '27789690', doi: '10.1093/nar/gkw993' }],
    }) },
    { name: 'drugs.yaml', content: dataFile(header, { drugs: sorted(drugs.entities()) }) },
    { name: 'targets.yaml', content: dataFile(header, { targets: sorted(targets.values()) }) },
    { name: 'mechanisms.yaml', content: dataFile(header, { mechanisms: sorted(mechanisms.values()) }) },
    { name: 'references.yaml', content: dataFile(header, { references: sorted([...references.values()] as (Entity & { id: string })[]) }) },
    { name: 'clinical-uses.yaml', content: dataFile(header, { clinical_uses: sorted(uses.values()) }) },
    { name: 'classes.yaml', content: dataFile(header, { pharmacologic_classes: sorted(classes.values()) }) },
    { name: 'LICENSE', content: licenceText! },
  ];
  const counts = {
    drugs: drugs.size, mechanisms: mechanisms.size, targets: targets.size, references: references.size, uses: uses.size, classes: classes.size,
    ...Object.fromEntries([...skipped].sort().map(([type, n]) => [`identifiers not imported (${type})`, n])),
  };
  return { files, diagnostics: sortDiagnostics(findings.warnings), counts };
}

/** The cell's values, split on `|`. */
function splitCell(row: TsvRow, column: string): string[] {
  return (row.get(column) ?? '').split('|').map((v) => v.trim()).filter((v) => v !== '');
}

/** The pld code a source value maps to, or an error naming the values that map. */
function code(findings: Findings, row: TsvRow, column: string, codes: Mapped, what: string): string | undefined {
  const value = row.get(column)!.trim();
  const mapped = codes.get(value);
  if (!mapped) findings.error(row.at(column), `${column}: "${value}" is not ${what} that pharmald maps (${[...codes.keys()].join(', ')})`);
  return mapped;
}

/** The identifiers a row gives in `columns`, each checked; a malformed one is a warning and left out. */
function idsOf(findings: Findings, row: TsvRow, columns: Readonly<Record<string, SchemeName>>): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [column, scheme] of Object.entries(columns)) {
    const value = row.get(column)?.trim();
    if (!value) continue;
    if (schemes[scheme].pattern.test(value)) ids[scheme] = value;
    else findings.warn(row.at(column), `${column}: "${value}" is not a ${schemes[scheme].name} identifier: left out`);
  }
  return ids;
}

/** The target a row names: one protein by its accession, or a complex or family of several by their set. */
function targetOf(row: TsvRow, accessions: readonly string[], type: string): Entity & { id: string; label: string } {
  const label = row.get('TARGET_NAME')!.trim();
  const gene = row.get('GENE')?.trim() ?? '';
  if (accessions.length === 1) {
    const accession = accessions[0]!;
    return { id: `uniprot-${accession.toLowerCase()}`, label, type, ...(/^[A-Z0-9-]+$/.test(gene) ? { gene } : {}), identifiers: { uniprot: accession } };
  }
  const sortedAccessions = [...new Set(accessions)].sort();
  // DrugCentral does not say whether several proteins are one complex or a family: a name that joins subunits
  // ("alpha-1/beta-2/gamma-2", "SUR1, Kir6.2") or says "complex" is read as a complex, any other as a family.
  const grouping = /complex|\/|, /i.test(label) ? 'complex' : 'family';
  return { id: `uniprot-set-${hash(sortedAccessions.join(' '))}`, label, type, grouping, proteins: sortedAccessions };
}
