// The round-trip check shared by tests/property.test.ts and bench/fuzz.mjs: parse a build's dataset.ttl and dataset.nt
// with n3 and its dataset.jsonld with jsonld.toRDF, and compare each to the quads the build made. Ground triples (no
// blank node) must be equal term for term; the triples with blank nodes are compared by their URDNA2015 canonical
// N-Quads (jsonld.canonize), which is graph isomorphism. Then every literal the YAML gave must be there exactly.
// No import from pharmald itself, so it runs under vitest (src/) and plain node (lib/) alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';

const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const XSD_DECIMAL = 'http://www.w3.org/2001/XMLSchema#decimal';

const termKey = (t) => (t.termType === 'Literal' ? `L${JSON.stringify([t.value, t.language, t.datatype.value])}` : `${t.termType[0]}${t.value}`);
const quadKey = (q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
const hasBlank = (q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode';

function toNQuads(quads) {
  const writer = new Writer({ format: 'N-Quads' });
  return writer.quadsToString(quads);
}

const canonize = (quads) =>
  jsonld.canonize(toNQuads(quads), { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' });

/** Parses the three RDF files of an out dir: { 'dataset.ttl': quads, 'dataset.nt': quads, 'dataset.jsonld': quads }. */
export async function parseOutputs(outDir) {
  const read = (file) => readFileSync(path.join(outDir, file), 'utf8');
  const nquads = await jsonld.toRDF(JSON.parse(read('dataset.jsonld')), { format: 'application/n-quads' });
  return {
    'dataset.ttl': new Parser({ format: 'text/turtle' }).parse(read('dataset.ttl')),
    'dataset.nt': new Parser({ format: 'application/n-triples' }).parse(read('dataset.nt')),
    'dataset.jsonld': new Parser({ format: 'application/n-quads' }).parse(nquads),
  };
}

/** Compares parsed graphs to the build's quads; returns a list of problems (empty when all three are the same graph). */
export async function compareGraphs(expectedQuads, parsedByFile) {
  const problems = [];
  const expectedGround = new Set(expectedQuads.filter((q) => !hasBlank(q)).map(quadKey));
  const expectedBlank = await canonize(expectedQuads.filter(hasBlank));
  for (const [file, quads] of Object.entries(parsedByFile)) {
    const ground = new Set(quads.filter((q) => !hasBlank(q)).map(quadKey));
    const missing = [...expectedGround].filter((k) => !ground.has(k));
    const extra = [...ground].filter((k) => !expectedGround.has(k));
    if (missing.length || extra.length) {
      problems.push(`${file}: ${missing.length} triple(s) missing, ${extra.length} extra; first missing ${missing[0] ?? '-'}; first extra ${extra[0] ?? '-'}`);
    }
    const blank = await canonize(quads.filter(hasBlank));
    if (blank !== expectedBlank) problems.push(`${file}: the triples with blank nodes are not isomorphic to the build's (URDNA2015)`);
  }
  return problems;
}

/** Checks the literals the YAML gave (see expectedLiterals in arbitraries.mjs) against parsed quads; returns problems. */
export function checkLiterals(expected, quads, file) {
  const problems = [];
  const index = new Map();
  for (const q of quads) {
    if (q.object.termType !== 'Literal') continue;
    const key = `${q.subject.value} ${q.predicate.value}`;
    if (!index.has(key)) index.set(key, []);
    index.get(key).push(q.object);
  }
  const show = (s) => JSON.stringify(s);
  for (const want of expected) {
    const found = index.get(`${want.subject} ${want.predicate}`) ?? [];
    let ok;
    if (want.kind === 'decimal') {
      ok = found.some((l) => l.datatype.value === XSD_DECIMAL && /^-?\d+\.\d+$/.test(l.value) && Number(l.value) === want.value);
    } else if (want.kind === 'typed') {
      ok = found.some((l) => l.value === want.value && l.datatype.value === want.datatype);
    } else {
      const datatype = want.kind === 'text' ? RDF_LANG_STRING : XSD_STRING;
      const language = want.kind === 'text' ? 'en' : '';
      ok = found.some((l) => l.value === want.value && l.language === language && l.datatype.value === datatype);
    }
    if (!ok) {
      problems.push(`${file}: <${want.subject}> <${want.predicate}>: want ${want.kind} ${show(want.value)}, got ${found.map((l) => `${show(l.value)}@${l.language}^^${l.datatype.value.replace(/^.*#/, '')}`).join(' | ') || 'nothing'}`);
    }
  }
  return problems;
}
