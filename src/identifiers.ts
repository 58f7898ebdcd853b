// **identifiers** is the table of external identifier schemes: how a curator writes each identifier
// (its pattern, as UniProt and Bioregistry publish it) and the canonical IRI it becomes (skos:exactMatch).
// IRI forms follow each source's own RDF where it publishes RDF, identifiers.org otherwise. Each IRI is a
// prefix and the identifier (less a prefix the IRI drops): `iri` and the pattern of the IRIs (`iriPattern`, for
// the SHACL shapes) are both made from that, so they can never disagree.

export interface IdentifierScheme {
  /** What the scheme is, for messages and documentation. */
  readonly name: string;
  /** The identifier as written in the data files: a whole-string pattern ^…$, alternatives in parentheses. */
  readonly pattern: RegExp;
  /** An example identifier, for messages and the JSON Schema. */
  readonly example: string;
  /** The canonical IRI is this prefix followed by the identifier… */
  readonly iriPrefix: string;
  /** …without this prefix of the identifier, if given (CHEBI:6121 → …/obo/CHEBI_6121). */
  readonly drop?: string;
  /** The canonical IRI of an identifier. */
  readonly iri: (id: string) => string;
}

function scheme(s: Omit<IdentifierScheme, 'iri'>): IdentifierScheme {
  const drop = s.drop ?? '';
  return { ...s, iri: (id) => `${s.iriPrefix}${id.slice(drop.length)}` };
}

const OBO = 'http://purl.obolibrary.org/obo/';
const obo = (prefix: string) => ({ iriPrefix: `${OBO}${prefix}_`, drop: `${prefix}:` });

export const schemes = {
  chebi: scheme({
    name: 'ChEBI',
    pattern: /^CHEBI:\d+$/,
    example: 'CHEBI:6121',
    ...obo('CHEBI'),
  }),
  wikidata: scheme({
    name: 'Wikidata',
    pattern: /^Q\d+$/,
    example: 'Q243547',
    iriPrefix: 'http://www.wikidata.org/entity/',
  }),
  drugbank: scheme({
    name: 'DrugBank',
    pattern: /^DB\d{5}$/,
    example: 'DB01221',
    iriPrefix: 'https://identifiers.org/drugbank:',
  }),
  chembl: scheme({
    name: 'ChEMBL compound',
    pattern: /^CHEMBL\d+$/,
    example: 'CHEMBL742',
    iriPrefix: 'http://rdf.ebi.ac.uk/resource/chembl/molecule/',
  }),
  pubchem: scheme({
    name: 'PubChem compound',
    pattern: /^\d+$/,
    example: '3821',
    iriPrefix: 'http://rdf.ncbi.nlm.nih.gov/pubchem/compound/CID',
  }),
  mesh: scheme({
    name: 'MeSH',
    pattern: /^(D(\d{6}|\d{9})|C\d{6}(\d{3})?)$/,
    example: 'D007649',
    iriPrefix: 'http://id.nlm.nih.gov/mesh/',
  }),
  atc: scheme({
    name: 'ATC',
    pattern: /^[A-Z]\d{2}[A-Z]{2}\d{2}$/,
    example: 'N01AX03',
    iriPrefix: 'https://identifiers.org/atc:',
  }),
  unii: scheme({
    name: 'UNII',
    pattern: /^[0-9A-Z]{10}$/,
    example: '690G0D6V8H',
    iriPrefix: 'https://identifiers.org/unii:',
  }),
  cas: scheme({
    name: 'CAS Registry Number',
    pattern: /^\d{1,7}-\d{2}-\d$/,
    example: '6740-88-1',
    iriPrefix: 'https://identifiers.org/cas:',
  }),
  gtopdb_ligand: scheme({
    name: 'Guide to Pharmacology ligand',
    pattern: /^\d+$/,
    example: '4233',
    iriPrefix: 'https://identifiers.org/iuphar.ligand:',
  }),
  uniprot: scheme({
    name: 'UniProtKB',
    pattern: /^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})$/,
    example: 'Q05586',
    iriPrefix: 'http://purl.uniprot.org/uniprot/',
  }),
  hgnc: scheme({
    name: 'HGNC',
    pattern: /^HGNC:\d{1,5}$/,
    example: 'HGNC:4584',
    iriPrefix: 'https://identifiers.org/hgnc:',
    drop: 'HGNC:',
  }),
  gtopdb_target: scheme({
    name: 'Guide to Pharmacology target',
    pattern: /^\d+$/,
    example: '455',
    iriPrefix: 'https://identifiers.org/iuphar.receptor:',
  }),
  uberon: scheme({
    name: 'UBERON',
    pattern: /^UBERON:\d{7}$/,
    example: 'UBERON:0001017',
    ...obo('UBERON'),
  }),
  go: scheme({
    name: 'Gene Ontology',
    pattern: /^GO:\d{7}$/,
    example: 'GO:0007268',
    ...obo('GO'),
  }),
  pmid: scheme({
    name: 'PubMed',
    pattern: /^[1-9]\d{0,8}$/,
    example: '26075331',
    iriPrefix: 'https://identifiers.org/pubmed:',
  }),
  doi: scheme({
    name: 'DOI',
    pattern: /^10\.\d{4,9}\/[^\s"<>\\^`{|}\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]+$/u,
    example: '10.1111/bph.13222',
    iriPrefix: 'https://doi.org/',
  }),
};

export type SchemeName = keyof typeof schemes;

/** The canonical IRI of an identifier in a scheme. */
export function identifierIri(scheme: SchemeName, id: string): string {
  return schemes[scheme].iri(id);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern (JavaScript source) of the canonical IRIs of one scheme, or of any of several. */
export function iriPattern(...names: readonly SchemeName[]): string {
  const bodies = names.map((name) => {
    const { pattern, iriPrefix, drop = '' } = schemes[name];
    const { source } = pattern;
    const kept = source.slice(1 + escapeRegex(drop).length, -1);
    if (!source.startsWith(`^${escapeRegex(drop)}`) || !source.endsWith('$')) throw new Error(`${name}: pattern ${source} is not ^${drop}…$`);
    return `${escapeRegex(iriPrefix)}${kept}`;
  });
  return bodies.length === 1 ? `^${bodies[0]}$` : `^(${bodies.join('|')})$`;
}
