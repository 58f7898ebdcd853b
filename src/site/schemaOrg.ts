// **schemaOrg** describes each entity with schema.org terms, for search engines and consumers that do not know
// the pharmald vocabulary; schema-dts types the nodes, so a misspelt property fails `tsc`, not a crawler.
import type {
  AnatomicalSystem, BioChemEntity, Claim, CreativeWork, Dataset, Drug, DrugClass, Graph, IdReference, MedicalEntity,
  MedicalTherapy, Protein, ScholarlyArticle, Thing,
} from 'schema-dts';
import type { EntityKind } from '../model/kinds.js';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { cls, prop, rdfs, skos, termIri } from '../vocab.js';
import { entityRef, type SiteGraph } from './graph.js';

export function schemaOrgNodes(graph: SiteGraph, entity: string): Thing[] {
  const kind = entityRef(entity)?.kind;
  if (!kind) throw new Error(`not an entity IRI: ${entity}`);
  return [kindNodes[kind](graph, entity)].flat();
}

/** A page's schema.org graph, with the context search engines expect. */
export function schemaOrgDocument(...nodes: Thing[]): Graph {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/** What every node says: its IRI (the same node as the pharmald description), name, text and page. */
function common(graph: SiteGraph, iri: string) {
  const description = graph.text(iri, rdfs.comment);
  return { '@id': iri, name: graph.label(iri), ...(description === undefined ? {} : { description }), url: iri };
}

/** common, and the external records of the same thing (skos:exactMatch), which schema.org calls sameAs. */
function matched(graph: SiteGraph, iri: string) {
  return { ...common(graph, iri), ...some('sameAs', graph.iris(iri, skos.exactMatch).sort(compareCodeUnits)) };
}

/** `{ key: values }`, or nothing when there are no values. */
function some<K extends string, V>(key: K, values: V[]): { [k in K]?: V[] } {
  return values.length ? ({ [key]: values } as { [k in K]: V[] }) : {};
}

const ref = (iri: string): IdReference => ({ '@id': iri });

/** The schema.org nodes of each kind of entity: the entity's own node first, then any node it needs. */
const kindNodes: Readonly<Record<EntityKind, (graph: SiteGraph, entity: string) => Thing | Thing[]>> = {
  // A drug, and its uses as MedicalTherapy nodes naming it with `drug` (schema.org has no Drug → use property).
  drug: (graph, drug) => {
    const node: Drug = {
      '@type': 'Drug',
      ...matched(graph, drug),
      ...some('mechanismOfAction', graph.iris(drug, prop.hasMechanism).map((m) => graph.label(m))),
      ...some('drugClass', graph.texts(drug, prop.drugClass).map((name): DrugClass => ({ '@type': 'DrugClass', name }))),
    };
    const uses = graph.iris(drug, prop.hasClinicalUse)
      .map((use): MedicalTherapy => ({ '@type': 'MedicalTherapy', ...common(graph, use), drug: ref(drug) }));
    return [node, ...uses];
  },
  // A Protein, or a BioChemEntity with its subunits as parts when it is a complex (not one protein).
  target: (graph, target): Protein | BioChemEntity => {
    const fields = {
      ...matched(graph, target),
      ...some('hasBioChemEntityPart', graph.iris(target, prop.hasSubunit).map(ref)),
      ...some('isPartOfBioChemEntity', graph.subjects(prop.hasSubunit, target).map(ref)),
    };
    return { '@type': graph.types(target).includes(cls.ProteinComplex) ? 'BioChemEntity' : 'Protein', ...fields };
  },
  // What schema.org calls an AnatomicalSystem; its sub-systems are what it is comprised of.
  system: (graph, system): AnatomicalSystem => ({
    '@type': 'AnatomicalSystem',
    ...matched(graph, system),
    ...some('comprisedOf', graph.subjects(prop.partOf, system).map(ref)),
  }),
  // Neither a chemical entity nor a condition: MedicalEntity is the closest honest type.
  process: (graph, process): MedicalEntity => ({ '@type': 'MedicalEntity', ...matched(graph, process) }),
  // A therapy with the drugs that have it.
  use: (graph, use): MedicalTherapy => ({
    '@type': 'MedicalTherapy',
    ...common(graph, use),
    ...some('drug', graph.subjects(prop.hasClinicalUse, use).map(ref)),
  }),
  // An article, a database, or (the source text) a plain creative work.
  reference: (graph, reference): ScholarlyArticle | Dataset | CreativeWork => {
    const year = graph.text(reference, prop.year);
    const fields = { ...matched(graph, reference), ...(year === undefined ? {} : { datePublished: year }) };
    const type = graph.iri(reference, prop.referenceType);
    if (type === termIri('referenceType', 'database')) return { '@type': 'Dataset', ...fields };
    if (type === termIri('referenceType', 'source-text')) return { '@type': 'CreativeWork', ...fields };
    return { '@type': 'ScholarlyArticle', ...fields };
  },
  // One claim about how a drug acts, and a schema.org Claim keeps its evidence (`citation`).
  // A pharmacologic class is a schema.org DrugClass; a source release, a Dataset.
  class: (graph, pharmacologicClass): DrugClass => ({ '@type': 'DrugClass', ...matched(graph, pharmacologicClass) }),
  source: (graph, release): Dataset => ({ '@type': 'Dataset', ...common(graph, release) }),
  mechanism: (graph, mechanism): Claim => ({
    '@type': 'Claim',
    ...common(graph, mechanism),
    ...some('about', [prop.drug, prop.target, prop.system].flatMap((p) => graph.iris(mechanism, p)).map(ref)),
    ...some('citation', [prop.supportedBy, prop.derivedFrom].flatMap((p) => graph.iris(mechanism, p)).map(ref)),
  }),
};
