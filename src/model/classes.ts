// **classes** are what a drug is classed as and indicated for, as databases give it: pharmacologic classes (FDA,
// MeSH, ChEBI), a drug's memberships of them, and its indications; each membership and indication keeps the
// source records it was taken from.
import type { EntityDescription } from './description.js';
import { description, id, label } from './parts.js';
import { origins } from './provenance.js';

const identifier = (scheme: 'ndfrt' | 'mesh' | 'chebi' | 'umls' | 'snomedct' | 'doid', doc: string) =>
  ({ kind: 'identifier', scheme, cardinality: 'optional', property: 'exactMatch', doc }) as const;

export const clinicalUse = {
  class: 'ClinicalUse',
  label: 'clinical use',
  doc: 'A clinical use of a drug, such as general anaesthesia or the treatment of depression.',
  section: 'clinical_uses',
  subject: { kind: 'minted', segment: 'use' },
  fields: {
    id: id(),
    label: label(),
    description,
    chebi_role: {
      kind: 'identifier', scheme: 'chebi', cardinality: 'optional', property: 'correspondingRole',
      doc: 'The ChEBI role that corresponds to the use',
    },
    umls: identifier('umls', 'UMLS concept identifier'),
    snomedct: identifier('snomedct', 'SNOMED CT concept identifier'),
    doid: identifier('doid', 'Disease Ontology identifier'),
  },
} as const satisfies EntityDescription;

export const pharmacologicClass = {
  class: 'PharmacologicClass',
  label: 'pharmacologic class',
  doc: 'A class of drugs in a published classification: an FDA mechanism-of-action, physiologic-effect, established-pharmacologic or chemical-structure class, a MeSH pharmacological action, or a ChEBI role. Its type says which, and so whether it names a mechanism, an effect or a kind of drug.',
  section: 'pharmacologic_classes',
  subject: { kind: 'minted', segment: 'class' },
  fields: {
    id: id(),
    label: label('The name of the class, as its source writes it'),
    type: { kind: 'code', vocabulary: 'classType', cardinality: 'one', property: 'classType', doc: 'The classification the class belongs to' },
    ndfrt: identifier('ndfrt', 'NDF-RT identifier of an FDA class (N0000175802)'),
    mesh: identifier('mesh', 'MeSH descriptor of a pharmacological action'),
    chebi: identifier('chebi', 'ChEBI identifier of a role'),
  },
} as const satisfies EntityDescription;

export const classMembership = {
  class: 'ClassMembership',
  label: 'class membership',
  doc: 'That a drug belongs to a pharmacologic class, with the source records that say so.',
  subject: { kind: 'part', segment: 'class', key: (m) => String(m.class), keyDoc: 'its class' },
  fields: {
    class: { kind: 'ref', entity: 'pharmacologicClass', cardinality: 'one', property: 'memberOf', doc: 'Id of the pharmacologic class' },
    origins,
    summary: {
      kind: 'derived', cardinality: 'one', property: 'label', range: 'text', doc: 'The membership in words',
      derive: (m) => [`member of ${String(m.class)}`],
    },
  },
} as const satisfies EntityDescription;

export const indication = {
  class: 'Indication',
  label: 'indication',
  doc: 'That a drug is indicated for a clinical use, as a database gives it, with the source records that say so. It says nothing of regulatory status: a use status does.',
  subject: { kind: 'part', segment: 'indication', key: (i) => String(i.use), keyDoc: 'its clinical use' },
  fields: {
    use: {
      kind: 'ref', entity: 'clinicalUse', cardinality: 'one', property: 'indicationOf', among: { field: 'uses' },
      doc: "Id of the clinical use: one of the drug's uses",
    },
    origins,
    summary: {
      kind: 'derived', cardinality: 'one', property: 'label', range: 'text', doc: 'The indication in words',
      derive: (i) => [`indicated for ${String(i.use)}`],
    },
  },
} as const satisfies EntityDescription;
