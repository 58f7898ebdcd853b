// **pharmald** is the model, declared once: every entity a curator writes, each field with the property it
// becomes, its kind, cardinality and documentation; the cross-field rules; how part IRIs are made; and the
// few links derived from other data. src/generate/ makes every other artefact of the model from it.
import type { Entity, EntityDescription, ModelDescription } from './description.js';
import type { SchemeName } from '../identifiers.js';
import { affinity, caveat, description, effect, id, label, role, potencyComparison, screen, useStatus } from './parts.js';
import { properties } from './properties.js';
import { vocabularies } from './vocabularies.js';
import { classMembership, clinicalUse, indication, pharmacologicClass } from './classes.js';
import { origin, origins, reference, sourceRelease } from './provenance.js';

const identifier = <C extends 'optional' | 'many' = 'optional'>(scheme: SchemeName, doc: string, cardinality = 'optional' as C) =>
  ({ kind: 'identifier', scheme, cardinality, property: 'exactMatch', doc }) as const;

const list = (value: unknown): readonly string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const drug = {
  class: 'Drug',
  label: 'drug',
  doc: 'A chemical entity used as a medicine, described by its mechanisms of action and its clinical uses. It is linked to its records in ChEBI, DrugBank, ChEMBL and other sources with skos:exactMatch.',
  section: 'drugs',
  subject: { kind: 'minted', segment: 'drug' },
  fields: {
    id: id(),
    label: label(),
    description,
    drug_classes: { kind: 'text', cardinality: 'many', property: 'drugClass', doc: 'Pharmacological classes in words, e.g. "general anaesthetic"' },
    identifiers: {
      kind: 'group',
      cardinality: 'one',
      doc: 'Identifiers of the drug in other databases',
      fields: {
        chebi: identifier('chebi', 'ChEBI identifier'),
        wikidata: identifier('wikidata', 'Wikidata item'),
        drugbank: identifier('drugbank', 'DrugBank identifiers', 'many'),
        chembl: identifier('chembl', 'ChEMBL compound identifiers (a database may give the parent compound and its salts)', 'many'),
        pubchem: identifier('pubchem', 'PubChem compound identifier'),
        mesh: identifier('mesh', 'MeSH descriptors or supplementary concepts', 'many'),
        atc: identifier('atc', 'ATC codes', 'many'),
        unii: identifier('unii', 'FDA UNII'),
        cas: identifier('cas', 'CAS Registry Number'),
        gtopdb_ligand: identifier('gtopdb_ligand', 'Guide to Pharmacology ligand identifier'),
        drugcentral: identifier('drugcentral', 'DrugCentral drug identifier (DRUG_ID)'),
        kegg_drug: identifier('kegg_drug', 'KEGG DRUG identifier'),
        rxnorm: identifier('rxnorm', 'RxNorm concept identifier'),
        umls: identifier('umls', 'UMLS concept identifier'),
        snomedct: identifier('snomedct', 'SNOMED CT concept identifiers', 'many'),
        ndfrt: identifier('ndfrt', 'NDF-RT concept identifiers', 'many'),
      },
    },
    roles: { kind: 'part', entity: 'role', cardinality: 'many', property: 'hasRole', doc: 'ChEBI roles the drug has (RO:0000087 has role)' },
    uses: { kind: 'ref', entity: 'clinicalUse', cardinality: 'many', property: 'hasClinicalUse', doc: 'Ids of the clinical uses of the drug' },
    use_statuses: { kind: 'part', entity: 'useStatus', cardinality: 'many', property: 'hasUseStatus', doc: "The regulatory status of the drug's clinical uses" },
    indications: { kind: 'part', entity: 'indication', cardinality: 'many', property: 'hasIndication', doc: 'Imported indications: uses of the drug with the records they were taken from' },
    classes: { kind: 'part', entity: 'classMembership', cardinality: 'many', property: 'hasClassMembership', doc: 'Pharmacologic classes the drug belongs to, with the records that say so' },
    in_classes: {
      kind: 'derived', cardinality: 'many', property: 'inPharmacologicClass', range: { entity: 'pharmacologicClass' },
      doc: 'The pharmacologic classes of its class memberships',
      derive: (entity) => (Array.isArray(entity.classes) ? (entity.classes as readonly Entity[]) : []).map((m) => String(m.class)),
    },
    enantiomer_of: { kind: 'ref', entity: 'drug', cardinality: 'optional', notSelf: true, property: 'enantiomerOf', doc: 'Id of the racemic drug this one is an enantiomer of' },
    metabolite_of: { kind: 'ref', entity: 'drug', cardinality: 'optional', notSelf: true, property: 'metaboliteOf', doc: 'Id of the drug this one is a metabolite of' },
    potency_comparisons: {
      kind: 'part', entity: 'potencyComparison', cardinality: 'many', property: 'hasPotencyComparison',
      doc: 'Statements from the literature that this drug is more potent at a target than another drug',
    },
    no_appreciable_binding: {
      kind: 'part', entity: 'screen', cardinality: 'optional', property: 'hasCaveat',
      doc: 'Targets screened without appreciable binding: never published as an affinity',
    },
    mechanisms: {
      kind: 'derived', cardinality: 'many', property: 'hasMechanism', range: { entity: 'mechanism' },
      doc: 'The mechanisms that name the drug',
      derive: (entity, { referencing }) => referencing('mechanism', 'drug', String(entity.id)).map((m) => String(m.id)),
    },
    acts_on: {
      kind: 'derived', cardinality: 'many', property: 'actsOn', range: { entity: 'target' },
      doc: 'The targets its mechanisms name',
      derive: (entity, { referencing }) => referencing('mechanism', 'drug', String(entity.id)).flatMap((m) => list([m.target])),
    },
  },
} as const satisfies EntityDescription;

const target = {
  class: 'Target',
  label: 'target',
  doc: 'A molecular target of a drug: a protein or protein complex that the drug binds, or whose activity or level it changes. Every target is also typed with its kind (receptor, ion channel, transporter, enzyme or signalling protein).',
  section: 'targets',
  subject: { kind: 'minted', segment: 'target' },
  fields: {
    id: id(),
    label: label(),
    description,
    type: { kind: 'code', vocabulary: 'targetType', cardinality: 'one', property: 'type', doc: 'The kind of target' },
    gene: {
      kind: 'string', cardinality: 'optional', property: 'geneSymbol', doc: 'The HGNC symbol of the gene that encodes it',
      rule: { pattern: '^[A-Z0-9-]+$', message: 'must be an HGNC gene symbol (e.g. GRIN1)' },
    },
    identifiers: {
      kind: 'group',
      cardinality: 'optional',
      doc: 'Identifiers of the target in other databases',
      fields: {
        uniprot: identifier('uniprot', 'UniProtKB accession'),
        hgnc: { kind: 'identifier', scheme: 'hgnc', cardinality: 'optional', property: 'geneProductOf', doc: 'HGNC record of the gene that encodes the target (RO:0002204 gene product of: a gene, not the protein, so not an exact match)' },
        gtopdb_target: identifier('gtopdb_target', 'Guide to Pharmacology target identifier'),
      },
    },
    grouping: {
      kind: 'code', vocabulary: 'proteinGrouping', cardinality: 'optional', property: 'proteinGrouping',
      doc: 'For a target made of several proteins: a complex (of its subunits) or a family (of related proteins)',
    },
    subunits: {
      kind: 'ref', entity: 'target', cardinality: 'many', nonEmpty: true, notSelf: true, property: 'hasSubunit',
      doc: 'For a complex: the ids of its subunit targets',
    },
    proteins: {
      kind: 'identifier', scheme: 'uniprot', cardinality: 'many', nonEmpty: true, property: 'hasProtein',
      doc: 'For a complex or family whose proteins are not targets of their own here: their UniProtKB accessions',
    },
    complex: {
      kind: 'derived', cardinality: 'optional', property: 'type', range: { class: 'ProteinComplex' },
      doc: 'A target grouped as a complex is a protein complex',
      derive: (entity) => (entity.grouping === 'complex' ? ['ProteinComplex'] : []),
    },
    family: {
      kind: 'derived', cardinality: 'optional', property: 'type', range: { class: 'ProteinFamily' },
      doc: 'A target grouped as a family is a protein family',
      derive: (entity) => (entity.grouping === 'family' ? ['ProteinFamily'] : []),
    },
    affects: {
      kind: 'derived', cardinality: 'many', property: 'affects', range: { entity: 'system' },
      doc: 'The systems in which the mechanisms that name it act',
      derive: (entity, { referencing }) => referencing('mechanism', 'target', String(entity.id)).flatMap((m) => list(m.systems)),
    },
  },
  rules: [
    {
      name: 'SubunitsMakeComplex', when: { field: 'subunits', is: 'present' }, then: { field: 'grouping', in: ['complex'] },
      message: 'Only a protein complex has subunits: give it grouping: complex',
    },
    {
      name: 'ProteinsHaveGrouping', when: { field: 'proteins', is: 'present' }, then: { field: 'grouping', is: 'present' },
      message: 'A target of several proteins needs a grouping (complex or family)',
    },
    {
      name: 'TargetUniProt', when: { field: 'grouping', is: 'absent' }, then: { field: 'identifiers.uniprot', is: 'present' },
      message: 'Target of one protein has no UniProt entry', severity: 'warning',
    },
  ],
} as const satisfies EntityDescription;

const system = {
  class: 'PhysiologicalSystem',
  label: 'system',
  classLabel: 'physiological system',
  doc: 'An anatomical or physiological system in which a drug acts, such as the central nervous system or the cardiovascular system. It is linked to UBERON where a term fits.',
  section: 'systems',
  subject: { kind: 'minted', segment: 'system' },
  fields: {
    id: id(),
    label: label(),
    description,
    uberon: identifier('uberon', 'UBERON term'),
    part_of: { kind: 'ref', entity: 'system', cardinality: 'optional', notSelf: true, property: 'partOf', doc: 'Id of the system this one is part of' },
  },
} as const satisfies EntityDescription;

const process = {
  class: 'PhysiologicalProcess',
  label: 'process',
  classLabel: 'physiological process',
  plural: 'physiological processes',
  doc: 'A physiological process or function that the effect of a drug changes, such as pain perception or heart rate. It is linked to the Gene Ontology where a term fits.',
  section: 'processes',
  subject: { kind: 'minted', segment: 'process' },
  fields: {
    id: id(),
    label: label(),
    description,
    go: identifier('go', 'Gene Ontology term'),
    occurs_in: { kind: 'ref', entity: 'system', cardinality: 'many', property: 'occursIn', doc: 'Ids of the systems the process occurs in' },
  },
} as const satisfies EntityDescription;

const mechanism = {
  class: 'Mechanism',
  label: 'mechanism',
  doc: 'One claim about how a drug acts: what it does to a target or, for an indirect mechanism, in a system, with how direct, strong and certain the claim is and the literature behind it. Its effects say which physiological processes change as a result.',
  section: 'mechanisms',
  subject: { kind: 'minted', segment: 'mechanism' },
  fields: {
    id: id(),
    label: label(),
    description,
    drug: { kind: 'ref', entity: 'drug', cardinality: 'one', property: 'drug', doc: 'Id of the drug' },
    target: { kind: 'ref', entity: 'target', cardinality: 'optional', property: 'target', doc: 'Id of the molecular target; required when the mechanism is direct' },
    action: {
      kind: 'code', vocabulary: 'actionType', cardinality: 'optional', property: 'actionType',
      doc: 'What the drug does to the target (Guide to Pharmacology / ChEMBL action); required with a target',
    },
    directness: { kind: 'code', vocabulary: 'directness', cardinality: 'one', property: 'directness', doc: 'Direct binding, or an indirect / downstream effect' },
    strength: { kind: 'code', vocabulary: 'strength', cardinality: 'optional', property: 'strength', doc: 'How strong the interaction is' },
    certainty: { kind: 'code', vocabulary: 'certainty', cardinality: 'optional', property: 'certainty', doc: 'How firmly the literature holds the claim; required in curated claims' },
    systems: { kind: 'ref', entity: 'system', cardinality: 'many', property: 'system', doc: 'Ids of the physiological systems the mechanism acts in; required in curated claims' },
    effects: { kind: 'part', entity: 'effect', cardinality: 'many', property: 'hasEffect', doc: 'The physiological effects of the mechanism; required in curated claims' },
    downstream_of: { kind: 'ref', entity: 'mechanism', cardinality: 'many', notSelf: true, property: 'downstreamOf', doc: 'Ids of the mechanisms this one follows from' },
    contributes_to: {
      kind: 'ref', entity: 'clinicalUse', cardinality: 'many', property: 'contributesTo', among: { field: 'uses', via: 'drug' },
      doc: "Ids of the clinical uses the mechanism contributes to: uses of the mechanism's drug",
    },
    supported_by: {
      kind: 'ref', entity: 'reference', cardinality: 'many', property: 'supportedBy', doc: 'Ids of the references that support the claim',
      warnIfMissing: 'Mechanism has no supporting literature reference: only the source text backs it',
    },
    source: {
      kind: 'group',
      cardinality: 'optional',
      doc: 'The source text the claim was taken from',
      fields: {
        reference: { kind: 'ref', entity: 'reference', cardinality: 'one', property: 'derivedFrom', doc: 'Id of the source text' },
        section: { kind: 'string', cardinality: 'optional', property: 'sourceSection', doc: 'The section of the source text (e.g. "1a")' },
      },
    },
    affinities: { kind: 'part', entity: 'affinity', cardinality: 'many', property: 'hasAffinity', doc: 'Measured affinities, exactly as their sources report them' },
    caveats: { kind: 'part', entity: 'caveat', cardinality: 'many', property: 'hasCaveat', doc: 'Qualifications of the claim by the literature' },
    origins,
  },
  rules: [
    {
      name: 'DirectHasTarget', when: { field: 'directness', in: ['direct'] }, then: { field: 'target', is: 'present' },
      message: 'A direct mechanism needs a target',
    },
    {
      name: 'TargetHasAction', when: { field: 'target', is: 'present' }, then: { field: 'action', is: 'present' },
      message: 'A mechanism with a target needs an action (e.g. channel-blocker)',
    },
    ...(['certainty', 'systems', 'effects'] as const).map((field) => ({
      name: `Curated${field[0]!.toUpperCase()}${field.slice(1)}`, when: { field: 'origins', is: 'absent' }, then: { field, is: 'present' },
      message: `A curated mechanism (one with no origins) needs ${field === 'certainty' ? 'a certainty' : `its ${field}`}`,
    } as const)),
  ],
} as const satisfies EntityDescription;

export const pharmald = {
  namespace: 'https://w3id.org/pharmald/vocab#',
  ontology: {
    iri: 'https://w3id.org/pharmald/vocab',
    title: 'pharmald vocabulary',
    description: 'Terms for publishing pharmacology mechanism-of-action knowledge as linked data: drugs,\ntheir molecular targets, the mechanisms by which they act (with directness, strength, certainty and evidence),\nthe physiological effects of those mechanisms, measured affinities, caveats from the literature and clinical\nuses. Action types map to the ChEMBL and IUPHAR/BPS Guide to Pharmacology action vocabularies.',
    version: '0.1.0',
  },
  idRule: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', message: 'must be lower-case letters and digits joined by single hyphens (e.g. nmda-receptor)' },
  textRules: [
    { pattern: '^[\\s\\S]+$', message: 'must not be empty' },
    { pattern: '^[^ \\t\\n\\r]([\\s\\S]*[^ \\t\\n\\r])?$', message: 'must not start or end with white space' },
    { pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$', message: 'must not contain control characters' },
    {
      pattern: '^[^\\uD800-\\uDFFF]*$', message: 'must not contain a lone surrogate (an unpaired \\uD800-\\uDFFF escape)', shacl: false,
      why: 'no RDF syntax can carry a lone surrogate, so the graph never holds one',
    },
  ],
  entities: {
    drug, role, target, system, process, clinicalUse, reference, mechanism, effect, affinity, caveat, screen, useStatus, potencyComparison,
    pharmacologicClass, sourceRelease, indication, classMembership, origin,
  },
  vocabularies,
  properties,
  classes: {
    ProteinComplex: {
      label: 'protein complex',
      comment: 'A target made of several protein subunits, each of which is a target in its own right (e.g. the NMDA receptor, made of GluN1 and GluN2 subunits). Its subunits are given with pld:hasSubunit, or, where they are not targets of their own here, its proteins with pld:hasProtein.',
      subClassOf: ['Target'],
    },
    Protein: {
      label: 'protein',
      comment: 'A protein, named by its UniProtKB IRI (http://purl.uniprot.org/uniprot/…): one of the proteins that pld:hasProtein gives for a target made of several, which is not a target of its own here.',
    },
    ProteinFamily: {
      label: 'protein family',
      comment: 'A target that is a family of related proteins, any of which the drug may act on (e.g. the alpha-2 adrenergic receptors): the target as a database names it when it does not say which member. Its proteins are given with pld:hasProtein.',
      subClassOf: ['Target'],
    },
  },
} as const satisfies ModelDescription;

export type Pharmald = typeof pharmald;
