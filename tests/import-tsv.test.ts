// The TSV reader (src/import/tsv.ts) must read DrugCentral's tables by header name, whatever the release's column
// order and quoting, and refuse a malformed table with every problem at its file:line:col. The tables here are
// inline strings (a few real lines of the 2016 releases where it matters): a clone has no ../shared data.
import { describe, expect, it } from 'vitest';
import { DataError, formatDiagnostic, type Diagnostic } from '../src/errors.js';
import { MAX_ERRORS, readTsv, type TsvSpec } from '../src/import/tsv.js';

const tsv = (...lines: string[]): string => lines.map((cells) => cells.replaceAll('|', '\t')).join('\n') + '\n';

/** The diagnostics readTsv throws, formatted as the CLI prints them. */
function failure(text: string, file: string, spec: TsvSpec): string[] {
  try {
    readTsv(text, file, spec);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).diagnostics.map((d: Diagnostic) => formatDiagnostic(d));
  }
  throw new Error(`${file} was read without an error`);
}

// Real lines of 2016-05-09/identifiers.tsv: every value quoted except DRUG_ID.
const identifiers = [
  'DRUG_ID\tDRUG_NAME\tID_TYPE\tIDENTIFIER',
  '5136\t"cediranib"\t"DRUGBANK_ID"\t"DB04849"',
  '5136\t"cediranib"\t"KEGG_DRUG"\t"D08881"',
  '5135\t"dornase alfa"\t"NDDF"\t"004413"',
].join('\n') + '\n';
const identifierSpec: TsvSpec = { required: ['DRUG_ID', 'ID_TYPE', 'IDENTIFIER'], optional: ['DRUG_NAME'] };

describe('readTsv: columns by header name', () => {
  const spec: TsvSpec = { required: ['DRUG_ID', 'UMLS_CUI'], optional: ['DOID', 'INDICATION_FDB'] };

  it('reads the same values from releases whose columns differ in order and in which are present', () => {
    // 2016-01-28/drug_indication.tsv, as published…
    const published = readTsv(
      tsv('DRUG_ID|DRUG_NAME|INDICATION_FDB|UMLS_CUI|SNOMEDCT_CUI|DOID', '311|benoxaprofen|Rheumatoid Arthritis|C0003873|69896004|DOID:7148'),
      'drug_indication.tsv',
      spec,
    );
    // …and a release with its columns shuffled, SNOMEDCT_CUI and DOID gone and a new one added.
    const shuffled = readTsv(
      tsv('UMLS_CUI|NEW_COLUMN|DRUG_NAME|DRUG_ID|INDICATION_FDB', 'C0003873|x|benoxaprofen|311|Rheumatoid Arthritis'),
      'drug_indication.tsv',
      spec,
    );
    for (const table of [published, shuffled]) {
      expect(table.rows).toHaveLength(1);
      const row = table.rows[0]!;
      expect(row.line).toBe(2);
      expect(row.get('DRUG_ID')).toBe('311');
      expect(row.get('UMLS_CUI')).toBe('C0003873');
      expect(row.get('INDICATION_FDB')).toBe('Rheumatoid Arthritis');
    }
    expect(published.rows[0]!.get('DOID')).toBe('DOID:7148');
    expect(shuffled.rows[0]!.get('DOID')).toBeUndefined();
    expect(shuffled.columns).toEqual(['UMLS_CUI', 'NEW_COLUMN', 'DRUG_NAME', 'DRUG_ID', 'INDICATION_FDB']);
    expect(shuffled.file).toBe('drug_indication.tsv');
    // A cell's position follows its column, wherever the column is.
    expect(published.rows[0]!.at('UMLS_CUI')).toEqual({ file: 'drug_indication.tsv', line: 2, col: 39 });
    expect(shuffled.rows[0]!.at('UMLS_CUI')).toEqual({ file: 'drug_indication.tsv', line: 2, col: 1 });
    expect(shuffled.rows[0]!.at('DRUG_ID')).toEqual({ file: 'drug_indication.tsv', line: 2, col: 25 });
  });

  it('gives the rows in file order, with their line numbers', () => {
    const table = readTsv(identifiers, 'identifiers.tsv', identifierSpec);
    expect(table.rows.map((row) => [row.line, row.get('IDENTIFIER')])).toEqual([
      [2, 'DB04849'],
      [3, 'D08881'],
      [4, '004413'],
    ]);
  });

  it('reads an empty cell as an empty string, and a column the table lacks as undefined', () => {
    // Real lines of 2016-05-09/idtype.tsv: URL empty (the line ends in a tab), and no final newline.
    const text = 'ID_TYPE\tDESCRIPTION\tURL\nVANDF\tVeterans Health Administration National Drug File\t\nNDFRT\tNational Drug File\t';
    const table = readTsv(text, 'idtype.tsv', { required: ['ID_TYPE', 'URL'] });
    expect(table.rows.map((row) => [row.get('ID_TYPE'), row.get('DESCRIPTION'), row.get('URL')])).toEqual([
      ['VANDF', 'Veterans Health Administration National Drug File', ''],
      ['NDFRT', 'National Drug File', ''],
    ]);
    expect(table.rows[1]!.get('DRUG_ID')).toBeUndefined();
    expect(table.rows[1]!.at('URL')).toEqual({ file: 'idtype.tsv', line: 3, col: 26 });
    // A column the table lacks points at the row.
    expect(table.rows[1]!.at('DRUG_ID')).toEqual({ file: 'idtype.tsv', line: 3, col: 1 });
    // An empty first and middle cell too.
    const gaps = readTsv(tsv('A|B|C', '||'), 'gaps.tsv', { required: ['A', 'B', 'C'] });
    expect(['A', 'B', 'C'].map((c) => gaps.rows[0]!.get(c))).toEqual(['', '', '']);
  });

  it('reads a header-only table as no rows', () => {
    const table = readTsv('DRUG_ID\tDRUG_NAME\n', 'empty.tsv', { required: ['DRUG_ID'] });
    expect(table.columns).toEqual(['DRUG_ID', 'DRUG_NAME']);
    expect(table.rows).toEqual([]);
  });
});

describe('readTsv: quoting', () => {
  it('unquotes identifiers.tsv, where every value but DRUG_ID is quoted', () => {
    const table = readTsv(identifiers, 'identifiers.tsv', identifierSpec);
    const row = table.rows[2]!;
    expect([row.get('DRUG_ID'), row.get('DRUG_NAME'), row.get('ID_TYPE'), row.get('IDENTIFIER')]).toEqual(['5135', 'dornase alfa', 'NDDF', '004413']);
    // The position is of the cell as written, its opening quote included.
    expect(row.at('ID_TYPE')).toEqual({ file: 'identifiers.tsv', line: 4, col: 21 });
    expect(row.at('IDENTIFIER')).toEqual({ file: 'identifiers.tsv', line: 4, col: 28 });
  });

  it('reads "" inside a quoted cell as one ", and "" alone as an empty cell', () => {
    const text = tsv('DRUG_ID|DRUG_NAME|NOTE', '1|"say ""hello"""|""', '2|"""quoted"""|"a""""b"');
    const table = readTsv(text, 'quotes.tsv', { required: ['DRUG_ID', 'DRUG_NAME', 'NOTE'] });
    expect(table.rows.map((row) => [row.get('DRUG_NAME'), row.get('NOTE')])).toEqual([
      ['say "hello"', ''],
      ['"quoted"', 'a""b'],
    ]);
  });

  it('takes a " inside an unquoted cell as it is (free text may have one)', () => {
    const table = readTsv(tsv('DRUG_ID|TARGET_NAME', '1|Protein "X" kinase'), 'drug_target.tsv', { required: ['TARGET_NAME'] });
    expect(table.rows[0]!.get('TARGET_NAME')).toBe('Protein "X" kinase');
  });

  it('unquotes a quoted header', () => {
    const table = readTsv('"DRUG_ID"\t"ID_TYPE"\n1\t"NDDF"\n', 'identifiers.tsv', { required: ['DRUG_ID', 'ID_TYPE'] });
    expect(table.columns).toEqual(['DRUG_ID', 'ID_TYPE']);
    expect(table.rows[0]!.get('ID_TYPE')).toBe('NDDF');
  });

  it('refuses an unterminated quote at its line and column', () => {
    const text = identifiers.replace('"KEGG_DRUG"', '"KEGG_DRUG');
    expect(failure(text, 'identifiers.tsv', identifierSpec)).toEqual([
      'identifiers.tsv:3:18: error: unterminated quote: the cell starts with " but does not end with one',
    ]);
    // A cell that is a single quote is unterminated too.
    expect(failure(tsv('A|B', '"|x'), 't.tsv', { required: ['A'] })).toEqual([
      't.tsv:2:1: error: unterminated quote: the cell starts with " but does not end with one',
    ]);
  });

  it('refuses a lone " inside a quoted cell, pointing at it', () => {
    const text = identifiers.replace('"dornase alfa"', '"dornase "alfa"');
    expect(failure(text, 'identifiers.tsv', identifierSpec)).toEqual(['identifiers.tsv:4:15: error: a " inside a quoted cell must be doubled ("")']);
    // `"ab""` is `"ab"` followed by a stray quote, not `ab"` (the closing quote cannot pair).
    expect(failure(tsv('A', '"ab""'), 't.tsv', { required: ['A'] })).toEqual(['t.tsv:2:4: error: a " inside a quoted cell must be doubled ("")']);
  });
});

describe('readTsv: header errors', () => {
  const target = tsv(
    'DRUG_ID|CHEMBL_ID|DRUG_NAME|TARGET_NAME|GENE',
    '5136||cediranib|Vascular endothelial growth factor receptor 2|KDR',
  );

  it('names a missing required column once, at line 1, with the header it found', () => {
    expect(failure(target, 'drug_target.tsv', { required: ['DRUG_ID', 'ACTION_TYPE'], optional: ['GENE'] })).toEqual([
      'drug_target.tsv:1:1: error: missing column ACTION_TYPE (the header has DRUG_ID, CHEMBL_ID, DRUG_NAME, TARGET_NAME, GENE)',
    ]);
  });

  it('names every missing column in the one error', () => {
    expect(failure(target, 'drug_target.tsv', { required: ['ACTION_TYPE', 'DRUG_ID', 'UNIPROT'] })).toEqual([
      'drug_target.tsv:1:1: error: missing columns ACTION_TYPE, UNIPROT (the header has DRUG_ID, CHEMBL_ID, DRUG_NAME, TARGET_NAME, GENE)',
    ]);
  });

  it('does not require an optional column', () => {
    const table = readTsv(target, 'drug_target.tsv', { required: ['DRUG_ID'], optional: ['ACTION_TYPE'] });
    expect(table.rows[0]!.get('ACTION_TYPE')).toBeUndefined();
    expect(table.rows[0]!.get('GENE')).toBe('KDR');
  });

  it('refuses a duplicated or empty column name', () => {
    expect(failure(tsv('DRUG_ID|GENE|DRUG_ID|', '1|KDR|1|'), 'drug_target.tsv', { required: ['DRUG_ID'] })).toEqual([
      'drug_target.tsv:1:14: error: duplicate column DRUG_ID (also column 1 of the header)',
      'drug_target.tsv:1:22: error: column 4 of the header has no name',
    ]);
  });

  it('refuses an empty file', () => {
    for (const text of ['', '\n\n', '\ufeff', '\r\n']) {
      expect(failure(text, 'pharm_class.tsv', { required: ['DRUG_ID'] })).toEqual([
        'pharm_class.tsv:1:1: error: the file is empty: expected a header line of tab-separated column names',
      ]);
    }
  });
});

describe('readTsv: row errors', () => {
  const spec: TsvSpec = { required: ['DRUG_ID', 'DRUG_NAME', 'TYPE'] };
  const header = 'DRUG_ID|DRUG_NAME|TYPE';

  it('points an extra field at its column, and missing fields at the end of the line', () => {
    const text = tsv(header, '719|clotrimazole|PA', '983|econazole|PA|extra|more', '2797|ursodiol');
    expect(failure(text, 'pharm_class.tsv', spec)).toEqual([
      'pharm_class.tsv:3:18: error: this row has 5 fields, but the header has 3',
      'pharm_class.tsv:4:14: error: this row has 2 fields, but the header has 3',
    ]);
  });

  it('refuses a blank line between rows, and ignores blank lines at the end', () => {
    const text = tsv(header, '719|clotrimazole|PA', '', '983|econazole|PA');
    expect(failure(text, 'pharm_class.tsv', spec)).toEqual(['pharm_class.tsv:3:1: error: blank line, but the header has 3 fields']);
    const trailing = readTsv(tsv(header, '719|clotrimazole|PA') + '\n\r\n\n', 'pharm_class.tsv', spec);
    expect(trailing.rows.map((row) => row.get('DRUG_NAME'))).toEqual(['clotrimazole']);
  });

  it('reports every problem, sorted by line, header errors first', () => {
    const text = tsv('DRUG_ID|DRUG_NAME', '1|"a', '2|b|c', '3|"x"y"', '4');
    expect(failure(text, 'pharm_class.tsv', spec)).toEqual([
      'pharm_class.tsv:1:1: error: missing column TYPE (the header has DRUG_ID, DRUG_NAME)',
      'pharm_class.tsv:2:3: error: unterminated quote: the cell starts with " but does not end with one',
      'pharm_class.tsv:3:5: error: this row has 3 fields, but the header has 2',
      'pharm_class.tsv:4:5: error: a " inside a quoted cell must be doubled ("")',
      'pharm_class.tsv:5:2: error: this row has 1 field, but the header has 2',
    ]);
  });

  it(`stops listing after ${MAX_ERRORS} errors and counts the rest`, () => {
    const rows = Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? `${i}|name` : `${i}|name|PA`));
    const lines = failure(tsv(header, ...rows), 'pharm_class.tsv', spec);
    expect(lines).toHaveLength(MAX_ERRORS + 1);
    expect(lines[0]).toBe('pharm_class.tsv:2:7: error: this row has 2 fields, but the header has 3');
    expect(lines[MAX_ERRORS - 1]).toBe('pharm_class.tsv:100:8: error: this row has 2 fields, but the header has 3');
    expect(lines[MAX_ERRORS]).toBe('pharm_class.tsv:102:9: error: … and 10 more errors (up to line 120)');
  });

  it('counts columns in characters, not UTF-16 units', () => {
    // 𝛼 is one character but two UTF-16 code units.
    expect(failure(tsv('A|B', 'α𝛼é|x|y'), 't.tsv', { required: ['A'] })).toEqual(['t.tsv:2:7: error: this row has 3 fields, but the header has 2']);
    const table = readTsv(tsv('A|B', '𝛼𝛼|x'), 't.tsv', { required: ['B'] });
    expect(table.rows[0]!.at('B')).toEqual({ file: 't.tsv', line: 2, col: 4 });
  });
});

describe('readTsv: line endings and BOM', () => {
  it('reads CRLF lines without a trailing CR in the last cell', () => {
    const text = identifiers.replaceAll('\n', '\r\n');
    const table = readTsv(text, 'identifiers.tsv', identifierSpec);
    expect(table.columns).toEqual(['DRUG_ID', 'DRUG_NAME', 'ID_TYPE', 'IDENTIFIER']);
    expect(table.rows.map((row) => row.get('IDENTIFIER'))).toEqual(['DB04849', 'D08881', '004413']);
    // Unquoted last cells, too, and with no final newline.
    const plain = readTsv('DRUG_ID\tDOID\r\n311\tDOID:7148\r\n1593\t', 'drug_indication.tsv', { required: ['DOID'] });
    expect(plain.rows.map((row) => row.get('DOID'))).toEqual(['DOID:7148', '']);
    // A CRLF row with the wrong field count points at the end of its content, before the CR.
    expect(failure('A\tB\r\nxy\r\n', 't.tsv', { required: ['A'] })).toEqual(['t.tsv:2:3: error: this row has 1 field, but the header has 2']);
  });

  it('ignores a UTF-8 BOM before the header, and counts columns without it', () => {
    const table = readTsv('\ufeff' + identifiers, 'identifiers.tsv', identifierSpec);
    expect(table.columns[0]).toBe('DRUG_ID');
    expect(table.rows[0]!.get('DRUG_ID')).toBe('5136');
    expect(failure('\ufeffDRUG_ID\tDRUG_ID\n', 't.tsv', { required: [] })).toEqual(['t.tsv:1:9: error: duplicate column DRUG_ID (also column 1 of the header)']);
  });
});

describe('readTsv: size', () => {
  // Its speed is measured by the benchmark (npm run bench), not here.
  it('reads a table the size of identifiers.tsv (61,547 rows)', () => {
    const lines = ['DRUG_ID\tDRUG_NAME\tID_TYPE\tIDENTIFIER'];
    for (let i = 0; i < 61_547; i++) lines.push(`${i}\t"drug ${i}"\t"NDDF"\t"${String(i).padStart(6, '0')}"`);
    const text = lines.join('\n') + '\n';
    const table = readTsv(text, 'identifiers.tsv', identifierSpec);
    expect(table.rows).toHaveLength(61_547);
    const last = table.rows[61_546]!;
    expect([last.line, last.get('DRUG_ID'), last.get('DRUG_NAME'), last.get('IDENTIFIER')]).toEqual([61_548, '61546', 'drug 61546', '061546']);
  });
});
