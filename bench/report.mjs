#!/usr/bin/env node
// **report** renders a bench.json (bench/bench.mjs) as Markdown tables, for bench/PIPELINE.md:
//
//   node bench/report.mjs [bench/results/bench.json]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? new URL('./results/bench.json', import.meta.url).pathname;
const data = JSON.parse(readFileSync(file, 'utf8'));

const ms = (x) => (x === undefined ? '—' : x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const rate = (n, t) => (t ? (n / (t / 1000) >= 1e6 ? `${(n / (t / 1000) / 1e6).toFixed(2)} M/s` : `${(n / (t / 1000) / 1e3).toFixed(0)} k/s`) : '—');
const ratio = (r) => (r ? `${r.lowerBound ? '> ' : ''}${r.value >= 100 ? r.value.toFixed(0) : r.value >= 10 ? r.value.toFixed(1) : r.value.toFixed(2)}×` : '—');
const md = (headers, rows) => [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const order = ['load', 'map', 'compile', 'build', 'build-data', 'build-data-heap1200', 'validate-ours', 'validate-rdf-validate-shacl', 'validate-shacl-engine', 'ser-turtle', 'ser-ntriples', 'ser-jsonld', 'n3-ntriples', 'n3-turtle', 'floor-quads', 'floor-model', 'whatif-jsonld-quads'];

const out = [`Run of ${data.startedAt} (${data.options.quick ? 'quick' : 'full'}; cap ${data.options.capS} s per stage, ${data.options.queryCapS} s per query; ${data.machine.cpus} cores, Node ${data.machine.node}; library ${data.library?.fingerprint ?? '?'}${data.library?.commit ? ` on commit ${data.library.commit.slice(0, 10)}` : ''}).`];
for (const size of data.sizes) {
  out.push(`\n#### ${size.label}: ${size.triples.toLocaleString('en')} triples (${size.counts.drugs} drugs, ${size.counts.mechanisms} mechanisms, ${size.counts.targets} targets); load average ${size.loadavg?.map((x) => x.toFixed(1)).join(' → ') ?? '?'}\n`);
  const rows = [];
  for (const name of order) {
    const s = size.stages[name];
    if (!s) continue;
    const time = s.status === 'capped' ? `> ${ms(s.cappedAtMs)}` : s.status === 'error' ? 'error' : ms(s.ms);
    const peak = s.status === 'capped' ? `≥ ${s.peakMBSoFar} MB` : s.maxRssMB !== undefined ? `${s.maxRssMB} MB` : '—';
    rows.push([name, time, s.cpuMs !== undefined ? ms(s.cpuMs) : '—', s.status === 'ok' ? rate(size.triples, s.ms) : '—', peak, s.runs?.length ?? 0]);
  }
  if (rows.length) out.push(md(['stage', 'time', 'CPU', 'triples/s', 'peak RSS', 'runs'], rows));
  if (size.validation) {
    const v = size.validation;
    out.push(`\nValidation: ${v.expectedViolations} violations injected; found ${Object.entries(v.violationsFound).map(([n, k]) => `${n.replace('validate-', '')} ${k}`).join(', ')}; all results ${v.identical ? 'identical' : 'DIFFERENT'} across the engines (${Object.values(v.summary)[0]?.results} results each, as multisets of (focus node, path, severity, component)).`);
    const full = Object.entries(v.full ?? {});
    if (v.engine || full.length) {
      out.push(`Ours ran the ${v.engine ?? '?'} validator${v.fallbackReason ? ` (fallback: ${v.fallbackReason})` : ''}; on every field (focus node, path, value, severity, component, source shape, message) ours is ${full.map(([n, f]) => `${f.identical ? 'identical to' : '**different** from'} ${n.replace('validate-', '')}`).join(' and ')}.`);
    }
  }
  const q = size.queries;
  if (q) {
    const ids = Object.keys(q.oxigraph?.queries ?? q.comunica?.queries ?? {});
    const names = { comunica: 'Comunica over N3.Store (our query(): whole BGPs to the source)', oxigraph: 'Oxigraph', 'comunica-indexed': 'what-if: Comunica pattern by pattern (indexed source)' };
    const qrows = [];
    for (const e of ['comunica', 'oxigraph', 'comunica-indexed']) {
      if (!q[e]) continue;
      qrows.push([names[e], ms(q[e].loadMs), ...ids.map((id) => {
        const x = q[e].queries[id];
        return !x ? '—' : x.status === 'capped' ? `> ${ms(x.cappedAtMs)}` : ms(x.ms);
      }), `${q[e].maxRssMB} MB`]);
    }
    qrows.push(['Comunica / Oxigraph', '', ...ids.map((id) => ratio(size.ratios[`query ${id}: Comunica / Oxigraph`])), '']);
    if (q['comunica-indexed']) qrows.push(['what-if / Oxigraph', '', ...ids.map((id) => ratio(size.ratios[`query ${id}: what-if Comunica + indexed source / Oxigraph`])), '']);
    qrows.push(['rows (same answers?)', '', ...ids.map((id) => `${q.oxigraph?.queries?.[id]?.rows ?? q.comunica?.queries?.[id]?.rows ?? '—'} ${q.comparison?.[id]?.identical === true ? '✓' : q.comparison?.[id]?.identical === false ? '✗' : '?'}`), '']);
    out.push(`\nSPARQL, warm median of ${q.warm} after a first run (load = parse + index the N-Triples):\n`);
    out.push(md(['engine', 'load', ...ids, 'peak RSS'], qrows));
  }
  const stageRatios = Object.entries(size.ratios).filter(([k]) => !k.startsWith('query '));
  if (stageRatios.length) {
    out.push('\nSame-run ratios (wall; CPU):\n');
    out.push(md(['ratio', 'wall', 'CPU'], stageRatios.map(([k, r]) => [k, ratio(r), r.cpu !== undefined ? ratio({ value: r.cpu }) : ''])));
  }
  if (Object.keys(size.targets ?? {}).length) {
    out.push('\nTargets:\n');
    out.push(md(['target', 'measured', 'met'], Object.entries(size.targets).map(([k, v]) => [k, `${v.lowerBound ? '> ' : v.atLeast ? '≥ ' : ''}${typeof v.value === 'number' ? (v.value >= 100 ? v.value.toFixed(0) : v.value.toFixed(2)) : v.value}${v.unit ? ` ${v.unit}` : ''}`, v.met === true ? 'yes' : v.met === false ? '**no**' : '?'])));
  }
}
console.log(out.join('\n'));
