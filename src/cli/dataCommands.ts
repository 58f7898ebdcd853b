// **dataCommands** are the commands on the data and its builds: build, validate, schema, release, diff. Each
// imports what it needs when it runs, so that `pharmald validate` does not pay for loading the site generator.
import { UsageError } from '../errors.js';
import { diffFormats } from '../release/diffFormat.js';
import { defaultBaseUrl } from '../release/void.js';
import { dataOption, failOn, oneOf, parse, printWarnings, strings, type Command } from './options.js';

export const buildCommand: Command = {
  help: `pharmald build [--data DIR …] [--out DIR] [--fail-on warning] [--no-site] [--base-url URL] [--sparql-endpoint URL]

Builds the dataset from the YAML files in DIR (default: ./data, else the bundled data), validates it with
the SHACL shapes and writes OUT (default: dist/): dataset.ttl, dataset.nt, dataset.jsonld, context.jsonld,
and void.ttl (VoID + DCAT description: statistics, one distribution per file with size and SHA-256).
--data may be given more than once (--data data --data imports/x): the folders build one dataset, and
entities in one may name entities in another; an id defined in two of them is an error.
Violations fail the build and nothing is written; warnings are printed (and fail it with --fail-on warning).
--base-url is where the files will be downloaded from (default ${defaultBaseUrl}), and
--sparql-endpoint the endpoint that serves the dataset; both only go into void.ttl.
The web pages go to OUT/site/ (one page per drug, target, system, process, use, reference and
mechanism, with embedded JSON-LD, and the vocabulary); --no-site skips them.
Exit status: 0 built, 1 data or validation error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, { ...dataOption, ...strings('out', 'fail-on', 'base-url', 'sparql-endpoint'), 'no-site': { type: 'boolean' } });
    const [{ build }, { terminalProgress }] = await Promise.all([import('../build.js'), import('../io/progress.js')]);
    const progress = terminalProgress();
    const result = await build({
      onProgress: progress.listener,
      dataDir: values.data,
      outDir: values.out,
      failOn: failOn(values['fail-on']),
      baseUrl: values['base-url'],
      sparqlEndpoint: values['sparql-endpoint'],
      site: !values['no-site'],
    }).finally(progress.end);
    printWarnings(io, result.diagnostics);
    const top = result.files.filter((f) => !f.name.includes('/')).map((f) => `${f.name} (${f.bytes} bytes)`);
    const pages = result.files.filter((f) => f.name.startsWith('site/'));
    if (pages.length) top.push(`site/ (${pages.length} files)`);
    io.out(`built ${result.quads.length} triples into ${result.outDir}/: ${top.join(', ')}\n`);
    return 0;
  },
};

export const validateCommand: Command = {
  help: `pharmald validate [--data DIR …] [--fail-on warning]

Loads and validates the YAML data like build (every --data folder, as one dataset), and writes nothing. Prints each problem as
data/FILE.yaml:LINE:COL: error|violation|warning: message.
Exit status: 0 valid, 1 data or validation error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, { ...dataOption, ...strings('fail-on') });
    const { compileDataset } = await import('../build.js');
    const result = await compileDataset({ dataDir: values.data, failOn: failOn(values['fail-on']) });
    printWarnings(io, result.diagnostics);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    io.out(`valid: ${result.quads.length} triples, ${result.model.mechanisms.length} mechanisms, ${warnings} warning(s)\n`);
    return 0;
  },
};

export const schemaCommand: Command = {
  help: `pharmald schema

Prints the JSON Schema of a data file (schema/pharmald-data.schema.json is this output), for editors.
`,
  async run(args, io) {
    parse(args, {});
    const [{ dataFileJsonSchema }, { pharmald }] = await Promise.all([import('../generate/jsonSchema.js'), import('../model/pharmald.js')]);
    io.out(`${JSON.stringify(dataFileJsonSchema(pharmald), null, 2)}\n`);
    return 0;
  },
};

export const releaseCommand: Command = {
  help: `pharmald release --version X.Y.Z [--date YYYY-MM-DD] [--data DIR …] [--out DIR]

Builds and validates the dataset (from every --data folder, as build does), then writes an immutable release to OUT/releases/X.Y.Z/ (default
OUT: dist): every format with owl:versionIRI / owl:versionInfo, void.ttl (VoID + DCAT with checksums),
SHA256SUMS and CHANGES.md, and adds the entry to OUT/releases/CHANGELOG.md. The changes are the
semantic diff against the highest earlier release. An existing release is never overwritten, and a version
must be higher than every existing one (compared as numbers: 1.10.0 > 1.9.0). OUT itself is brought up to
date with the released dataset (its files, void.ttl and site/, as build writes them) in the same atomic switch.
Warnings are printed as build prints them.
--date records the release date (default: today, UTC).
Exit status: 0 released, 1 data or validation error, 2 usage error.
`,
  async run(args, io) {
    const { values } = parse(args, { ...dataOption, ...strings('version', 'date', 'out') });
    if (values.version === undefined) throw new UsageError('give --version X.Y.Z');
    const { release } = await import('../release/release.js');
    const result = await release({ version: values.version, date: values.date, dataDir: values.data, outDir: values.out });
    printWarnings(io, result.diagnostics);
    io.out(`released ${values.version} into ${result.dir}/${result.previous ? ` (changes since ${result.previous} in CHANGES.md)` : ''}\n`);
    return 0;
  },
};

export const diffCommand: Command = {
  help: `pharmald diff OLD_DIST NEW_DIST [--format text|json|markdown] [--exit-code]

Compares two builds (dist/ folders or releases) in domain terms: entities added and removed, and for
each mechanism, target, drug… present in both, which field changed from what to what, by label.
Order and blank-node labels never count as changes.
--exit-code exits 1 when there are changes (as git diff does), 0 when none.
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { ...strings('format'), 'exit-code': { type: 'boolean' } }, true);
    if (positionals.length !== 2) throw new UsageError('give two folders: OLD_DIST NEW_DIST');
    const format = oneOf('--format', values.format ?? 'text', diffFormats);
    const [{ diffDatasets, hasChanges, readDist }, { formatDiff }] = await Promise.all([import('../release/diff.js'), import('../release/diffFormat.js')]);
    const [before, after] = await Promise.all(positionals.map(async (dir) => {
      try {
        return await readDist(dir);
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
      }
    }));
    const diff = diffDatasets(before!, after!);
    io.out(formatDiff(diff, format));
    return values['exit-code'] && hasChanges(diff) ? 1 : 0;
  },
};
