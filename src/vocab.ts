// **vocab** is the one table of namespaces, IRIs and controlled vocabularies.
// The YAML data names a controlled term by a short code (`channel-blocker`); the RDF names it by an IRI
// (`pld:ChannelBlocker`). Both come from the tables below, and ontology/ declares every IRI with a label
// (tests/vocabulary.test.ts keeps the two in step).

export const PLD = 'https://w3id.org/pharmald/vocab#';
export const ID = 'https://w3id.org/pharmald/id/';

export const prefixes = {
  pld: PLD,
  pldid: ID,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  sh: 'http://www.w3.org/ns/shacl#',
  obo: 'http://purl.obolibrary.org/obo/',
} as const;

export const rdf = {
  type: `${prefixes.rdf}type`,
  first: `${prefixes.rdf}first`,
  rest: `${prefixes.rdf}rest`,
  nil: `${prefixes.rdf}nil`,
  langString: `${prefixes.rdf}langString`,
} as const;

export const rdfs = {
  label: `${prefixes.rdfs}label`,
  comment: `${prefixes.rdfs}comment`,
  domain: `${prefixes.rdfs}domain`,
  range: `${prefixes.rdfs}range`,
  subClassOf: `${prefixes.rdfs}subClassOf`,
  isDefinedBy: `${prefixes.rdfs}isDefinedBy`,
} as const;

export const owl = {
  Class: `${prefixes.owl}Class`,
  ObjectProperty: `${prefixes.owl}ObjectProperty`,
  DatatypeProperty: `${prefixes.owl}DatatypeProperty`,
  Ontology: `${prefixes.owl}Ontology`,
  unionOf: `${prefixes.owl}unionOf`,
  inverseOf: `${prefixes.owl}inverseOf`,
  versionInfo: `${prefixes.owl}versionInfo`,
  versionIRI: `${prefixes.owl}versionIRI`,
} as const;

export const dcterms = {
  description: `${prefixes.dcterms}description`,
} as const;

export const xsd = {
  string: `${prefixes.xsd}string`,
  decimal: `${prefixes.xsd}decimal`,
  integer: `${prefixes.xsd}integer`,
  gYear: `${prefixes.xsd}gYear`,
  date: `${prefixes.xsd}date`,
  nonNegativeInteger: `${prefixes.xsd}nonNegativeInteger`,
  hexBinary: `${prefixes.xsd}hexBinary`,
} as const;

export const skos = {
  exactMatch: `${prefixes.skos}exactMatch`,
  Concept: `${prefixes.skos}Concept`,
  ConceptScheme: `${prefixes.skos}ConceptScheme`,
  inScheme: `${prefixes.skos}inScheme`,
  notation: `${prefixes.skos}notation`,
  prefLabel: `${prefixes.skos}prefLabel`,
  definition: `${prefixes.skos}definition`,
} as const;

/** Relation Ontology "has role" (RO:0000087): drug → ChEBI role. */
export const hasRole = `${prefixes.obo}RO_0000087`;

/** A term of the pharmald vocabulary. */
export const pld = (localName: string): string => `${PLD}${localName}`;

/** The classes of pharmald. */
export const cls = {
  Drug: pld('Drug'),
  Target: pld('Target'),
  ProteinComplex: pld('ProteinComplex'),
  PhysiologicalSystem: pld('PhysiologicalSystem'),
  PhysiologicalProcess: pld('PhysiologicalProcess'),
  Mechanism: pld('Mechanism'),
  Effect: pld('Effect'),
  Affinity: pld('Affinity'),
  Caveat: pld('Caveat'),
  Reference: pld('Reference'),
  ClinicalUse: pld('ClinicalUse'),
  Role: pld('Role'),
} as const;

/** The properties of pharmald. */
export const prop = {
  actsOn: pld('actsOn'),
  affects: pld('affects'),
  hasMechanism: pld('hasMechanism'),
  drug: pld('drug'),
  target: pld('target'),
  system: pld('system'),
  actionType: pld('actionType'),
  directness: pld('directness'),
  strength: pld('strength'),
  certainty: pld('certainty'),
  hasEffect: pld('hasEffect'),
  process: pld('process'),
  direction: pld('direction'),
  valence: pld('valence'),
  downstreamOf: pld('downstreamOf'),
  contributesTo: pld('contributesTo'),
  hasClinicalUse: pld('hasClinicalUse'),
  supportedBy: pld('supportedBy'),
  derivedFrom: pld('derivedFrom'),
  sourceSection: pld('sourceSection'),
  hasAffinity: pld('hasAffinity'),
  affinityMeasure: pld('affinityMeasure'),
  affinityValue: pld('affinityValue'),
  affinityUncertainty: pld('affinityUncertainty'),
  affinityUnit: pld('affinityUnit'),
  assay: pld('assay'),
  species: pld('species'),
  citation: pld('citation'),
  hasCaveat: pld('hasCaveat'),
  hasSubunit: pld('hasSubunit'),
  partOf: pld('partOf'),
  occursIn: pld('occursIn'),
  geneSymbol: pld('geneSymbol'),
  pmid: pld('pmid'),
  doi: pld('doi'),
  year: pld('year'),
  referenceType: pld('referenceType'),
  noAppreciableBindingAt: pld('noAppreciableBindingAt'),
  correspondingRole: pld('correspondingRole'),
  drugClass: pld('drugClass'),
  chemblActionType: pld('chemblActionType'),
  gtopdbType: pld('gtopdbType'),
  gtopdbAction: pld('gtopdbAction'),
} as const;

/**
 * A controlled vocabulary: its class, and each code with the local name of its IRI.
 * Codes are what curators write; IRIs are what queries match.
 */
export interface ControlledVocabulary {
  readonly className: string;
  readonly terms: Readonly<Record<string, string>>;
}

export const vocabularies = {
  actionType: {
    className: 'ActionType',
    terms: {
      'channel-blocker': 'ChannelBlocker',
      antagonist: 'Antagonist',
      agonist: 'Agonist',
      'partial-agonist': 'PartialAgonist',
      'inverse-agonist': 'InverseAgonist',
      inhibitor: 'Inhibitor',
      activator: 'Activator',
      'positive-allosteric-modulator': 'PositiveAllostericModulator',
      'negative-allosteric-modulator': 'NegativeAllostericModulator',
      potentiation: 'Potentiation',
      binding: 'Binding',
      'increased-level': 'IncreasedLevel',
      'decreased-level': 'DecreasedLevel',
      modulation: 'Modulation',
    },
  },
  directness: {
    className: 'Directness',
    terms: { direct: 'Direct', indirect: 'Indirect' },
  },
  strength: {
    className: 'InteractionStrength',
    terms: { strong: 'Strong', moderate: 'Moderate', weak: 'Weak' },
  },
  certainty: {
    className: 'Certainty',
    terms: { established: 'Established', probable: 'Probable', possible: 'Possible' },
  },
  direction: {
    className: 'EffectDirection',
    terms: { increased: 'Increased', decreased: 'Decreased', preserved: 'Preserved', altered: 'Altered' },
  },
  valence: {
    className: 'Valence',
    terms: { therapeutic: 'Therapeutic', adverse: 'Adverse', 'context-dependent': 'ContextDependent' },
  },
  referenceType: {
    className: 'ReferenceType',
    terms: {
      review: 'Review',
      'systematic-review': 'SystematicReview',
      'primary-study': 'PrimaryStudy',
      database: 'Database',
      'source-text': 'SourceText',
    },
  },
  affinityMeasure: {
    className: 'AffinityMeasure',
    terms: {
      pKi: 'pKi', pKd: 'pKd', pIC50: 'pIC50', pEC50: 'pEC50', pA2: 'pA2', pKB: 'pKB',
      Ki: 'Ki', Kd: 'Kd', IC50: 'IC50', EC50: 'EC50',
    },
  },
  targetType: {
    className: 'TargetType',
    terms: {
      receptor: 'Receptor',
      'ion-channel': 'IonChannel',
      'ligand-gated-ion-channel': 'LigandGatedIonChannel',
      transporter: 'Transporter',
      enzyme: 'Enzyme',
      'signalling-protein': 'SignallingProtein',
    },
  },
} as const satisfies Record<string, ControlledVocabulary>;

export type VocabularyName = keyof typeof vocabularies;
export type Code<V extends VocabularyName> = keyof (typeof vocabularies)[V]['terms'] & string;

/** The IRI of a controlled term, from its vocabulary and code. */
export function termIri<V extends VocabularyName>(vocabulary: V, code: Code<V>): string {
  const terms: Readonly<Record<string, string>> = vocabularies[vocabulary].terms;
  const local = terms[code];
  if (local === undefined) throw new Error(`unknown ${vocabulary} code ${code}`);
  return pld(local);
}

/** The codes of a controlled vocabulary, as a non-empty tuple for schema enums. */
export function codes<V extends VocabularyName>(vocabulary: V): [Code<V>, ...Code<V>[]] {
  return Object.keys(vocabularies[vocabulary].terms) as [Code<V>, ...Code<V>[]];
}
