// **external** names the IRIs of other sources that pages link out to: `http://purl.obolibrary.org/obo/
// CHEBI_6121` reads "ChEBI CHEBI:6121". The names come from the identifier table (src/identifiers.ts) run
// backwards, so a new scheme there is named here without a second table.
import { schemes } from '../identifiers.js';

interface SchemeMatcher {
  readonly name: string;
  /** The IRI up to the identifier. */
  readonly iriPrefix: string;
  /** What the identifier is written with before the part that the IRI carries (e.g. `CHEBI:`). */
  readonly idPrefix: string;
}

/** For each scheme, the IRI prefix and identifier prefix, found from its example identifier. */
const matchers: readonly SchemeMatcher[] = Object.values(schemes)
  .map((scheme) => {
    const sample: string = scheme.iri(scheme.example);
    let common = 0;
    while (common < scheme.example.length && common < sample.length && scheme.example.at(-1 - common) === sample.at(-1 - common)) common++;
    return {
      name: scheme.name,
      iriPrefix: sample.slice(0, sample.length - common),
      idPrefix: scheme.example.slice(0, scheme.example.length - common),
    };
  })
  // The longest prefix first, so `…/obo/CHEBI_` wins over a shorter one that also matches.
  .sort((a, b) => b.iriPrefix.length - a.iriPrefix.length);

/** An external IRI as a reader names it: its source and identifier, when a scheme of ours made it. */
export function externalName(iri: string): { readonly source: string; readonly id: string } | undefined {
  for (const matcher of matchers) {
    if (iri.startsWith(matcher.iriPrefix) && iri.length > matcher.iriPrefix.length) {
      return { source: matcher.name, id: `${matcher.idPrefix}${iri.slice(matcher.iriPrefix.length)}` };
    }
  }
  return undefined;
}

/** Where a reader looks a PubMed ID up (the identifier IRI is for machines; this is the article page). */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

/** Where a reader resolves a DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}
