// **vocabularies** are pharmald's controlled vocabularies: each term with the code curators write, the local
// name of its IRI, its label, definition and mappings to ChEMBL and the Guide to Pharmacology. Part of the
// model description (src/model/pharmald.ts): adding a term is adding one entry here.
import type { VocabularyDescription } from './description.js';

export const vocabularies = {
  actionType: {
    className: "ActionType",
    label: "action type",
    doc: "What a drug does to its target, such as blocking a channel or activating a receptor. Each action type records the matching ChEMBL and Guide to Pharmacology terms.",
    scheme: { label: "action types", comment: "The closed list of action types of pharmald." },
    terms: [
      { code: "channel-blocker", name: "ChannelBlocker", label: "channel blocker", definition: "the drug occludes the ion-conducting pore of a channel, so that ions cannot flow through it", mappings: [{ property: "chemblActionType", value: "BLOCKER" }, { property: "gtopdbType", value: "Channel blocker" }, { property: "gtopdbAction", value: "Pore blocker" }] },
      { code: "antagonist", name: "Antagonist", label: "antagonist", definition: "the drug binds a receptor without activating it and prevents or reduces its activation by an agonist", mappings: [{ property: "chemblActionType", value: "ANTAGONIST" }, { property: "gtopdbType", value: "Antagonist" }, { property: "gtopdbAction", value: "Antagonist" }] },
      { code: "agonist", name: "Agonist", label: "agonist", definition: "the drug binds a receptor and activates it, producing the receptor's response", mappings: [{ property: "chemblActionType", value: "AGONIST" }, { property: "gtopdbType", value: "Agonist" }, { property: "gtopdbAction", value: "Agonist" }] },
      { code: "partial-agonist", name: "PartialAgonist", label: "partial agonist", definition: "the drug binds a receptor and activates it, but gives less than the maximal response of a full agonist even at full occupancy", mappings: [{ property: "chemblActionType", value: "PARTIAL AGONIST" }, { property: "gtopdbType", value: "Agonist" }, { property: "gtopdbAction", value: "Partial agonist" }] },
      { code: "inverse-agonist", name: "InverseAgonist", label: "inverse agonist", definition: "the drug binds a constitutively active receptor and lowers its activity below the basal level", scopeNote: "no Guide to Pharmacology interaction Type is given: the Guide records inverse agonism as an Action", mappings: [{ property: "chemblActionType", value: "INVERSE AGONIST" }, { property: "gtopdbAction", value: "Inverse agonist" }] },
      { code: "inhibitor", name: "Inhibitor", label: "inhibitor", definition: "the drug reduces the activity of an enzyme, transporter or other protein", mappings: [{ property: "chemblActionType", value: "INHIBITOR" }, { property: "gtopdbType", value: "Inhibitor" }, { property: "gtopdbAction", value: "Inhibition" }] },
      { code: "activator", name: "Activator", label: "activator", definition: "the drug increases the activity of an enzyme, channel or other protein", mappings: [{ property: "chemblActionType", value: "ACTIVATOR" }, { property: "gtopdbType", value: "Activator" }, { property: "gtopdbAction", value: "Activation" }] },
      { code: "positive-allosteric-modulator", name: "PositiveAllostericModulator", label: "positive allosteric modulator", definition: "the drug binds a site other than that of the endogenous ligand and increases the target's response to that ligand", mappings: [{ property: "chemblActionType", value: "POSITIVE ALLOSTERIC MODULATOR" }, { property: "gtopdbType", value: "Allosteric modulator" }, { property: "gtopdbAction", value: "Positive" }] },
      { code: "negative-allosteric-modulator", name: "NegativeAllostericModulator", label: "negative allosteric modulator", definition: "the drug binds a site other than that of the endogenous ligand and decreases the target's response to that ligand", mappings: [{ property: "chemblActionType", value: "NEGATIVE ALLOSTERIC MODULATOR" }, { property: "gtopdbType", value: "Allosteric modulator" }, { property: "gtopdbAction", value: "Negative" }] },
      { code: "potentiation", name: "Potentiation", label: "potentiation", definition: "the drug enhances the function of a target or its response to its endogenous activator, without a stated binding site", scopeNote: "close mapping only: ChEMBL POSITIVE MODULATOR is broader (it is also the parent type that groups agonists); the Guide to Pharmacology records Potentiation as an Action, so no interaction Type is given", mappings: [{ property: "chemblActionType", value: "POSITIVE MODULATOR" }, { property: "gtopdbAction", value: "Potentiation" }] },
      { code: "binding", name: "Binding", label: "binding", definition: "the drug binds the target; no functional effect of the binding is stated", scopeNote: "close mapping only: ChEMBL groups BINDING AGENT under the parent type OTHER; the Guide to Pharmacology records Binding as an Action, so no interaction Type is given", mappings: [{ property: "chemblActionType", value: "BINDING AGENT" }, { property: "gtopdbAction", value: "Binding" }] },
      { code: "increased-level", name: "IncreasedLevel", label: "increased level", definition: "the drug raises the level (expression, amount or release) of an endogenous protein, as a consequence of its other actions", scopeNote: "downstream change in the level of an endogenous protein; no drug–target action type in ChEMBL or GtoPdb" },
      { code: "decreased-level", name: "DecreasedLevel", label: "decreased level", definition: "the drug lowers the level (expression, amount or release) of an endogenous protein, as a consequence of its other actions", scopeNote: "downstream change in the level of an endogenous protein; no drug–target action type in ChEMBL or GtoPdb" },
      { code: "modulation", name: "Modulation", label: "modulation", definition: "the drug changes the function of the target, without a single stated direction or mechanism", scopeNote: "close mapping only: ChEMBL MODULATOR; the Guide to Pharmacology type Allosteric modulator is narrower (it requires an allosteric site), so no Guide to Pharmacology term is given", mappings: [{ property: "chemblActionType", value: "MODULATOR" }] },
    ],
  },
  directness: {
    className: "Directness",
    label: "directness",
    doc: "Whether a drug acts on a target directly, by binding it, or indirectly, downstream of its other actions. It corresponds to the direct_interaction flag of ChEMBL.",
    scheme: { label: "directness", comment: "The closed list of directness values of pharmald." },
    terms: [
      { code: "direct", name: "Direct", label: "direct", definition: "the drug binds the target itself and acts on it there" },
      { code: "indirect", name: "Indirect", label: "indirect", definition: "the drug acts on the target or system through other mechanisms, downstream of its direct actions" },
    ],
  },
  strength: {
    className: "InteractionStrength",
    label: "interaction strength",
    doc: "How strong the interaction of a drug with its target is, as the curator judges it from affinities and the literature.",
    scheme: { label: "interaction strengths", comment: "The closed list of interaction strengths of pharmald." },
    terms: [
      { code: "strong", name: "Strong", label: "strong", definition: "a principal, high-affinity action that occurs at the concentrations reached in clinical use" },
      { code: "moderate", name: "Moderate", label: "moderate", definition: "an action of intermediate affinity that may contribute at the concentrations reached in clinical use" },
      { code: "weak", name: "Weak", label: "weak", definition: "a low-affinity or minor action, relevant mainly at high concentrations" },
    ],
  },
  certainty: {
    className: "Certainty",
    label: "certainty",
    doc: "How firmly the literature holds a claim about a mechanism.",
    scheme: { label: "certainty levels", comment: "The closed list of certainty levels of pharmald." },
    terms: [
      { code: "established", name: "Established", label: "established", definition: "the claim is consistently supported by direct evidence and accepted in reviews" },
      { code: "probable", name: "Probable", label: "probable", definition: "the claim is supported by good evidence, but the evidence is incomplete or not fully consistent" },
      { code: "possible", name: "Possible", label: "possible", definition: "the claim is suggested by some evidence or by the source text, but is not confirmed or is disputed" },
    ],
  },
  direction: {
    className: "EffectDirection",
    label: "effect direction",
    doc: "Which way an effect changes a physiological process.",
    scheme: { label: "effect directions", comment: "The closed list of effect directions of pharmald." },
    terms: [
      { code: "increased", name: "Increased", label: "increased", definition: "the process is enhanced or occurs more" },
      { code: "decreased", name: "Decreased", label: "decreased", definition: "the process is reduced or occurs less" },
      { code: "preserved", name: "Preserved", label: "preserved", definition: "the process is kept up where a drug of the same kind would be expected to reduce it" },
      { code: "altered", name: "Altered", label: "altered", definition: "the process changes in a way that is not simply an increase or a decrease" },
    ],
  },
  valence: {
    className: "Valence",
    label: "valence",
    doc: "Whether an effect is wanted (therapeutic) or unwanted (adverse) in clinical use.",
    scheme: { label: "valences", comment: "The closed list of effect valences of pharmald." },
    terms: [
      { code: "therapeutic", name: "Therapeutic", label: "therapeutic", definition: "the effect is part of why the drug is used clinically" },
      { code: "adverse", name: "Adverse", label: "adverse", definition: "the effect is unwanted: a side effect or a toxicity" },
      { code: "context-dependent", name: "ContextDependent", label: "context-dependent", definition: "therapeutic in some clinical settings and adverse in others" },
    ],
  },
  referenceType: {
    className: "ReferenceType",
    label: "reference type",
    doc: "What kind of source a reference is, which says how much weight it carries as evidence.",
    scheme: { label: "reference types", comment: "The closed list of reference types of pharmald." },
    terms: [
      { code: "review", name: "Review", label: "review", definition: "a narrative review article that summarises published research" },
      { code: "systematic-review", name: "SystematicReview", label: "systematic review", definition: "a review that finds, selects and appraises studies by an explicit, reproducible method, possibly with a meta-analysis" },
      { code: "primary-study", name: "PrimaryStudy", label: "primary study", definition: "an original research report: an experimental, clinical or observational study" },
      { code: "database", name: "Database", label: "database", definition: "a curated database or a record in it, such as the IUPHAR/BPS Guide to Pharmacology or ChEMBL" },
      { code: "source-text", name: "SourceText", label: "source text", definition: "the text that claims were transcribed from; it records where a claim came from and is not evidence for it" },
    ],
  },
  affinityMeasure: {
    className: "AffinityMeasure",
    label: "affinity measure",
    doc: "The quantity an affinity value is, such as pKi or IC50. The Guide to Pharmacology reports affinities as pA2, pEC50, pIC50, pKB, pKd or pKi.",
    scheme: { label: "affinity measures", comment: "The closed list of affinity measures of pharmald." },
    terms: [
      { code: "pKi", name: "pKi", label: "pKi", definition: "negative decadic logarithm of the inhibition constant Ki in molar" },
      { code: "pKd", name: "pKd", label: "pKd", definition: "negative decadic logarithm of the equilibrium dissociation constant Kd in molar" },
      { code: "pIC50", name: "pIC50", label: "pIC50", definition: "negative decadic logarithm of the half-maximal inhibitory concentration IC50 in molar" },
      { code: "pEC50", name: "pEC50", label: "pEC50", definition: "negative decadic logarithm of the half-maximal effective concentration EC50 in molar" },
      { code: "pA2", name: "pA2", label: "pA2", definition: "negative decadic logarithm of the antagonist concentration in molar at which twice the agonist concentration is needed for the same response (Schild analysis)" },
      { code: "pKB", name: "pKB", label: "pKB", definition: "negative decadic logarithm of the equilibrium dissociation constant KB of an antagonist, from a functional assay, in molar" },
      { code: "Ki", name: "Ki", label: "Ki", definition: "inhibition constant: the equilibrium dissociation constant of a ligand measured by its competition with another, given with a unit" },
      { code: "Kd", name: "Kd", label: "Kd", definition: "equilibrium dissociation constant of a ligand from its target, measured directly, given with a unit" },
      { code: "IC50", name: "IC50", label: "IC50", definition: "concentration of a drug that reduces a measured response or binding by half, given with a unit" },
      { code: "EC50", name: "EC50", label: "EC50", definition: "concentration of a drug that gives half of its maximal effect, given with a unit" },
    ],
  },
  targetType: {
    className: "TargetType",
    termsAreSubclassesOf: "Target",
    label: "target type",
    doc: "A kind of molecular target. Its instances are the subclasses of pld:Target that name the kinds: receptor, ion channel, ligand-gated ion channel, transporter, enzyme and signalling protein.",
    terms: [
      { code: "receptor", name: "Receptor", label: "receptor", definition: "A protein that binds a signalling molecule, such as a transmitter or hormone, and passes its signal on; for example a G protein-coupled receptor." },
      { code: "ion-channel", name: "IonChannel", label: "ion channel", definition: "A membrane protein that forms a pore through which ions cross the membrane, such as a voltage-gated sodium channel." },
      { code: "ligand-gated-ion-channel", name: "LigandGatedIonChannel", label: "ligand-gated ion channel", definition: "An ion channel that opens when a ligand binds it, such as the NMDA or GABA-A receptor. It is both a receptor and an ion channel.", subClassOf: ["Receptor","IonChannel"] },
      { code: "transporter", name: "Transporter", label: "transporter", definition: "A membrane protein that carries a substance across a membrane, such as the noradrenaline reuptake transporter." },
      { code: "enzyme", name: "Enzyme", label: "enzyme", definition: "A protein that catalyses a chemical reaction, such as a kinase or an oxidase." },
      { code: "signalling-protein", name: "SignallingProtein", label: "signalling protein", definition: "A protein that carries a signal within or between cells and is not recorded here as a receptor, channel, transporter or enzyme, such as a growth factor like BDNF." },
    ],
  },
} as const satisfies Record<string, VocabularyDescription>;
