// **model** is the whole mechanism model once every data file is loaded: one list per section (its types derived
// from the model description in types.ts), with where each entity came from.
import type { Diagnostic } from '../errors.js';
import type { Origin, SourceFiles } from './source.js';
import type { Model } from './types.js';

export type { Model } from './types.js';

/** A model with where each entity came from, so later findings can point back at the YAML. */
export interface LoadedModel {
  readonly model: Model;
  /** The file and YAML path of each entity object of the model. */
  readonly origins: ReadonlyMap<object, Origin>;
  readonly sources: SourceFiles;
  /** What loading found that is no error: how entities of several folders were reconciled, and their conflicts. */
  readonly notes?: readonly Diagnostic[];
}
