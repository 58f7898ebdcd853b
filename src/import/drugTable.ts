// **drugTable** holds the drugs of a DrugCentral release by DRUG_ID as the tables name them: one name each (a second
// name is an error), their identifiers, and the indications and classes each is given, with the rows that give them.
import type { Diagnostic, Position } from '../errors.js';
import { schemes, type SchemeName } from '../identifiers.js';
import type { Entity } from '../model/description.js';
import { pharmald } from '../model/pharmald.js';
import { slug } from './drugcentralTerms.js';
import type { TsvRow, TsvTable } from './tsv.js';

const drugIdentifierFields = pharmald.entities.drug.fields.identifiers.fields;
const listFields = new Set(Object.entries(drugIdentifierFields).filter(([, f]) => f.cardinality === 'many').map(([name]) => name));

/** The errors and warnings of one import. */
export class Findings {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  error(position: Position, message: string): void { this.errors.push({ position, severity: 'error', message }); }
  warn(position: Position, message: string): void { this.warnings.push({ position, severity: 'warning', message }); }
}

export interface Drug { readonly drugId: string; readonly id: string; readonly label: string; readonly where: string }

/** The drugs by DRUG_ID: one name each (a second name is an error), their identifiers, indications and classes. */
export class DrugTable {
  readonly #byId = new Map<string, Drug>();
  readonly #identifiers = new Map<Drug, Map<string, Set<string>>>();
  readonly #claims = new Map<Drug, Map<string, Map<string, { key: string; ref: string; origins: object[] }>>>();
  readonly #ids = new Set<string>();
  constructor(readonly findings: Findings) {}

  get size(): number { return this.#byId.size; }

  /** The row's drug, made on first sight. */
  at(table: TsvTable, row: TsvRow): Drug | undefined {
    const drugId = row.get('DRUG_ID')!.trim();
    const name = row.get('DRUG_NAME')!.trim();
    // Some releases write a class row of no drug with DRUG_ID "null": a row about no drug, left out.
    if (drugId === '' || drugId === 'null') return void this.findings.warn(row.at('DRUG_ID'), `DRUG_ID: "${drugId}": the row names no drug; left out`);
    if (!/^[1-9]\d*$/.test(drugId)) return void this.findings.error(row.at('DRUG_ID'), `DRUG_ID: "${drugId}" is not a DrugCentral id (a whole number)`);
    if (!name) return void this.findings.error(row.at('DRUG_NAME'), 'DRUG_NAME: empty');
    const known = this.#byId.get(drugId);
    if (known) {
      if (known.label !== name) this.findings.error(row.at('DRUG_NAME'), `DRUG_NAME: DRUG_ID ${drugId} is "${name}" here and "${known.label}" at ${known.where}`);
      return known;
    }
    let id = slug(name);
    if (this.#ids.has(id)) id = `${id}-${drugId}`;
    this.#ids.add(id);
    const drug = { drugId, id, label: name, where: `${table.file}:${row.line}` };
    this.#byId.set(drugId, drug);
    return drug;
  }

  /** The row's drug if another table made it (identifiers.tsv adds to drugs, it makes none). */
  find(table: TsvTable, row: TsvRow): Drug | undefined {
    return this.#byId.has(row.get('DRUG_ID')!.trim()) ? this.at(table, row) : undefined;
  }

  identify(drug: Drug, scheme: string, value: string, row?: TsvRow): void {
    const ids = this.#identifiers.get(drug) ?? this.#identifiers.set(drug, new Map()).get(drug)!;
    const values = ids.get(scheme) ?? ids.set(scheme, new Set()).get(scheme)!;
    if (!listFields.has(scheme) && values.size === 1 && !values.has(value) && row) {
      this.findings.warn(row.at('IDENTIFIER'), `IDENTIFIER: drug ${drug.drugId} has a second ${schemes[scheme as SchemeName].name} identifier "${value}" (the model takes one): left out`);
      return;
    }
    values.add(value);
  }

  /** A use or class of the drug, with the record that gives it (several records of one fact are one claim). */
  claim(drug: Drug, field: 'indications' | 'classes', key: 'use' | 'class', ref: string, origin: object): void {
    const fields = this.#claims.get(drug) ?? this.#claims.set(drug, new Map()).get(drug)!;
    const claims = fields.get(field) ?? fields.set(field, new Map()).get(field)!;
    const claim = claims.get(ref) ?? claims.set(ref, { key, ref, origins: [] }).get(ref)!;
    claim.origins.push(origin);
  }

  *entities(): Iterable<Entity & { id: string }> {
    for (const drug of this.#byId.values()) {
      const ids = this.#identifiers.get(drug);
      const identifiers: Record<string, unknown> = {};
      for (const name of Object.keys(drugIdentifierFields)) {
        const values = name === 'drugcentral' ? [drug.drugId] : [...(ids?.get(name) ?? [])].sort();
        if (values.length) identifiers[name] = listFields.has(name) ? values : values[0];
      }
      const claims = (field: 'indications' | 'classes') =>
        [...(this.#claims.get(drug)?.get(field)?.values() ?? [])].sort((a, b) => (a.ref < b.ref ? -1 : 1)).map((c) => ({ [c.key]: c.ref, origins: c.origins }));
      const indications = claims('indications');
      yield { id: drug.id, label: drug.label, identifiers, uses: indications.map((i) => String(i.use)), indications, classes: claims('classes') };
    }
  }
}
