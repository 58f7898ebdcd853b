// The public API of pharmald, on one screen.
export { build, compileDataset, type BuildOptions, type BuildResult, type CompileOptions, type CompiledDataset } from './build.js';
export { loadModel } from './model/load.js';
export { pharmald } from './model/pharmald.js';
export type { Model, LoadedModel } from './model/model.js';
export type {
  Affinity, Caveat, ClinicalUse, DataFile, Drug, Effect, Mechanism, PhysiologicalProcess, PhysiologicalSystem, Reference, Target,
} from './model/types.js';
export { dataFileJsonSchema } from './generate/jsonSchema.js';
export { modelToQuads, type MappedModel } from './generate/quads.js';
export { mintIri } from './rdf/iri.js';
export { parseRdfFile, parseTurtleFile } from './rdf/parse.js';
export { validate, type ValidationReport, type ValidationResult } from './validate/validate.js';
export { rdfFormats, solutionFormats, type RdfFormat, type RdfFormatName } from './serialize/formats.js';
export { toTurtle } from './serialize/turtle.js';
export { toNTriples } from './serialize/ntriples.js';
export { toJsonLd, toJsonLdDocument } from './serialize/jsonld.js';
export { jsonLdContext } from './generate/context.js';
export { query, type QueryResult, type BindingsResult, type BooleanResult, type QuadsResult } from './query/engine.js';
export { toSparqlJson } from './query/results.js';
export { formatResult, resultFormats, type ResultFormat } from './query/serializeResult.js';
export { DataError, QueryError, UsageError, formatDiagnostic, type Diagnostic, type Position, type Severity } from './errors.js';
export { PLD, ID, prefixes, vocabularies } from './vocab.js';
export { schemes as identifierSchemes } from './identifiers.js';
export { serve, type ServeOptions, type RunningServer } from './server/app.js';
export { release, type ReleaseOptions, type ReleaseResult } from './release/release.js';
export { diffDatasets, readDist, type DatasetDiff, type EntityChange, type FieldChange } from './release/diff.js';
export { formatDiff, diffFormats, type DiffFormat } from './release/diffFormat.js';
export { describeDataset, datasetIri } from './release/void.js';
export { buildSite, type SiteInput } from './site/build.js';
