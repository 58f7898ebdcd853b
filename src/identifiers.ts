// **identifiers** is the table of external identifier schemes: how a curator writes each identifier
// (its pattern, as UniProt and Bioregistry publish it) and the canonical IRI it becomes (skos:exactMatch).
// IRI forms follow each source's own RDF where it publishes RDF, identifiers.org otherwise.

export interface IdentifierScheme {
  /** What the scheme is, for messages and documentation. */
  readonly name: string;
  /** The identifier as written in the data files. */
  readonly pattern: RegExp;
  /** An example identifier, for messages and the JSON Schema. */
  readonly example: string;
  /** The canonical IRI of an identifier. */
  readonly iri: (id: string) => string;
}

const obo = (prefix: string) => (id: string) => `http://purl.obolibrary.org/obo/${prefix}_${id.slice(prefix.length + 1)}`;

export const schemes = {
  chebi: {
    name: 'ChEBI',
    pattern: /^CHEBI:\d+$/,
    example: 'CHEBI:6121',
    iri: obo('CHEBI'),
  },
  wikidata: {
    name: 'Wikidata',
    pattern: /^Q\d+$/,
    example: 'Q243547',
    iri: (id) => `http://www.wikidata.org/entity/${id}`,
  },
  drugbank: {
    name: 'DrugBank',
    pattern: /^DB\d{5}$/,
    example: 'DB01221',
    iri: (id) => `https://identifiers.org/drugbank:${id}`,
  },
  chembl: {
    name: 'ChEMBL compound',
    pattern: /^CHEMBL\d+$/,
    example: 'CHEMBL742',
    iri: (id) => `http://rdf.ebi.ac.uk/resource/chembl/molecule/${id}`,
  },
  pubchem: {
    name: 'PubChem compound',
    pattern: /^\d+$/,
    example: '3821',
    iri: (id) => `http://rdf.ncbi.nlm.nih.gov/pubchem/compound/CID${id}`,
  },
  mesh: {
    name: 'MeSH',
    pattern: /^(D(\d{6}|\d{9})|C\d{6}(\d{3})?)$/,
    example: 'D007649',
    iri: (id) => `http://id.nlm.nih.gov/mesh/${id}`,
  },
  atc: {
    name: 'ATC',
    pattern: /^[A-Z]\d{2}[A-Z]{2}\d{2}$/,
    example: 'N01AX03',
    iri: (id) => `https://identifiers.org/atc:${id}`,
  },
  unii: {
    name: 'UNII',
    pattern: /^[0-9A-Z]{10}$/,
    example: '690G0D6V8H',
    iri: (id) => `https://identifiers.org/unii:${id}`,
  },
  cas: {
    name: 'CAS Registry Number',
    pattern: /^\d{1,7}-\d{2}-\d$/,
    example: '6740-88-1',
    iri: (id) => `https://identifiers.org/cas:${id}`,
  },
  gtopdb_ligand: {
    name: 'Guide to Pharmacology ligand',
    pattern: /^\d+$/,
    example: '4233',
    iri: (id) => `https://identifiers.org/iuphar.ligand:${id}`,
  },
  uniprot: {
    name: 'UniProtKB',
    pattern: /^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})$/,
    example: 'Q05586',
    iri: (id) => `http://purl.uniprot.org/uniprot/${id}`,
  },
  hgnc: {
    name: 'HGNC',
    pattern: /^HGNC:\d{1,5}$/,
    example: 'HGNC:4584',
    iri: (id) => `https://identifiers.org/hgnc:${id.slice('HGNC:'.length)}`,
  },
  gtopdb_target: {
    name: 'Guide to Pharmacology target',
    pattern: /^\d+$/,
    example: '455',
    iri: (id) => `https://identifiers.org/iuphar.receptor:${id}`,
  },
  uberon: {
    name: 'UBERON',
    pattern: /^UBERON:\d{7}$/,
    example: 'UBERON:0001017',
    iri: obo('UBERON'),
  },
  go: {
    name: 'Gene Ontology',
    pattern: /^GO:\d{7}$/,
    example: 'GO:0007268',
    iri: obo('GO'),
  },
  pmid: {
    name: 'PubMed',
    pattern: /^[1-9]\d{0,8}$/,
    example: '26075331',
    iri: (id) => `https://identifiers.org/pubmed:${id}`,
  },
  doi: {
    name: 'DOI',
    pattern: /^10\.\d{4,9}\/[^\s"<>\\^`{|}\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]+$/u,
    example: '10.1111/bph.13222',
    iri: (id) => `https://doi.org/${id}`,
  },
} as const satisfies Record<string, IdentifierScheme>;

export type SchemeName = keyof typeof schemes;

/** The canonical IRI of an identifier in a scheme. */
export function identifierIri(scheme: SchemeName, id: string): string {
  return schemes[scheme].iri(id);
}
