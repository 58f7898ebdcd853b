#!/usr/bin/env node
// **profile** runs one bench stage in a child under `node --cpu-prof` and prints the functions with the most
// self time (and the heaviest files), to find the hotspots of the pipeline:
//
//   node bench/profile.mjs [--size 100k] [--stage build] [--top 25] [--cap 900]
//   node bench/profile.mjs --summarize FILE.cpuprofile [--top 25]
//
// The data is the cached bench data (bench/.data/SIZE, made by bench.mjs or by this script via gen.mjs);
// profiles are kept in bench/.data/profiles/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureData, sizeLabel } from './bench.mjs';
import { parseSize } from './gen.mjs';
import { summarizeProfile } from './cpuprofile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function print(summary) {
  console.log(`total sampled: ${(summary.totalMs / 1000).toFixed(1)} s`);
  console.log('\nself time by function:');
  for (const r of summary.functions) console.log(`${String(r.ms).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.name}`);
  console.log('\nself time by package / file:');
  for (const r of summary.packages) console.log(`${String(r.ms).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.name}`);
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = { size: '100k', stage: 'build', top: 25, cap: 900 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--size') opt.size = value();
    else if (flag === '--stage') opt.stage = value();
    else if (flag === '--top') opt.top = Number(value());
    else if (flag === '--cap') opt.cap = Number(value());
    else if (flag === '--summarize') opt.summarize = value();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (opt.summarize) return print(summarizeProfile(opt.summarize, opt.top));

  const triples = parseSize(opt.size);
  const label = sizeLabel(triples);
  const dirs = await ensureData(triples, { log: console.log });
  const profileDir = path.join(here, '.data', 'profiles', `${label}-${opt.stage}-${Date.now()}`);
  mkdirSync(profileDir, { recursive: true });
  const childArgs = { stage: opt.stage, data: dirs.data, nt: dirs.nt, out: path.join(dirs.root, 'out-profile'), outFile: path.join(dirs.root, 'floor-profile.nt') };
  console.log(`profiling ${opt.stage} at ${label} (cap ${opt.cap} s) → ${profileDir}`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=16384', '--cpu-prof', `--cpu-prof-dir=${profileDir}`, path.join(here, 'child.mjs'), JSON.stringify(childArgs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => { console.log(`stopping after ${opt.cap} s (SIGINT writes the profile)`); child.kill('SIGINT'); }, opt.cap * 1000);
    child.stdout.on('data', (chunk) => process.stdout.write(String(chunk).split('\n').filter((l) => l.startsWith('@@')).map((l) => `${l.slice(0, 300)}\n`).join('')));
    child.on('exit', (c) => { clearTimeout(timer); resolve(c); });
  });
  const files = existsSync(profileDir) ? readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) {
    console.log(`no profile written (exit ${code})`);
    return;
  }
  const file = path.join(profileDir, files.sort((a, b) => statSync(path.join(profileDir, b)).size - statSync(path.join(profileDir, a)).size)[0]);
  console.log(`profile: ${file}`);
  print(summarizeProfile(file, opt.top));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => { console.error(error); process.exit(1); });
}
