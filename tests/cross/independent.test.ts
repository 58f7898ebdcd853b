// Cross-checks of the built dataset with tools that are not ours:
//   raptor2-utils (`rapper`), python3-rdflib and python3-pyld, all Debian packages.
// Debian's Python packages load only under /usr/bin/python3, so that interpreter is called explicitly.
// A missing tool FAILS the test with the Debian package to install: these checks are never skipped.
//
// Run: npx vitest run --config tests/cross/vitest.config.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { query } from '../../src/query/engine.js';
import { toSparqlJson } from '../../src/query/results.js';
import { toNTriples } from '../../src/serialize/ntriples.js';
import { firstOrderKey, multisetDiff, rows, termKey, type SparqlJson } from './sparqlJson.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const PYTHON = '/usr/bin/python3';
const TOOL = path.join(here, 'rdflib_tool.py');
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

// ---------------------------------------------------------------------------------------------------------
// Running the outside tools

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], missing: string, input?: string): Run {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 100_000 });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${command} not found: ${missing}`);
    throw result.error;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RAPTOR_MISSING = 'install the Debian package raptor2-utils (apt-get install raptor2-utils)';
const RDFLIB_MISSING = 'install the Debian packages python3 and python3-rdflib (apt-get install python3-rdflib); '
  + 'they must be importable by /usr/bin/python3';
const PYLD_MISSING = 'install the Debian package python3-pyld (apt-get install python3-pyld); '
  + 'it must be importable by /usr/bin/python3';

/** Runs tests/cross/rdflib_tool.py under Debian's Python and returns its JSON answer. */
function rdflibTool<T>(args: readonly string[], input?: string): T {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} does not exist: ${RDFLIB_MISSING}`);
  const result = run(PYTHON, [TOOL, ...args], RDFLIB_MISSING, input);
  if (result.status === 3) throw new Error(`python3-rdflib is not importable by ${PYTHON} (${result.stderr.trim()}): ${RDFLIB_MISSING}`);
  if (result.status !== 0) throw new Error(`rdflib_tool.py ${args[0]} failed (exit ${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** `rapper -i SYNTAX -c FILE`: the exit status, the triple count it reports, and its error / warning lines. */
function rapperCount(syntax: string, file: string): { status: number | null; count: number | undefined; problems: string[]; stderr: string } {
  const result = run('rapper', ['-i', syntax, '-c', file], RAPTOR_MISSING);
  const match = /Parsing returned (\d+) triples?/.exec(result.stderr);
  const problems = result.stderr.split('\n').filter((line) => /^rapper: (error|warning)/i.test(line));
  return { status: result.status, count: match ? Number(match[1]) : undefined, problems, stderr: result.stderr };
}

// ---------------------------------------------------------------------------------------------------------
// The example queries and the seed-claim ASK questions, answered by rdflib in one Python process

const queryFiles = readdirSync(path.join(root, 'queries')).filter((f) => f.endsWith('.rq')).sort();
const querySource = (file: string) => readFileSync(path.join(root, 'queries', file), 'utf8');

const PREFIXES = `
PREFIX pld: <https://w3id.org/pharmald/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX drug: <https://w3id.org/pharmald/id/drug/>
PREFIX target: <https://w3id.org/pharmald/id/target/>
PREFIX system: <https://w3id.org/pharmald/id/system/>
PREFIX process: <https://w3id.org/pharmald/id/process/>
PREFIX mechanism: <https://w3id.org/pharmald/id/mechanism/>
PREFIX use: <https://w3id.org/pharmald/id/use/>
PREFIX reference: <https://w3id.org/pharmald/id/reference/>
`;

interface Claim {
  readonly claim: string;
  /** The body of an ASK that must answer true. */
  readonly ask: string;
  /** One nuance changed each ([search, replacement], every occurrence): the ASK must then answer false. */
  readonly nuances: readonly (readonly [string, string])[];
}

const claims: readonly Claim[] = [
  {
    claim: 'ketamine has a direct, strong channel-blocker mechanism at the NMDA receptor',
    ask: `drug:ketamine rdfs:label "ketamine"@en ; pld:hasMechanism ?m .
      ?m pld:target target:nmda-receptor ; pld:actionType pld:ChannelBlocker ; pld:directness pld:Direct ;
         pld:strength pld:Strong .`,
    nuances: [['pld:Strong', 'pld:Weak'], ['pld:Direct', 'pld:Indirect'], ['pld:ChannelBlocker', 'pld:Antagonist'],
      ['"ketamine"@en', '"ketamine"']],
  },
  {
    claim: 'the mu opioid mechanism is weak and possible, with its measured pKi 4.38 (xsd:decimal) and no unit',
    ask: `?m pld:target target:mu-opioid-receptor ; pld:strength pld:Weak ; pld:certainty pld:Possible ; pld:hasAffinity ?a .
      ?a pld:affinityMeasure pld:pKi ; pld:affinityValue "4.38"^^xsd:decimal .
      FILTER NOT EXISTS { ?a pld:affinityUnit ?u }`,
    nuances: [['pld:Weak', 'pld:Strong'], ['pld:Possible', 'pld:Established'], ['pld:pKi', 'pld:Ki'], ['"4.38"^^xsd:decimal', '"4.38"'],
      ['FILTER NOT EXISTS', 'FILTER EXISTS']],
  },
  {
    claim: 'the cardiovascular mechanism is indirect, has no molecular target, and increases heart rate (context-dependent)',
    ask: `?m pld:system system:cardiovascular-system ; pld:directness pld:Indirect ; pld:hasEffect ?e .
      ?e pld:process process:heart-rate ; pld:direction pld:Increased ; pld:valence pld:ContextDependent .
      FILTER NOT EXISTS { ?m pld:target ?t }`,
    nuances: [['pld:Indirect', 'pld:Direct'], ['pld:Increased', 'pld:Decreased'], ['pld:ContextDependent', 'pld:Therapeutic'],
      ['FILTER NOT EXISTS', 'FILTER EXISTS']],
  },
  {
    claim: 'AMPA receptor enhancement is an indirect potentiation downstream of the NMDA receptor block',
    ask: `?m pld:target target:ampa-receptor ; pld:actionType pld:Potentiation ; pld:directness pld:Indirect ;
         pld:downstreamOf mechanism:ketamine-nmda-receptor-block .`,
    nuances: [['pld:Indirect', 'pld:Direct'], ['mechanism:ketamine-nmda-receptor-block', 'mechanism:ketamine-bdnf-increase']],
  },
  {
    claim: 'TrkB signalling follows from the NMDA receptor block only through intermediate steps (property path)',
    ask: `mechanism:ketamine-trkb-signalling pld:downstreamOf+ mechanism:ketamine-nmda-receptor-block .
      FILTER NOT EXISTS { mechanism:ketamine-trkb-signalling pld:downstreamOf mechanism:ketamine-nmda-receptor-block }`,
    nuances: [['pld:downstreamOf+', 'pld:downstreamOf'],
      ['mechanism:ketamine-trkb-signalling', 'mechanism:ketamine-sympathomimetic-cardiovascular-effects']],
  },
  {
    claim: 'ketamine preserves respiratory drive, a therapeutic effect',
    ask: `?m pld:system system:respiratory-system ; pld:hasEffect ?e .
      ?e pld:process process:respiratory-drive ; pld:direction pld:Preserved ; pld:valence pld:Therapeutic .`,
    nuances: [['pld:Preserved', 'pld:Decreased'], ['pld:Therapeutic', 'pld:Adverse']],
  },
  {
    claim: 'the NMDA receptor Ki is 659.0 (xsd:decimal) nM, a plain-string unit',
    ask: `mechanism:ketamine-nmda-receptor-block pld:hasAffinity ?a .
      ?a pld:target target:nmda-receptor ; pld:affinityMeasure pld:Ki ; pld:affinityValue "659.0"^^xsd:decimal ;
         pld:affinityUnit "nM" .`,
    nuances: [['"659.0"^^xsd:decimal', '"659.0"'], ['"nM"', '"nM"@en'], ['pld:Ki', 'pld:IC50']],
  },
  {
    claim: 'ketamine shows no appreciable binding at the 5-HT2A receptor, and no mechanism targets it (kappa has a measured affinity instead)',
    ask: `drug:ketamine pld:noAppreciableBindingAt target:5-ht2a-receptor .
      FILTER NOT EXISTS { ?m pld:target target:5-ht2a-receptor }`,
    nuances: [['target:5-ht2a-receptor', 'target:kappa-opioid-receptor']],
  },
];

function withNuance(body: string, [search, replacement]: readonly [string, string]): string {
  if (!body.includes(search)) throw new Error(`nuance ${search} → ${replacement}: "${search}" is not in the ASK`);
  return body.split(search).join(replacement);
}

const askSparql = (body: string) => `${PREFIXES}ASK {\n${body}\n}`;

/** Every query rdflib answers, named: `file:NAME.rq`, `claim:I` and `claim:I:nuance:J`. */
function rdflibQueries(): { name: string; sparql: string }[] {
  const list = queryFiles.map((file) => ({ name: `file:${file}`, sparql: querySource(file) }));
  claims.forEach((claim, i) => {
    list.push({ name: `claim:${i}`, sparql: askSparql(claim.ask) });
    claim.nuances.forEach((nuance, j) => list.push({ name: `claim:${i}:nuance:${j}`, sparql: askSparql(withNuance(claim.ask, nuance)) }));
  });
  return list;
}

interface QueryReport {
  readonly rdflib: string;
  readonly triples: number;
  readonly answers: readonly { readonly name: string; readonly result?: SparqlJson; readonly error?: string }[];
}
let rdflibAnswers: QueryReport | Error | undefined;
/** rdflib's answers to every query, from one Python process that loads dataset.ttl once. */
function rdflibAnswer(name: string): SparqlJson {
  rdflibAnswers ??= (() => {
    try {
      return rdflibTool<QueryReport>(['query', path.join(dist, 'dataset.ttl')], JSON.stringify(rdflibQueries()));
    } catch (error) {
      return error as Error;
    }
  })();
  if (rdflibAnswers instanceof Error) throw rdflibAnswers;
  const answer = rdflibAnswers.answers.find((a) => a.name === name);
  if (!answer) throw new Error(`rdflib gave no answer for ${name}`);
  if (answer.error !== undefined || !answer.result) throw new Error(`rdflib could not answer ${name}: ${answer.error}`);
  return answer.result;
}

async function comunica(sparql: string): Promise<SparqlJson> {
  const result = await query(built.quads, sparql);
  if (result.type === 'quads') throw new Error('expected a SELECT or ASK answer, got a graph');
  return toSparqlJson(result) as SparqlJson;
}

// ---------------------------------------------------------------------------------------------------------

let scratch: string;
let dist: string;
let built: BuildResult;
let oursNt: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'pharmald-cross-'));
  dist = path.join(scratch, 'dist');
  built = await build({ dataDir: path.join(root, 'data'), outDir: dist });
  oursNt = path.join(scratch, 'ours.nt');
  writeFileSync(oursNt, toNTriples(built.quads));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('1. raptor (rapper) parses the files and counts the same triples', () => {
  it.each([
    ['turtle', 'dataset.ttl'],
    ['ntriples', 'dataset.nt'],
  ])('rapper -i %s -c %s', (syntax, file) => {
    const result = rapperCount(syntax, path.join(dist, file));
    expect(result.status, result.stderr).toBe(0);
    expect(result.problems, result.stderr).toEqual([]);
    expect(result.count, `rapper's count of ${file}:\n${result.stderr}`).toBe(built.quads.length);
    expect(built.quads.length).toBeGreaterThan(1000);
  });
});

interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly isomorphic: boolean;
  readonly sameCanonicalTriples: boolean;
  readonly onlyInA: readonly string[];
  readonly onlyInB: readonly string[];
  readonly onlyInACount: number;
  readonly onlyInBCount: number;
}
interface GraphsReport {
  readonly rdflib: string;
  readonly graphs: Record<string, { triples: number; blankNodes: number; literals: Record<string, number> }>;
  readonly pyldMissing: string | null;
  readonly pyldExpandedNodes: number | null;
  readonly comparisons: readonly Comparison[];
  readonly mutants: readonly Comparison[];
}

describe('2. rdflib (and pyld) read the same graph from every format as ours', () => {
  let report: GraphsReport | undefined;
  // Altered copies of our N-Triples that must NOT compare equal: proves lexical forms, datatypes and
  // language tags are compared exactly, not by value.
  const mutants: readonly { name: string; search: string; replacement: string }[] = [
    { name: 'datatype dropped', search: '"659.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', replacement: '"659.0"' },
    { name: 'lexical form changed, same value', search: '"659.0"^^<http://www.w3.org/2001/XMLSchema#decimal>', replacement: '"659"^^<http://www.w3.org/2001/XMLSchema#decimal>' },
    { name: 'language tag changed', search: '"ketamine"@en .', replacement: '"ketamine"@en-gb .' },
    { name: 'language tag dropped', search: '"ketamine"@en .', replacement: '"ketamine" .' },
  ];
  const graphs = () => {
    if (report) return report;
    const text = readFileSync(oursNt, 'utf8');
    const mutantFiles = mutants.map((mutant, i) => {
      if (!text.includes(mutant.search)) throw new Error(`mutant "${mutant.name}": ${mutant.search} not in our N-Triples`);
      const file = path.join(scratch, `mutant-${i}.nt`);
      writeFileSync(file, text.replace(mutant.search, mutant.replacement));
      return file;
    });
    report = rdflibTool<GraphsReport>(['graphs', oursNt, ...['dataset.ttl', 'dataset.nt', 'dataset.jsonld'].map((f) => path.join(dist, f)), ...mutantFiles]);
    return report;
  };
  const describeDiff = (c: Comparison) =>
    `${c.a} vs ${c.b}: ${c.onlyInACount} triples only in ${c.a}, ${c.onlyInBCount} only in ${c.b}\n`
    + `only in ${c.a}:\n  ${c.onlyInA.join('\n  ')}\nonly in ${c.b}:\n  ${c.onlyInB.join('\n  ')}`;

  it('rdflib parses dataset.ttl, dataset.nt and dataset.jsonld into as many triples as our build has', () => {
    const { graphs: parsed } = graphs();
    for (const name of ['ours', 'turtle', 'ntriples', 'jsonld']) {
      expect(parsed[name]?.triples, `rdflib's triple count for ${name}`).toBe(built.quads.length);
    }
  });

  it('the three files and our quads are isomorphic graphs, literals compared exactly (lexical form, datatype, language)', () => {
    const { graphs: parsed, comparisons } = graphs();
    const rdflibOnly = comparisons.filter((c) => c.a !== 'pyld' && c.b !== 'pyld');
    expect(rdflibOnly, 'ours, turtle, ntriples and jsonld compared pairwise').toHaveLength(6);
    for (const c of rdflibOnly) {
      expect(c.isomorphic && c.sameCanonicalTriples, describeDiff(c)).toBe(true);
    }
    // The literal profile (count per datatype / language) is the same everywhere, and covers typed and tagged literals.
    for (const name of ['turtle', 'ntriples', 'jsonld']) expect(parsed[name]?.literals, name).toEqual(parsed.ours!.literals);
    expect(Object.keys(parsed.ours!.literals)).toEqual(expect.arrayContaining([
      '@en', 'http://www.w3.org/2001/XMLSchema#decimal', 'http://www.w3.org/2001/XMLSchema#gYear', XSD_STRING,
    ]));
  });

  it('the comparison can fail: altered copies of our graph are reported as different', () => {
    const { mutants: compared } = graphs();
    expect(compared).toHaveLength(mutants.length);
    compared.forEach((c, i) => {
      expect(c.isomorphic, `mutant "${mutants[i]!.name}" compared isomorphic`).toBe(false);
      expect([c.onlyInACount, c.onlyInBCount], `mutant "${mutants[i]!.name}"`).toEqual([1, 1]);
    });
  });

  it('pyld expands dataset.jsonld to N-Quads with the same triples as our quads', () => {
    const { graphs: parsed, comparisons, pyldMissing } = graphs();
    if (pyldMissing !== null) throw new Error(`python3-pyld is not importable by ${PYTHON} (${pyldMissing}): ${PYLD_MISSING}`);
    expect(parsed.pyld?.triples).toBe(built.quads.length);
    expect(parsed.pyld?.literals).toEqual(parsed.ours!.literals);
    const withPyld = comparisons.filter((c) => c.a === 'pyld' || c.b === 'pyld');
    expect(withPyld.length).toBe(4);
    for (const c of withPyld) expect(c.isomorphic && c.sameCanonicalTriples, describeDiff(c)).toBe(true);
  });
});

describe('3. rdflib and Comunica give the same solutions to every example query', () => {
  it('there are example queries to run', () => {
    expect(queryFiles.length).toBeGreaterThan(5);
  });

  it.each(queryFiles)('%s', async (file) => {
    const sparql = querySource(file);
    const ours = await comunica(sparql);
    const theirs = rdflibAnswer(`file:${file}`);
    expect(theirs.head.vars, 'projected variables').toEqual(ours.head.vars);
    const a = rows(ours);
    const b = rows(theirs);
    // The curated data has no pharmacologic classes (only imports do): a query about them answers nothing here,
    // and is checked with rows on the published dataset in tests/cross/drugcentral.test.ts.
    if (!/pld:inPharmacologicClass|pld:hasClassMembership/.test(sparql)) {
      expect(a.length, `${file} answers nothing in Comunica: a query that answers nothing proves nothing`).toBeGreaterThan(0);
    }
    expect(multisetDiff(a, b), `${file}: Comunica ${a.length} rows, rdflib ${b.length} rows`).toEqual({ onlyComunica: [], onlyRdflib: [] });
    expect([...a].sort()).toEqual([...b].sort());
  });

  it.each(queryFiles.filter((file) => firstOrderKey(querySource(file))))('%s: both engines order by the first ORDER BY key the same way', async (file) => {
    const sparql = querySource(file);
    const key = firstOrderKey(sparql)!;
    const sequence = (json: SparqlJson) => json.results!.bindings.map((row) => (row[key] ? termKey(row[key]!) : 'UNBOUND'));
    expect(sequence(rdflibAnswer(`file:${file}`)), `?${key}`).toEqual(sequence(await comunica(sparql)));
  });
});

describe('4. rdflib answers the seed claims true, and false once a nuance changes', () => {
  claims.forEach((claim, i) => {
    it(claim.claim, async () => {
      const sparql = askSparql(claim.ask);
      expect((await comunica(sparql)).boolean, `Comunica: ${sparql}`).toBe(true);
      expect(rdflibAnswer(`claim:${i}`).boolean, `rdflib: ${sparql}`).toBe(true);
      for (const [j, nuance] of claim.nuances.entries()) {
        const changed = askSparql(withNuance(claim.ask, nuance));
        expect((await comunica(changed)).boolean, `Comunica, ${nuance[0]} → ${nuance[1]}: ${changed}`).toBe(false);
        expect(rdflibAnswer(`claim:${i}:nuance:${j}`).boolean, `rdflib, ${nuance[0]} → ${nuance[1]}: ${changed}`).toBe(false);
      }
    });
  });
});
