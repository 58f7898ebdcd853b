// **description** is the language the model is declared in (src/model/pharmald.ts): entities, fields, vocabularies,
// rules, part IRIs and derived links; src/generate/ makes every artefact of the model from one such description.
import type { SchemeName } from '../identifiers.js';

/** How many values a field takes: `one` required, `optional` 0..1, `many` a list 0..n, `some` a list 1..n. */
export type Cardinality = 'one' | 'optional' | 'many' | 'some';

/** A plain YAML entity: field name → value, as the data files give it. */
export type Entity = Readonly<Record<string, unknown>>;

/** What a derived hook or part IRI may look at besides the entity itself. */
export interface DeriveContext {
  /** The entity this part belongs to (for parts), else undefined. */
  readonly owner: Entity | undefined;
  /** The entities of `entity` whose `field` names `id` (an inverse index the mapper builds once per pair). */
  readonly referencing: (entity: string, field: string, id: string) => readonly Entity[];
}

/** A value rule on text written the same in JavaScript and in the XPath regex dialect of SHACL. */
export interface TextRule {
  /** A regular expression source (no flags beyond `u`) that the whole value must match. */
  readonly pattern: string;
  /** What is wrong when it does not match, in the curator's words ("must not be empty"). */
  readonly message: string;
  /** False when the rule cannot be written as sh:pattern (then zod alone checks it), with why in `why`. */
  readonly shacl?: false;
  readonly why?: string;
}

interface FieldBase {
  /** What the field means, for the JSON Schema, the ontology and the pages. */
  readonly doc: string;
  readonly cardinality: Cardinality;
  /** The property it becomes, by name in `ModelDescription.properties` (e.g. `target`, `label`). */
  readonly property: string;
  /** A missing value is expected but allowed: a SHACL warning with this message. */
  readonly warnIfMissing?: string;
  /** A list that, when given, may not be empty (a complex's subunits). */
  readonly nonEmpty?: true;
  /** For a field of a part: its triples have the part's owner as subject (a screen's targets are the drug's). */
  readonly onOwner?: true;
}

/** The id that names the entity: a pharmald id (`nmda-receptor`), or an identifier of a scheme when the
 * entity is an external term (a ChEBI role). It gives no triple of its own: it makes the subject IRI. */
export interface IdField extends Omit<FieldBase, 'property' | 'cardinality'> {
  readonly kind: 'id';
  readonly scheme?: SchemeName;
}

/** A text in English (an rdf:langString tagged `en`). */
export interface TextField extends FieldBase {
  readonly kind: 'text';
}

/** A plain string (xsd:string), with an optional pattern or closed list of values. */
export interface StringField extends FieldBase {
  readonly kind: 'string';
  readonly rule?: TextRule;
  readonly values?: readonly [string, ...string[]];
}

/** An integer written with a datatype (e.g. xsd:gYear), within a range. */
export interface IntegerField extends FieldBase {
  readonly kind: 'integer';
  readonly datatype: string;
  readonly min?: number;
  readonly max?: number;
}

/** A decimal number (xsd:decimal, written in its exact shortest form). */
export interface DecimalField extends FieldBase {
  readonly kind: 'decimal';
  /** Only values above zero. */
  readonly positive?: boolean;
}

/** A code of a controlled vocabulary; the RDF names the term by its IRI. */
export interface CodeField extends FieldBase {
  readonly kind: 'code';
  readonly vocabulary: string;
}

/** The id of another entity; the RDF links to its IRI. */
export interface RefField extends FieldBase {
  readonly kind: 'ref';
  readonly entity: string;
  /** An entity may not name itself here (a system part of itself). */
  readonly notSelf?: boolean;
  /** For a part: the value used when the field is not given (the affinity's target defaults to the mechanism's). */
  readonly fallback?: (entity: Entity, context: DeriveContext) => string | undefined;
  /** The value must be one that `field` lists on the owner (for a part), or on the entity the field `via` names
   * (a mechanism's contributes_to must be among its drug's uses). */
  readonly among?: { readonly field: string; readonly via?: string };
  /** For a part: the value must be what the owner's `field` names or, with `orIts`, one of what that entity
   * lists in `orIts` (an affinity is measured at its mechanism's target or one of its subunits). */
  readonly within?: { readonly field: string; readonly orIts?: string };
}

/** An external identifier: skos:exactMatch (or the field's property) to its canonical IRI. */
export interface IdentifierField extends FieldBase {
  readonly kind: 'identifier';
  readonly scheme: SchemeName;
  /** Also give the identifier as a plain literal with this property (a reference's pld:pmid). */
  readonly literal?: string;
}

/** A group of fields written as one YAML mapping whose triples belong to the entity itself (identifiers, source). */
export interface GroupField extends Omit<FieldBase, 'property'> {
  readonly kind: 'group';
  readonly fields: Readonly<Record<string, Field>>;
}

/** Nested entities with IRIs of their own (a mechanism's effects), linked from the entity by `property`. */
export interface PartField extends FieldBase {
  readonly kind: 'part';
  readonly entity: string;
}

/** A link computed from other data, never written in YAML (drug actsOn target). */
export interface DerivedField extends FieldBase {
  readonly kind: 'derived';
  /** What the values are: entities of a kind (their ids), a class IRI, or a text. */
  readonly range: { readonly entity: string } | { readonly class: string } | 'text';
  readonly derive: (entity: Entity, context: DeriveContext) => readonly string[];
}

export type Field = IdField | TextField | StringField | IntegerField | DecimalField | CodeField | RefField | IdentifierField | GroupField | PartField | DerivedField;

/** A condition on one field of an entity, for rules. A path reaches into groups: `identifiers.uniprot`. */
export type Condition =
  | { readonly field: string; readonly is: 'present' | 'absent' }
  | { readonly field: string; readonly in: readonly [string, ...string[]] }
  | { readonly field: string; readonly from: number; readonly to: number }
  | { readonly class: string };

/** When `when` holds, `then` must hold: checked by zod on the YAML (field conditions) and by SHACL on the graph. */
export interface Rule {
  readonly name: string;
  readonly when: Condition;
  readonly then: Condition;
  readonly message: string;
  readonly severity?: 'violation' | 'warning';
}

/** How an entity's subject IRI is made. */
export type Subject =
  /** …/id/{segment}/{id}, from the entity's `id` field. */
  | { readonly kind: 'minted'; readonly segment: string }
  /** {owner IRI}/{segment}/{key}, for parts. */
  | { readonly kind: 'part'; readonly segment: string; readonly key: (entity: Entity, context: DeriveContext) => string; readonly keyDoc: string }
  /** The canonical IRI of its `id` field's identifier (a ChEBI role is its ChEBI IRI). */
  | { readonly kind: 'identifier' };

export interface EntityDescription {
  /** The class it is typed with (a pld local name, e.g. `Mechanism`). */
  readonly class: string;
  /** How a curator names one: `mechanism`, `clinical use`. */
  readonly label: string;
  /** How pages name several: the class's label in the plural, where it is not that label + s (`physiological processes`). */
  readonly plural?: string;
  /** The class's label in the ontology when it is not `label` (pld:PhysiologicalSystem: "physiological system"). */
  readonly classLabel?: string;
  /** The class's definition, for the ontology and the JSON Schema. */
  readonly doc: string;
  /** The data file section that holds these entities (top-level entities only). */
  readonly section?: string;
  readonly subject: Subject;
  readonly fields: Readonly<Record<string, Field>>;
  readonly rules?: readonly Rule[];
  /** Superclasses beyond pld:Target etc. (local names). */
  readonly subClassOf?: readonly string[];
}

/** A term of a controlled vocabulary. */
export interface TermDescription {
  /** What curators write in YAML (`channel-blocker`). */
  readonly code: string;
  /** The local name of its IRI in the pld namespace (`ChannelBlocker`). */
  readonly name: string;
  readonly label: string;
  readonly definition: string;
  readonly scopeNote?: string;
  /** Mappings to other vocabularies, as data: the property (pld local name), the value as the source writes it. */
  readonly mappings?: readonly { readonly property: string; readonly value: string; readonly precision?: 'exact' | 'close' | 'broad' | 'narrow' }[];
  /** Extra superclasses, for vocabularies whose terms are classes (ligand-gated ion channel ⊂ receptor, ion channel). */
  readonly subClassOf?: readonly string[];
}

export interface VocabularyDescription {
  /** The class of its terms (pld local name, e.g. `ActionType`). */
  readonly className: string;
  readonly label: string;
  readonly doc: string;
  /** Terms are subclasses of this pld class (target types are kinds of pld:Target) instead of SKOS concepts in a scheme. */
  readonly termsAreSubclassesOf?: string;
  /** The concept scheme's label and comment, for SKOS vocabularies. */
  readonly scheme?: { readonly label: string; readonly comment: string };
  readonly terms: readonly [TermDescription, ...TermDescription[]];
}

/** A property of the vocabulary (or an external one that the data uses). */
export interface PropertyDescription {
  /** Its IRI when it is not pld:{name} (rdfs:label, skos:exactMatch, RO:0000087). */
  readonly iri?: string;
  /** Label and comment, for properties that the ontology declares (pld properties and external ones we document). */
  readonly label: string;
  readonly comment: string;
  readonly inverseOf?: string;
  /** A range to declare when the fields do not give one (pld:correspondingRole → pld:Role). */
  readonly range?: string;
  /** False for external properties that the ontology does not declare (rdfs:label, skos:exactMatch). */
  readonly declare?: false;
  /** For an external property the ontology declares: the ontology that defines it (RO for RO:0000087). */
  readonly definedBy?: string;
}

export interface ModelDescription {
  /** The vocabulary namespace (pld:) and the ontology's own description. */
  readonly namespace: string;
  readonly ontology: { readonly iri: string; readonly title: string; readonly description: string; readonly version: string };
  /** What every pharmald id must look like, and what every text (kind `text`) must look like. */
  readonly idRule: TextRule;
  readonly textRules: readonly TextRule[];
  /** The entities, in the order the mapper, the generated files and the pages take them. A class shared by
   * several entities (pld:Caveat) is declared from the first of them. */
  readonly entities: Readonly<Record<string, EntityDescription>>;
  readonly vocabularies: Readonly<Record<string, VocabularyDescription>>;
  readonly properties: Readonly<Record<string, PropertyDescription>>;
  /** Classes the data uses without an entity of their own (pld:ProteinComplex). */
  readonly classes?: Readonly<Record<string, { readonly label: string; readonly comment: string; readonly subClassOf?: readonly string[] }>>;
}
