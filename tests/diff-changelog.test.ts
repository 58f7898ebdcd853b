// `pharmald diff` as a curator's changelog: a summary first, claims whose source records alone changed counted
// (not listed), content changes listed old → new, lists as items added and removed. On a small synthetic pair of
// data folders, and on the two bundled DrugCentral releases, imported, built and diffed as a release would be.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { diffDatasets, readDist, type DatasetDiff } from '../src/release/diff.js';
import { formatDiff } from '../src/release/diffFormat.js';
import { pharmaldAsync, root, scratchDir } from './helpers.js';

interface Release {
  readonly version: string;
  readonly alphaLine: number;
  readonly betaAction: string;
  readonly alphaUses: readonly string[];
  readonly alphaTwo: boolean;
  readonly betaTwo: boolean;
}

/** One data folder: two drugs, two targets and their mechanisms, each with its source record of `version`. */
function dataFolder(r: Release): string {
  const dir = scratchDir('pharmald-changelog-');
  const origin = (line: number) => `\n    origins:\n      - release: "src-${r.version}"\n        file: "drug_target.tsv"\n        line: ${line}`;
  const mechanism = (id: string, drug: string, target: string, action: string, line: number) =>
    `  - id: "${id}"\n    label: "${drug} ${action} at ${target}"\n    drug: "${drug}"\n    target: "${target}"\n    action: "${action}"\n    directness: "direct"\n    supported_by: ["ref-a"]${origin(line)}\n`;
  writeFileSync(path.join(dir, 'data.yaml'), `source_releases:
  - id: "src-${r.version}"
    label: "Source ${r.version}"
    database: "Source"
    version: "${r.version}"
    licence: "CC-BY-4.0"
references:
  - id: "ref-a"
    label: "Reference A"
    type: "database"
targets:
  - id: "t-one"
    label: "Target One"
    type: "enzyme"
    identifiers:
      uniprot: "P00001"
  - id: "t-two"
    label: "Target Two"
    type: "enzyme"
    identifiers:
      uniprot: "P00002"
clinical_uses:
${['pain', 'fever', 'cough', 'nausea'].map((u) => `  - id: "${u}"\n    label: "${u[0]!.toUpperCase()}${u.slice(1)}"\n`).join('')}drugs:
  - id: "alpha"
    label: "alpha"
    identifiers:
      drugcentral: "1"
    uses: [${r.alphaUses.map((u) => `"${u}"`).join(', ')}]
  - id: "beta"
    label: "beta"
    identifiers:
      drugcentral: "2"
    uses: ["pain"]
mechanisms:
${mechanism('alpha-t-one', 'alpha', 't-one', 'antagonist', r.alphaLine)}${mechanism('beta-t-one', 'beta', 't-one', r.betaAction, r.alphaLine + 1)}${
  r.alphaTwo ? mechanism('alpha-t-two', 'alpha', 't-two', 'inhibitor', 9) : ''}${r.betaTwo ? mechanism('beta-t-two', 'beta', 't-two', 'agonist', 10) : ''}`);
  return dir;
}

describe('pharmald diff: a synthetic release', () => {
  let diff: DatasetDiff;
  let text: string;

  beforeAll(async () => {
    const dirs = await Promise.all([
      { version: '2020', alphaLine: 2, betaAction: 'antagonist', alphaUses: ['pain', 'fever', 'nausea'], alphaTwo: false, betaTwo: true },
      { version: '2021', alphaLine: 5, betaAction: 'inverse-agonist', alphaUses: ['pain', 'cough', 'nausea'], alphaTwo: true, betaTwo: false },
    ].map(async (r) => {
      const out = scratchDir();
      await build({ dataDir: dataFolder(r), outDir: out, site: false });
      return out;
    }));
    diff = diffDatasets(await readDist(dirs[0]!), await readDist(dirs[1]!));
    text = formatDiff(diff, 'text');
  }, 60_000);

  it('opens with a summary per kind', () => {
    expect(text.split('\n\n')[0]).toBe([
      'Summary:',
      '  drug: 1 changed',
      '  mechanism: 1 added, 1 removed, 1 changed, 1 carried over',
      '  source release: 1 added, 1 removed',
      'Carried over to new source records, nothing else changed (not listed; --format json lists them):',
      '  mechanism: 1 mechanisms from "Source 2020" to "Source 2021" records',
    ].join('\n'));
  });

  it('counts a claim whose source records alone changed, and lists none of it', () => {
    expect(diff.carriedOver).toEqual([expect.objectContaining({
      kind: 'mechanism', label: 'alpha antagonist at t-one', from: ['Source 2020'], to: ['Source 2021'],
      records: [{ field: 'origins', removed: ['src-2020, drug_target.tsv line 2'], added: ['src-2021, drug_target.tsv line 5'], list: true }],
    })]);
    expect(diff.changed.map((e) => e.label)).not.toContain('alpha antagonist at t-one');
    expect(text).not.toContain('alpha antagonist');
  });

  it('lists a changed action old → new, with the claim\'s records compactly', () => {
    expect(text).toContain([
      '~ mechanism "beta inverse-agonist at t-one" changed',
      '    action: "antagonist" → "inverse agonist"',
      '    label: "beta antagonist at t-one" → "beta inverse-agonist at t-one"',
      '    origins: "src-2020, drug_target.tsv line 3" → "src-2021, drug_target.tsv line 6"',
    ].join('\n'));
  });

  it('names an added and a removed mechanism by drug, target and action', () => {
    expect(text).toContain('+ mechanism "alpha inhibitor at t-two" added: drug "alpha", target "Target Two", action "inhibitor", directness "direct"\n');
    expect(text).toContain('- mechanism "beta agonist at t-two" removed: drug "beta", target "Target Two", action "agonist", directness "direct"\n');
  });

  it('shows the items of a list added and removed, not the whole list', () => {
    expect(text).toContain('~ drug "alpha" changed\n    uses: added "Cough"; removed "Fever"\n');
    expect(text).not.toContain('Nausea');
    expect(diff.changed.find((e) => e.label === 'alpha')!.changes).toEqual([{ field: 'uses', removed: ['Fever'], added: ['Cough'], list: true }]);
  });

  it('JSON and Markdown carry the same summary, JSON every carried-over claim', () => {
    const json = JSON.parse(formatDiff(diff, 'json')) as DatasetDiff;
    expect(json.summary).toEqual(diff.summary);
    expect(json.carriedOver).toHaveLength(1);
    const markdown = formatDiff(diff, 'markdown');
    expect(markdown).toContain('| mechanism | 1 | 1 | 1 | 0 | 1 |');
    expect(markdown).toContain('- mechanism **beta inverse-agonist at t-one**\n  - action: "antagonist" → "inverse agonist"');
  });
});

describe('pharmald diff: DrugCentral 2016-01-28 → 2016-05-09', () => {
  let diff: DatasetDiff;
  let text: string;

  beforeAll(async () => {
    const dists = await Promise.all(['2016-01-28', '2016-05-09'].map(async (release) => {
      const data = scratchDir();
      const imported = await pharmaldAsync(['import', 'drugcentral', path.join(root, 'sources', 'drugcentral', release), '--out', data]);
      expect(imported.status, imported.stderr).toBe(0);
      return data;
    }));
    const outs: string[] = [];
    for (const data of dists) {
      const out = scratchDir();
      await build({ dataDir: data, outDir: out, site: false });
      outs.push(out);
    }
    diff = diffDatasets(await readDist(outs[0]!), await readDist(outs[1]!));
    text = formatDiff(diff, 'text');
  }, 120_000);

  it('opens with the summary a curator reads first', () => {
    expect(text.slice(0, text.indexOf('\n\n'))).toBe([
      'Summary:',
      '  class membership: 119 added, 1 removed, 16,864 carried over',
      '  clinical use: 17 added, 3 removed, 7 changed, 17 only gained identifiers',
      '  drug: 66 added, 9 removed, 88 changed, 3,104 only gained identifiers',
      '  indication: 21 added, 245 removed, 12,093 carried over',
      '  mechanism: 57 added, 10 removed, 69 changed, 2,247 carried over',
      '  pharmacologic class: 48 added, 1 removed',
      '  reference: 86 added, 31 removed',
      '  source release: 1 added, 1 removed',
      '  target: 9 added, 6 removed',
      'Carried over to new source records, nothing else changed (not listed; --format json lists them):',
      '  class membership: 16,864 class memberships from "DrugCentral 2016-01-28" to "DrugCentral 2016-05-09" records',
      '  indication: 12,093 indications from "DrugCentral 2016-01-28" to "DrugCentral 2016-05-09" records',
      '  mechanism: 2,247 mechanisms from "DrugCentral 2016-01-28" to "DrugCentral 2016-05-09" records',
      'Only identifiers added (not listed; --format json lists them):',
      '  clinical use: 17 clinical uses gained 17 identifiers',
      '  drug: 3,104 drugs gained 33,582 identifiers',
    ].join('\n'));
    expect(text.split('\n').length).toBeLessThan(1000);
  });

  it('ketamine changed only in its records, and in identifiers the new release adds', () => {
    expect(text).not.toMatch(/"ketamine/);
    const ketamine = diff.changed.find((e) => e.kind === 'drug' && e.label === 'ketamine')!;
    expect(ketamine.changes.map((c) => [c.field, c.removed.length])).toEqual([['identifiers', 0]]);
    const carried = diff.carriedOver.filter((c) => c.iri.includes('/ketamine'));
    expect(carried.map((c) => c.kind)).toContain('mechanism');
    expect(carried.map((c) => c.label)).toContain('ketamine channel blocker at Glutamate [NMDA] receptor');
    expect(new Set(carried.map((c) => c.kind))).toEqual(new Set(['mechanism', 'indication', 'class membership']));
  });

  it('lists the action types that changed, old → new', () => {
    expect(text).toContain('~ mechanism "pitolisant inverse agonist at Histamine H3 receptor" changed\n    action: "antagonist" → "inverse agonist"\n');
    expect(text).toContain('~ mechanism "reteplase activator at Plasminogen" changed\n    action: "proteolytic enzyme" → "activator"\n');
    expect(text.match(/^ {4}action: /gm)).toHaveLength(6);
  });

  it('names added and removed mechanisms by drug, target and action, and long lists by their first items', () => {
    expect(text).toContain('+ mechanism "alteplase activator at Plasminogen" added: drug "alteplase", target "Plasminogen", action "activator"');
    expect(text).toMatch(/^ {4}uses: added "Hypoglycemia"; removed 126: .* … and 121 more$/m);
  });
});
