#!/usr/bin/env node
// **drugcentral** benchmarks pharmald on real data: the DrugCentral releases in sources/drugcentral/ imported,
// and the 2016-05-09 import built together with the curated data/ (`--data data --data IMPORT`), each stage in a
// fresh child process (bench/drugcentral-child.mjs), against the same peers as bench/bench.mjs; writes
// bench/results/drugcentral.json.
//
//   node bench/drugcentral.mjs [--runs N] [--cap S] [--query-cap S] [--warm N] [--warm-budget S]
//                              [--stages LIST] [--lib DIR | --from-source] [--json FILE]
//   node bench/drugcentral.mjs --profile STAGE [--query ID] [--engine comunica|oxigraph] [--top N]
//
//   --runs N         runs per stage, the median is reported (default 3; 1 when a first run takes > 120 s)
//   --cap S          seconds before a stage is stopped and reported as "> S s" (default 900)
//   --query-cap S    seconds before a query is stopped (default 600)
//   --warm N         warm runs per query after the first (default 5) …
//   --warm-budget S  … while they fit in S seconds (default 60; a query slower than that has its first run only)
//   --stages LIST    only these: import, build-data, build, validate-ours, validate-rdf-validate-shacl,
//                    validate-shacl-engine, ser-turtle, ser-ntriples, ser-jsonld, n3-ntriples, n3-turtle,
//                    floor-quads, queries (import = every release; import-2016-05-09 one of them)
//   --lib DIR        the compiled library to measure (default: the repository's lib/); its parent folder must
//                    hold ontology/, shapes/ and node_modules/ (e.g. `npx tsc -p . --outDir /tmp/x/lib` and
//                    symbolic links to the rest)
//   --from-source    run src/ through tests/support/from-source.mjs (tsx) instead of a compiled lib/
//   --profile STAGE  run one stage under node --cpu-prof and print the self time per function and package
//   --json FILE      where to write the figures (default bench/results/drugcentral.json)
//
// Outputs go to bench/.data/drugcentral/ (imports, builds, profiles; not committed).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeProfile } from './cpuprofile.mjs';
import { runScript } from './spawnChild.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const work = path.join(here, '.data', 'drugcentral');
const sourcesDir = path.join(root, 'sources', 'drugcentral');
/** The release built with the curated data (the newest). */
const BUILD_RELEASE = '2016-05-09';
/** The cross-drug example queries, and the design's chain. */
const QUERIES = ['ion-channel-blockers', 'shared-targets', 'chain'].map((id) => ({ id, file: path.join(root, 'queries', `${id}.rq`) }));

const VALIDATORS = ['validate-ours', 'validate-rdf-validate-shacl', 'validate-shacl-engine'];
const SERIALIZERS = ['ser-turtle', 'ser-ntriples', 'ser-jsonld', 'n3-ntriples', 'n3-turtle', 'floor-quads'];
const DESCRIPTIONS = {
  import: 'pharmald import drugcentral SRC --out DIR (main() in the child)',
  'build-data': 'build --data data --data IMPORT --no-site',
  build: 'build --data data --data IMPORT, with the web pages',
  'validate-ours': 'our validate() on the merged graph: compile shapes + index + validate',
  'validate-rdf-validate-shacl': 'rdf-validate-shacl on a ready N3.Store of the same quads',
  'validate-shacl-engine': 'shacl-engine on the same N3.Store',
  'ser-turtle': 'our Turtle (canonicalTurtle)',
  'ser-ntriples': 'our N-Triples (toNTriples)',
  'ser-jsonld': 'our JSON-LD (canonicalJsonLd)',
  'n3-ntriples': 'n3 Writer, N-Triples, same quads',
  'n3-turtle': 'n3 Writer, Turtle + our prefixes, same quads',
  'floor-quads': 'floor: quads → N-Triples by concatenation + write',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? undefined : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms) => (ms === undefined ? '—' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtRatio = (v) => (v === undefined ? '—' : `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`);

/** Runs drugcentral-child.mjs with `args` and the library to measure (see spawnChild.mjs's runScript). */
function runChild(args, { opts, deadline, extraFlags = [] }) {
  const nodeFlags = [...extraFlags, ...(opts.fromSource ? ['--import', path.join(root, 'tests', 'support', 'from-source.mjs')] : [])];
  // Under --profile a SIGINT lets --cpu-prof write its profile before the child ends.
  return runScript(path.join(here, 'drugcentral-child.mjs'), { lib: opts.lib, ...args }, {
    cwd: root, deadline, nodeFlags, env: { PHARMALD_PROGRESS: 'none' }, killSignal: opts.profile ? 'SIGINT' : 'SIGKILL',
  });
}

// ------------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------------
const releases = () => readdirSync(sourcesDir).filter((d) => statSync(path.join(sourcesDir, d)).isDirectory() && existsSync(path.join(sourcesDir, d, 'drug_target.tsv'))).sort();
const importDir = (release) => path.join(work, `import-${release}`);
const dataDirs = () => [path.join(root, 'data'), importDir(BUILD_RELEASE)];
const mergedNt = () => path.join(work, 'out-build-data', 'dataset.nt');

/** The import and the merged dataset.nt the later stages read, made (untimed) when an earlier stage did not. */
async function ensureInputs(opts, log) {
  if (!existsSync(path.join(importDir(BUILD_RELEASE), 'drugs.yaml'))) {
    log(`  preparing the ${BUILD_RELEASE} import`);
    const run = await runChild({ stage: 'import', source: path.join(sourcesDir, BUILD_RELEASE), out: importDir(BUILD_RELEASE) }, { opts });
    if (!run.events.some((e) => e.event === 'result')) throw new Error(`import failed: ${run.events.find((e) => e.event === 'error')?.message ?? run.stderr}`);
  }
  if (!existsSync(mergedNt())) {
    log('  preparing the merged dataset.nt (build --no-site)');
    const run = await runChild({ stage: 'build', site: false, data: dataDirs(), out: path.join(work, 'out-build-data') }, { opts });
    if (!run.events.some((e) => e.event === 'result')) throw new Error(`build failed: ${run.events.find((e) => e.event === 'error')?.message ?? run.stderr}`);
  }
}

// ------------------------------------------------------------------------------------------------
// Stages
// ------------------------------------------------------------------------------------------------
function stageList() {
  return [
    ...releases().map((r) => ({ name: `import-${r}`, group: 'import', args: { stage: 'import', source: path.join(sourcesDir, r), out: importDir(r) } })),
    { name: 'build-data', args: () => ({ stage: 'build', site: false, data: dataDirs(), out: path.join(work, 'out-build-data') }) },
    { name: 'build', args: () => ({ stage: 'build', site: true, data: dataDirs(), out: path.join(work, 'out-build') }) },
    ...[...VALIDATORS, ...SERIALIZERS].map((name) => ({ name, needsNt: true, args: () => ({ stage: name, nt: mergedNt(), outFile: path.join(work, `${name}.nt`) }) })),
  ];
}

async function measureStage(stage, opts, log) {
  const s = { what: DESCRIPTIONS[stage.group ?? stage.name], runs: [], status: 'ok' };
  for (let i = 0; i < opts.runs; i++) {
    const args = typeof stage.args === 'function' ? stage.args() : stage.args;
    const run = await runChild(args, { opts, deadline: () => opts.capS * 1000 });
    const result = run.events.find((e) => e.event === 'result');
    const error = run.events.find((e) => e.event === 'error');
    if (result) {
      s.runs.push({ ...result, childPeakMB: run.peakMB, loadavg: run.loadavg });
    } else if (run.timedOut) {
      Object.assign(s, { status: s.runs.length ? 'partial' : 'capped', cappedAtMs: opts.capS * 1000, peakMBSoFar: run.peakMB });
    } else {
      Object.assign(s, { status: 'error', error: (error?.message ?? run.stderr ?? `exit ${run.code}`).split('\n').slice(0, 6).join('\n') });
    }
    if (!result || result.ms > 120000) break;
  }
  if (s.runs.length) {
    s.ms = median(s.runs.map((r) => r.ms));
    s.cpuMs = median(s.runs.map((r) => r.cpuMs));
    s.maxRssMB = Math.max(...s.runs.map((r) => Math.max(r.maxRssMB, r.childPeakMB ?? 0)));
  }
  log(`  ${stage.name.padEnd(28)} ${s.status === 'ok' ? `${fmtMs(s.ms)}  cpu ${fmtMs(s.cpuMs)}  ${s.maxRssMB} MB  (${s.runs.length} run${s.runs.length === 1 ? '' : 's'}: ${s.runs.map((r) => fmtMs(r.ms)).join(', ')})` : s.status === 'capped' ? `> ${fmtMs(s.cappedAtMs)} (stopped), peak ≥ ${s.peakMBSoFar} MB` : `${s.status}: ${s.error?.split('\n')[0] ?? ''}`}`);
  return s;
}

/** One child per engine: load dataset.nt, then each query cold and warm; a query past the cap restarts the rest. */
async function measureQueries(engine, opts, log) {
  const out = { engine, queries: {} };
  let from = 0;
  while (from < QUERIES.length) {
    const capMs = opts.queryCapS * 1000;
    const queries = QUERIES.slice(from);
    const run = await runChild({ stage: 'query', engine, nt: mergedNt(), queries, warm: opts.warm, warmBudgetMs: opts.warmBudgetS * 1000 }, {
      opts,
      deadline: (event) => (!event ? 15 * 60 * 1000 : event.event === 'cold' ? opts.warmBudgetS * 1000 + capMs : capMs),
    });
    for (const e of run.events) {
      if (e.event === 'loaded' && out.loadMs === undefined) Object.assign(out, { loadMs: e.ms, loadCpuMs: e.cpuMs, loadRssMB: e.maxRssMB });
      if (e.event === 'start' && out.startMs === undefined) out.startMs = e.ms;
      if (e.event === 'cold') out.queries[e.id] = { cold: e.ms, coldCpuMs: e.cpuMs, rows: e.rows, hash: e.hash, orderedHash: e.orderedHash, keys: e.keys, status: 'ok' };
      if (e.event === 'warm') Object.assign(out.queries[e.id], { warm: e.runs, ms: e.runs.length ? median(e.runs) : undefined });
      out.maxRssMB = Math.max(out.maxRssMB ?? 0, e.maxRssMB ?? 0);
    }
    out.maxRssMB = Math.max(out.maxRssMB ?? 0, run.peakMB ?? 0);
    if (run.timedOut) {
      if (out.loadMs === undefined) { out.error = 'store load did not finish'; break; }
      const last = run.events.filter((e) => e.event === 'cold' || e.event === 'warm').at(-1);
      const ids = QUERIES.map((q) => q.id);
      let stuck;
      if (last?.event === 'cold') stuck = last.id;
      else {
        stuck = last ? ids[ids.indexOf(last.id) + 1] : ids[from];
        if (stuck === undefined) break;
        out.queries[stuck] = { status: 'capped', cappedAtMs: capMs };
      }
      from = ids.indexOf(stuck) + 1;
    } else {
      const error = run.events.find((e) => e.event === 'error');
      if (error) { out.error = error.message.split('\n')[0]; break; }
      from = QUERIES.length;
    }
  }
  const q = (id) => out.queries[id];
  log(`  ${engine.padEnd(10)} load ${fmtMs(out.loadMs)}, ${QUERIES.map(({ id }) => `${id} cold ${q(id)?.status === 'capped' ? `> ${fmtMs(q(id).cappedAtMs)}` : fmtMs(q(id)?.cold)} warm ${fmtMs(q(id)?.ms)}`).join(', ')}, peak ${out.maxRssMB} MB`);
  return out;
}

// ------------------------------------------------------------------------------------------------
// Checks and ratios
// ------------------------------------------------------------------------------------------------
function compareValidation(stages) {
  const first = Object.fromEntries(VALIDATORS.filter((n) => stages[n]?.runs?.length).map((n) => [n, stages[n].runs[0]]));
  const ours = first['validate-ours'];
  const out = { summary: Object.fromEntries(Object.entries(first).map(([n, r]) => [n, { results: r.results, bySeverity: r.bySeverity, hash: r.hash, conforms: r.conforms }])), engine: ours?.engine, fallbackReason: ours?.fallbackReason, peers: {} };
  for (const [name, r] of Object.entries(first)) {
    if (name === 'validate-ours' || !ours) continue;
    const p = { identical: ours.hash === r.hash, identicalEveryField: ours.fullHash === r.fullHash };
    if (!p.identicalEveryField && ours.full && r.full) {
      const theirs = new Set(r.full), mine = new Set(ours.full);
      p.onlyOurs = ours.full.filter((t) => !theirs.has(t)).slice(0, 5);
      p.onlyTheirs = r.full.filter((t) => !mine.has(t)).slice(0, 5);
    }
    out.peers[name] = p;
  }
  out.sample = ours?.sample;
  return out;
}

function compareQueries(a, b) {
  const out = {};
  for (const { id } of QUERIES) {
    const c = a?.queries?.[id], o = b?.queries?.[id];
    if (!c?.hash || !o?.hash) { out[id] = { identical: null }; continue; }
    out[id] = { identical: c.hash === o.hash && c.rows === o.rows, sameOrder: c.orderedHash === o.orderedHash, rows: [c.rows, o.rows] };
    if (!out[id].identical && Array.isArray(c.keys) && Array.isArray(o.keys)) {
      const so = new Set(o.keys), sc = new Set(c.keys);
      out[id].onlyComunica = c.keys.filter((k) => !so.has(k)).slice(0, 5);
      out[id].onlyOxigraph = o.keys.filter((k) => !sc.has(k)).slice(0, 5);
    }
  }
  return out;
}

function ratios(stages, queries) {
  const r = {};
  const add = (name, a, b) => {
    if (a?.ms !== undefined && b?.ms !== undefined && a.status === 'ok' && b.status === 'ok') r[name] = { value: a.ms / b.ms, cpu: a.cpuMs && b.cpuMs ? a.cpuMs / b.cpuMs : undefined };
    else if (a?.status === 'capped' && b?.ms) r[name] = { value: a.cappedAtMs / b.ms, lowerBound: true };
  };
  add('build without site / floor (quads → N-Triples)', stages['build-data'], stages['floor-quads']);
  add('build without site / n3 Writer Turtle', stages['build-data'], stages['n3-turtle']);
  add('build with pages / build without site', stages.build, stages['build-data']);
  add('our Turtle / n3 Writer Turtle', stages['ser-turtle'], stages['n3-turtle']);
  add('our N-Triples / n3 Writer N-Triples', stages['ser-ntriples'], stages['n3-ntriples']);
  add('our N-Triples / floor (quads)', stages['ser-ntriples'], stages['floor-quads']);
  add('rdf-validate-shacl / our validation (× faster)', stages['validate-rdf-validate-shacl'], stages['validate-ours']);
  add('shacl-engine / our validation (× faster)', stages['validate-shacl-engine'], stages['validate-ours']);
  for (const { id } of QUERIES) {
    const c = queries?.comunica?.queries?.[id], o = queries?.oxigraph?.queries?.[id];
    if (!c || !o) continue;
    if (c.cold !== undefined && o.cold !== undefined) r[`query ${id}, first run: Comunica / Oxigraph`] = { value: c.cold / o.cold };
    else if (c.status === 'capped' && o.cold) r[`query ${id}, first run: Comunica / Oxigraph`] = { value: c.cappedAtMs / o.cold, lowerBound: true };
    if (c.ms !== undefined && o.ms !== undefined) r[`query ${id}, warm: Comunica / Oxigraph`] = { value: c.ms / o.ms };
  }
  return r;
}

// ------------------------------------------------------------------------------------------------
// Printing
// ------------------------------------------------------------------------------------------------
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function printResult(result) {
  const lines = [`\n=== DrugCentral ${BUILD_RELEASE} merged with data/: ${result.triples?.toLocaleString('en') ?? '?'} triples (${result.counts ?? '?'}) ===`];
  const rows = Object.entries(result.stages).map(([name, s]) => [
    name, s.what ?? '', s.status === 'capped' ? `> ${fmtMs(s.cappedAtMs)}` : s.status === 'error' ? 'error' : fmtMs(s.ms), fmtMs(s.cpuMs),
    s.status === 'capped' ? `≥ ${s.peakMBSoFar} MB` : s.maxRssMB !== undefined ? `${s.maxRssMB} MB` : '—', s.runs.length,
  ]);
  lines.push(table(['stage', 'what', 'time', 'cpu', 'peak RSS', 'runs'], rows));
  const b = result.stages.build?.runs?.[0];
  if (b?.stagesBeganMs) lines.push(`\nbuild with pages, first run, stage began at (ms): ${Object.entries(b.stagesBeganMs).map(([k, v]) => `${k} ${v}`).join(', ')}; ${b.files.map((f) => `${f.name} ${f.bytes}`).join(', ')}`);
  const v = result.validation;
  if (v) {
    lines.push(`\nvalidation: ${Object.entries(v.summary).map(([n, s]) => `${n.replace('validate-', '')} ${s.results} results ${JSON.stringify(s.bySeverity)}`).join('; ')}`);
    lines.push(`ours ran the ${v.engine} validator${v.fallbackReason ? ` (fallback: ${v.fallbackReason})` : ''}; ${Object.entries(v.peers).map(([n, p]) => `vs ${n.replace('validate-', '')}: ${p.identical ? 'same' : 'DIFFERENT'} (focus, path, severity, component), ${p.identicalEveryField ? 'same' : 'DIFFERENT'} on every field`).join('; ')}`);
  }
  const q = result.queries;
  if (q) {
    const qrows = [];
    for (const engine of ['comunica', 'oxigraph']) {
      const e = q[engine];
      if (!e) continue;
      qrows.push([engine === 'comunica' ? 'Comunica over N3.Store (our query())' : 'Oxigraph', fmtMs(e.loadMs), ...QUERIES.flatMap(({ id }) => {
        const x = e.queries[id];
        return !x ? ['—', '—'] : x.status === 'capped' ? [`> ${fmtMs(x.cappedAtMs)}`, '—'] : [fmtMs(x.cold), fmtMs(x.ms)];
      }), `${e.maxRssMB} MB`]);
    }
    qrows.push(['Comunica / Oxigraph', '', ...QUERIES.flatMap(({ id }) => [fmtRatio(result.ratios[`query ${id}, first run: Comunica / Oxigraph`]?.value), fmtRatio(result.ratios[`query ${id}, warm: Comunica / Oxigraph`]?.value)]), '']);
    qrows.push(['rows (same answers?)', '', ...QUERIES.flatMap(({ id }) => [`${q.oxigraph?.queries?.[id]?.rows ?? '—'} ${q.comparison?.[id]?.identical ? '✓' : q.comparison?.[id]?.identical === false ? '✗' : '?'}`, q.comparison?.[id]?.sameOrder ? 'same order' : '']), '']);
    lines.push(`\nSPARQL (first run, then warm median of up to ${q.warm} within ${q.warmBudgetS} s):`);
    lines.push(table(['engine', 'load', ...QUERIES.flatMap(({ id }) => [`${id} first`, 'warm']), 'peak RSS'], qrows));
  }
  lines.push('\nsame-run ratios (wall; CPU):');
  lines.push(table(['ratio', 'wall', 'cpu'], Object.entries(result.ratios).map(([k, r]) => [k, `${r.lowerBound ? '> ' : ''}${fmtRatio(r.value)}`, r.cpu ? fmtRatio(r.cpu) : ''])));
  lines.push(`\nload average: ${result.loadavg.map((x) => x.toFixed(2)).join(' → ')} (${os.cpus().length} cores)`);
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------
function parseOptions(argv) {
  const o = { runs: 3, capS: 900, queryCapS: 600, warm: 5, warmBudgetS: 60, stages: undefined, lib: path.join(root, 'lib'), fromSource: false, json: path.join(here, 'results', 'drugcentral.json'), top: 30 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs': o.runs = Number(value()); break;
      case '--cap': o.capS = Number(value()); break;
      case '--query-cap': o.queryCapS = Number(value()); break;
      case '--warm': o.warm = Number(value()); break;
      case '--warm-budget': o.warmBudgetS = Number(value()); break;
      case '--stages': o.stages = value().split(','); break;
      case '--lib': o.lib = path.resolve(value()); break;
      case '--from-source': o.fromSource = true; break;
      case '--json': o.json = path.resolve(value()); break;
      case '--profile': o.profile = value(); break;
      case '--query': o.query = value(); break;
      case '--engine': o.engine = value(); break;
      case '--top': o.top = Number(value()); break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (o.fromSource) o.lib = path.join(root, 'lib'); // the loader maps these URLs to src/
  return o;
}

/** One stage under --cpu-prof; prints the self time per function and per package. */
async function profile(opts, log) {
  await ensureInputs(opts, log);
  const dir = path.join(work, 'profiles', `${opts.profile}${opts.query ? `-${opts.query}` : ''}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  let args;
  if (opts.profile === 'query') args = { stage: 'query', engine: opts.engine ?? 'comunica', nt: mergedNt(), queries: QUERIES.filter((q) => !opts.query || q.id === opts.query), warm: 0 };
  else {
    const stage = stageList().find((s) => s.name === opts.profile || s.args?.stage === opts.profile);
    if (!stage) throw new Error(`unknown stage ${opts.profile}`);
    args = typeof stage.args === 'function' ? stage.args() : stage.args;
  }
  log(`profiling ${opts.profile}${opts.query ? ` ${opts.query}` : ''} (cap ${opts.capS} s) → ${dir}`);
  const run = await runChild(args, { opts, extraFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`], deadline: () => opts.capS * 1000 });
  for (const e of run.events) log(`@@${JSON.stringify({ ...e, keys: undefined, tuples: undefined, full: undefined }).slice(0, 300)}`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return log(`no profile written (exit ${run.code}) ${run.stderr}`);
  const file = path.join(dir, files.sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0]);
  const summary = summarizeProfile(file, opts.top);
  log(`profile: ${file}\ntotal sampled: ${(summary.totalMs / 1000).toFixed(1)} s\n\nself time by function:`);
  for (const r of summary.functions) log(`${String(r.ms).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.name}`);
  log('\nself time by package / file:');
  for (const r of summary.packages) log(`${String(r.ms).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.name}`);
}

async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench/drugcentral: ${error.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 26).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  if (!opts.fromSource && !existsSync(path.join(opts.lib, 'build.js'))) {
    console.error(`bench/drugcentral: ${opts.lib}/build.js is missing: compile the library first (npx tsc -p .), or give --lib DIR or --from-source`);
    process.exit(2);
  }
  if (!existsSync(sourcesDir)) {
    console.error(`bench/drugcentral: ${sourcesDir} is missing`);
    process.exit(2);
  }
  mkdirSync(work, { recursive: true });
  const log = (line) => console.log(line);
  if (opts.profile) return profile(opts, log);

  const wanted = (name) => !opts.stages || opts.stages.includes(name) || (name.startsWith('import-') && opts.stages.includes('import'));
  const started = new Date();
  const output = {
    tool: 'bench/drugcentral.mjs',
    startedAt: started.toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    options: { runs: opts.runs, capS: opts.capS, queryCapS: opts.queryCapS, warm: opts.warm, warmBudgetS: opts.warmBudgetS, stages: opts.stages ?? 'all', library: opts.fromSource ? 'src/ through tests/support/from-source.mjs' : opts.lib },
    packages: Object.fromEntries(['n3', 'rdf-validate-shacl', 'shacl-engine', 'oxigraph', '@comunica/query-sparql', 'js-yaml', 'yaml', 'zod'].map((p) => {
      try { return [p, JSON.parse(readFileSync(path.join(root, 'node_modules', p, 'package.json'), 'utf8')).version]; } catch { return [p, null]; }
    })),
    data: { release: BUILD_RELEASE, releases: releases(), dataDirs: ['data', path.relative(root, importDir(BUILD_RELEASE))], queries: QUERIES.map((q) => path.relative(root, q.file)) },
    stages: {},
  };
  mkdirSync(path.dirname(opts.json), { recursive: true });
  const save = () => writeFileSync(opts.json, `${JSON.stringify(output, null, 2)}\n`);
  const load0 = os.loadavg();
  output.loadavgAtStart = load0;
  log(`pharmald DrugCentral bench: releases ${releases().join(', ')}; ${opts.runs} run(s) per stage; ${opts.fromSource ? 'src/ (from-source loader)' : `library ${opts.lib}`}; ${os.cpus().length} cores; load average ${load0.map((x) => x.toFixed(2)).join(' ')}`);
  for (const stage of stageList()) {
    if (!wanted(stage.name)) continue;
    if (stage.needsNt) await ensureInputs(opts, log);
    output.stages[stage.name] = await measureStage(stage, opts, log);
    save();
  }
  if (wanted('queries')) {
    await ensureInputs(opts, log);
    output.queries = { warm: opts.warm, warmBudgetS: opts.warmBudgetS, capS: opts.queryCapS, files: QUERIES.map((q) => path.relative(root, q.file)) };
    output.queries.comunica = await measureQueries('comunica', opts, log);
    save();
    output.queries.oxigraph = await measureQueries('oxigraph', opts, log);
    output.queries.comparison = compareQueries(output.queries.comunica, output.queries.oxigraph);
  }
  if (VALIDATORS.some((n) => output.stages[n])) output.validation = compareValidation(output.stages);
  const built = output.stages['build-data']?.runs?.[0] ?? output.stages.build?.runs?.[0];
  output.triples = built?.triples ?? output.stages['validate-ours']?.runs?.[0]?.triples;
  const imported = output.stages[`import-${BUILD_RELEASE}`]?.runs?.[0]?.summary;
  output.counts = imported?.replace(/^imported DrugCentral into [^:]*: /, '').split(', ').filter((c) => !c.includes('not imported')).join(', ');
  output.ratios = ratios(output.stages, output.queries);
  output.loadavg = [load0[0], os.loadavg()[0]];
  output.loadavgAtEnd = os.loadavg();
  // Keep the JSON small: the full tuple and row lists were only needed for the comparisons.
  for (const s of Object.values(output.stages)) for (const r of s.runs ?? []) { delete r.tuples; delete r.full; }
  for (const e of ['comunica', 'oxigraph']) for (const q of Object.values(output.queries?.[e]?.queries ?? {})) if (Array.isArray(q.keys)) q.keys = q.keys.slice(0, 5);
  output.finishedAt = new Date().toISOString();
  output.wallS = (Date.now() - started.getTime()) / 1000;
  save();
  log(printResult(output));
  log(`\nwrote ${path.relative(process.cwd(), opts.json)} (${output.wallS.toFixed(0)} s)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
