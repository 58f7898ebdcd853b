// **provenance** says where imported facts come from: a release of a source database (with its licence and
// citation), and, for each claim, the record of that release it was taken from: the file and the line of its row.
import type { EntityDescription } from './description.js';
import { id, label } from './parts.js';

/** A file name as a key segment: `drug_target.tsv` → `drug-target`. */
const fileKey = (file: unknown): string => String(file).replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();

export const reference = {
  class: 'Reference',
  label: 'reference',
  doc: 'A citable source of a claim: a review, systematic review, primary study, commentary, drug label, database or the source text a claim was taken from. It is linked to PubMed and the DOI system where it has an identifier there.',
  section: 'references',
  subject: { kind: 'minted', segment: 'reference' },
  fields: {
    id: id(),
    label: label('The citation as a reader would write it'),
    type: { kind: 'code', vocabulary: 'referenceType', cardinality: 'one', property: 'referenceType', doc: 'What kind of source this is' },
    year: { kind: 'integer', datatype: 'http://www.w3.org/2001/XMLSchema#gYear', min: 1800, max: 2100, cardinality: 'optional', property: 'year', doc: 'The year of publication' },
    pmid: { kind: 'identifier', scheme: 'pmid', literal: 'pmid', cardinality: 'optional', property: 'exactMatch', doc: 'PubMed identifier' },
    doi: { kind: 'identifier', scheme: 'doi', literal: 'doi', cardinality: 'optional', property: 'exactMatch', doc: 'Digital Object Identifier, without https://doi.org/' },
    url: { kind: 'string', cardinality: 'optional', property: 'url', doc: 'Where it can be read on the web', rule: { pattern: '^https?://[^\\s]+$', message: 'must be an http(s) URL' } },
  },
} as const satisfies EntityDescription;

export const sourceRelease = {
  class: 'SourceRelease',
  label: 'source release',
  doc: 'A release of a database that facts were imported from (e.g. DrugCentral as published on 2016-05-09), with its licence and the article to cite for it.',
  section: 'source_releases',
  subject: { kind: 'minted', segment: 'source' },
  fields: {
    id: id(),
    label: label('The database and release, as a reader would write them (DrugCentral 2016-05-09)'),
    database: { kind: 'text', cardinality: 'one', property: 'database', doc: 'The name of the database (DrugCentral)' },
    version: {
      kind: 'string', cardinality: 'one', property: 'version', doc: 'The release, as the database names it (2016-05-09)',
      rule: { pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$', message: 'must be letters, digits, dots, hyphens or underscores (e.g. 2016-05-09)' },
    },
    licence: { kind: 'identifier', scheme: 'spdx', cardinality: 'one', property: 'license', doc: 'The licence of the release, by its SPDX identifier (CC-BY-4.0)' },
    url: { kind: 'string', cardinality: 'optional', property: 'url', doc: 'Where the release was published', rule: { pattern: '^https?://[^\\s]+$', message: 'must be an http(s) URL' } },
    reference: { kind: 'ref', entity: 'reference', cardinality: 'optional', property: 'citation', doc: 'Id of the article to cite for the database' },
  },
} as const satisfies EntityDescription;

export const origin = {
  class: 'SourceRecord',
  label: 'source record',
  doc: 'Where one imported fact was taken from: the source release, the file and the line of the row (the header is line 1), so that a researcher can filter by source and a curator can trace the fact back.',
  subject: {
    kind: 'part', segment: 'origin', key: (o) => `${String(o.release)}-${fileKey(o.file)}-${String(o.line)}`,
    keyDoc: 'its release, file and line',
  },
  fields: {
    release: { kind: 'ref', entity: 'sourceRelease', cardinality: 'one', property: 'sourceRelease', doc: 'Id of the source release' },
    file: {
      kind: 'string', cardinality: 'one', property: 'sourceFile', doc: 'The file of the release (drug_target.tsv)',
      rule: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', message: 'must be a file name (e.g. drug_target.tsv)' },
    },
    line: { kind: 'integer', datatype: 'http://www.w3.org/2001/XMLSchema#positiveInteger', min: 1, max: 1_000_000_000, cardinality: 'one', property: 'sourceLine', doc: 'The line of the row in the file (the header is line 1)' },
    upstream: {
      kind: 'text', cardinality: 'optional', property: 'upstreamSource',
      doc: 'Where the source took the fact from, as it writes it (DrugCentral SOURCE: CHEMBL, DRUG LABEL, IUPHAR …)',
    },
    summary: {
      kind: 'derived', cardinality: 'one', property: 'label', range: 'text', doc: 'The record in words: release, file and line',
      derive: (o) => [`${String(o.release)}, ${String(o.file)} line ${String(o.line)}`],
    },
  },
} as const satisfies EntityDescription;

/** The field that gives a claim its source records. */
export const origins = {
  kind: 'part', entity: 'origin', cardinality: 'many', property: 'hasOrigin',
  doc: 'For imported claims: the source records the claim was taken from (release, file, line)',
} as const;
