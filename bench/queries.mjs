// **queries** are the five benchmark queries, in pharmald's own vocabulary (ontology/pharmald.ttl), and the
// answer comparison used to check that Comunica and Oxigraph return the same rows.
const PREFIXES = `PREFIX pld: <https://w3id.org/pharmald/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;
const ID = 'https://w3id.org/pharmald/id/';

/** The queries for a generated dataset (its manifest names the drug for (a) and the system for (b)). */
export function benchmarkQueries(sample) {
  const drug = `<${ID}drug/${sample.firstDrug}>`;
  const system = `<${ID}system/${sample.selectiveSystem}>`;
  const b = `  ?d pld:hasMechanism ?m ; rdfs:label ?drug .
  ?m pld:actionType pld:Antagonist ; pld:target ?t .
  ?t pld:affects ${system} .`;
  return [
    {
      id: 'a',
      variables: ['m', 't', 'target'],
      title: "one drug's mechanisms with target labels",
      sparql: `${PREFIXES}SELECT ?m ?t ?target WHERE {
  ${drug} pld:hasMechanism ?m .
  ?m pld:target ?t .
  ?t rdfs:label ?target .
}`,
    },
    {
      id: 'b',
      variables: ['d', 'drug', 'm', 't'],
      title: 'drugs with an antagonist mechanism on a target that affects a system',
      sparql: `${PREFIXES}SELECT ?d ?drug ?m ?t WHERE {
${b}
}`,
    },
    {
      id: "b'",
      variables: ['d', 'drug', 'm', 't'],
      title: "(b) plus ?d a pld:Drug",
      sparql: `${PREFIXES}SELECT ?d ?drug ?m ?t WHERE {
  ?d a pld:Drug .
${b}
}`,
    },
    {
      id: 'c',
      variables: ['action', 'mechanisms'],
      title: 'mechanisms per action type (COUNT … GROUP BY)',
      sparql: `${PREFIXES}SELECT ?action (COUNT(?m) AS ?mechanisms) WHERE {
  ?m a pld:Mechanism ; pld:actionType ?action .
} GROUP BY ?action`,
    },
    {
      id: 'd',
      variables: ['affinity', 'value', 'target'],
      title: 'strongest pKi affinities (FILTER, ORDER BY, LIMIT 10)',
      sparql: `${PREFIXES}SELECT ?affinity ?value ?target WHERE {
  ?affinity pld:affinityMeasure pld:pKi ; pld:affinityValue ?value ; pld:target ?t .
  ?t rdfs:label ?target .
  FILTER(?value > 8.0)
} ORDER BY DESC(?value) ?affinity LIMIT 10`,
    },
  ];
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const numeric = new Set([`${XSD}decimal`, `${XSD}integer`, `${XSD}double`, `${XSD}float`]);

/**
 * A term as comparison text. Numeric literals compare by value: Oxigraph stores "9.0"^^xsd:decimal as the
 * number and gives it back as "9", which is the same RDF term value.
 */
export function termKey(term) {
  if (!term) return 'UNDEF';
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      if (term.language) return `${JSON.stringify(term.value)}@${term.language}`;
      const datatype = term.datatype?.value ?? `${XSD}string`;
      if (numeric.has(datatype)) return `"${Number(term.value)}"^^<${datatype}>`;
      return datatype === `${XSD}string` ? JSON.stringify(term.value) : `${JSON.stringify(term.value)}^^<${datatype}>`;
    }
    default: return `${term.termType}:${term.value}`;
  }
}

/** Rows (variable → term getters) as sorted comparison lines. */
export function rowKeys(rows, variables) {
  const vars = [...variables].sort();
  return rows.map((get) => vars.map((v) => `${v}=${termKey(get(v))}`).join('\t')).sort();
}
