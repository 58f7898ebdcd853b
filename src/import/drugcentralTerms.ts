// **drugcentralTerms** turns DrugCentral's values into pharmald's: a source term into the vocabulary code whose
// mapping names it (never a narrower one: a broad mapping means the pld term says more than the source), a
// REFERENCE cell into a reference of the right kind, a name into an id.
import { schemes } from '../identifiers.js';
import type { Entity, VocabularyDescription } from '../model/description.js';
import { pharmald } from '../model/pharmald.js';

/** Source value → pld code. */
export type Mapped = ReadonlyMap<string, string>;

/** The codes of a vocabulary by the values of one mapping property, taking exact, close and narrow mappings. */
export function mappedCodes(vocabulary: keyof typeof pharmald.vocabularies, property: string): Mapped {
  const codes = new Map<string, string>();
  for (const term of (pharmald.vocabularies[vocabulary] as VocabularyDescription).terms) {
    for (const m of term.mappings ?? []) {
      if (m.property !== property || m.precision === 'broad') continue;
      if (codes.has(m.value)) throw new Error(`${vocabulary}: ${m.value} is mapped by ${codes.get(m.value)} and ${term.code}`);
      codes.set(m.value, term.code);
    }
  }
  return codes;
}

/** An id made of a name: lower-case letters and digits joined by single hyphens (`Glutamate [NMDA]` → `glutamate-nmda`). */
export function slug(name: string): string {
  const id = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return id || 'unnamed';
}

const pubmed = /^https?:\/\/(www\.)?ncbi\.nlm\.nih\.gov\/pubmed\/?(.*)$/;
const doi = /^https?:\/\/(dx\.)?doi\.org\/(.+)$/;
const pages: readonly [RegExp, (match: RegExpMatchArray) => { id: string; label: string }][] = [
  [/^https?:\/\/www\.ebi\.ac\.uk\/chembl\/compound\/inspect\/(CHEMBL\d+)$/, (m) => ({ id: `chembl-${m[1]!.toLowerCase()}`, label: `ChEMBL compound ${m[1]}` })],
  [/^https?:\/\/www\.guidetopharmacology\.org\/GRAC\/(Ligand|Family|Object)DisplayForward\?(?:ligand|family|object)Id=(\d+)$/,
    (m) => ({ id: `gtopdb-${m[1]!.toLowerCase()}-${m[2]}`, label: `Guide to Pharmacology ${m[1]!.toLowerCase()} ${m[2]}` })],
  [/^https?:\/\/www\.kegg\.jp\/entry\/(D\d{5})$/, (m) => ({ id: `kegg-${m[1]!.toLowerCase()}`, label: `KEGG DRUG ${m[1]}` })],
];
/** Regulators whose documents DrugCentral cites are drug labels (prescribing information, EPAR product information). */
const labelHosts = /^https?:\/\/([a-z0-9-]+\.)*(fda\.gov|ema\.europa\.eu|tga\.gov\.au)\//i;

/**
 * The reference a REFERENCE cell gives: a PubMed or DOI article, a database record, a drug label, another web
 * page, or a citation kept as its text; undefined for an empty cell, 'malformed' for a PubMed URL without an id.
 */
export function referenceOf(cell: string): Entity | 'malformed' | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  const pm = pubmed.exec(text);
  if (pm) return schemes.pmid.pattern.test(pm[2]!) ? { id: `pmid-${pm[2]}`, label: `PubMed ${pm[2]}`, type: 'article', pmid: pm[2]!, url: text } : 'malformed';
  const d = doi.exec(text);
  if (d && schemes.doi.pattern.test(decodeURIComponent(d[2]!))) {
    const name = decodeURIComponent(d[2]!);
    return { id: `doi-${slug(name)}`, label: `DOI ${name}`, type: 'article', doi: name, url: text };
  }
  for (const [pattern, make] of pages) {
    const m = pattern.exec(text);
    if (m) return { ...make(m), type: 'database', url: text };
  }
  if (/^https?:\/\/\S+$/.test(text)) {
    const host = new URL(text).host.replace(/^www\./, '');
    const file = decodeURIComponent(new URL(text).pathname.split('/').filter(Boolean).pop() ?? '');
    const isLabel = labelHosts.test(text);
    return { id: `${isLabel ? 'label' : 'web'}-${fnv(text)}`, label: `${isLabel ? 'Drug label' : 'Web page'}: ${host}${file ? ` ${file}` : ''}`, type: isLabel ? 'drug-label' : 'web-page', url: text };
  }
  return { id: `citation-${fnv(text)}`, label: text, type: 'article' };
}

/** A short, stable key of a text: 10 hex digits of its FNV-1a 64-bit hash. */
export function fnv(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0').slice(0, 10);
}
