// README's "How to add a drug", done as a curator would: one more file in data/ (tests/fixtures/new-drug, a made-up
// drug with claims of every kind at ketamine's targets), then `pharmald validate` and `pharmald build`. Both must
// accept it, and nothing said about ketamine may change: here, every triple about ketamine and its mechanisms;
// in tests/queries.test.ts and tests/seed-claims.test.ts, which run their checks of the ketamine data on this data
// too, every answer about ketamine.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { quadToNTriples } from '../src/serialize/ntriples.js';
import { dataDir, datasetOf, dataWithNewDrug, expectCleanStderr, newDrugFile, pharmald, root, scratchDir, type CliResult } from './helpers.js';

const ID = 'https://w3id.org/pharmald/id/';
const newDrug = path.basename(newDrugFile, '.yaml');

describe('README: How to add a drug', () => {
  it('says to add one file to data/, then to validate and build', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = /## How to add a drug\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    expect(section).toContain('Add a file `data/<drug>.yaml` with a `drugs:` entry');
    expect(section).toContain('`npx pharmald validate` until it reports no errors, then `npx pharmald build`');
  });
});

describe('a second drug, added as the README says', () => {
  let work: string;
  let validated: CliResult;
  let built: CliResult;

  beforeAll(() => {
    work = scratchDir('pharmald-new-drug-');
    cpSync(dataDir, path.join(work, 'data'), { recursive: true });
    cpSync(newDrugFile, path.join(work, 'data', `${newDrug}.yaml`));
    validated = pharmald(['validate'], { cwd: work });
    built = pharmald(['build'], { cwd: work });
  });

  it('passes `pharmald validate`: no errors, the new mechanisms counted', async () => {
    expect(validated.status, validated.stderr).toBe(0);
    expectCleanStderr(validated.stderr);
    expect(validated.stderr).not.toMatch(/: (error|violation): /);
    const bundled = (await datasetOf(dataDir)).quads.filter((q) => q.object.value === 'https://w3id.org/pharmald/vocab#Mechanism' && q.predicate.value.endsWith('#type')).length;
    const added = (parseYaml(readFileSync(newDrugFile, 'utf8')) as { mechanisms: unknown[] }).mechanisms.length;
    expect(added).toBeGreaterThan(0);
    expect(validated.stdout).toMatch(new RegExp(`^valid: \\d+ triples, ${bundled + added} mechanisms, \\d+ warning\\(s\\)\\n$`));
  });

  it('passes `pharmald build`: the dataset holds the new drug, and the site has its page beside ketamine\'s', () => {
    expect(built.status, built.stderr).toBe(0);
    expectCleanStderr(built.stderr);
    const dataset = readFileSync(path.join(work, 'dist', 'dataset.nt'), 'utf8');
    expect(dataset).toContain(`<${ID}drug/${newDrug}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/pharmald/vocab#Drug> .`);
    for (const drug of [newDrug, 'ketamine']) {
      expect(readFileSync(path.join(work, 'dist', 'site', 'id', 'drug', drug, 'index.html'), 'utf8')).toContain('<svg ');
    }
  });

  it('changes no triple about ketamine, its mechanisms or their parts', async () => {
    const about = async (folder: string) => {
      const { quads } = await datasetOf(folder);
      const mechanisms = quads.filter((q) => q.predicate.value === 'https://w3id.org/pharmald/vocab#drug' && q.object.value === `${ID}drug/ketamine`).map((q) => q.subject.value);
      const ketamine = [`${ID}drug/ketamine`, ...mechanisms];
      return quads.filter((q) => ketamine.some((iri) => q.subject.value === iri || q.subject.value.startsWith(`${iri}/`))).map(quadToNTriples).sort();
    };
    const before = await about(dataDir);
    expect(before.length).toBeGreaterThan(100);
    expect(await about(dataWithNewDrug())).toEqual(before);
  });
});
