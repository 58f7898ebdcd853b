// **schema** is the one source of truth for the mechanism model: the TypeScript types are inferred from it,
// the YAML data is checked against it at run time, and the JSON Schema for editors is generated from it.
import { z } from 'zod';
import { codes } from '../vocab.js';
import { schemes, type SchemeName } from '../identifiers.js';

/** A data id: lower-case words joined by hyphens; it becomes the last segment of the entity's IRI. */
export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const Id = z.string().regex(idPattern, { error: 'must be lower-case letters and digits joined by single hyphens (e.g. nmda-receptor)' });
const IdList = z.array(Id);

/** A human-readable text: no leading or trailing space, no control characters. */
const Text = z
  .string()
  .min(1, { error: 'must not be empty' })
  .regex(/^\S([\s\S]*\S)?$/u, { error: 'must not start or end with white space' })
  .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/u, { error: 'must not contain control characters' })
  // With the u flag this matches only unpaired surrogates, which no RDF syntax can carry.
  .regex(/^[^\uD800-\uDFFF]*$/u, { error: 'must not contain a lone surrogate (an unpaired \\uD800-\\uDFFF escape)' });

const identifier = (scheme: SchemeName) =>
  z
    .string()
    .regex(schemes[scheme].pattern, { error: `is not a ${schemes[scheme].name} identifier (e.g. ${schemes[scheme].example})` })
    .describe(`${schemes[scheme].name} identifier, e.g. ${schemes[scheme].example}`);

const enumOf = <V extends Parameters<typeof codes>[0]>(vocabulary: V, description: string) =>
  z.enum(codes(vocabulary)).describe(description);

export const DrugIdentifiers = z.strictObject({
  chebi: identifier('chebi').optional(),
  wikidata: identifier('wikidata').optional(),
  drugbank: identifier('drugbank').optional(),
  chembl: identifier('chembl').optional(),
  pubchem: identifier('pubchem').optional(),
  mesh: identifier('mesh').optional(),
  atc: z.array(identifier('atc')).optional(),
  unii: identifier('unii').optional(),
  cas: identifier('cas').optional(),
  gtopdb_ligand: identifier('gtopdb_ligand').optional(),
});

export const Role = z.strictObject({
  chebi: identifier('chebi'),
  label: Text.describe('The ChEBI label of the role'),
});

export const Drug = z
  .strictObject({
    id: Id,
    label: Text,
    description: Text.optional(),
    drug_classes: z.array(Text).optional().describe('Pharmacological classes in words, e.g. "general anaesthetic"'),
    identifiers: DrugIdentifiers,
    roles: z.array(Role).optional().describe('ChEBI roles the drug has (RO:0000087 has role)'),
    uses: IdList.optional().describe('Ids of the clinical uses of the drug'),
    no_appreciable_binding: z
      .strictObject({
        targets: IdList.min(1),
        reference: Id,
        note: Text,
      })
      .optional()
      .describe('Targets screened without appreciable binding: never published as an affinity'),
  })
  .describe('A drug (a chemical entity with clinical uses)');

export const Target = z
  .strictObject({
    id: Id,
    label: Text,
    description: Text.optional(),
    type: enumOf('targetType', 'The kind of target'),
    gene: z.string().regex(/^[A-Z0-9-]+$/, { error: 'must be an HGNC gene symbol (e.g. GRIN1)' }).optional(),
    identifiers: z
      .strictObject({
        uniprot: identifier('uniprot').optional(),
        hgnc: identifier('hgnc').optional(),
        gtopdb_target: identifier('gtopdb_target').optional(),
      })
      .optional(),
    subunits: IdList.min(1).optional().describe('For a complex: the ids of its subunit targets'),
  })
  .describe('A molecular target: receptor, ion channel, transporter, enzyme or signalling protein, or a complex of subunits');

export const PhysiologicalSystem = z
  .strictObject({
    id: Id,
    label: Text,
    description: Text.optional(),
    uberon: identifier('uberon').optional(),
    part_of: Id.optional().describe('Id of the system this one is part of'),
  })
  .describe('An anatomical or physiological system (UBERON)');

export const PhysiologicalProcess = z
  .strictObject({
    id: Id,
    label: Text,
    description: Text.optional(),
    go: identifier('go').optional(),
    occurs_in: IdList.optional().describe('Ids of the systems the process occurs in'),
  })
  .describe('A physiological process or function (Gene Ontology where one fits)');

export const ClinicalUse = z
  .strictObject({
    id: Id,
    label: Text,
    description: Text.optional(),
    chebi_role: identifier('chebi').optional().describe('The ChEBI role that corresponds to the use'),
  })
  .describe('A clinical use of a drug');

export const Reference = z
  .strictObject({
    id: Id,
    label: Text.describe('The citation as a reader would write it'),
    type: enumOf('referenceType', 'What kind of source this is'),
    year: z.int().min(1800).max(2100).optional(),
    pmid: identifier('pmid').optional(),
    doi: identifier('doi').optional(),
  })
  .describe('A citable source: review, study, database or source text');

export const Effect = z
  .strictObject({
    process: Id.describe('Id of the physiological process the effect is on'),
    label: Text,
    direction: enumOf('direction', 'Which way the process changes'),
    valence: enumOf('valence', 'Whether the effect is therapeutic or adverse'),
  })
  .describe('A physiological effect of a mechanism');

export const Affinity = z
  .strictObject({
    target: Id.optional().describe('The target measured, when it is not the mechanism\'s (e.g. one subunit)'),
    measure: enumOf('affinityMeasure', 'pKi, pIC50… are negative log molar; Ki, IC50… need a unit'),
    value: z.number().finite(),
    uncertainty: z.number().finite().positive().optional().describe('The ± reported with the value'),
    unit: z.enum(['nM', 'uM']).optional(),
    assay: Text.optional(),
    species: Text.optional(),
    reference: Id,
  })
  .superRefine((affinity, ctx) => {
    const logarithmic = affinity.measure.startsWith('p');
    if (logarithmic && affinity.unit !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `${affinity.measure} is a negative log molar value and takes no unit` });
    }
    if (!logarithmic && affinity.unit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `${affinity.measure} needs a unit (nM or uM)` });
    }
  })
  .describe('A measured affinity, exactly as its source reports it');

export const Caveat = z
  .strictObject({
    id: Id,
    text: Text,
    references: IdList.optional(),
  })
  .describe('A qualification of a claim by the literature');

export const Mechanism = z
  .strictObject({
    id: Id,
    label: Text,
    description: Text.optional(),
    drug: Id,
    target: Id.optional().describe('Id of the molecular target; required when the mechanism is direct'),
    action: enumOf('actionType', 'What the drug does to the target (Guide to Pharmacology / ChEMBL action); required with a target').optional(),
    directness: enumOf('directness', 'Direct binding, or an indirect / downstream effect'),
    strength: enumOf('strength', 'How strong the interaction is').optional(),
    certainty: enumOf('certainty', 'How firmly the literature holds the claim'),
    systems: IdList.min(1).describe('Ids of the physiological systems the mechanism acts in'),
    effects: z.array(Effect).min(1),
    downstream_of: IdList.optional().describe('Ids of the mechanisms this one follows from'),
    contributes_to: IdList.optional().describe('Ids of the clinical uses the mechanism contributes to'),
    supported_by: IdList.optional().describe('Ids of the references that support the claim'),
    source: z
      .strictObject({ reference: Id, section: Text.optional() })
      .optional()
      .describe('The source text the claim was taken from'),
    affinities: z.array(Affinity).optional(),
    caveats: z.array(Caveat).optional(),
  })
  .superRefine((mechanism, ctx) => {
    if (mechanism.directness === 'direct' && mechanism.target === undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'a direct mechanism needs a target' });
    }
    if (mechanism.target !== undefined && mechanism.action === undefined) {
      ctx.addIssue({ code: 'custom', path: ['action'], message: 'a mechanism with a target needs an action (e.g. channel-blocker)' });
    }
  })
  .describe('One claim: how a drug acts on a target or system, with its nuance and evidence');

/** One data file: any of the sections, each a list. */
export const DataFile = z
  .strictObject({
    drugs: z.array(Drug).optional(),
    targets: z.array(Target).optional(),
    systems: z.array(PhysiologicalSystem).optional(),
    processes: z.array(PhysiologicalProcess).optional(),
    clinical_uses: z.array(ClinicalUse).optional(),
    references: z.array(Reference).optional(),
    mechanisms: z.array(Mechanism).optional(),
  })
  .describe('A pharmald data file');

export type Drug = z.infer<typeof Drug>;
export type Target = z.infer<typeof Target>;
export type PhysiologicalSystem = z.infer<typeof PhysiologicalSystem>;
export type PhysiologicalProcess = z.infer<typeof PhysiologicalProcess>;
export type ClinicalUse = z.infer<typeof ClinicalUse>;
export type Reference = z.infer<typeof Reference>;
export type Effect = z.infer<typeof Effect>;
export type Affinity = z.infer<typeof Affinity>;
export type Caveat = z.infer<typeof Caveat>;
export type Mechanism = z.infer<typeof Mechanism>;
export type DataFile = z.infer<typeof DataFile>;

/** The sections of a data file, each naming the kind of entity it holds (the IRI path segment). */
export const sections = {
  drugs: 'drug',
  targets: 'target',
  systems: 'system',
  processes: 'process',
  clinical_uses: 'use',
  references: 'reference',
  mechanisms: 'mechanism',
} as const satisfies Record<keyof DataFile, string>;

export type Section = keyof typeof sections;
export type EntityKind = (typeof sections)[Section];

/** The JSON Schema of a data file, for editors (yaml-language-server, VS Code). */
export function dataFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DataFile, { target: 'draft-2020-12' }),
    $id: 'https://w3id.org/pharmald/schema/data.schema.json',
    title: 'pharmald data file',
  };
}
