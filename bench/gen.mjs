#!/usr/bin/env node
// **gen** writes a deterministic synthetic pharmald dataset in our YAML format, sized in triples AFTER the
// build (mapped data + ontology, deduplicated), for benchmarks:
//
//   node bench/gen.mjs --triples N --out DIR [--seed S] [--violations K] [--drugs-per-file M]
//
// The vocabulary codes (action types, target types, directness, strengths, certainties, directions, valences,
// reference types, affinity measures and units) come from the model description, lib/model/pharmald.js
// (`npm run build` first); a new term is drawn with weight 1.
//
// Same arguments → byte-identical files. The data is shaped like data/*.yaml: drugs with 5–10 mechanisms
// each, a shared pool of targets (about 10 % protein complexes with subunits), systems with a part-of
// hierarchy, processes, clinical uses, references; mechanisms with effects, some affinities (pKi, pIC50,
// Ki in nM…), caveats, downstream links and source sections; identifiers that match every scheme's pattern
// but are obviously fake (CHEBI:9…, UBERON:99…, DOI 10.99999/…). A small natural share of SHACL *warnings*
// is kept (mechanisms without supporting literature, targets without UniProt), as in the real data.
//
// --violations K injects K problems that pass the YAML schema and check.ts but fail the SHACL shapes
// (SHACL-only; see PIPELINE.md). A role is typed and labelled from every drug that lists it, and nothing
// before SHACL compares those labels, so two labels for one ChEBI role give the role IRI two rdfs:label
// → pldsh:RoleShape sh:maxCount 1 (sh:MaxCountConstraintComponent), one violation each:
//   even k: one drug lists the same ChEBI role twice with two different labels;
//   odd k:  two drugs (in different files where there are several) list one ChEBI role with different labels.
// (An earlier odd kind, an affinity uncertainty of 1.0e-25 that mappers.decimal() wrote as "0.0" and
// sh:minExclusive 0.0 refused, is gone since decimal() writes it exactly.)
// The injection uses its own random stream, so the data with K violations differs from the clean data
// only at the K injected places.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import { pharmald } from '../lib/model/pharmald.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ontologyFile = path.join(here, '..', 'ontology', 'pharmald.ttl');

// ------------------------------------------------------------------------------------------------
// Seeded PRNG (xmur3 string hash → sfc32)
// ------------------------------------------------------------------------------------------------
function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export function rng(seed) {
  const s = xmur3(String(seed));
  let a = s(), b = s(), c = s(), d = s();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Skewed pick: low indexes are more popular (a few well-studied targets, many rare ones). */
    skewed: (list, power = 1.6) => list[Math.floor(Math.pow(next(), power) * list.length)],
    /** k distinct items of list (k ≤ list.length). */
    distinct: (list, k, pickFn) => {
      const out = new Set();
      const want = Math.min(k, list.length);
      let guard = 0;
      while (out.size < want && guard++ < want * 50) out.add((pickFn ?? r.pick)(list));
      return [...out];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [value, w] of entries) if ((x -= w) < 0) return value;
      return entries[entries.length - 1][0];
    },
  };
  return r;
}

// ------------------------------------------------------------------------------------------------
// Vocabularies, from the model description (src/model/pharmald.ts, compiled to lib/): the weights
// below only say how common a term is in the synthetic data
// ------------------------------------------------------------------------------------------------
const codes = (vocabulary) => pharmald.vocabularies[vocabulary].terms.map((term) => term.code);
const termLabel = (vocabulary, code) => pharmald.vocabularies[vocabulary].terms.find((term) => term.code === code).label;

/** A code the generator gives a meaning of its own (direct, source-text…); an error if the vocabulary has no such term. */
function known(vocabulary, code) {
  if (!codes(vocabulary).includes(code)) throw new Error(`gen: the ${vocabulary} vocabulary has no term ${code}`);
  return code;
}

/** The codes of a vocabulary as [code, weight] for r.weighted: those weighted here first, then any other term with weight 1. */
function weighted(vocabulary, weights) {
  for (const code of Object.keys(weights)) known(vocabulary, code);
  return [...Object.entries(weights), ...codes(vocabulary).filter((code) => !(code in weights)).map((code) => [code, 1])];
}

const targetTypes = weighted('targetType', {
  receptor: 35, 'ion-channel': 15, 'ligand-gated-ion-channel': 10, transporter: 12, enzyme: 20, 'signalling-protein': 8,
});
const ligandGatedIonChannel = known('targetType', 'ligand-gated-ion-channel');
/** The word for a target type in synthetic labels: its label, or a shorter one. */
const typeWord = (type) => ({ 'ion-channel': 'channel', 'ligand-gated-ion-channel': 'gated channel' })[type] ?? termLabel('targetType', type);
const actions = weighted('actionType', {
  antagonist: 12, agonist: 12, inhibitor: 20, 'channel-blocker': 6, 'partial-agonist': 6, 'inverse-agonist': 3, activator: 6,
  'positive-allosteric-modulator': 5, 'negative-allosteric-modulator': 4, potentiation: 3, binding: 8, 'increased-level': 5,
  'decreased-level': 5, modulation: 5,
});
const actionVerbs = {
  antagonist: 'antagonises', agonist: 'activates', inhibitor: 'inhibits', 'channel-blocker': 'blocks', 'partial-agonist': 'partially activates',
  'inverse-agonist': 'inversely activates', activator: 'activates', 'positive-allosteric-modulator': 'positively modulates',
  'negative-allosteric-modulator': 'negatively modulates', potentiation: 'potentiates', binding: 'binds', 'increased-level': 'raises the level of',
  'decreased-level': 'lowers the level of', modulation: 'modulates',
};
const actionVerb = (action) => actionVerbs[action] ?? `acts as ${termLabel('actionType', action)} on`;
const [direct, indirect] = [known('directness', 'direct'), known('directness', 'indirect')];
const strengths = codes('strength');
const certainties = weighted('certainty', { established: 45, probable: 35, possible: 20 });
const directions = weighted('direction', { increased: 40, decreased: 45, preserved: 5, altered: 10 });
const valences = weighted('valence', { therapeutic: 65, adverse: 25, 'context-dependent': 10 });
const referenceTypes = weighted('referenceType', { review: 35, 'systematic-review': 10, 'primary-study': 45, database: 5, 'source-text': 5 });
const [database, sourceText] = [known('referenceType', 'database'), known('referenceType', 'source-text')];
// Affinity measures: those the description's rules give no unit (pKi…) are negative log values; the others need a unit.
const { affinity } = pharmald.entities;
const unitless = affinity.rules.find((rule) => rule.then.field === 'unit' && rule.then.is === 'absent').when.in;
const logMeasures = codes('affinityMeasure').filter((measure) => unitless.includes(measure));
const linearMeasures = codes('affinityMeasure').filter((measure) => !unitless.includes(measure));
const [usualUnit, otherUnit = usualUnit] = affinity.fields.unit.values;

// ------------------------------------------------------------------------------------------------
// Word lists (synthetic labels; names of body systems are ordinary words, not identifiers)
// ------------------------------------------------------------------------------------------------
const syllables = ['ra', 'zo', 'vex', 'tan', 'mi', 'lo', 'fen', 'dra', 'quo', 'sar', 'pil', 'nex', 'tor', 'cal', 'bu', 'mer', 'ti', 'xa', 'gro', 'len'];
const drugSuffixes = ['amine', 'azole', 'olol', 'pril', 'sartan', 'ximab', 'tinib', 'oxetine', 'azepam', 'profen', 'statin', 'dipine', 'vudine', 'cycline', 'parin'];
const drugClasses = [
  'synthetic receptor antagonist', 'synthetic channel blocker', 'synthetic enzyme inhibitor', 'synthetic agonist',
  'synthetic modulator', 'synthetic analgesic', 'synthetic anaesthetic', 'synthetic antidepressant',
  'synthetic antihypertensive', 'synthetic bronchodilator', 'synthetic anticonvulsant', 'synthetic antiemetic',
];
const targetFamilies = [
  'adrenergic', 'dopaminergic', 'serotonergic', 'cholinergic', 'glutamatergic', 'GABAergic', 'opioid', 'cannabinoid',
  'histaminergic', 'purinergic', 'sodium', 'potassium', 'calcium', 'chloride', 'kinase', 'phosphodiesterase',
  'cyclooxygenase', 'monoamine', 'neuropeptide', 'chemokine',
];
const systemTree = [
  ['nervous-system', 'nervous system', null],
  ['central-nervous-system', 'central nervous system', 'nervous-system'],
  ['brain', 'brain', 'central-nervous-system'],
  ['brainstem', 'brainstem', 'brain'],
  ['cerebral-cortex', 'cerebral cortex', 'brain'],
  ['hippocampus', 'hippocampus', 'brain'],
  ['spinal-cord', 'spinal cord', 'central-nervous-system'],
  ['peripheral-nervous-system', 'peripheral nervous system', 'nervous-system'],
  ['autonomic-nervous-system', 'autonomic nervous system', 'peripheral-nervous-system'],
  ['cardiovascular-system', 'cardiovascular system', null],
  ['heart', 'heart', 'cardiovascular-system'],
  ['blood-vessel', 'blood vessel', 'cardiovascular-system'],
  ['vascular-smooth-muscle', 'vascular smooth muscle', 'blood-vessel'],
  ['respiratory-system', 'respiratory system', null],
  ['lung', 'lung', 'respiratory-system'],
  ['bronchus', 'bronchus', 'respiratory-system'],
  ['bronchus-smooth-muscle', 'bronchus smooth muscle', 'bronchus'],
  ['digestive-system', 'digestive system', null],
  ['stomach', 'stomach', 'digestive-system'],
  ['intestine', 'intestine', 'digestive-system'],
  ['liver', 'liver', 'digestive-system'],
  ['pancreas', 'pancreas', 'digestive-system'],
  ['renal-system', 'renal system', null],
  ['kidney', 'kidney', 'renal-system'],
  ['urinary-bladder', 'urinary bladder', 'renal-system'],
  ['endocrine-system', 'endocrine system', null],
  ['pituitary-gland', 'pituitary gland', 'endocrine-system'],
  ['adrenal-gland', 'adrenal gland', 'endocrine-system'],
  ['thyroid-gland', 'thyroid gland', 'endocrine-system'],
  ['immune-system', 'immune system', null],
  ['spleen', 'spleen', 'immune-system'],
  ['lymph-node', 'lymph node', 'immune-system'],
  ['musculoskeletal-system', 'musculoskeletal system', null],
  ['skeletal-muscle', 'skeletal muscle', 'musculoskeletal-system'],
  ['bone', 'bone', 'musculoskeletal-system'],
  ['integumentary-system', 'integumentary system', null],
  ['skin', 'skin', 'integumentary-system'],
  ['reproductive-system', 'reproductive system', null],
  ['uterus', 'uterus', 'reproductive-system'],
  ['eye', 'eye', null],
];
const processStems = [
  'synaptic transmission', 'neurotransmitter release', 'pain perception', 'heart rate regulation', 'blood pressure regulation',
  'smooth muscle contraction', 'smooth muscle relaxation', 'respiratory drive', 'inflammatory response', 'gastric acid secretion',
  'insulin secretion', 'renal sodium reabsorption', 'platelet aggregation', 'synaptic plasticity', 'neuronal excitability',
  'hormone secretion', 'bone resorption', 'cell proliferation', 'immune cell activation', 'sleep regulation',
];
const processQualifiers = ['', 'central ', 'peripheral ', 'regulation of ', 'tonic ', 'phasic ', 'acute ', 'chronic '];
const assays = ['radioligand displacement', 'functional calcium flux assay', 'patch-clamp electrophysiology', 'enzyme activity assay', 'cAMP accumulation assay'];
const species = ['human', 'rat', 'mouse', 'guinea pig'];
const caveatIds = ['unquantified', 'limited-efficacy', 'species-difference', 'conflicting-evidence', 'assay-dependent', 'dose-dependent'];
const sentenceWords = [
  'the', 'synthetic', 'compound', 'acts', 'through', 'a', 'modelled', 'pathway', 'with', 'measurable', 'effects', 'on', 'tissue',
  'response', 'in', 'preclinical', 'models', 'and', 'reported', 'clinical', 'observations', 'that', 'remain', 'partly', 'uncertain',
  'under', 'chronic', 'dosing', 'signalling', 'downstream', 'receptor', 'activity', 'cells', 'of',
];

const pad = (n, width) => String(n).padStart(width, '0');
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const yq = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const num = (x) => String(Number(x.toFixed(2)));

function sentence(r, minWords, maxWords) {
  const n = r.int(minWords, maxWords);
  const words = [];
  for (let i = 0; i < n; i++) words.push(r.pick(sentenceWords));
  return `${capitalize(words.join(' '))}.`;
}

// ------------------------------------------------------------------------------------------------
// Triple counting: mirrors the mapping of src/generate/quads.ts (and canonicalQuads' deduplication) exactly.
// ------------------------------------------------------------------------------------------------
class TripleCounter {
  constructor() {
    this.count = 0;
    this.keys = new Set(); // only for triples that can repeat across entities
  }
  add(n = 1) { this.count += n; }
  unique(key) { if (!this.keys.has(key)) { this.keys.add(key); this.count++; } }
}

const countIdentifiers = (ids) => Object.values(ids ?? {}).reduce((n, v) => n + (Array.isArray(v) ? new Set(v).size : 1), 0);

function countDrug(c, drug) {
  c.add(2 + (drug.description ? 1 : 0) + (drug.drug_classes?.length ?? 0) + countIdentifiers(drug.identifiers));
  for (const role of drug.roles ?? []) {
    c.unique(`hasRole ${drug.id} ${role.chebi}`);
    c.unique(`roletype ${role.chebi}`);
    c.unique(`rolelabel ${role.chebi} ${role.label}`);
  }
  c.add(drug.uses?.length ?? 0);
  if (drug.no_appreciable_binding) c.add(drug.no_appreciable_binding.targets.length + 4);
}

function countMechanism(c, m) {
  c.add(1); // drug hasMechanism
  if (m.target) {
    c.unique(`actsOn ${m.drug} ${m.target}`);
    for (const s of m.systems) c.unique(`affects ${m.target} ${s}`);
  }
  c.add(5); // type, label, drug, directness, certainty
  c.add((m.description ? 1 : 0) + (m.target ? 1 : 0) + (m.action ? 1 : 0) + (m.strength ? 1 : 0));
  c.add(m.systems.length + (m.downstream_of?.length ?? 0) + (m.contributes_to?.length ?? 0) + (m.supported_by?.length ?? 0));
  if (m.source) c.add(1 + (m.source.section ? 1 : 0));
  c.add(m.effects.length * 6);
  for (const a of m.affinities ?? []) {
    c.add(1 + 6 + (a.uncertainty !== undefined ? 1 : 0) + (a.unit ? 1 : 0) + (a.assay ? 1 : 0) + (a.species ? 1 : 0));
  }
  for (const cv of m.caveats ?? []) c.add(3 + (cv.references?.length ?? 0));
}

function countTarget(c, t) {
  c.add(3 + (t.subunits ? 2 : 0) + (t.description ? 1 : 0) + (t.gene ? 1 : 0) + countIdentifiers(t.identifiers) + (t.subunits?.length ?? 0));
}
const countSystem = (c, s) => c.add(2 + (s.description ? 1 : 0) + (s.uberon ? 1 : 0) + (s.part_of ? 1 : 0));
const countProcess = (c, p) => c.add(2 + (p.description ? 1 : 0) + (p.go ? 1 : 0) + (p.occurs_in?.length ?? 0));
const countUse = (c, u) => c.add(2 + (u.description ? 1 : 0) + (u.chebi_role ? 1 : 0));
const countReference = (c, ref) => c.add(3 + (ref.year ? 1 : 0) + (ref.pmid ? 2 : 0) + (ref.doi ? 2 : 0));

export function ontologyTripleCount(file = ontologyFile) {
  const quads = new Parser({ format: 'text/turtle', baseIRI: 'https://w3id.org/pharmald/' }).parse(readFileSync(file, 'utf8'));
  // Blank nodes are relabelled per file by the build; count distinct triples as it does.
  return new Set(quads.map((q) => `${q.subject.termType}${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}@${q.object.language ?? ''}^${q.object.datatype?.value ?? ''}`)).size;
}

// ------------------------------------------------------------------------------------------------
// Generation
// ------------------------------------------------------------------------------------------------
export function generate({ triples, seed = 1, violations = 0, drugsPerFile = 1000 }) {
  if (!(triples > 0)) throw new Error('--triples must be a positive number');
  const r = rng(`pharmald-bench:${seed}`);
  const c = new TripleCounter();
  c.add(ontologyTripleCount());

  // Pool sizes grow with the target size, like a real catalogue that grows with its drugs.
  const nTargets = Math.max(30, Math.min(20000, Math.round(triples / 400)));
  const nReferences = Math.max(40, Math.min(50000, Math.round(triples / 150)));
  const nProcesses = Math.max(40, Math.min(600, Math.round(triples / 2000)));
  const nUses = Math.max(12, Math.min(200, Math.round(triples / 8000)));
  const nRoles = 60;

  // Systems
  const systems = systemTree.map(([id, label, parent], i) => ({
    id, label,
    ...(r.chance(0.4) ? { description: sentence(r, 8, 16) } : {}),
    uberon: `UBERON:99${pad(i + 1, 5)}`,
    ...(parent ? { part_of: parent } : {}),
  }));
  const systemIds = systems.map((s) => s.id);

  // Processes
  const processes = [];
  for (let i = 1; i <= nProcesses; i++) {
    const label = `${r.pick(processQualifiers)}${processStems[(i - 1) % processStems.length]} (synthetic ${i})`;
    processes.push({
      id: `process-${pad(i, 4)}`, label,
      ...(r.chance(0.3) ? { description: sentence(r, 8, 18) } : {}),
      ...(r.chance(0.7) ? { go: `GO:99${pad(i, 5)}` } : {}),
      occurs_in: r.distinct(systemIds, r.int(1, 2)),
    });
  }
  const processIds = processes.map((p) => p.id);

  // Roles and clinical uses
  const roles = Array.from({ length: nRoles }, (_, i) => ({ chebi: `CHEBI:98${pad(i + 1, 5)}`, label: `synthetic role ${i + 1}` }));
  const uses = [];
  for (let i = 1; i <= nUses; i++) {
    uses.push({
      id: `use-${pad(i, 3)}`, label: `synthetic indication ${i}`,
      ...(r.chance(0.8) ? { description: sentence(r, 6, 14) } : {}),
      ...(r.chance(0.6) ? { chebi_role: roles[(i - 1) % nRoles].chebi } : {}),
    });
  }
  const useIds = uses.map((u) => u.id);

  // References
  const references = [];
  for (let i = 1; i <= nReferences; i++) {
    const type = r.weighted(referenceTypes);
    const scholarly = type !== database && type !== sourceText;
    references.push({
      id: `ref-${pad(i, 6)}`,
      label: scholarly
        ? `Author${i} A, Coauthor B. ${sentence(r, 6, 12).slice(0, -1)}. J Synth Pharmacol ${r.int(1990, 2024)};${r.int(1, 99)}:${r.int(1, 999)}.`
        : `Synthetic ${termLabel('referenceType', type)} ${i}`,
      type,
      ...(r.chance(0.8) ? { year: r.int(1990, 2024) } : {}),
      ...(scholarly && r.chance(0.7) ? { pmid: `99${pad(i, 7)}` } : {}),
      ...(scholarly && r.chance(0.6) ? { doi: `10.99999/synthetic.${i}` } : {}),
    });
  }
  const literature = references.filter((ref) => ref.type !== sourceText && ref.type !== database).map((ref) => ref.id);
  const sourceTexts = references.filter((ref) => ref.type === sourceText).map((ref) => ref.id);
  const databases = references.filter((ref) => ref.type === database).map((ref) => ref.id);
  if (sourceTexts.length === 0) sourceTexts.push(references[0].id);
  if (databases.length === 0) databases.push(references[1].id);

  // Targets: plain proteins first, then ~10 % complexes of 2–4 of them. Each target has 1–3 "home"
  // systems; mechanisms on it act there, so pld:affects stays selective (as in real data).
  const targets = [];
  // The system of query (b) is the home of ~8 % of targets, so (b) has answers at every size.
  const homeSystems = () => {
    const home = r.distinct(systemIds, r.int(1, 3));
    if (!home.includes('cardiovascular-system') && r.chance(0.06)) home.push('cardiovascular-system');
    return home;
  };
  const nComplexes = Math.max(2, Math.round(nTargets * 0.1));
  const nPlain = nTargets - nComplexes;
  for (let i = 1; i <= nPlain; i++) {
    const type = r.weighted(targetTypes);
    const family = targetFamilies[(i - 1) % targetFamilies.length];
    const noUniprot = r.chance(0.03); // natural warning: pldsh:TargetUniProtShape
    const uniprot = `Q9${(i % 46656).toString(36).toUpperCase().padStart(3, '0')}${Math.floor(i / 46656) % 10}`;
    targets.push({
      id: `target-${pad(i, 5)}`,
      label: `synthetic ${family} ${typeWord(type)} ${i}`,
      ...(r.chance(0.5) ? { description: sentence(r, 8, 20) } : {}),
      type,
      ...(r.chance(0.85) ? { gene: `SYN${i}` } : {}),
      identifiers: {
        ...(noUniprot ? {} : { uniprot }),
        ...(r.chance(0.8) ? { hgnc: `HGNC:${90000 + (i % 10000)}` } : {}),
        ...(r.chance(0.6) ? { gtopdb_target: `9${pad(i, 5)}` } : {}),
      },
      home: homeSystems(),
    });
  }
  const plainIds = targets.map((t) => t.id);
  for (let i = 1; i <= nComplexes; i++) {
    const type = r.chance(0.7) ? ligandGatedIonChannel : r.weighted(targetTypes);
    targets.push({
      id: `complex-${pad(i, 4)}`,
      label: `synthetic ${targetFamilies[(i - 1) % targetFamilies.length]} complex ${i}`,
      ...(r.chance(0.6) ? { description: sentence(r, 8, 20) } : {}),
      type,
      grouping: 'complex',
      subunits: r.distinct(plainIds, r.int(2, 4)),
      home: homeSystems(),
    });
  }
  for (const t of targets) if (Object.keys(t.identifiers ?? {}).length === 0) delete t.identifiers;
  // Popular targets spread over plain proteins and complexes alike.
  const targetOrder = [...targets];
  for (let i = targetOrder.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [targetOrder[i], targetOrder[j]] = [targetOrder[j], targetOrder[i]];
  }
  const targetById = new Map(targets.map((t) => [t.id, t]));
  for (const t of targets) countTarget(c, t);
  for (const s of systems) countSystem(c, s);
  for (const p of processes) countProcess(c, p);
  for (const u of uses) countUse(c, u);
  for (const ref of references) countReference(c, ref);

  // Drugs and their mechanisms, until the triple count reaches the target size.
  const drugs = [];
  const mechanismsByDrug = [];
  let nMechanisms = 0;
  for (let i = 1; c.count < triples; i++) {
    const name = `${r.pick(syllables)}${r.pick(syllables)}${r.pick(drugSuffixes)}`;
    const id = `${name}-${i}`;
    const drug = {
      id,
      label: `${name} ${i}`,
      ...(r.chance(0.7) ? { description: sentence(r, 12, 30) } : {}),
      drug_classes: r.distinct(drugClasses, r.int(1, 2)),
      identifiers: {
        ...(r.chance(0.9) ? { chebi: `CHEBI:9${pad(i, 7)}` } : {}),
        ...(r.chance(0.95) ? { wikidata: `Q9${pad(i, 8)}` } : {}),
        ...(r.chance(0.8) ? { drugbank: [`DB${pad(i % 100000, 5)}`] } : {}),
        ...(r.chance(0.85) ? { chembl: [`CHEMBL9${pad(i, 7)}`] } : {}),
        ...(r.chance(0.9) ? { pubchem: `9${pad(i, 8)}` } : {}),
        ...(r.chance(0.7) ? { mesh: [`C${pad(900000000 + i, 9)}`] } : {}),
        ...(r.chance(0.7) ? { atc: Array.from({ length: r.int(1, 2) }, (_, k) => `Z${pad((i * 2 + k) % 100, 2)}${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}${pad(r.int(0, 99), 2)}`) } : {}),
        ...(r.chance(0.6) ? { unii: `ZZ${pad(i, 8)}` } : {}),
        ...(r.chance(0.6) ? { cas: `99${pad(i % 100000, 5)}-${pad(r.int(0, 99), 2)}-${r.int(0, 9)}` } : {}),
        ...(r.chance(0.5) ? { gtopdb_ligand: `9${pad(i, 6)}` } : {}),
      },
      roles: r.distinct(roles, r.int(1, 3)),
      uses: r.distinct(useIds, r.int(1, 3)),
    };
    if (drug.identifiers.atc) drug.identifiers.atc = [...new Set(drug.identifiers.atc)];
    if (r.chance(0.15)) {
      drug.no_appreciable_binding = {
        targets: r.distinct(plainIds, r.int(2, 4)),
        reference: r.pick(databases),
        note: `Screened without appreciable binding below 10 uM at these synthetic targets (synthetic screen ${i}).`,
      };
    }
    countDrug(c, drug);

    const mechanisms = [];
    const nm = r.int(5, 10);
    for (let k = 1; k <= nm; k++) {
      const isDirect = r.chance(0.6);
      const hasTarget = isDirect || r.chance(0.5);
      const target = hasTarget ? r.skewed(targetOrder) : undefined;
      const action = hasTarget ? r.weighted(actions) : undefined;
      const mechanismSystems = target ? r.distinct(target.home, r.int(1, 2)) : r.distinct(systemIds, r.int(1, 2));
      const slug = target ? target.id : 'indirect';
      const m = {
        id: `${id}-m${k}-${slug}`,
        label: target
          ? `${capitalize(drug.label)} ${actionVerb(action)} the ${target.label}`
          : `${capitalize(drug.label)} acts indirectly on the ${mechanismSystems.map((s) => systemTree.find(([sid]) => sid === s)[1]).join(' and ')}`,
        ...(r.chance(0.6) ? { description: sentence(r, 12, 35) } : {}),
        drug: id,
        ...(target ? { target: target.id, action } : {}),
        directness: isDirect ? direct : indirect,
        ...(isDirect && r.chance(0.6) ? { strength: r.pick(strengths) } : {}),
        certainty: r.weighted(certainties),
        systems: mechanismSystems,
        effects: r.distinct(processIds, r.int(1, 2)).map((process) => ({
          process,
          label: `${r.pick(['increased', 'reduced', 'altered'])} ${processes[Number(process.slice(-4)) - 1].label}`,
          direction: r.weighted(directions),
          valence: r.weighted(valences),
        })),
      };
      if (k > 1 && r.chance(0.2)) m.downstream_of = [mechanisms[r.int(0, mechanisms.length - 1)].id];
      const contributes = r.distinct(drug.uses, r.int(0, 2));
      if (contributes.length) m.contributes_to = contributes;
      if (!r.chance(0.05)) m.supported_by = r.distinct(literature, r.int(1, 3), (l) => r.skewed(l, 1.3)); // else: natural warning
      if (r.chance(0.7)) m.source = { reference: r.pick(sourceTexts), ...(r.chance(0.8) ? { section: `${r.int(1, 9)}${String.fromCharCode(97 + r.int(0, 4))}` } : {}) };
      if (target && r.chance(0.4)) {
        const measured = new Set();
        const affinities = [];
        for (let a = r.int(1, 2); a > 0; a--) {
          const at = target.subunits && r.chance(0.5) ? r.pick(target.subunits) : undefined;
          const log = r.chance(0.6);
          const measure = log ? r.pick(logMeasures) : r.pick(linearMeasures);
          const key = `${at ?? target.id}/${measure}`;
          if (measured.has(key)) continue;
          measured.add(key);
          affinities.push({
            ...(at ? { target: at } : {}),
            measure,
            value: log ? Number((4 + r.next() * 6).toFixed(2)) : Number((0.1 + Math.pow(r.next(), 3) * 9999).toFixed(1)),
            ...(r.chance(0.3) ? { uncertainty: Number((0.05 + r.next() * (log ? 0.5 : 50)).toFixed(2)) } : {}),
            ...(log ? {} : { unit: r.chance(0.8) ? usualUnit : otherUnit }),
            ...(r.chance(0.6) ? { assay: `${r.pick(assays)} (synthetic)` } : {}),
            ...(r.chance(0.5) ? { species: r.pick(species) } : {}),
            reference: r.skewed(literature, 1.3),
          });
        }
        if (affinities.length) m.affinities = affinities;
      }
      if (r.chance(0.25)) {
        m.caveats = r.distinct(caveatIds, r.int(1, 2)).map((cid) => {
          const refs = r.distinct(literature, r.int(0, 2));
          return { id: cid, text: sentence(r, 10, 25), ...(refs.length ? { references: refs } : {}) };
        });
      }
      countMechanism(c, m);
      mechanisms.push(m);
    }
    drugs.push(drug);
    mechanismsByDrug.push(mechanisms);
    nMechanisms += mechanisms.length;
  }

  // Violations, from their own random stream so the rest of the data is unchanged.
  const injected = [];
  if (violations > 0) {
    const v = rng(`pharmald-bench-violations:${seed}`);
    for (let k = 0; k < violations; k++) {
      const chebi = `CHEBI:97${pad(k + 1, 5)}`;
      const focus = `http://purl.obolibrary.org/obo/CHEBI_${chebi.slice(6)}`;
      const first = drugs[Math.floor(((k + 0.5) / violations) * drugs.length) % drugs.length];
      const second = drugs.length > 1 ? drugs[(drugs.indexOf(first) + Math.max(1, Math.floor(drugs.length / 2)) + v.int(0, 3)) % drugs.length] : first;
      if (k % 2 === 0 || second === first) {
        first.roles = [...(first.roles ?? []), { chebi, label: `conflicting role label ${k + 1}a` }, { chebi, label: `conflicting role label ${k + 1}b` }];
        c.unique(`hasRole ${first.id} ${chebi}`);
        injected.push({ kind: 'role-label-conflict-in-one-drug', entity: `drug ${first.id}`, focus, shape: 'pldsh:RoleShape', component: 'sh:MaxCountConstraintComponent' });
      } else {
        first.roles = [...(first.roles ?? []), { chebi, label: `conflicting role label ${k + 1}a` }];
        second.roles = [...(second.roles ?? []), { chebi, label: `conflicting role label ${k + 1}b` }];
        c.unique(`hasRole ${first.id} ${chebi}`);
        c.unique(`hasRole ${second.id} ${chebi}`);
        injected.push({ kind: 'role-label-conflict-across-drugs', entity: `drugs ${first.id} and ${second.id}`, focus, shape: 'pldsh:RoleShape', component: 'sh:MaxCountConstraintComponent' });
      }
      c.unique(`roletype ${chebi}`);
      c.unique(`rolelabel ${chebi} a`);
      c.unique(`rolelabel ${chebi} b`);
    }
  }

  return {
    seed, triples, violations, drugsPerFile,
    catalogue: { targets, systems, processes, uses, references },
    drugs, mechanismsByDrug,
    expectedTriples: c.count,
    counts: {
      drugs: drugs.length, mechanisms: nMechanisms, targets: targets.length, complexes: nComplexes, systems: systems.length,
      processes: processes.length, clinicalUses: uses.length, references: references.length,
    },
    injected,
    sample: {
      firstDrug: drugs[0]?.id,
      selectiveSystem: 'cardiovascular-system',
    },
  };
}

// ------------------------------------------------------------------------------------------------
// YAML writing (by hand: fixed key order, fixed quoting, byte-identical for the same arguments)
// ------------------------------------------------------------------------------------------------
function header(seed, what) {
  return [
    '# SYNTHETIC TEST DATA, generated by bench/gen.mjs for benchmarks (seed ' + seed + ').',
    '# Not pharmacology: drugs, targets, affinities and references are invented. Identifiers are fake but',
    '# pattern-valid (CHEBI:9…, UBERON:99…, DOI 10.99999/…). Never publish or merge this into data/.',
    `# ${what}`,
    '',
  ].join('\n');
}

const list = (items) => `[${items.join(', ')}]`;

function writeTarget(t) {
  const lines = [`  - id: ${t.id}`, `    label: ${yq(t.label)}`];
  if (t.description) lines.push(`    description: ${yq(t.description)}`);
  lines.push(`    type: ${t.type}`);
  if (t.gene) lines.push(`    gene: ${t.gene}`);
  if (t.identifiers) lines.push(`    identifiers: { ${Object.entries(t.identifiers).map(([k, v]) => `${k}: ${yq(v)}`).join(', ')} }`);
  if (t.grouping) lines.push(`    grouping: ${t.grouping}`);
  if (t.subunits) lines.push(`    subunits: ${list(t.subunits)}`);
  return lines.join('\n');
}

function writeSystem(s) {
  const lines = [`  - id: ${s.id}`, `    label: ${yq(s.label)}`];
  if (s.description) lines.push(`    description: ${yq(s.description)}`);
  if (s.uberon) lines.push(`    uberon: ${yq(s.uberon)}`);
  if (s.part_of) lines.push(`    part_of: ${s.part_of}`);
  return lines.join('\n');
}

function writeProcess(p) {
  const lines = [`  - id: ${p.id}`, `    label: ${yq(p.label)}`];
  if (p.description) lines.push(`    description: ${yq(p.description)}`);
  if (p.go) lines.push(`    go: ${yq(p.go)}`);
  if (p.occurs_in) lines.push(`    occurs_in: ${list(p.occurs_in)}`);
  return lines.join('\n');
}

function writeUse(u) {
  const lines = [`  - id: ${u.id}`, `    label: ${yq(u.label)}`];
  if (u.description) lines.push(`    description: ${yq(u.description)}`);
  if (u.chebi_role) lines.push(`    chebi_role: ${yq(u.chebi_role)}`);
  return lines.join('\n');
}

function writeReference(ref) {
  const lines = [`  - id: ${ref.id}`, `    label: ${yq(ref.label)}`, `    type: ${ref.type}`];
  if (ref.year) lines.push(`    year: ${ref.year}`);
  if (ref.pmid) lines.push(`    pmid: ${yq(ref.pmid)}`);
  if (ref.doi) lines.push(`    doi: ${ref.doi}`);
  return lines.join('\n');
}

function writeDrug(d) {
  const lines = [`  - id: ${d.id}`, `    label: ${yq(d.label)}`];
  if (d.description) lines.push(`    description: ${yq(d.description)}`);
  if (d.drug_classes) lines.push(`    drug_classes: [${d.drug_classes.map(yq).join(', ')}]`);
  lines.push('    identifiers:');
  for (const [k, v] of Object.entries(d.identifiers)) lines.push(`      ${k}: ${Array.isArray(v) ? `[${v.map(yq).join(', ')}]` : yq(v)}`);
  if (d.roles) {
    lines.push('    roles:');
    for (const role of d.roles) lines.push(`      - { chebi: ${yq(role.chebi)}, label: ${yq(role.label)} }`);
  }
  if (d.uses) lines.push(`    uses: ${list(d.uses)}`);
  if (d.no_appreciable_binding) {
    const s = d.no_appreciable_binding;
    lines.push('    no_appreciable_binding:', `      targets: ${list(s.targets)}`, `      reference: ${s.reference}`, `      note: ${yq(s.note)}`);
  }
  return lines.join('\n');
}

const yamlNumber = (x) => String(x);

function writeMechanism(m) {
  const lines = [`  - id: ${m.id}`, `    label: ${yq(m.label)}`];
  if (m.description) lines.push(`    description: ${yq(m.description)}`);
  lines.push(`    drug: ${m.drug}`);
  if (m.target) lines.push(`    target: ${m.target}`, `    action: ${m.action}`);
  lines.push(`    directness: ${m.directness}`);
  if (m.strength) lines.push(`    strength: ${m.strength}`);
  lines.push(`    certainty: ${m.certainty}`, `    systems: ${list(m.systems)}`, '    effects:');
  for (const e of m.effects) {
    lines.push(`      - process: ${e.process}`, `        label: ${yq(e.label)}`, `        direction: ${e.direction}`, `        valence: ${e.valence}`);
  }
  if (m.downstream_of) lines.push(`    downstream_of: ${list(m.downstream_of)}`);
  if (m.contributes_to) lines.push(`    contributes_to: ${list(m.contributes_to)}`);
  if (m.supported_by) lines.push(`    supported_by: ${list(m.supported_by)}`);
  if (m.source) lines.push(`    source: { reference: ${m.source.reference}${m.source.section ? `, section: ${yq(m.source.section)}` : ''} }`);
  if (m.affinities) {
    lines.push('    affinities:');
    for (const a of m.affinities) {
      const first = a.target ? `target: ${a.target}` : `measure: ${a.measure}`;
      lines.push(`      - ${first}`);
      if (a.target) lines.push(`        measure: ${a.measure}`);
      lines.push(`        value: ${yamlNumber(a.value)}`);
      if (a.uncertainty !== undefined) lines.push(`        uncertainty: ${yamlNumber(a.uncertainty)}`);
      if (a.unit) lines.push(`        unit: ${a.unit}`);
      if (a.assay) lines.push(`        assay: ${yq(a.assay)}`);
      if (a.species) lines.push(`        species: ${yq(a.species)}`);
      lines.push(`        reference: ${a.reference}`);
    }
  }
  if (m.caveats) {
    lines.push('    caveats:');
    for (const cv of m.caveats) {
      lines.push(`      - id: ${cv.id}`, `        text: ${yq(cv.text)}`);
      if (cv.references) lines.push(`        references: ${list(cv.references)}`);
    }
  }
  return lines.join('\n');
}

const section = (name, items, writer) => (items.length ? `${name}:\n${items.map(writer).join('\n')}\n` : '');

/** Writes the generated dataset into `out` (its old .yaml files are removed first); returns what it wrote. */
export function writeDataset(generated, out) {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (/\.ya?ml$/.test(name) || name === 'manifest.json') rmSync(path.join(out, name));
  const { seed, catalogue, drugs, mechanismsByDrug, drugsPerFile } = generated;
  const files = [];
  const write = (name, body) => {
    writeFileSync(path.join(out, name), body);
    files.push({ name, bytes: Buffer.byteLength(body) });
  };
  write('targets.yaml', header(seed, `${catalogue.targets.length} targets`) + section('targets', catalogue.targets, writeTarget));
  write('systems.yaml', header(seed, `${catalogue.systems.length} systems, ${catalogue.processes.length} processes`)
    + section('systems', catalogue.systems, writeSystem) + '\n' + section('processes', catalogue.processes, writeProcess));
  write('clinical-uses.yaml', header(seed, `${catalogue.uses.length} clinical uses`) + section('clinical_uses', catalogue.uses, writeUse));
  write('references.yaml', header(seed, `${catalogue.references.length} references`) + section('references', catalogue.references, writeReference));
  for (let start = 0, part = 1; start < drugs.length; start += drugsPerFile, part++) {
    const chunk = drugs.slice(start, start + drugsPerFile);
    const mechanisms = mechanismsByDrug.slice(start, start + drugsPerFile).flat();
    write(`drugs-${pad(part, 4)}.yaml`, header(seed, `drugs ${start + 1}-${start + chunk.length} and their ${mechanisms.length} mechanisms`)
      + section('drugs', chunk, writeDrug) + '\n' + section('mechanisms', mechanisms, writeMechanism));
  }
  const manifest = {
    generator: 'bench/gen.mjs', synthetic: true,
    seed, requestedTriples: generated.triples, violations: generated.violations,
    expectedTriples: generated.expectedTriples, counts: generated.counts, injected: generated.injected, sample: generated.sample,
    files,
  };
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

// ------------------------------------------------------------------------------------------------
// CLI
// ------------------------------------------------------------------------------------------------
/** "10k" → 10000, "1m" → 1000000, "2500" → 2500. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(String(text).trim());
  if (!m) throw new Error(`not a size: ${text} (e.g. 10000, 10k, 1m)`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

function parseArgs(argv) {
  const args = { seed: '1', violations: 0, drugsPerFile: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--triples': args.triples = parseSize(value()); break;
      case '--out': args.out = value(); break;
      case '--seed': args.seed = value(); break;
      case '--violations': args.violations = Number(value()); break;
      case '--drugs-per-file': args.drugsPerFile = Number(value()); break;
      case '-h': case '--help': args.help = true; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return args;
}

const usage = 'usage: node bench/gen.mjs --triples N --out DIR [--seed S] [--violations K] [--drugs-per-file M]\n'
  + '  N accepts 10000, 10k, 1m. Writes DIR/*.yaml (synthetic, never publish) and DIR/manifest.json.';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (args.help) { console.log(usage); process.exit(0); }
    if (!args.triples || !args.out) throw new Error('--triples and --out are required');
    if (!Number.isInteger(args.violations) || args.violations < 0) throw new Error('--violations must be a non-negative integer');
  } catch (error) {
    console.error(`gen: ${error.message}\n${usage}`);
    process.exit(2);
  }
  const started = performance.now();
  const generated = generate(args);
  const manifest = writeDataset(generated, args.out);
  for (const f of manifest.files) console.log(`wrote ${path.join(args.out, f.name)} (${f.bytes} bytes)`);
  console.log(`drugs ${manifest.counts.drugs}`);
  console.log(`mechanisms ${manifest.counts.mechanisms}`);
  console.log(`targets ${manifest.counts.targets} (${manifest.counts.complexes} complexes), systems ${manifest.counts.systems}, processes ${manifest.counts.processes}, clinical uses ${manifest.counts.clinicalUses}, references ${manifest.counts.references}`);
  console.log(`violations ${manifest.injected.length}${manifest.injected.map((v) => `\n  ${v.kind} at ${v.entity}`).join('')}`);
  console.log(`expected triples ${manifest.expectedTriples} (requested ${args.triples}; data + ontology, after deduplication)`);
  console.log(`seed ${args.seed}, ${((performance.now() - started) / 1000).toFixed(2)} s`);
}
