// **mappers** turn each entity of the model into its triples: one small function per type.
// The chain drug –actsOn→ target –affects→ system is derived from the mechanisms, so it can never
// disagree with them.
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { identifierIri, type SchemeName } from '../identifiers.js';
import type { LoadedModel } from '../model/model.js';
import type {
  Affinity, Caveat, ClinicalUse, Drug, Effect, Mechanism, PhysiologicalProcess, PhysiologicalSystem, Reference, Target,
} from '../model/schema.js';
import type { Origin } from '../model/source.js';
import { cls, hasRole, prop, rdf, rdfs, skos, termIri, xsd } from '../vocab.js';
import { mintIri, mintPartIri } from './iri.js';

const { namedNode, literal, quad } = DataFactory;

/** The triples of a model, and the YAML origin of every subject (for messages that point at the data). */
export interface MappedModel {
  readonly quads: Quad[];
  readonly origins: ReadonlyMap<string, Origin>;
}

/** Collects triples about subjects; literals in English unless typed. */
class TripleSink {
  readonly quads: Quad[] = [];
  readonly origins = new Map<string, Origin>();

  subject(iri: string, origin: Origin | undefined): (predicate: string, object: string | ReturnType<typeof literal> | undefined) => void {
    if (origin && !this.origins.has(iri)) this.origins.set(iri, origin);
    const s = namedNode(iri);
    return (predicate, object) => {
      if (object === undefined) return;
      this.quads.push(quad(s, namedNode(predicate), typeof object === 'string' ? namedNode(object) : object));
    };
  }
}

const text = (value: string | undefined) => (value === undefined ? undefined : literal(value, 'en'));
const plain = (value: string | undefined) => (value === undefined ? undefined : literal(value));

/** A JSON number as an xsd:decimal literal: the exact digits of its shortest form, never in exponent form. */
export function decimal(value: number): ReturnType<typeof literal> {
  const [mantissa = '0', exponent = '0'] = String(value === 0 ? 0 : value).split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  let lexical = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length
      ? `${digits}${'0'.repeat(point - digits.length)}.0`
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  lexical = lexical.replace(/^0+(?=\d)/, '');
  return literal(negative ? `-${lexical}` : lexical, namedNode(xsd.decimal));
}

/** Maps a loaded model to RDF. */
export function modelToQuads({ model, origins }: LoadedModel): MappedModel {
  const sink = new TripleSink();
  const origin = (entity: object) => origins.get(entity);
  // The derived links (drug actsOn target, target affects system) need each drug's and target's mechanisms:
  // grouped once, not searched per entity.
  const byDrug = groupBy(model.mechanisms, (m) => m.drug);
  const byTarget = groupBy(model.mechanisms, (m) => m.target);
  for (const drug of model.drugs) drugTriples(sink, drug, byDrug.get(drug.id) ?? [], origin(drug));
  for (const target of model.targets) targetTriples(sink, target, byTarget.get(target.id) ?? [], origin(target));
  for (const system of model.systems) systemTriples(sink, system, origin(system));
  for (const process of model.processes) processTriples(sink, process, origin(process));
  for (const use of model.clinical_uses) clinicalUseTriples(sink, use, origin(use));
  for (const reference of model.references) referenceTriples(sink, reference, origin(reference));
  for (const mechanism of model.mechanisms) mechanismTriples(sink, mechanism, origin(mechanism));
  return sink;
}

function exactMatches(add: (p: string, o: string) => void, identifiers: Partial<Record<SchemeName, string | readonly string[]>> | undefined) {
  for (const [scheme, value] of Object.entries(identifiers ?? {}) as [SchemeName, string | readonly string[] | undefined][]) {
    for (const id of typeof value === 'string' ? [value] : value ?? []) add(skos.exactMatch, identifierIri(scheme, id));
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(item);
  }
  return groups;
}

function drugTriples(sink: TripleSink, drug: Drug, mechanisms: readonly Mechanism[], origin: Origin | undefined) {
  const iri = mintIri('drug', drug.id);
  const add = sink.subject(iri, origin);
  add(rdf.type, cls.Drug);
  add(rdfs.label, text(drug.label));
  add(rdfs.comment, text(drug.description));
  for (const drugClass of drug.drug_classes ?? []) add(prop.drugClass, text(drugClass));
  exactMatches(add, drug.identifiers);
  drug.roles?.forEach((role, i) => {
    const roleIri = identifierIri('chebi', role.chebi);
    add(hasRole, roleIri);
    const addRole = sink.subject(roleIri, origin && { file: origin.file, path: [...origin.path, 'roles', i] });
    addRole(rdf.type, cls.Role);
    addRole(rdfs.label, text(role.label));
  });
  for (const use of drug.uses ?? []) add(prop.hasClinicalUse, mintIri('use', use));
  const screen = drug.no_appreciable_binding;
  if (screen) {
    for (const target of screen.targets) add(prop.noAppreciableBindingAt, mintIri('target', target));
    const caveatIri = mintPartIri(iri, 'caveat', 'no-appreciable-binding');
    add(prop.hasCaveat, caveatIri);
    const addCaveat = sink.subject(caveatIri, origin && { file: origin.file, path: [...origin.path, 'no_appreciable_binding'] });
    addCaveat(rdf.type, cls.Caveat);
    addCaveat(rdfs.comment, text(screen.note));
    addCaveat(prop.citation, mintIri('reference', screen.reference));
  }
  for (const mechanism of mechanisms) {
    add(prop.hasMechanism, mintIri('mechanism', mechanism.id));
    if (mechanism.target !== undefined) add(prop.actsOn, mintIri('target', mechanism.target));
  }
}

function targetTriples(sink: TripleSink, target: Target, mechanisms: readonly Mechanism[], origin: Origin | undefined) {
  const add = sink.subject(mintIri('target', target.id), origin);
  add(rdf.type, cls.Target);
  add(rdf.type, termIri('targetType', target.type));
  if (target.subunits) add(rdf.type, cls.ProteinComplex);
  add(rdfs.label, text(target.label));
  add(rdfs.comment, text(target.description));
  add(prop.geneSymbol, plain(target.gene));
  exactMatches(add, target.identifiers);
  for (const subunit of target.subunits ?? []) add(prop.hasSubunit, mintIri('target', subunit));
  for (const mechanism of mechanisms) {
    for (const system of mechanism.systems) add(prop.affects, mintIri('system', system));
  }
}

function systemTriples(sink: TripleSink, system: PhysiologicalSystem, origin: Origin | undefined) {
  const add = sink.subject(mintIri('system', system.id), origin);
  add(rdf.type, cls.PhysiologicalSystem);
  add(rdfs.label, text(system.label));
  add(rdfs.comment, text(system.description));
  exactMatches(add, { uberon: system.uberon });
  if (system.part_of !== undefined) add(prop.partOf, mintIri('system', system.part_of));
}

function processTriples(sink: TripleSink, process: PhysiologicalProcess, origin: Origin | undefined) {
  const add = sink.subject(mintIri('process', process.id), origin);
  add(rdf.type, cls.PhysiologicalProcess);
  add(rdfs.label, text(process.label));
  add(rdfs.comment, text(process.description));
  exactMatches(add, { go: process.go });
  for (const system of process.occurs_in ?? []) add(prop.occursIn, mintIri('system', system));
}

function clinicalUseTriples(sink: TripleSink, use: ClinicalUse, origin: Origin | undefined) {
  const add = sink.subject(mintIri('use', use.id), origin);
  add(rdf.type, cls.ClinicalUse);
  add(rdfs.label, text(use.label));
  add(rdfs.comment, text(use.description));
  if (use.chebi_role !== undefined) add(prop.correspondingRole, identifierIri('chebi', use.chebi_role));
}

function referenceTriples(sink: TripleSink, reference: Reference, origin: Origin | undefined) {
  const add = sink.subject(mintIri('reference', reference.id), origin);
  add(rdf.type, cls.Reference);
  add(rdfs.label, text(reference.label));
  add(prop.referenceType, termIri('referenceType', reference.type));
  if (reference.year !== undefined) add(prop.year, literal(String(reference.year), namedNode(xsd.gYear)));
  add(prop.pmid, plain(reference.pmid));
  add(prop.doi, plain(reference.doi));
  exactMatches(add, { pmid: reference.pmid, doi: reference.doi });
}

function mechanismTriples(sink: TripleSink, mechanism: Mechanism, origin: Origin | undefined) {
  const iri = mintIri('mechanism', mechanism.id);
  const add = sink.subject(iri, origin);
  const part = (field: string, index: number): Origin | undefined => origin && { file: origin.file, path: [...origin.path, field, index] };
  add(rdf.type, cls.Mechanism);
  add(rdfs.label, text(mechanism.label));
  add(rdfs.comment, text(mechanism.description));
  add(prop.drug, mintIri('drug', mechanism.drug));
  if (mechanism.target !== undefined) add(prop.target, mintIri('target', mechanism.target));
  if (mechanism.action !== undefined) add(prop.actionType, termIri('actionType', mechanism.action));
  add(prop.directness, termIri('directness', mechanism.directness));
  if (mechanism.strength !== undefined) add(prop.strength, termIri('strength', mechanism.strength));
  add(prop.certainty, termIri('certainty', mechanism.certainty));
  for (const system of mechanism.systems) add(prop.system, mintIri('system', system));
  for (const id of mechanism.downstream_of ?? []) add(prop.downstreamOf, mintIri('mechanism', id));
  for (const use of mechanism.contributes_to ?? []) add(prop.contributesTo, mintIri('use', use));
  for (const reference of mechanism.supported_by ?? []) add(prop.supportedBy, mintIri('reference', reference));
  if (mechanism.source) {
    add(prop.derivedFrom, mintIri('reference', mechanism.source.reference));
    add(prop.sourceSection, plain(mechanism.source.section));
  }
  mechanism.effects.forEach((effect, i) => {
    const effectIri = mintPartIri(iri, 'effect', effect.process);
    add(prop.hasEffect, effectIri);
    effectTriples(sink.subject(effectIri, part('effects', i)), effect);
  });
  mechanism.affinities?.forEach((affinity, i) => {
    const target = affinity.target ?? mechanism.target!;
    const affinityIri = mintPartIri(iri, 'affinity', `${target}-${affinity.measure.toLowerCase()}`);
    add(prop.hasAffinity, affinityIri);
    affinityTriples(sink.subject(affinityIri, part('affinities', i)), affinity, target);
  });
  mechanism.caveats?.forEach((caveat, i) => {
    const caveatIri = mintPartIri(iri, 'caveat', caveat.id);
    add(prop.hasCaveat, caveatIri);
    caveatTriples(sink.subject(caveatIri, part('caveats', i)), caveat);
  });
}

type Add = ReturnType<TripleSink['subject']>;

function effectTriples(add: Add, effect: Effect) {
  add(rdf.type, cls.Effect);
  add(rdfs.label, text(effect.label));
  add(prop.process, mintIri('process', effect.process));
  add(prop.direction, termIri('direction', effect.direction));
  add(prop.valence, termIri('valence', effect.valence));
}

function affinityTriples(add: Add, affinity: Affinity, target: string) {
  add(rdf.type, cls.Affinity);
  const uncertainty = affinity.uncertainty === undefined ? '' : ` ± ${affinity.uncertainty}`;
  add(rdfs.label, text(`${affinity.measure} ${affinity.value}${uncertainty}${affinity.unit ? ` ${affinity.unit}` : ''}`));
  add(prop.target, mintIri('target', target));
  add(prop.affinityMeasure, termIri('affinityMeasure', affinity.measure));
  add(prop.affinityValue, decimal(affinity.value));
  if (affinity.uncertainty !== undefined) add(prop.affinityUncertainty, decimal(affinity.uncertainty));
  add(prop.affinityUnit, plain(affinity.unit));
  add(prop.assay, text(affinity.assay));
  add(prop.species, text(affinity.species));
  add(prop.citation, mintIri('reference', affinity.reference));
}

function caveatTriples(add: Add, caveat: Caveat) {
  add(rdf.type, cls.Caveat);
  add(rdfs.comment, text(caveat.text));
  for (const reference of caveat.references ?? []) add(prop.citation, mintIri('reference', reference));
}

/**
 * The YAML fields a predicate can come from (the first one the entity has wins), to point SHACL results
 * at the line that made them.
 */
export const fieldsOfPredicate: Readonly<Record<string, readonly string[]>> = {
  [rdf.type]: ['type'],
  [rdfs.label]: ['label'],
  [rdfs.comment]: ['description', 'text', 'note'],
  [hasRole]: ['roles'],
  [prop.correspondingRole]: ['chebi_role'],
  [prop.noAppreciableBindingAt]: ['targets'],
  [prop.sourceSection]: ['source'],
  [prop.affinityUncertainty]: ['uncertainty'],
  [prop.assay]: ['assay'],
  [prop.species]: ['species'],
  [prop.citation]: ['reference', 'references'],
  [skos.exactMatch]: ['identifiers', 'uberon', 'go', 'pmid', 'doi'],
  [prop.drug]: ['drug'],
  [prop.target]: ['target'],
  [prop.actionType]: ['action'],
  [prop.directness]: ['directness'],
  [prop.strength]: ['strength'],
  [prop.certainty]: ['certainty'],
  [prop.system]: ['systems'],
  [prop.hasEffect]: ['effects'],
  [prop.process]: ['process'],
  [prop.direction]: ['direction'],
  [prop.valence]: ['valence'],
  [prop.downstreamOf]: ['downstream_of'],
  [prop.contributesTo]: ['contributes_to'],
  [prop.supportedBy]: ['supported_by'],
  [prop.derivedFrom]: ['source'],
  [prop.hasAffinity]: ['affinities'],
  [prop.affinityValue]: ['value'],
  [prop.affinityMeasure]: ['measure'],
  [prop.affinityUnit]: ['unit'],
  [prop.hasCaveat]: ['caveats'],
  [prop.hasSubunit]: ['subunits'],
  [prop.partOf]: ['part_of'],
  [prop.occursIn]: ['occurs_in'],
  [prop.geneSymbol]: ['gene'],
  [prop.referenceType]: ['type'],
  [prop.year]: ['year'],
  [prop.pmid]: ['pmid'],
  [prop.doi]: ['doi'],
  [prop.hasClinicalUse]: ['uses'],
  [prop.drugClass]: ['drug_classes'],
};
