// **importCommand** is `pharmald import drugcentral SRC_DIR --out DATA_DIR`: a source release's tables become a
// data folder that validate and build read like any other; nothing is written when a row is wrong.
import { UsageError } from '../errors.js';
import { parse, printWarnings, strings, type Command } from './options.js';

export const importCommand: Command = {
  help: `pharmald import drugcentral SRC_DIR --out DATA_DIR [--release VERSION]

Reads the DrugCentral tables in SRC_DIR (drug_target.tsv required; drug_indication.tsv, pharm_class.tsv and
identifiers.tsv when present; columns by header name) and its LICENSE, and writes DATA_DIR: YAML data files
(drugs, targets, mechanisms, references, clinical uses, pharmacologic classes, the source release) and the
release's LICENSE. Every imported mechanism, indication and class names the file and line it came from.
--release names the release (default: SRC_DIR's name, e.g. 2016-05-09).
Then: pharmald build --data data --data DATA_DIR builds the curated data with the import.
A bad row is reported as FILE:LINE:COL and nothing is written.
Exit status: 0 imported, 1 data error, 2 usage error.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, strings('out', 'release'), true);
    const [source, sourceDir, ...extra] = positionals;
    if (source !== 'drugcentral') throw new UsageError(source === undefined ? 'name the source: pharmald import drugcentral SRC_DIR --out DATA_DIR' : `unknown source "${source}" (pharmald imports drugcentral)`);
    if (sourceDir === undefined || extra.length) throw new UsageError('give one SRC_DIR: pharmald import drugcentral SRC_DIR --out DATA_DIR');
    if (values.out === undefined) throw new UsageError('--out DATA_DIR is required');
    const [{ importDrugCentral }, { writeFilesAtomically }] = await Promise.all([import('../import/drugcentral.js'), import('../io/atomicWrite.js')]);
    const imported = await importDrugCentral(sourceDir, { release: values.release });
    printWarnings(io, imported.diagnostics);
    await writeFilesAtomically(values.out, imported.files);
    const counts = Object.entries(imported.counts).map(([what, n]) => `${n} ${what}`).join(', ');
    io.out(`imported DrugCentral into ${values.out}/: ${counts}\n`);
    return 0;
  },
};
