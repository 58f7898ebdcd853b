// **parts** are the entities nested in others, each with an IRI under its owner's (a drug's roles and screen, a
// mechanism's effects, affinities and caveats), and the field helpers they share with the top-level entities.
import type { DeriveContext, Entity, EntityDescription } from './description.js';

export const id = (doc = 'The id: lower-case letters and digits joined by hyphens; it becomes the last segment of the IRI') =>
  ({ kind: 'id', doc }) as const;
export const label = (doc = 'The name a reader sees') => ({ kind: 'text', cardinality: 'one', property: 'label', doc }) as const;
export const description = { kind: 'text', cardinality: 'optional', property: 'description', doc: 'A longer description, in English' } as const;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const role = {
  class: 'Role',
  label: 'role',
  doc: 'A role a drug has, as ChEBI defines it (e.g. intravenous anaesthetic, NMDA receptor antagonist). A role is identified by its ChEBI IRI.',
  subject: { kind: 'identifier' },
  fields: {
    chebi: { kind: 'id', scheme: 'chebi', doc: 'The ChEBI identifier of the role' },
    label: label('The ChEBI label of the role'),
  },
} as const satisfies EntityDescription;

export const screen = {
  class: 'Caveat',
  label: 'screen without appreciable binding',
  doc: 'A screen in which the drug bound none of the targets appreciably',
  subject: { kind: 'part', segment: 'caveat', key: () => 'no-appreciable-binding', keyDoc: 'the fixed key no-appreciable-binding' },
  fields: {
    targets: {
      kind: 'ref', entity: 'target', cardinality: 'some', property: 'noAppreciableBindingAt', onOwner: true,
      doc: 'Ids of the targets screened without appreciable binding',
    },
    reference: { kind: 'ref', entity: 'reference', cardinality: 'one', property: 'citation', doc: 'Id of the reference that reports the screen' },
    note: { kind: 'text', cardinality: 'one', property: 'description', doc: 'What the screen found, in words (its cut-off)' },
  },
} as const satisfies EntityDescription;

export const effect = {
  class: 'Effect',
  label: 'effect',
  doc: 'A physiological effect of a mechanism: a process that is increased, decreased, preserved or altered. It also says whether the effect is therapeutic or adverse.',
  subject: {
    kind: 'part', segment: 'effect', key: (e) => (e.dose === undefined ? String(e.process) : `${String(e.process)}-${String(e.dose)}`),
    keyDoc: 'its process and dose level',
  },
  fields: {
    process: { kind: 'ref', entity: 'process', cardinality: 'one', property: 'process', doc: 'Id of the physiological process the effect is on' },
    label: label(),
    direction: { kind: 'code', vocabulary: 'direction', cardinality: 'one', property: 'direction', doc: 'Which way the process changes' },
    valence: { kind: 'code', vocabulary: 'valence', cardinality: 'one', property: 'valence', doc: 'Whether the effect is therapeutic or adverse' },
    dose: {
      kind: 'code', vocabulary: 'doseLevel', cardinality: 'optional', property: 'doseLevel',
      doc: 'The dose level at which the effect was seen, where the direction depends on the dose (the label gives the doses)',
    },
  },
} as const satisfies EntityDescription;

/** An affinity without a target of its own is measured at its mechanism's target. */
const affinityTarget = (a: Entity, { owner }: DeriveContext): string | undefined => str(a.target) ?? str(owner?.target);
const logMeasures = ['pKi', 'pKd', 'pIC50', 'pEC50', 'pA2', 'pKB'] as const;

export const affinity = {
  class: 'Affinity',
  label: 'affinity',
  doc: 'An affinity or potency of a drug at a target, recorded exactly as its source reports it: measure, value, uncertainty, unit, assay and species. Each affinity cites the reference it was taken from.',
  subject: { kind: 'part', segment: 'affinity', key: (a, context) => `${affinityTarget(a, context)}-${String(a.measure).toLowerCase()}`, keyDoc: 'its target and measure' },
  fields: {
    target: {
      kind: 'ref', entity: 'target', cardinality: 'one', property: 'target', fallback: affinityTarget, within: { field: 'target', orIts: 'subunits' },
      doc: "The target measured, when it is not the mechanism's (one of its subunits)",
    },
    measure: { kind: 'code', vocabulary: 'affinityMeasure', cardinality: 'one', property: 'affinityMeasure', doc: 'pKi, pIC50… are negative log molar; Ki, IC50… need a unit' },
    value: { kind: 'decimal', cardinality: 'one', property: 'affinityValue', doc: 'The value, as the source reports it' },
    uncertainty: { kind: 'decimal', positive: true, cardinality: 'optional', property: 'affinityUncertainty', doc: 'The ± reported with the value' },
    unit: { kind: 'string', values: ['nM', 'uM'], cardinality: 'optional', property: 'affinityUnit', doc: 'The unit of a Ki, Kd, IC50 or EC50' },
    assay: { kind: 'text', cardinality: 'optional', property: 'assay', doc: 'The assay, in words' },
    species: { kind: 'text', cardinality: 'optional', property: 'species', doc: 'The species of the target protein or tissue' },
    reference: { kind: 'ref', entity: 'reference', cardinality: 'one', property: 'citation', doc: 'Id of the reference the value is from' },
    summary: {
      kind: 'derived', cardinality: 'one', property: 'label', range: 'text',
      doc: 'The affinity in words: measure, value, uncertainty and unit',
      derive: (a) => [`${String(a.measure)} ${String(a.value)}${a.uncertainty === undefined ? '' : ` ± ${String(a.uncertainty)}`}${a.unit ? ` ${String(a.unit)}` : ''}`],
    },
  },
  rules: [
    {
      name: 'LogMeasureHasNoUnit', when: { field: 'measure', in: logMeasures }, then: { field: 'unit', is: 'absent' },
      message: 'A negative log affinity (pKi, pKd, pIC50, pEC50, pA2, pKB) takes no unit',
    },
    {
      name: 'LogMeasureInRange', when: { field: 'measure', in: logMeasures }, then: { field: 'value', from: 0, to: 15 },
      message: 'A negative log affinity (pKi, pIC50 …) lies between 0 (1 M) and 15 (1 fM): check the value and its measure',
    },
    {
      name: 'ConcentrationHasUnit', when: { field: 'measure', in: ['Ki', 'Kd', 'IC50', 'EC50'] }, then: { field: 'unit', is: 'present' },
      message: 'A Ki, Kd, IC50 or EC50 needs a unit (nM or uM)',
    },
  ],
} as const satisfies EntityDescription;

export const caveat = {
  class: 'Caveat',
  label: 'caveat',
  doc: 'A qualification of a claim by the literature, such as a negative trial or a screen in which the drug did not bind a target.',
  subject: { kind: 'part', segment: 'caveat', key: (c) => String(c.id), keyDoc: 'its id' },
  fields: {
    id: id('The id of the caveat within its mechanism'),
    text: { kind: 'text', cardinality: 'one', property: 'description', doc: 'The qualification, in words' },
    references: { kind: 'ref', entity: 'reference', cardinality: 'many', property: 'citation', doc: 'Ids of the references that qualify the claim' },
  },
} as const satisfies EntityDescription;

export const useStatus = {
  class: 'UseStatus',
  label: 'use status',
  doc: "The regulatory status of one clinical use of one drug (e.g. esketamine for treatment-resistant depression: approved by the FDA in 2019, under a REMS; racemic ketamine for depression: off-label). The status belongs to a drug's use, not to the use in general.",
  subject: { kind: 'part', segment: 'use-status', key: (u) => String(u.use), keyDoc: 'its clinical use' },
  fields: {
    use: {
      kind: 'ref', entity: 'clinicalUse', cardinality: 'one', property: 'clinicalUse', among: { field: 'uses' },
      doc: "Id of the clinical use whose status this is: one of the drug's uses",
    },
    status: { kind: 'code', vocabulary: 'regulatoryStatus', cardinality: 'one', property: 'regulatoryStatus', doc: 'Approved, off-label or investigational' },
    authority: { kind: 'string', values: ['FDA', 'EMA'], cardinality: 'optional', property: 'regulatoryAuthority', doc: 'The regulator that approved the use' },
    year: { kind: 'integer', datatype: 'http://www.w3.org/2001/XMLSchema#gYear', min: 1800, max: 2100, cardinality: 'optional', property: 'year', doc: 'The year of the approval' },
    restriction: { kind: 'text', cardinality: 'optional', property: 'restriction', doc: 'Restrictions on the use, in words (e.g. a REMS)' },
    note: { kind: 'text', cardinality: 'optional', property: 'description', doc: 'The status in words: product, indication, date' },
    references: { kind: 'ref', entity: 'reference', cardinality: 'many', property: 'citation', doc: 'Ids of the references that give the status' },
    summary: {
      kind: 'derived', cardinality: 'one', property: 'label', range: 'text', doc: 'The status in a few words: status, use, authority and year',
      derive: (u) => [`${String(u.status)}: ${String(u.use)}${u.authority ? ` (${String(u.authority)}${u.year === undefined ? '' : ` ${String(u.year)}`})` : ''}`],
    },
  },
} as const satisfies EntityDescription;

export const potencyComparison = {
  class: 'PotencyComparison',
  label: 'potency comparison',
  doc: 'A statement from the literature that the drug is more potent at a target than another drug (e.g. esketamine and arketamine at the NMDA receptor), where no measured affinities of both are at hand to compare.',
  subject: { kind: 'part', segment: 'potency', key: (p) => `${String(p.target)}-${String(p.than)}`, keyDoc: 'its target and the other drug' },
  fields: {
    target: { kind: 'ref', entity: 'target', cardinality: 'one', property: 'target', doc: 'Id of the target at which the potencies are compared' },
    than: { kind: 'ref', entity: 'drug', cardinality: 'one', property: 'morePotentThan', doc: 'Id of the less potent drug' },
    note: { kind: 'text', cardinality: 'optional', property: 'description', doc: 'The comparison in the words of its source' },
    references: { kind: 'ref', entity: 'reference', cardinality: 'some', property: 'citation', doc: 'Ids of the references that make the comparison' },
    summary: {
      kind: 'derived', cardinality: 'one', property: 'label', range: 'text', doc: 'The comparison in a few words: target and the less potent drug',
      derive: (p) => [`more potent than ${String(p.than)} at ${String(p.target)}`],
    },
  },
} as const satisfies EntityDescription;
