// **schemaOrg** describes each entity with schema.org terms, for search engines and generic consumers of
// structured data that do not know the pharmald vocabulary. The nodes are typed with schema-dts at compile
// time, so a misspelt property or a value of the wrong type fails `tsc`, not a crawler.
import type {
  AnatomicalSystem, BioChemEntity, Claim, CreativeWork, Dataset, Drug, DrugClass, Graph, IdReference, MedicalEntity,
  MedicalTherapy, Protein, ScholarlyArticle, Thing,
} from 'schema-dts';
import type { EntityKind } from '../model/kinds.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { cls, prop, rdfs, skos, termIri } from '../vocab.js';
import { entityRef, type SiteGraph } from './graph.js';

/** The schema.org nodes of each kind of entity: the entity's own node first, then any node it needs. */
const kindNodes: Readonly<Record<EntityKind, (graph: SiteGraph, entity: string) => Thing[]>> = {
  drug: drugNodes,
  target: (graph, entity) => [targetNode(graph, entity)],
  system: (graph, entity) => [systemNode(graph, entity)],
  process: (graph, entity) => [processNode(graph, entity)],
  use: (graph, entity) => [useNode(graph, entity)],
  reference: (graph, entity) => [referenceNode(graph, entity)],
  mechanism: (graph, entity) => [mechanismNode(graph, entity)],
};

/** The schema.org graph of an entity's page. */
export function schemaOrgGraph(graph: SiteGraph, entity: string): Graph {
  const kind = entityRef(entity)?.kind;
  if (!kind) throw new Error(`not an entity IRI: ${entity}`);
  return { '@context': 'https://schema.org', '@graph': kindNodes[kind](graph, entity) };
}

/** What every node says: its IRI (the same node as the pharmald description), name, text and page. */
function common(graph: SiteGraph, iri: string) {
  const description = graph.text(iri, rdfs.comment);
  return {
    '@id': iri,
    name: graph.label(iri),
    ...(description === undefined ? {} : { description }),
    url: iri,
  };
}

/** External records of the same thing (skos:exactMatch), which schema.org calls sameAs. */
function sameAs(graph: SiteGraph, iri: string): { sameAs?: string[] } {
  const matches = graph.iris(iri, skos.exactMatch).sort(compareCodeUnits);
  return matches.length ? { sameAs: matches } : {};
}

const ref = (iri: string): IdReference => ({ '@id': iri });

/**
 * A drug, and its clinical uses as MedicalTherapy nodes that name it with `drug`: schema.org has no
 * property from a Drug to what it is used for (`indication` belongs to therapies and devices), so the
 * link is made from the therapy's side, as schema.org models it.
 */
function drugNodes(graph: SiteGraph, drug: string): Thing[] {
  const mechanisms = graph.iris(drug, prop.hasMechanism);
  const drugClasses = graph.texts(drug, prop.drugClass).map((name): DrugClass => ({ '@type': 'DrugClass', name }));
  const node: Drug = {
    '@type': 'Drug',
    ...common(graph, drug),
    ...sameAs(graph, drug),
    ...(mechanisms.length ? { mechanismOfAction: mechanisms.map((m) => graph.label(m)) } : {}),
    ...(drugClasses.length ? { drugClass: drugClasses } : {}),
  };
  const uses = graph.iris(drug, prop.hasClinicalUse).map((use): MedicalTherapy => ({
    '@type': 'MedicalTherapy',
    ...common(graph, use),
    drug: ref(drug),
  }));
  return [node, ...uses];
}

/**
 * A target: a Protein when it is one protein, a BioChemEntity with its subunits as parts when it is a
 * complex (schema.org has no receptor or channel types; Protein is the closest, and a complex is not one protein).
 */
function targetNode(graph: SiteGraph, target: string): Protein | BioChemEntity {
  const subunits = graph.iris(target, prop.hasSubunit);
  const complexOf = graph.subjects(prop.hasSubunit, target);
  const parts = {
    ...(subunits.length ? { hasBioChemEntityPart: subunits.map(ref) } : {}),
    ...(complexOf.length ? { isPartOfBioChemEntity: complexOf.map(ref) } : {}),
  };
  if (graph.types(target).includes(cls.ProteinComplex)) {
    return { '@type': 'BioChemEntity', ...common(graph, target), ...sameAs(graph, target), ...parts };
  }
  return { '@type': 'Protein', ...common(graph, target), ...sameAs(graph, target), ...parts };
}

/** A physiological system is what schema.org calls an AnatomicalSystem; its sub-systems are what it is comprised of. */
function systemNode(graph: SiteGraph, system: string): AnatomicalSystem {
  const comprisedOf = graph.subjects(prop.partOf, system);
  return {
    '@type': 'AnatomicalSystem',
    ...common(graph, system),
    ...sameAs(graph, system),
    ...(comprisedOf.length ? { comprisedOf: comprisedOf.map(ref) } : {}),
  };
}

/**
 * A physiological process (heart rate, pain perception) is neither a chemical entity nor a condition:
 * MedicalEntity, "an entity related to health and the practice of medicine", is the closest honest type.
 */
function processNode(graph: SiteGraph, process: string): MedicalEntity {
  return { '@type': 'MedicalEntity', ...common(graph, process), ...sameAs(graph, process) };
}

/** A clinical use is a therapy with the drugs that have it. */
function useNode(graph: SiteGraph, use: string): MedicalTherapy {
  const drugs = graph.subjects(prop.hasClinicalUse, use);
  return { '@type': 'MedicalTherapy', ...common(graph, use), ...(drugs.length ? { drug: drugs.map(ref) } : {}) };
}

/** A reference: an article, a database, or (the source text) a plain creative work. */
function referenceNode(graph: SiteGraph, reference: string): ScholarlyArticle | Dataset | CreativeWork {
  const year = graph.text(reference, prop.year);
  const fields = { ...common(graph, reference), ...sameAs(graph, reference), ...(year === undefined ? {} : { datePublished: year }) };
  const type = graph.iri(reference, prop.referenceType);
  if (type === termIri('referenceType', 'database')) return { '@type': 'Dataset', ...fields };
  if (type === termIri('referenceType', 'source-text')) return { '@type': 'CreativeWork', ...fields };
  return { '@type': 'ScholarlyArticle', ...fields };
}

/**
 * A mechanism is one claim about how a drug acts (the ontology defines pld:Mechanism so), and schema.org's
 * Claim is exactly that: a factual claim, `about` the drug, target and systems, with its `citation`s.
 * MedicalEntity would say the mechanism is a thing in medicine and lose the claim's evidence.
 */
function mechanismNode(graph: SiteGraph, mechanism: string): Claim {
  const about = [prop.drug, prop.target, prop.system].flatMap((p) => graph.iris(mechanism, p));
  const citations = [prop.supportedBy, prop.derivedFrom].flatMap((p) => graph.iris(mechanism, p));
  return {
    '@type': 'Claim',
    ...common(graph, mechanism),
    ...(about.length ? { about: about.map(ref) } : {}),
    ...(citations.length ? { citation: citations.map(ref) } : {}),
  };
}
