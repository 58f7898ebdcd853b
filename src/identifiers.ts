// **identifiers** is the table of external identifier schemes: the pattern a curator writes (as UniProt and
// Bioregistry publish it) and the canonical IRI it becomes (the source's own RDF, else identifiers.org): prefix +
// identifier less `drop`, from which `iri` and `iriPattern` are both made, so they can never disagree.

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

function scheme(name: string, pattern: RegExp, example: string, iriPrefix: string, drop?: string): IdentifierScheme {
  const iri = (id: string) => `${iriPrefix}${id.slice(drop?.length ?? 0)}`;
  return { name, pattern, example, iriPrefix, ...(drop === undefined ? {} : { drop }), iri };
}

const OBO = 'http://purl.obolibrary.org/obo/';
const obo = (prefix: string): [string, string] => [`${OBO}${prefix}_`, `${prefix}:`];

export const schemes = {
  chebi: scheme('ChEBI', /^CHEBI:\d+$/, 'CHEBI:6121', ...obo('CHEBI')),
  wikidata: scheme('Wikidata', /^Q\d+$/, 'Q243547', 'http://www.wikidata.org/entity/'),
  drugbank: scheme('DrugBank', /^DB\d{5}$/, 'DB01221', 'https://identifiers.org/drugbank:'),
  chembl: scheme('ChEMBL compound', /^CHEMBL\d+$/, 'CHEMBL742', 'http://rdf.ebi.ac.uk/resource/chembl/molecule/'),
  pubchem: scheme('PubChem compound', /^\d+$/, '3821', 'http://rdf.ncbi.nlm.nih.gov/pubchem/compound/CID'),
  mesh: scheme('MeSH', /^(D(\d{6}|\d{9})|C\d{6}(\d{3})?)$/, 'D007649', 'http://id.nlm.nih.gov/mesh/'),
  atc: scheme('ATC', /^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'N01AX03', 'https://identifiers.org/atc:'),
  unii: scheme('UNII', /^[0-9A-Z]{10}$/, '690G0D6V8H', 'https://identifiers.org/unii:'),
  cas: scheme('CAS Registry Number', /^\d{1,7}-\d{2}-\d$/, '6740-88-1', 'https://identifiers.org/cas:'),
  gtopdb_ligand: scheme('Guide to Pharmacology ligand', /^\d+$/, '4233', 'https://identifiers.org/iuphar.ligand:'),
  uniprot: scheme(
    'UniProtKB', /^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})$/, 'Q05586', 'http://purl.uniprot.org/uniprot/',
  ),
  hgnc: scheme('HGNC', /^HGNC:\d{1,5}$/, 'HGNC:4584', 'https://identifiers.org/hgnc:', 'HGNC:'),
  gtopdb_target: scheme('Guide to Pharmacology target', /^\d+$/, '455', 'https://identifiers.org/iuphar.receptor:'),
  uberon: scheme('UBERON', /^UBERON:\d{7}$/, 'UBERON:0001017', ...obo('UBERON')),
  go: scheme('Gene Ontology', /^GO:\d{7}$/, 'GO:0007268', ...obo('GO')),
  pmid: scheme('PubMed', /^[1-9]\d{0,8}$/, '26075331', 'https://identifiers.org/pubmed:'),
  drugcentral: scheme('DrugCentral', /^[1-9]\d*$/, '1523', 'https://identifiers.org/drugcentral:'),
  kegg_drug: scheme('KEGG DRUG', /^D\d{5}$/, 'D00711', 'https://identifiers.org/kegg.drug:'),
  rxnorm: scheme('RxNorm', /^[1-9]\d*$/, '6130', 'https://identifiers.org/rxnorm:'),
  umls: scheme('UMLS CUI', /^C\d{7}$/, 'C0022614', 'https://identifiers.org/umls:'),
  snomedct: scheme('SNOMED CT', /^[1-9]\d{5,17}$/, '373464007', 'https://identifiers.org/snomedct:'),
  ndfrt: scheme('NDF-RT', /^N\d{10}$/, 'N0000175802', 'https://identifiers.org/ndfrt:'),
  doid: scheme('Disease Ontology', /^DOID:\d+$/, 'DOID:2089', ...obo('DOID')),
  spdx: scheme('SPDX licence', /^[A-Za-z0-9][A-Za-z0-9.+-]*$/, 'CC-BY-4.0', 'http://spdx.org/licenses/'),
  doi: scheme('DOI', /^10\.\d{4,9}\/[^\s"<>\\^`{|}\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]+$/u, '10.1111/bph.13222', 'https://doi.org/'),
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
