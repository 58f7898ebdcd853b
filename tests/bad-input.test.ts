// Bad input, table-driven. The contract (issue text): "Unparseable YAML, an unknown field, a missing required
// field, a wrong type, an identifier that fails its pattern, a reference to an unknown id, the same id in two
// files: each gives `file:line:col: error: …` naming the field, exit 1, and dist/ untouched."
//
// Every case breaks a fresh copy of the bundled data, then runs the real CLI twice (build, validate) with the
// working directory set to the copy's parent and `--data <basename>`, so the CLI reports the file as
// `<basename>/<file>.yaml`. Expected lines and columns are computed on the mutated file, never hard-coded.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOfData, edit, entity, escapeRegExp, expectCleanStderr, lineOf, pharmald, pharmaldAsync, pos, scratchDir, snapshot, write } from './helpers.js';


interface Expected {
  readonly line: number;
  /** Omitted where the column is not meaningful (the parser's choice). */
  readonly col?: number;
  /** Must match the message; names the field where there is one. */
  readonly message: RegExp;
}

interface Case {
  readonly name: string;
  /** Breaks the data copy in `dir`. */
  readonly mutate: (dir: string) => void;
  /** The data file (relative to the data folder) the first diagnostic must be in. */
  readonly file: string;
  /** The first diagnostic, computed on the mutated copy. */
  readonly first: (dir: string) => Expected;
  /** Further diagnostics that must be printed too (any order after the first). */
  readonly also?: (dir: string) => readonly (Expected & { readonly file: string })[];
}

const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
targets: *i
`;

const cases: readonly Case[] = [
  // --- YAML syntax -----------------------------------------------------------------------------------------
  {
    name: 'unparseable YAML: an unclosed [ flow sequence',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'drug_classes: [general anaesthetic, NMDA receptor antagonist]', 'drug_classes: [general anaesthetic, NMDA receptor antagonist'),
    file: 'ketamine.yaml',
    // The parser notices the missing ] where the next key starts, on the line after the unclosed [.
    first: (dir) => {
      const line = lineOf(path.join(dir, 'ketamine.yaml'), 'drug_classes: [general anaesthetic') + 1;
      const next = readFileSync(path.join(dir, 'ketamine.yaml'), 'utf8').split('\n')[line - 1]!;
      return { line, col: next.search(/\S/) + 1, message: /YAML syntax: .*(\]|flow sequence)/i };
    },
  },
  {
    name: 'unparseable YAML: bad indentation',
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', '   label: GluN1\n'),
    file: 'targets.yaml',
    first: (dir) => ({ line: lineOf(path.join(dir, 'targets.yaml'), '   label: GluN1'), message: /YAML syntax: / }),
  },
  {
    name: 'a tab used for indentation',
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', '\tlabel: GluN1\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', '\tlabel: GluN1'), message: /YAML syntax: .*[Tt]ab/ }),
  },
  {
    name: 'a duplicate key in one mapping',
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', '    label: GluN1\n    label: GluN1 again\n'),
    file: 'targets.yaml',
    // The error is on the second `label`, and must name it.
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'label: GluN1 again', 'label'), message: /(unique|duplicate).*\blabel\b|\blabel\b.*(unique|duplicate)/i }),
  },
  {
    name: 'an empty file',
    mutate: (dir) => write(dir, 'extra.yaml', ''),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /file is empty/ }),
  },
  {
    name: 'a file of white space only',
    mutate: (dir) => write(dir, 'extra.yaml', '  \n\n'),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /file is empty/ }),
  },
  {
    name: 'invalid UTF-8 bytes (0xff inside a string)',
    mutate: (dir) => {
      const full = path.join(dir, 'targets.yaml');
      const text = readFileSync(full, 'utf8');
      const at = text.indexOf('label: GluN1\n') + 'label: Glu'.length;
      write(dir, 'targets.yaml', Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]));
    },
    file: 'targets.yaml',
    first: (dir) => {
      const line = lineOf(path.join(dir, 'targets.yaml'), 'label: Glu\uFFFDN1');
      // All characters before the bad byte are ASCII, so the byte column and the character column agree.
      return { ...pos(dir, 'targets.yaml', 'label: Glu\uFFFDN1', '\uFFFD'), line, message: /not valid UTF-8 \(byte 0xff/ };
    },
  },
  {
    name: 'a "billion laughs" alias bomb',
    mutate: (dir) => write(dir, 'bomb.yaml', billionLaughs),
    file: 'bomb.yaml',
    first: () => ({ line: 1, message: /alias/i }),
  },

  // --- Schema: unknown, missing, wrong type, enum ---------------------------------------------------------
  {
    name: 'an unknown field (typo directnes:)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'directness: direct\n', 'directnes: direct\n'),
    file: 'ketamine.yaml',
    // Sorted by position: first the mechanism that now lacks `directness`, then the unknown key itself.
    first: (dir) => ({ ...entity(dir, 'ketamine.yaml', 'ketamine-nmda-receptor-block'), message: /mechanism "ketamine-nmda-receptor-block" field directness\b/ }),
    also: (dir) => [{ file: 'ketamine.yaml', ...pos(dir, 'ketamine.yaml', 'directnes: direct', 'directnes'), message: /mechanism "ketamine-nmda-receptor-block" field directnes: unknown field "directnes"/ }],
  },
  {
    name: 'an unknown field (colour: on a target)',
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', '    label: GluN1\n    colour: red\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'colour: red', 'colour'), message: /target "glun1" field colour: unknown field "colour"/ }),
  },
  {
    name: 'an unknown top-level section',
    mutate: (dir) => edit(dir, 'systems.yaml', '\nprocesses:\n', '\nprocess:\n'),
    file: 'systems.yaml',
    first: (dir) => ({ ...pos(dir, 'systems.yaml', 'process:'), message: /field process: unknown field "process"/ }),
  },
  {
    name: 'a missing required field (a target\'s label)',
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', ''),
    file: 'targets.yaml',
    first: (dir) => ({ ...entity(dir, 'targets.yaml', 'glun1'), message: /target "glun1" field label: missing required field/ }),
  },
  {
    name: 'a missing required field (a mechanism\'s certainty)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '    certainty: established\n', ''),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...entity(dir, 'ketamine.yaml', 'ketamine-nmda-receptor-block'), message: /mechanism "ketamine-nmda-receptor-block" field certainty: a curated mechanism \(one with no origins\) needs a certainty/ }),
  },
  {
    name: 'a wrong type (value: six for an affinity)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'value: 659\n', 'value: six\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'value: six', 'value'), message: /mechanism "ketamine-nmda-receptor-block" field affinities\[1\]\.value: expected number, got "six"/ }),
  },
  {
    name: 'a wrong type (a mapping where a list of ids belongs)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'uses: [anaesthesia, analgesia, rapid-antidepressant]', 'uses: { first: anaesthesia }'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'uses: { first', 'uses'), message: /drug "ketamine" field uses: expected array, got a mapping/ }),
  },
  {
    name: 'an enum value not allowed (directness: sideways)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'directness: direct\n', 'directness: sideways\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'directness: sideways', 'directness'), message: /field directness: "sideways" is not one of: direct, indirect/ }),
  },

  // --- Identifiers that fail their pattern ----------------------------------------------------------------
  {
    name: 'a UniProt accession failing its pattern (Q05586 → X05586)',
    mutate: (dir) => edit(dir, 'targets.yaml', 'uniprot: Q05586', 'uniprot: X05586'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'X05586', 'uniprot'), message: /target "glun1" field identifiers\.uniprot: "X05586" is not a UniProtKB identifier/ }),
  },
  {
    name: 'a DrugBank id failing its pattern (DB01221 → DB1221)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'drugbank: [DB01221]', 'drugbank: [DB1221]'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'drugbank: [DB1221]', 'DB1221'), message: /drug "ketamine" field identifiers\.drugbank\[0\]: "DB1221" is not a DrugBank identifier/ }),
  },
  {
    name: 'a HGNC id without its prefix',
    mutate: (dir) => edit(dir, 'targets.yaml', 'hgnc: "HGNC:4584"', 'hgnc: "4584"'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'hgnc: "4584"', 'hgnc'), message: /target "glun1" field identifiers\.hgnc: "4584" is not a HGNC identifier/ }),
  },
  {
    name: 'a data id failing its pattern (upper case)',
    mutate: (dir) => edit(dir, 'targets.yaml', '- id: glun2a\n', '- id: GluN2A\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', '- id: GluN2A', 'id:'), message: /target "GluN2A" field id: "GluN2A" must be lower-case/ }),
  },

  // --- References and ids across files --------------------------------------------------------------------
  {
    name: 'a reference to an unknown target (target: nmda-receptr)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '    target: nmda-receptor\n    action:', '    target: nmda-receptr\n    action:'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'target: nmda-receptr', 'target'), message: /mechanism "ketamine-nmda-receptor-block" field target: no target has id "nmda-receptr"/ }),
  },
  {
    name: 'supported_by naming a missing reference',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'supported_by: [peltoniemi-2016]', 'supported_by: [peltoniemi-2099]'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'supported_by: [peltoniemi-2099]', 'peltoniemi-2099'), message: /mechanism "ketamine-sympathomimetic-cardiovascular-effects" field supported_by\[0\]: no reference has id "peltoniemi-2099"/ }),
  },
  {
    name: 'the same id in two files (extra.yaml sorts before targets.yaml)',
    mutate: (dir) => write(dir, 'extra.yaml', 'targets:\n  - {id: glun1, label: x, type: receptor}\n'),
    // extra.yaml is processed first, so the definition in targets.yaml is the duplicate.
    file: 'targets.yaml',
    first: (dir) => {
      const firstDef = pos(dir, 'extra.yaml', '{id: glun1', 'id:');
      const where = escapeRegExp(`${path.basename(dir)}/extra.yaml:${firstDef.line}:${firstDef.col}`);
      return { ...entity(dir, 'targets.yaml', 'glun1'), message: new RegExp(`target "glun1" field id: duplicate target id "glun1", first defined at ${where}$`) };
    },
  },
  {
    name: 'the same id in two files (zz-extra.yaml sorts after targets.yaml)',
    mutate: (dir) => write(dir, 'zz-extra.yaml', 'targets:\n  - {id: glun1, label: x, type: receptor}\n'),
    file: 'zz-extra.yaml',
    first: (dir) => {
      const firstDef = entity(dir, 'targets.yaml', 'glun1');
      const where = escapeRegExp(`${path.basename(dir)}/targets.yaml:${firstDef.line}:${firstDef.col}`);
      return { ...pos(dir, 'zz-extra.yaml', '{id: glun1', 'id:'), message: new RegExp(`duplicate target id "glun1", first defined at ${where}$`) };
    },
  },
  {
    name: 'a direct mechanism without a target',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '    target: mu-opioid-receptor\n', ''),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...entity(dir, 'ketamine.yaml', 'ketamine-mu-opioid-receptor-interaction'), message: /mechanism "ketamine-mu-opioid-receptor-interaction" field target: a direct mechanism needs a target/ }),
  },

  // --- Line ends and byte-order marks do not move positions -----------------------------------------------
  {
    name: 'an identifier error in a CRLF file is at the same line and column',
    mutate: (dir) => {
      edit(dir, 'targets.yaml', 'uniprot: Q05586', 'uniprot: X05586');
      write(dir, 'targets.yaml', readFileSync(path.join(dir, 'targets.yaml'), 'utf8').replace(/\n/g, '\r\n'));
    },
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'X05586', 'uniprot'), message: /field identifiers\.uniprot: "X05586" is not a UniProtKB identifier/ }),
  },
  {
    name: 'an unknown field on line 1 of a file with a BOM is at column 1',
    mutate: (dir) => write(dir, 'clinical-uses.yaml', `\uFEFFcolour: red\n${readFileSync(path.join(dir, 'clinical-uses.yaml'), 'utf8')}`),
    file: 'clinical-uses.yaml',
    first: () => ({ line: 1, col: 1, message: /field colour: unknown field "colour"/ }),
  },
];


/** One good build of the untouched data, copied into each case's out dir as the "existing dist/". */
let goodOut: string;
let goodFiles: Record<string, string>;
let goodWarnings: string;

beforeAll(() => {
  const data = copyOfData();
  goodOut = scratchDir('pharmald-good-out-');
  const result = pharmald(['build', '--data', path.basename(data), '--out', goodOut], { cwd: path.dirname(data) });
  expect(result.stderr).not.toMatch(/error:/);
  expect(result.status).toBe(0);
  goodFiles = snapshot(goodOut);
  expect(Object.keys(goodFiles).filter((name) => !name.startsWith('site'))).toEqual(['context.jsonld', 'dataset.jsonld', 'dataset.nt', 'dataset.ttl', 'void.ttl']);
  goodWarnings = result.stderr.split(`${path.basename(data)}/`).join('DATA/');
});

describe.concurrent('bad input: file:line:col: error naming the field, exit 1, dist/ untouched', () => {
  it.for(cases)('$name', async (c, { expect }) => {
    const dir = copyOfData();
    const cwd = path.dirname(dir);
    const name = path.basename(dir);
    const out = scratchDir('pharmald-out-');
    cpSync(goodOut, out, { recursive: true, dereference: true });
    const before = snapshot(out);
    expect(before).toEqual(goodFiles);

    c.mutate(dir);
    const want = c.first(dir);
    const prefix = new RegExp(`^${escapeRegExp(`${name}/${c.file}`)}:${want.line}:${want.col ?? '\\d+'}: error: `);

    // A run that hangs is killed by pharmaldAsync's time-out and fails on its status. How fast the CLI refuses
    // bad input is for the benchmarks; the CPU-time bounds on the resource bombs are in bad-input-more.test.ts.
    const built = await pharmaldAsync(['build', '--data', name, '--out', out], { cwd });

    expect(built.status, built.stderr).toBe(1);
    const lines = built.stderr.split('\n');
    expect(lines[0]).toMatch(prefix);
    expect(lines[0]).toMatch(want.message);
    for (const more of c.also?.(dir) ?? []) {
      const morePrefix = `${name}/${more.file}:${more.line}:${more.col ?? ''}`;
      expect(lines.some((line) => line.startsWith(morePrefix) && more.message.test(line)), `${morePrefix} ${more.message}\n${built.stderr}`).toBe(true);
    }
    expect(built.stderr).toMatch(/\npharmald: \d+ problem\(s\) found; nothing was written\n$/);
    expectCleanStderr(built.stderr);
    expect(built.stdout).toBe('');
    expect(snapshot(out)).toEqual(before);

    const validated = await pharmaldAsync(['validate', '--data', name], { cwd });
    expect(validated.status, validated.stderr).toBe(1);
    expect(validated.stderr.split('\n')[0]).toBe(lines[0]);
    expectCleanStderr(validated.stderr);
    expect(validated.stdout).toBe('');
  });
});

describe.concurrent('line ends and byte-order marks', () => {
  const variants: readonly { name: string; convert: (text: string) => string }[] = [
    { name: 'CRLF line ends', convert: (text) => text.replace(/\n/g, '\r\n') },
    { name: 'a UTF-8 byte-order mark', convert: (text) => `\uFEFF${text}` },
    { name: 'a byte-order mark and CRLF line ends', convert: (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}` },
  ];
  it.for(variants)('data with $name builds byte-identical outputs, with the same warnings', async (variant, { expect }) => {
    const dir = copyOfData();
    const files = readdirSync(dir).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const original = readFileSync(path.join(dir, file), 'utf8');
      const converted = variant.convert(original);
      expect(converted).not.toBe(original);
      write(dir, file, converted);
    }
    const out = scratchDir('pharmald-out-');
    const result = await pharmaldAsync(['build', '--data', path.basename(dir), '--out', out], { cwd: path.dirname(dir) });
    expect(result.status, result.stderr).toBe(0);
    expect(snapshot(out)).toEqual(goodFiles);
    expect(result.stderr.split(`${path.basename(dir)}/`).join('DATA/')).toBe(goodWarnings);
    expect(goodWarnings).toMatch(/^DATA\/ketamine\.yaml:\d+:\d+: warning: /);
  });
});
