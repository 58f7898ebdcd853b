// **model** is the whole mechanism model once every data file is loaded: one list per section.
import type {
  ClinicalUse, Drug, Mechanism, PhysiologicalProcess, PhysiologicalSystem, Reference, Target,
} from './schema.js';
import type { Origin, SourceFiles } from './source.js';

export interface Model {
  readonly drugs: readonly Drug[];
  readonly targets: readonly Target[];
  readonly systems: readonly PhysiologicalSystem[];
  readonly processes: readonly PhysiologicalProcess[];
  readonly clinical_uses: readonly ClinicalUse[];
  readonly references: readonly Reference[];
  readonly mechanisms: readonly Mechanism[];
}

/** A model with where each entity came from, so later findings can point back at the YAML. */
export interface LoadedModel {
  readonly model: Model;
  /** The file and YAML path of each entity object of the model. */
  readonly origins: ReadonlyMap<object, Origin>;
  readonly sources: SourceFiles;
}
