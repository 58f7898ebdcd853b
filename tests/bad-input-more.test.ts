// More bad input, table-driven like tests/bad-input.test.ts (27 cases there, the rest here): encodings, document
// structure, identifiers and references, and resource bombs. The contract is the same for every case: a fresh copy of
// the bundled data is broken on purpose, `pharmald build --data <copy> --out <out>` exits 1, its first stderr line is
// exactly `file:line:col: error: …` naming the field, stderr holds no stack trace and no other kind of line, and the
// out dir (a copy of a good build) is byte-identical afterwards. The library (`loadModel`) gives the same first
// diagnostic in-process, as a DataError.
//
// Every CLI run is spawned with NODE_OPTIONS=--max-old-space-size=512, so a memory blow-up shows as a crash (an exit
// status other than 1 and a "FATAL ERROR" on stderr), which the test catches as a failure. The resource bombs (alias
// bombs, deep nesting, huge files) are also bounded on the child's CPU time (tests/support/cpu-usage.mjs), ten times
// what a build takes, so that a runaway fails and a loaded machine does not; how fast the other cases are refused is
// for the benchmarks. A wall-clock kill catches hangs.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, ftruncateSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, formatDiagnostic } from '../src/errors.js';
import { loadModel, maxFileBytes } from '../src/model/load.js';
import { pharmald } from '../src/model/pharmald.js';
import { bin, copyOfData, edit, entity, escapeRegExp, expectCleanStderr, pos, scratchDir, snapshot, write, type CliResult } from './helpers.js';

const memoryLimit = '--max-old-space-size=512';
const cpuUsagePreload = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'cpu-usage.mjs')).href;

interface LimitedResult extends CliResult {
  readonly signal: NodeJS.Signals | null;
  /** CPU time the child used (user + system), in ms; undefined when it did not exit normally. */
  readonly cpuMs: number | undefined;
}

/**
 * Runs the compiled CLI as a child with a 512 MB heap, measuring its CPU time, and kills it (SIGKILL) after
 * `killAfterMs` of wall-clock time.
 */
function pharmaldLimited(args: readonly string[], cwd: string, killAfterMs: number): Promise<LimitedResult> {
  const cpuFile = path.join(scratchDir('pharmald-cpu-'), 'cpu');
  scratch.push(path.dirname(cpuFile));
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      NODE_OPTIONS: [process.env['NODE_OPTIONS'], memoryLimit, `--import=${cpuUsagePreload}`].filter(Boolean).join(' '),
      PHARMALD_TEST_CPU_FILE: cpuFile,
    };
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, timeout: killAfterMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      let cpuMs: number | undefined;
      try {
        cpuMs = Number(readFileSync(cpuFile, 'utf8'));
      } catch {
        cpuMs = undefined;
      }
      resolve({ status, signal, stdout, stderr, cpuMs });
    });
  });
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** Inserts raw bytes into a file just after the first occurrence of `after` (a UTF-8 string). */
function insertBytes(dir: string, file: string, after: string, bytes: readonly number[]): void {
  const text = read(dir, file);
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`${after} not in ${file}`);
  const offset = Buffer.byteLength(text.slice(0, at + after.length));
  const buffer = readFileSync(path.join(dir, file));
  write(dir, file, Buffer.concat([buffer.subarray(0, offset), Buffer.from(bytes), buffer.subarray(offset)]));
}

/** A file of `size` bytes whose content after `head` is a hole: created in microseconds, no disk space used. */
function sparseFile(dir: string, file: string, head: string, size: number): void {
  const fd = openSync(path.join(dir, file), 'w');
  try {
    writeFileSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

interface Expected {
  /** Omitted where the line is not part of the contract (see the case). */
  readonly line?: number;
  /** Omitted where the column is not meaningful (where the parser's stack ran out). */
  readonly col?: number;
  /** Must match the first line's message; names the field where there is one. */
  readonly message: RegExp;
}

interface Case {
  readonly name: string;
  readonly mutate: (dir: string) => void;
  /** The data file (relative to the data folder) the first diagnostic must be in. */
  readonly file: string;
  readonly first: (dir: string) => Expected;
  readonly also?: (dir: string) => readonly (Expected & { readonly file: string })[];
  /**
   * For a resource bomb: a limit on the CPU time of the CLI build that only a runaway passes (a build of good data
   * takes about 1 s, most of it start-up). CPU time rather than wall-clock time, so that a machine loaded by other
   * work does not fail the case. Every run is also killed after 60 s of wall-clock time, which catches a hang.
   */
  readonly maxCpuMs?: number;
}

/** The CPU bound of a resource bomb (see Case.maxCpuMs). */
const runawayCpuMs = 10_000;

// --- Alias bombs ------------------------------------------------------------------------------------------------------
const letters = 'abcdefghij';
/** Nine levels of mappings, each holding nine aliases of the level below: 9^9 leaves once expanded. */
const nestedMappingBomb = (() => {
  let text = 'a: &a {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol}\n';
  for (let i = 1; i < 10; i++) {
    text += `${letters[i]}: &${letters[i]} {${Array.from({ length: 9 }, (_, k) => `k${k}: *${letters[i - 1]}`).join(', ')}}\n`;
  }
  return `${text}targets: [*j]\n`;
})();
/** The bomb inside an otherwise well-formed drug: anchors on unknown fields, exploded in drug_classes. */
const drugBomb = (() => {
  let text = 'drugs:\n  - id: bomb\n    label: bomb\n    identifiers: {}\n    description: &a0 lol\n';
  for (let i = 1; i < 10; i++) text += `    x${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return `${text}    drug_classes: *a9\n`;
})();
/**
 * Many aliases, each anchor used at most 500 times (under the parser's per-anchor limit of 1000), no nesting: nothing
 * expands, but the parser resolves each alias by scanning every anchor and alias before it, so the time is quadratic.
 */
const quadraticAliases = (() => {
  const aliases = 40_000;
  const perAnchor = 500;
  const anchors = aliases / perAnchor;
  let text = 'x:\n';
  for (let a = 0; a < anchors; a++) text += `  - &a${a} v\n`;
  return `${text}clinical_uses: [${Array.from({ length: aliases }, (_, i) => `*a${i % anchors}`).join(',')}]\n`;
})();

const cases: readonly Case[] = [
  // --- Encodings --------------------------------------------------------------------------------------------------
  {
    name: 'CRLF and LF line ends mixed, with a bad UniProt accession',
    mutate: (dir) => {
      edit(dir, 'targets.yaml', 'uniprot: Q12879', 'uniprot: X12879');
      let n = 0;
      write(dir, 'targets.yaml', read(dir, 'targets.yaml').replace(/\n/g, () => (n++ % 2 ? '\r\n' : '\n')));
    },
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'X12879', 'uniprot'), message: /target "glun2a" field identifiers\.uniprot: "X12879" is not a UniProtKB identifier/ }),
  },
  {
    name: 'a byte-order mark, and a bad enum value further down',
    mutate: (dir) => {
      edit(dir, 'targets.yaml', 'type: ligand-gated-ion-channel\n    gene: GRIN2B', 'type: ligand-gated-ion-chanel\n    gene: GRIN2B');
      write(dir, 'targets.yaml', `\uFEFF${read(dir, 'targets.yaml')}`);
    },
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'ligand-gated-ion-chanel', 'type'), message: /target "glun2b" field type: "ligand-gated-ion-chanel" is not one of: receptor, / }),
  },
  {
    name: 'a byte-order mark, CRLF line ends and an unknown field',
    mutate: (dir) => {
      edit(dir, 'targets.yaml', '    label: GluN2C\n', '    label: GluN2C\n    colour: red\n');
      write(dir, 'targets.yaml', `\uFEFF${read(dir, 'targets.yaml').replace(/\n/g, '\r\n')}`);
    },
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'colour: red', 'colour'), message: /target "glun2c" field colour: unknown field "colour"$/ }),
  },
  {
    name: 'invalid UTF-8 in the middle of a value, after non-ASCII text (a cut 3-byte sequence)',
    mutate: (dir) => {
      edit(dir, 'targets.yaml', '    label: GluN1\n', '    label: GluN1 — µ-site ok\n');
      insertBytes(dir, 'targets.yaml', 'GluN1 — µ-', [0xe2, 0x82]);
    },
    file: 'targets.yaml',
    // The column counts characters, not bytes: "—" is 3 bytes and "µ" 2, but one column each.
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'GluN1 — µ-', '\uFFFD'), message: /file is not valid UTF-8 \(byte 0xe2 at offset \d+\)/ }),
  },
  {
    name: 'an overlong UTF-8 encoding (0xC0 0xAF) in a label',
    mutate: (dir) => insertBytes(dir, 'clinical-uses.yaml', 'label: anal', [0xc0, 0xaf]),
    file: 'clinical-uses.yaml',
    first: (dir) => ({ ...pos(dir, 'clinical-uses.yaml', 'label: anal\uFFFD', '\uFFFD'), message: /file is not valid UTF-8 \(byte 0xc0/ }),
  },
  {
    name: 'a UTF-16 file (with its byte-order mark)',
    mutate: (dir) => write(dir, 'clinical-uses.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(dir, 'clinical-uses.yaml'), 'utf16le')])),
    file: 'clinical-uses.yaml',
    first: () => ({ line: 1, col: 1, message: /file is not valid UTF-8 \(byte 0xff at offset 0\)/ }),
  },
  {
    name: 'a lone surrogate escape "\\ud800" in a double-quoted label',
    // Now: accepted, and written as U+FFFD in Turtle/N-Triples but as the escape \ud800 in JSON-LD (the formats
    // disagree, and neither is what the YAML said).
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', '    label: "Glu\\ud800N1"\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'label: "Glu\\ud800N1"', 'label'), message: /target "glun1" field label: / }),
  },
  {
    name: 'a tab indenting a list item',
    mutate: (dir) => edit(dir, 'clinical-uses.yaml', '  - id: analgesia', '\t- id: analgesia'),
    file: 'clinical-uses.yaml',
    first: (dir) => ({ line: pos(dir, 'clinical-uses.yaml', '\t- id: analgesia').line, col: 1, message: /YAML syntax: .*[Tt]ab/ }),
  },
  {
    name: 'a file cut in the middle of a flow mapping',
    mutate: (dir) => {
      const text = read(dir, 'targets.yaml');
      write(dir, 'targets.yaml', text.slice(0, text.indexOf('identifiers: { uniprot: Q12879') + 'identifiers: { uniprot: Q12'.length));
    },
    file: 'targets.yaml',
    // At the end of the file: the last line, just after its last character.
    first: (dir) => {
      const lines = read(dir, 'targets.yaml').split('\n');
      return { line: lines.length, col: lines.at(-1)!.length + 1, message: /YAML syntax: .*\}/ };
    },
  },
  {
    name: 'a file cut in the middle of a key of a block mapping',
    mutate: (dir) => {
      const text = read(dir, 'targets.yaml');
      write(dir, 'targets.yaml', text.slice(0, text.indexOf('    description: NMDA receptor subunit 2B.') + '    descrip'.length));
    },
    file: 'targets.yaml',
    // At the cut: the last line, where the unfinished key starts.
    first: (dir) => ({ line: read(dir, 'targets.yaml').split('\n').length, col: 5, message: /YAML syntax: .*map/i }),
  },
  {
    name: 'a file holding only a byte-order mark and a line end',
    mutate: (dir) => write(dir, 'extra.yaml', '\uFEFF\n'),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /file is empty/ }),
  },
  {
    name: 'a file of only comments',
    mutate: (dir) => write(dir, 'extra.yaml', '# a data file\n# with nothing in it yet\n'),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /^file( is empty|: expected object, got null)/ }),
  },
  {
    name: 'a BEL control character (raw byte 0x07) in a label',
    mutate: (dir) => edit(dir, 'targets.yaml', '    label: GluN1\n', '    label: Glu\u0007N1\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'label: Glu\u0007N1', 'label'), message: /target "glun1" field label: "Glu\\u0007N1" must not contain control characters/ }),
  },
  {
    name: 'a NUL byte in a label',
    mutate: (dir) => edit(dir, 'clinical-uses.yaml', 'label: analgesia', 'label: anal\u0000gesia'),
    file: 'clinical-uses.yaml',
    first: (dir) => ({ ...pos(dir, 'clinical-uses.yaml', 'label: anal\u0000gesia', 'label'), message: /use "analgesia" field label: "anal\\u0000gesia" must not contain control characters/ }),
  },
  {
    name: 'a BEL control character written as the escape \\a in a double-quoted description',
    mutate: (dir) => edit(dir, 'clinical-uses.yaml', /description: Relief of acute pain(.*)\n/, 'description: "Relief\\a of acute pain$1"\n'),
    file: 'clinical-uses.yaml',
    first: (dir) => ({ ...pos(dir, 'clinical-uses.yaml', 'Relief\\a of acute pain', 'description'), message: /use "analgesia" field description: .*must not contain control characters/ }),
  },

  // --- Structure --------------------------------------------------------------------------------------------------
  {
    name: 'a list where the file\'s mapping of sections belongs',
    mutate: (dir) => write(dir, 'extra.yaml', '- drugs\n- targets\n'),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /^file: expected object, got a list$/ }),
  },
  {
    name: 'a list where an entity\'s mapping belongs',
    mutate: (dir) => write(dir, 'extra.yaml', 'clinical_uses:\n  - [anaesthesia, sedation]\n'),
    file: 'extra.yaml',
    first: () => ({ line: 2, col: 5, message: /^use #1: expected object, got a list$/ }),
  },
  {
    name: 'a scalar document',
    mutate: (dir) => write(dir, 'extra.yaml', 'just some words\n'),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /^file: expected object, got "just some words"$/ }),
  },
  {
    name: 'two YAML documents (---) in one file',
    mutate: (dir) => write(dir, 'extra.yaml', '---\nclinical_uses:\n  - {id: sedation, label: sedation}\n---\nclinical_uses: []\n'),
    file: 'extra.yaml',
    first: () => ({ line: 4, col: 1, message: /YAML syntax: .*multiple documents/ }),
  },
  {
    name: 'nesting 10,000 levels deep ([[[[…]]]]), without a stack-overflow crash',
    mutate: (dir) => write(dir, 'extra.yaml', `targets: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    file: 'extra.yaml',
    // Reported where the parser gave up; the column depends on the stack size, so it is not checked.
    first: () => ({ line: 1, message: /YAML syntax: / }),
    maxCpuMs: runawayCpuMs,
  },
  {
    name: 'nesting 10,000 mappings deep ({a: {a: …}})',
    mutate: (dir) => write(dir, 'extra.yaml', `targets: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`),
    file: 'extra.yaml',
    first: () => ({ line: 1, message: /YAML syntax: / }),
    maxCpuMs: runawayCpuMs,
  },
  {
    name: 'a file one byte over the 64 MiB limit (sparse)',
    mutate: (dir) => sparseFile(dir, 'extra.yaml', 'clinical_uses: []\n', maxFileBytes + 1),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: new RegExp(`^file is ${maxFileBytes + 1} bytes; data files are limited to ${maxFileBytes} bytes$`) }),
    maxCpuMs: runawayCpuMs,
  },
  {
    name: 'a sparse 3 GiB file',
    // Now: the whole file is read before its size is checked, and Node refuses a buffer over 2 GiB, so the CLI prints
    // "pharmald: File size (3221225472) is greater than 2 GiB" with no file:line:col (and a 1 GiB file is read whole).
    mutate: (dir) => sparseFile(dir, 'extra.yaml', 'clinical_uses: []\n', 3 * 1024 ** 3),
    file: 'extra.yaml',
    first: () => ({ line: 1, col: 1, message: /data files are limited to/ }),
    maxCpuMs: runawayCpuMs,
  },
  {
    name: 'a 1 MB line (a long label), then an unknown field',
    mutate: (dir) => write(dir, 'extra.yaml', `clinical_uses:\n  - id: sedation\n    label: ${'a'.repeat(1 << 20)}\n    colour: red\n`),
    file: 'extra.yaml',
    first: () => ({ line: 4, col: 5, message: /^use "sedation" field colour: unknown field "colour"$/ }),
  },
  {
    name: 'a 1 MB id',
    mutate: (dir) => write(dir, 'extra.yaml', `clinical_uses:\n  - id: ${'a'.repeat(1 << 20)}B\n    label: sedation\n`),
    file: 'extra.yaml',
    // The value is shortened in the message (the entity name is not: see the report).
    first: () => ({ line: 2, col: 5, message: /field id: "a{57}\.\.\." must be lower-case letters/ }),
  },
  {
    name: 'a collection as a mapping key',
    // Now: the YAML library calls process.emitWarning ("(node:PID) Warning: Keys with collection values will be
    // stringified…"), two extra lines on stderr before the diagnostic.
    mutate: (dir) => write(dir, 'extra.yaml', 'clinical_uses:\n  - id: sedation\n    label: sedation\n    ? [a, b]\n    : c\n'),
    file: 'extra.yaml',
    first: () => ({ line: 2, col: 5, message: /^use "sedation" field .*unknown field/ }),
  },

  // --- Identifiers and references ---------------------------------------------------------------------------------
  {
    name: 'a DOI with a space',
    mutate: (dir) => edit(dir, 'references.yaml', 'doi: 10.1111/bph.13222', 'doi: 10.1111/bph 13222'),
    file: 'references.yaml',
    first: (dir) => ({ ...pos(dir, 'references.yaml', 'doi: 10.1111/bph 13222', 'doi'), message: /reference "lodge-mercier-2015" field doi: "10\.1111\/bph 13222" is not a DOI identifier/ }),
  },
  {
    name: 'a DOI with a control character (U+0001, escaped in a double-quoted scalar)',
    // Now: accepted by the DOI pattern ([^\s"<>\\^`{|}]+ lets control characters through); the build succeeds and
    // writes <https://doi.org/10.1111/bph\u0001x> into dataset.ttl and dataset.nt, which n3 then refuses to parse.
    mutate: (dir) => edit(dir, 'references.yaml', 'doi: 10.1111/bph.13222', 'doi: "10.1111/bph\\x01x"'),
    file: 'references.yaml',
    first: (dir) => ({ ...pos(dir, 'references.yaml', 'doi: "10.1111/bph', 'doi'), message: /reference "lodge-mercier-2015" field doi: .* is not a DOI identifier/ }),
  },
  {
    name: 'an IRI-breaking > in an entity id',
    mutate: (dir) => edit(dir, 'targets.yaml', '- id: glun2a\n', '- id: glun2a>x\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...entity(dir, 'targets.yaml', 'glun2a>x'), message: /target "glun2a>x" field id: "glun2a>x" must be lower-case letters and digits/ }),
  },
  {
    name: 'a space inside an entity id',
    mutate: (dir) => edit(dir, 'targets.yaml', '- id: glun2a\n', '- id: glun 2a\n'),
    file: 'targets.yaml',
    first: (dir) => ({ ...entity(dir, 'targets.yaml', 'glun 2a'), message: /target "glun 2a" field id: "glun 2a" must be lower-case letters and digits/ }),
  },
  {
    name: 'an IRI-breaking > in a reference to an id (supported_by)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'supported_by: [peltoniemi-2016]', 'supported_by: [peltoniemi-2016>]'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'supported_by: [peltoniemi-2016>]', 'peltoniemi'), message: /mechanism "ketamine-sympathomimetic-cardiovascular-effects" field supported_by\[0\]: "peltoniemi-2016>" must be lower-case/ }),
  },
  {
    name: 'a space inside a reference to an id (drug: keta mine)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '    drug: ketamine\n', '    drug: keta mine\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '    drug: keta mine', 'drug'), message: /mechanism "ketamine-nmda-receptor-block" field drug: "keta mine" must be lower-case/ }),
  },
  {
    name: 'an upper-case reference to an id (drug: Ketamine)',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '    drug: ketamine\n', '    drug: Ketamine\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '    drug: Ketamine', 'drug'), message: /mechanism "ketamine-nmda-receptor-block" field drug: "Ketamine" must be lower-case/ }),
  },
  {
    name: 'an effect on an unknown process',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '- process: gaba-signalling', '- process: gaba-signaling'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '- process: gaba-signaling', 'process'), message: /mechanism "ketamine-gabaergic-effects" field effects\[0\]\.process: no process has id "gaba-signaling"$/ }),
  },
  {
    name: 'a caveat citing an unknown reference',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'references: [asthma-systematic-review-2022]', 'references: [asthma-review-2099]'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'references: [asthma-review-2099]', 'asthma-review-2099'), message: /mechanism "ketamine-bronchodilation" field caveats\[0\]\.references\[0\]: no reference has id "asthma-review-2099"$/ }),
  },
  {
    name: 'a pIC50 of 618 (a decimal point left out): out of any physical range',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '        value: 6.18\n', '        value: 618\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '        value: 618', 'value'), message: /mechanism "ketamine-nmda-receptor-block" field affinities\[0\]\.value: a negative log affinity \(pKi, pIC50 …\) lies between 0 \(1 M\) and 15 \(1 fM\): check the value and its measure$/ }),
  },
  {
    name: "an affinity at a target that is neither the mechanism's nor one of its subunits",
    mutate: (dir) => edit(dir, 'ketamine.yaml', '      - target: glun2c\n', '      - target: delta-opioid-receptor\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '      - target: delta-opioid-receptor', 'target'), message: /mechanism "ketamine-nmda-receptor-block" field affinities\[0\]\.target: the mechanism's target is "nmda-receptor": name it or one of its subunits \(glun1, glun2a, glun2b, glun2c, glun2d\)$/ }),
  },
  {
    name: 'a pIC50 affinity with a unit',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '        value: 6.18\n', '        value: 6.18\n        unit: nM\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '        unit: nM', 'unit'), message: /mechanism "ketamine-nmda-receptor-block" field affinities\[0\]\.unit: a negative log affinity \(pKi, pKd, pIC50, pEC50, pA2, pKB\) takes no unit$/ }),
  },
  {
    name: 'a Ki affinity without a unit',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '        uncertainty: 98\n        unit: nM\n', '        uncertainty: 98\n'),
    file: 'ketamine.yaml',
    // The field is missing, so the position is the affinity's mapping (its first key).
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '- measure: Ki', 'measure'), message: /mechanism "ketamine-nmda-receptor-block" field affinities\[1\]\.unit: a Ki, Kd, IC50 or EC50 needs a unit \(nM or uM\)$/ }),
  },
  {
    name: 'two effects on one process in one mechanism',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '- process: heart-rate', '- process: blood-pressure'),
    file: 'ketamine.yaml',
    // The second effect is the duplicate.
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '- process: blood-pressure', 'process', 2), message: /mechanism "ketamine-sympathomimetic-cardiovascular-effects" field effects\[1\]\.process: two effects with the same process and dose level "blood-pressure": give one effect per process and dose level$/ }),
  },
  {
    name: 'a duplicate caveat id in one mechanism',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '- id: adverse-in-chronic-pain', '- id: reuptake-inhibition-doubtful'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', '- id: reuptake-inhibition-doubtful', 'id:', 2), message: /mechanism "ketamine-sympathomimetic-cardiovascular-effects" field caveats\[1\]\.id: two caveats with the same id "reuptake-inhibition-doubtful": give one caveat per id$/ }),
  },
  {
    name: 'a mechanism downstream_of itself',
    mutate: (dir) => edit(dir, 'ketamine.yaml', 'downstream_of: [ketamine-bdnf-increase]', 'downstream_of: [ketamine-trkb-signalling]'),
    file: 'ketamine.yaml',
    first: (dir) => ({ ...pos(dir, 'ketamine.yaml', 'downstream_of: [ketamine-trkb-signalling]', 'ketamine-trkb'), message: /mechanism "ketamine-trkb-signalling" field downstream_of\[0\]: a mechanism cannot name itself in downstream_of$/ }),
  },
  {
    name: 'a system part_of itself',
    mutate: (dir) => edit(dir, 'systems.yaml', '    uberon: "UBERON:0000955"\n    part_of: central-nervous-system\n', '    uberon: "UBERON:0000955"\n    part_of: brain\n'),
    file: 'systems.yaml',
    first: (dir) => ({ ...pos(dir, 'systems.yaml', 'part_of: brain', 'part_of'), message: /system "brain" field part_of: a system cannot name itself in part_of$/ }),
  },
  {
    name: 'a target that is its own subunit',
    mutate: (dir) => edit(dir, 'targets.yaml', 'subunits: [glua1, glua2]', 'subunits: [glua1, ampa-receptor]'),
    file: 'targets.yaml',
    first: (dir) => ({ ...pos(dir, 'targets.yaml', 'subunits: [glua1, ampa-receptor]', 'ampa-receptor'), message: /target "ampa-receptor" field subunits\[1\]: a target cannot name itself in subunits$/ }),
  },
  {
    name: 'a use status of a use the drug does not list, and a mechanism contributing to it',
    mutate: (dir) => edit(dir, 'ketamine.yaml', '    uses: [anaesthesia, analgesia, rapid-antidepressant]\n    use_statuses:\n',
      '    uses: [anaesthesia, analgesia]\n    use_statuses:\n'),
    file: 'ketamine.yaml',
    first: (dir) => ({
      ...pos(dir, 'ketamine.yaml', '- use: rapid-antidepressant', 'use:'),
      message: /^drug "ketamine" field use_statuses\[0\]\.use: the drug does not list "rapid-antidepressant" in its uses: add it to that list, or name one it lists \(anaesthesia, analgesia\)$/,
    }),
    also: (dir) => [{
      file: 'ketamine.yaml', ...pos(dir, 'ketamine.yaml', 'contributes_to: [anaesthesia, analgesia, rapid-antidepressant]', 'rapid'),
      message: /mechanism "ketamine-nmda-receptor-block" field contributes_to\[2\]: drug "ketamine" does not list "rapid-antidepressant" in its uses: add it to that list/,
    }],
  },
  {
    name: 'the same id in three files',
    mutate: (dir) => {
      write(dir, 'a-extra.yaml', 'systems:\n  - id: heart\n    label: heart again\n');
      write(dir, 'zz-extra.yaml', '# a third definition\nsystems:\n  - id: heart\n    label: heart thrice\n');
    },
    // a-extra.yaml sorts first, so it holds the definition; systems.yaml and zz-extra.yaml hold the duplicates.
    file: 'systems.yaml',
    first: (dir) => {
      const where = escapeRegExp(`${path.basename(dir)}/a-extra.yaml:2:5`);
      return { ...entity(dir, 'systems.yaml', 'heart'), message: new RegExp(`^system "heart" field id: duplicate system id "heart", first defined at ${where}$`) };
    },
    also: (dir) => {
      const where = escapeRegExp(`${path.basename(dir)}/a-extra.yaml:2:5`);
      return [{ file: 'zz-extra.yaml', line: 3, col: 5, message: new RegExp(`duplicate system id "heart", first defined at ${where}$`) }];
    },
  },

  // --- Alias bombs (each under the CPU bound and the 512 MB heap) --------------------------------------------------
  {
    name: 'a "billion laughs" of nested mappings',
    mutate: (dir) => write(dir, 'bomb.yaml', nestedMappingBomb),
    file: 'bomb.yaml',
    first: () => ({ line: 1, col: 1, message: /^YAML aliases: .*alias/i }),
    maxCpuMs: runawayCpuMs,
  },
  {
    name: 'a "billion laughs" inside a drug\'s drug_classes',
    mutate: (dir) => write(dir, 'bomb.yaml', drugBomb),
    file: 'bomb.yaml',
    first: () => ({ line: 1, col: 1, message: /^YAML aliases: .*alias/i }),
    maxCpuMs: runawayCpuMs,
  },
  {
    name: '40,000 aliases, each anchor used at most 500 times (quadratic alias resolution)',
    // Now: no anchor passes the parser's per-anchor limit, so every alias is resolved, each by a linear scan: about
    // 25 s of CPU for this 300 kB file (a 64 MiB file would take days), over the CPU bound.
    mutate: (dir) => write(dir, 'bomb.yaml', quadraticAliases),
    file: 'bomb.yaml',
    // Where: the file's start, or the first alias over a limit (a fix may point there).
    first: () => ({ message: /alias/i }),
    maxCpuMs: runawayCpuMs,
  },
];


let goodOut: string;
let goodFiles: Record<string, string>;
const scratch: string[] = [];

beforeAll(async () => {
  goodOut = scratchDir('pharmald-good-out-');
  scratch.push(goodOut);
  const data = copyOfData();
  scratch.push(data);
  const result = await pharmaldLimited(['build', '--data', path.basename(data), '--out', goodOut], path.dirname(data), 60_000);
  expect(result.status, result.stderr).toBe(0);
  goodFiles = snapshot(goodOut);
  expect(Object.keys(goodFiles)).toContain('dataset.ttl');
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function runCase(c: Case): Promise<void> {
  const dir = copyOfData();
  const out = scratchDir('pharmald-out-');
  scratch.push(dir, out);
  const cwd = path.dirname(dir);
  const name = path.basename(dir);
  cpSync(goodOut, out, { recursive: true, dereference: true });
  expect(snapshot(out)).toEqual(goodFiles);

  c.mutate(dir);
  const want = c.first(dir);
  const prefix = new RegExp(`^${escapeRegExp(`${name}/${c.file}`)}:${want.line ?? '\\d+'}:${want.col ?? '\\d+'}: error: `);

  const built = await pharmaldLimited(['build', '--data', name, '--out', out], cwd, 60_000);

  expect(built.signal, 'killed by the 60 s hang guard').toBeNull();
  expect(built.status, built.stderr.slice(0, 2000)).toBe(1);
  if (c.maxCpuMs !== undefined) expect(built.cpuMs, 'CPU time of the build (ms)').toBeLessThan(c.maxCpuMs);
  const lines = built.stderr.split('\n');
  expect(lines[0]!.slice(0, 300)).toMatch(prefix);
  const message = lines[0]!.replace(prefix, '');
  expect(message.length > 400 ? `${message.slice(0, 200)}…${message.slice(-200)}` : message).toMatch(want.message);
  for (const more of c.also?.(dir) ?? []) {
    const morePrefix = `${name}/${more.file}:${more.line}:${more.col ?? ''}`;
    expect(lines.some((line) => line.startsWith(morePrefix) && more.message.test(line)), `${morePrefix} ${more.message}\n${built.stderr}`).toBe(true);
  }
  expect(built.stderr).toMatch(/\npharmald: \d+ problem\(s\) found; nothing was written\n$/);
  expectCleanStderr(built.stderr);
  expect(built.stdout).toBe('');
  expect(snapshot(out)).toEqual(goodFiles);

  // The library gives the same first diagnostic, as a DataError (validate's path, without a second process).
  const error = await loadModel(dir, pharmald, { displayPath: (absolute) => path.relative(cwd, absolute).split(path.sep).join('/') }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  const firstInProcess = formatDiagnostic((error as DataError).diagnostics[0]!);
  // Where the column depends on the stack depth (which differs in-process), compare up to the line.
  if (want.col === undefined && want.line !== undefined) {
    expect(firstInProcess.replace(/:\d+: error: /, ': error: ')).toBe(lines[0]!.replace(/:\d+: error: /, ': error: '));
  } else {
    expect(firstInProcess).toBe(lines[0]);
  }
}


describe('bad input (more): file:line:col: error naming the field, exit 1, out dir untouched, bounded time and memory', () => {
  it('has at least 50 bad inputs together with tests/bad-input.test.ts (27)', () => {
    expect(27 + cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  describe.concurrent('cases', () => {
    it.for(cases)('$name', async (c) => {
      await runCase(c);
    });
  });

});
