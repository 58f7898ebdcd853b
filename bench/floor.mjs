// **floor** writes the dataset's triples as N-Triples by plain string concatenation, with no RDF/JS term
// objects, no store and no sorting: the lower bound a serializer of the same triples can reach in
// JavaScript. Two forms:
//   quadsToNTriples(quads)         from RDF/JS quads (the values the build already holds);
//   modelToNTriples(model, extra)  from the model objects directly, mirroring src/generate/quads.ts triple for
//                                  triple (grouping mechanisms by drug and target with maps, where the mapper
//                                  scans every mechanism per drug and per target).
// bench/child.mjs checks once per size that modelToNTriples gives exactly the triples of dataset.nt.
import { identifierIri } from '../lib/identifiers.js';
import { mintIri, mintPartIri } from '../lib/rdf/iri.js';
import { decimal } from '../lib/rdf/literal.js';
import { cls, hasRole, prop, rdf, rdfs, skos, termIri, xsd } from '../lib/vocab.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const needsEscape = /["\\\n\r]/;
const escapeLiteral = (v) => (needsEscape.test(v)
  ? v.replace(/["\\\n\r]/g, (c) => (c === '"' ? '\\"' : c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'))
  : v);

/** N-Triples lines from RDF/JS quads (IRIs are written as they are: ours never need escaping). */
export function quadsToNTriples(quads) {
  const lines = new Array(quads.length);
  for (let i = 0; i < quads.length; i++) {
    const { subject: s, predicate: p, object: o } = quads[i];
    const subject = s.termType === 'BlankNode' ? `_:${s.value}` : `<${s.value}>`;
    let object;
    if (o.termType === 'NamedNode') object = `<${o.value}>`;
    else if (o.termType === 'BlankNode') object = `_:${o.value}`;
    else if (o.language) object = `"${escapeLiteral(o.value)}"@${o.language}`;
    else if (o.datatype.value === XSD_STRING || o.datatype.value === LANG_STRING) object = `"${escapeLiteral(o.value)}"`;
    else object = `"${escapeLiteral(o.value)}"^^<${o.datatype.value}>`;
    lines[i] = `${subject} <${p.value}> ${object} .`;
  }
  return lines;
}

// The same lexical form as the build's, from the same function.
const decimalLexical = (value) => decimal(value).value;

/** N-Triples lines of a model (src/generate/quads.ts, same triples), then `extraLines` (the ontology). */
export function modelToNTriples(model, extraLines = []) {
  const out = [];
  const seen = new Set(); // only for the triples that several entities can emit (roles, actsOn, affects)
  const once = (line) => { if (!seen.has(line)) { seen.add(line); out.push(line); } };
  const iri = (v) => `<${v}>`;
  const en = (v) => `"${escapeLiteral(v)}"@en`;
  const str = (v) => `"${escapeLiteral(v)}"`;
  const T = (s, p, o) => out.push(`${s} ${p} ${o} .`);
  const TYPE = iri(rdf.type), LABEL = iri(rdfs.label), COMMENT = iri(rdfs.comment), MATCH = iri(skos.exactMatch);
  const P = Object.fromEntries(Object.entries(prop).map(([k, v]) => [k, iri(v)]));
  const C = Object.fromEntries(Object.entries(cls).map(([k, v]) => [k, iri(v)]));
  const HAS_ROLE = iri(hasRole);
  const GENE_PRODUCT_OF = '<http://purl.obolibrary.org/obo/RO_0002204>';
  const DECIMAL = `^^<${xsd.decimal}>`;
  const GYEAR = `^^<${xsd.gYear}>`;
  const exact = (s, identifiers) => {
    for (const [scheme, value] of Object.entries(identifiers ?? {})) {
      if (value === undefined) continue;
      for (const id of typeof value === 'string' ? [value] : value) T(s, MATCH, iri(identifierIri(scheme, id)));
    }
  };

  const byDrug = new Map();
  for (const m of model.mechanisms) {
    let list = byDrug.get(m.drug);
    if (!list) byDrug.set(m.drug, (list = []));
    list.push(m);
  }

  for (const drug of model.drugs) {
    const d = mintIri('drug', drug.id);
    const s = iri(d);
    T(s, TYPE, C.Drug);
    T(s, LABEL, en(drug.label));
    if (drug.description !== undefined) T(s, COMMENT, en(drug.description));
    for (const c of drug.drug_classes ?? []) T(s, P.drugClass, en(c));
    exact(s, drug.identifiers);
    for (const role of drug.roles ?? []) {
      const r = iri(identifierIri('chebi', role.chebi));
      once(`${s} ${HAS_ROLE} ${r} .`);
      once(`${r} ${TYPE} ${C.Role} .`);
      once(`${r} ${LABEL} ${en(role.label)} .`);
    }
    for (const use of drug.uses ?? []) T(s, P.hasClinicalUse, iri(mintIri('use', use)));
    const screen = drug.no_appreciable_binding;
    if (screen) {
      for (const t of screen.targets) T(s, P.noAppreciableBindingAt, iri(mintIri('target', t)));
      const cv = iri(mintPartIri(d, 'caveat', 'no-appreciable-binding'));
      T(s, P.hasCaveat, cv);
      T(cv, TYPE, C.Caveat);
      T(cv, COMMENT, en(screen.note));
      T(cv, P.citation, iri(mintIri('reference', screen.reference)));
    }
    for (const m of byDrug.get(drug.id) ?? []) {
      T(s, P.hasMechanism, iri(mintIri('mechanism', m.id)));
      if (m.target !== undefined) once(`${s} ${P.actsOn} ${iri(mintIri('target', m.target))} .`);
    }
  }
  for (const t of model.targets) {
    const s = iri(mintIri('target', t.id));
    T(s, TYPE, C.Target);
    T(s, TYPE, iri(termIri('targetType', t.type)));
    if (t.grouping === 'complex') T(s, TYPE, C.ProteinComplex);
    if (t.grouping === 'family') T(s, TYPE, C.ProteinFamily);
    T(s, LABEL, en(t.label));
    if (t.description !== undefined) T(s, COMMENT, en(t.description));
    if (t.gene !== undefined) T(s, P.geneSymbol, str(t.gene));
    // The HGNC record is the gene's (RO:0002204 gene product of), not an exact match of the protein.
    const { hgnc, ...matches } = t.identifiers ?? {};
    exact(s, matches);
    if (hgnc !== undefined) T(s, GENE_PRODUCT_OF, iri(identifierIri('hgnc', hgnc)));
    if (t.grouping !== undefined) T(s, P.proteinGrouping, iri(termIri('proteinGrouping', t.grouping)));
    for (const u of t.subunits ?? []) T(s, P.hasSubunit, iri(mintIri('target', u)));
    for (const p of t.proteins ?? []) T(s, P.hasProtein, iri(identifierIri('uniprot', p)));
  }
  for (const m of model.mechanisms) {
    if (m.target === undefined) continue;
    const s = iri(mintIri('target', m.target));
    for (const sys of m.systems) once(`${s} ${P.affects} ${iri(mintIri('system', sys))} .`);
  }
  for (const x of model.systems) {
    const s = iri(mintIri('system', x.id));
    T(s, TYPE, C.PhysiologicalSystem);
    T(s, LABEL, en(x.label));
    if (x.description !== undefined) T(s, COMMENT, en(x.description));
    if (x.uberon !== undefined) T(s, MATCH, iri(identifierIri('uberon', x.uberon)));
    if (x.part_of !== undefined) T(s, P.partOf, iri(mintIri('system', x.part_of)));
  }
  for (const x of model.processes) {
    const s = iri(mintIri('process', x.id));
    T(s, TYPE, C.PhysiologicalProcess);
    T(s, LABEL, en(x.label));
    if (x.description !== undefined) T(s, COMMENT, en(x.description));
    if (x.go !== undefined) T(s, MATCH, iri(identifierIri('go', x.go)));
    for (const sys of x.occurs_in ?? []) T(s, P.occursIn, iri(mintIri('system', sys)));
  }
  for (const u of model.clinical_uses) {
    const s = iri(mintIri('use', u.id));
    T(s, TYPE, C.ClinicalUse);
    T(s, LABEL, en(u.label));
    if (u.description !== undefined) T(s, COMMENT, en(u.description));
    if (u.chebi_role !== undefined) T(s, P.correspondingRole, iri(identifierIri('chebi', u.chebi_role)));
  }
  for (const r of model.references) {
    const s = iri(mintIri('reference', r.id));
    T(s, TYPE, C.Reference);
    T(s, LABEL, en(r.label));
    T(s, P.referenceType, iri(termIri('referenceType', r.type)));
    if (r.year !== undefined) T(s, P.year, `"${r.year}"${GYEAR}`);
    if (r.pmid !== undefined) T(s, P.pmid, str(r.pmid));
    if (r.doi !== undefined) T(s, P.doi, str(r.doi));
    if (r.pmid !== undefined) T(s, MATCH, iri(identifierIri('pmid', r.pmid)));
    if (r.doi !== undefined) T(s, MATCH, iri(identifierIri('doi', r.doi)));
  }
  for (const m of model.mechanisms) {
    const mi = mintIri('mechanism', m.id);
    const s = iri(mi);
    T(s, TYPE, C.Mechanism);
    T(s, LABEL, en(m.label));
    if (m.description !== undefined) T(s, COMMENT, en(m.description));
    T(s, P.drug, iri(mintIri('drug', m.drug)));
    if (m.target !== undefined) T(s, P.target, iri(mintIri('target', m.target)));
    if (m.action !== undefined) T(s, P.actionType, iri(termIri('actionType', m.action)));
    T(s, P.directness, iri(termIri('directness', m.directness)));
    if (m.strength !== undefined) T(s, P.strength, iri(termIri('strength', m.strength)));
    T(s, P.certainty, iri(termIri('certainty', m.certainty)));
    for (const sys of m.systems) T(s, P.system, iri(mintIri('system', sys)));
    for (const id of m.downstream_of ?? []) T(s, P.downstreamOf, iri(mintIri('mechanism', id)));
    for (const use of m.contributes_to ?? []) T(s, P.contributesTo, iri(mintIri('use', use)));
    for (const ref of m.supported_by ?? []) T(s, P.supportedBy, iri(mintIri('reference', ref)));
    if (m.source) {
      T(s, P.derivedFrom, iri(mintIri('reference', m.source.reference)));
      if (m.source.section !== undefined) T(s, P.sourceSection, str(m.source.section));
    }
    for (const e of m.effects) {
      const ei = iri(mintPartIri(mi, 'effect', e.process));
      T(s, P.hasEffect, ei);
      T(ei, TYPE, C.Effect);
      T(ei, LABEL, en(e.label));
      T(ei, P.process, iri(mintIri('process', e.process)));
      T(ei, P.direction, iri(termIri('direction', e.direction)));
      T(ei, P.valence, iri(termIri('valence', e.valence)));
    }
    for (const a of m.affinities ?? []) {
      const target = a.target ?? m.target;
      const ai = iri(mintPartIri(mi, 'affinity', `${target}-${a.measure.toLowerCase()}`));
      T(s, P.hasAffinity, ai);
      T(ai, TYPE, C.Affinity);
      const uncertainty = a.uncertainty === undefined ? '' : ` ± ${a.uncertainty}`;
      T(ai, LABEL, en(`${a.measure} ${a.value}${uncertainty}${a.unit ? ` ${a.unit}` : ''}`));
      T(ai, P.target, iri(mintIri('target', target)));
      T(ai, P.affinityMeasure, iri(termIri('affinityMeasure', a.measure)));
      T(ai, P.affinityValue, `"${decimalLexical(a.value)}"${DECIMAL}`);
      if (a.uncertainty !== undefined) T(ai, P.affinityUncertainty, `"${decimalLexical(a.uncertainty)}"${DECIMAL}`);
      if (a.unit !== undefined) T(ai, P.affinityUnit, str(a.unit));
      if (a.assay !== undefined) T(ai, P.assay, en(a.assay));
      if (a.species !== undefined) T(ai, P.species, en(a.species));
      T(ai, P.citation, iri(mintIri('reference', a.reference)));
    }
    for (const c of m.caveats ?? []) {
      const ci = iri(mintPartIri(mi, 'caveat', c.id));
      T(s, P.hasCaveat, ci);
      T(ci, TYPE, C.Caveat);
      T(ci, COMMENT, en(c.text));
      for (const ref of c.references ?? []) T(ci, P.citation, iri(mintIri('reference', ref)));
    }
  }
  for (const line of extraLines) out.push(line);
  return out;
}
