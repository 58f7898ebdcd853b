#!/usr/bin/python3
"""Standard SPARQL clients against a running `pharmald serve`: Debian's python3-sparqlwrapper and
python3-rdflib (SPARQLStore). Run it with /usr/bin/python3: Debian's packages are only importable by the
system interpreter.

  sparql_clients.py < {"endpoint": URL, "selects": {name: sparql}, "asks": {name: sparql},
                       "constructs": {name: sparql}, "defaults": {name: sparql},
                       "storeGraphs": {name: sparql}, "entity": IRI, "oversized": bytes}

Prints one JSON object: {"versions": {...}, "answers": [{"client", "method", "format", "name",
"contentType", "result"} | {..., "error"}]}. Every answer is reduced to plain JSON so the caller can
compare it with its own engine:
  SELECT  JSON / XML / TSV -> {"vars": [...], "rows": [{var: term}]} with SPARQL-JSON-style terms
          CSV              -> {"vars": [...], "rows": [{var: "plain value"}]} (CSV carries no types)
  ASK                      -> {"boolean": true|false}
  CONSTRUCT                -> {"triples": [[s, p, o], ...]} with SPARQL-JSON-style terms

"defaults" are run by SPARQLWrapper as it comes (GET, XML: RDF/XML for a graph), "storeGraphs" (CONSTRUCT) by
SPARQLStore, "entity" by Graph().parse(IRI); "oversized" bytes are POSTed by urllib and SPARQLWrapper (a 413
expected). Those answers are in "extras".

Exit status 3: python3-sparqlwrapper or python3-rdflib is missing (the message says which).
"""
import csv
import io
import json
import sys
import warnings

try:
    import rdflib
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.namespace import XSD
    from rdflib.util import from_n3
except ImportError as error:  # pragma: no cover - reported by the test
    sys.stderr.write(f"MISSING python3-rdflib: {error}\n")
    sys.exit(3)
try:
    import SPARQLWrapper
    from SPARQLWrapper import CSV, GET, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper as Wrapper
except ImportError as error:  # pragma: no cover - reported by the test
    sys.stderr.write(f"MISSING python3-sparqlwrapper: {error}\n")
    sys.exit(3)

# Keep every literal's lexical form as sent ("659.0"^^xsd:decimal stays "659.0").
rdflib.NORMALIZE_LITERALS = False
# SPARQLWrapper warns about formats it guesses; a warning here is a finding, so make it loud.
warnings.simplefilter("error", RuntimeWarning)


def term_json(term):
    """An rdflib term as a SPARQL 1.1 JSON results term (xsd:string literals written as simple ones)."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    raise ValueError(f"unexpected term {term!r}")


def json_term(binding):
    """A SPARQL JSON term as served, with "typed-literal" (SPARQL 1.0 JSON) folded in and xsd:string dropped."""
    out = {"type": "literal" if binding["type"] == "typed-literal" else binding["type"], "value": binding["value"]}
    if "xml:lang" in binding:
        out["xml:lang"] = binding["xml:lang"]
    if "datatype" in binding and binding["datatype"] != str(XSD.string):
        out["datatype"] = binding["datatype"]
    return out


def from_json(doc):
    if "boolean" in doc:
        return {"boolean": doc["boolean"]}
    return {
        "vars": doc["head"]["vars"],
        "rows": [{k: json_term(v) for k, v in row.items()} for row in doc["results"]["bindings"]],
    }


def from_xml(dom):
    """The SPARQL XML results DOM that SPARQLWrapper gives, read element by element."""
    ns = "http://www.w3.org/2005/sparql-results#"
    root = dom.documentElement
    if root.namespaceURI != ns or root.localName != "sparql":
        raise ValueError(f"not SPARQL XML results: {root.tagName} in {root.namespaceURI}")
    booleans = root.getElementsByTagNameNS(ns, "boolean")
    if booleans.length:
        return {"boolean": booleans[0].firstChild.data.strip() == "true"}
    variables = [v.getAttribute("name") for v in root.getElementsByTagNameNS(ns, "variable")]
    rows = []
    for result in root.getElementsByTagNameNS(ns, "result"):
        row = {}
        for binding in result.getElementsByTagNameNS(ns, "binding"):
            node = next(n for n in binding.childNodes if n.nodeType == n.ELEMENT_NODE)
            text = "".join(c.data for c in node.childNodes if c.nodeType == c.TEXT_NODE)
            if node.localName == "uri":
                term = {"type": "uri", "value": text}
            elif node.localName == "bnode":
                term = {"type": "bnode", "value": text}
            else:
                term = {"type": "literal", "value": text}
                lang = node.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang") or node.getAttribute("xml:lang")
                if lang:
                    term["xml:lang"] = lang
                elif node.getAttribute("datatype") and node.getAttribute("datatype") != str(XSD.string):
                    term["datatype"] = node.getAttribute("datatype")
            row[binding.getAttribute("name")] = term
        rows.append(row)
    return {"vars": variables, "rows": rows}


def from_csv(data):
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    lines = list(reader)
    header, body = lines[0], lines[1:]
    return {"vars": header, "rows": [{v: cell for v, cell in zip(header, line)} for line in body]}


def from_tsv(data):
    lines = data.decode("utf-8").split("\n")
    if lines[-1] != "":
        raise ValueError("TSV does not end with a newline")
    header = [h[1:] if h.startswith("?") else h for h in lines[0].split("\t")]
    rows = []
    for line in lines[1:-1]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"TSV row with {len(cells)} cells for {len(header)} variables: {line!r}")
        # Each cell is a term in SPARQL / N-Triples syntax, read by rdflib.
        rows.append({v: term_json(from_n3(cell)) for v, cell in zip(header, cells) if cell != ""})
    return {"vars": header, "rows": rows}


def triples_of(graph):
    return {"triples": sorted([[term_json(s), term_json(p), term_json(o)] for s, p, o in graph], key=json.dumps)}


def wrapper(endpoint, method, sparql, return_format, accept=None):
    client = Wrapper(endpoint)
    client.setMethod(POST if method.startswith("POST") else GET)
    if method == "POST-direct":
        client.setRequestMethod(POSTDIRECTLY)
    elif method == "POST":
        client.setRequestMethod(URLENCODED)
    client.setQuery(sparql)
    client.setReturnFormat(return_format)
    if accept:
        client.addCustomHttpHeader("Accept", accept)
    return client


def run_wrapper(endpoint, method, fmt, name, sparql, kind):
    entry = {"client": "SPARQLWrapper", "method": method, "format": fmt, "name": name}
    try:
        if kind == "construct":
            if fmt == "turtle":
                result = wrapper(endpoint, method, sparql, TURTLE).query()
                data, syntax = result.convert(), "turtle"
            elif fmt == "ntriples":
                # SPARQLWrapper 1.8 has no N-Triples format: N3 with an explicit Accept is how to ask for it.
                result = wrapper(endpoint, method, sparql, N3, accept="application/n-triples").query()
                data, syntax = result.convert(), "nt"
            else:  # jsonld: SPARQLWrapper 1.8 needs rdflib-jsonld to convert; read the body, parse with rdflib.
                result = wrapper(endpoint, method, sparql, N3, accept="application/ld+json").query()
                data, syntax = result.response.read(), "json-ld"
            entry["contentType"] = result.info()["content-type"]
            graph = Graph()
            graph.parse(data=data.decode("utf-8"), format=syntax)
            entry["result"] = triples_of(graph)
        else:
            fmt_const = {"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV}[fmt]
            result = wrapper(endpoint, method, sparql, fmt_const).query()
            entry["contentType"] = result.info()["content-type"]
            converted = result.convert()
            entry["result"] = {"json": from_json, "xml": from_xml, "csv": from_csv, "tsv": from_tsv}[fmt](converted)
    except Exception as error:  # reported, compared by the caller
        entry["error"] = f"{type(error).__name__}: {error}"
    return entry


def run_sparqlstore(endpoint, name, sparql):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    entry = {"client": "rdflib.SPARQLStore", "method": "GET", "format": "default", "name": name}
    try:
        store = SPARQLStore(endpoint)
        result = Graph(store).query(sparql)
        if result.type == "ASK":
            entry["result"] = {"boolean": bool(result.askAnswer)}
        else:
            variables = [str(v) for v in result.vars]
            rows = []
            for row in result:
                rows.append({v: term_json(row[v]) for v in variables if row[v] is not None})
            entry["result"] = {"vars": variables, "rows": rows}
    except Exception as error:
        entry["error"] = f"{type(error).__name__}: {error}"
    return entry


def run_defaults(endpoint, name, sparql):
    """SPARQLWrapper as it comes: GET and XML, converted as it converts (a DOM, or an rdflib graph for RDF/XML)."""
    entry = {"client": "SPARQLWrapper-defaults", "name": name, "method": "default", "format": "default"}
    try:
        client = Wrapper(endpoint)
        client.setQuery(sparql)
        result = client.query()
        entry["contentType"] = result.info()["content-type"]
        converted = result.convert()
        entry["result"] = triples_of(converted) if isinstance(converted, Graph) else from_xml(converted)
    except Exception as error:
        entry["error"] = f"{type(error).__name__}: {error}"
    return entry


def run_sparqlstore_graph(endpoint, name, sparql):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    entry = {"client": "rdflib.SPARQLStore", "name": name, "method": "default", "format": "default"}
    try:
        entry["result"] = triples_of(Graph(SPARQLStore(endpoint)).query(sparql).graph)
    except Exception as error:
        entry["error"] = f"{type(error).__name__}: {error}"
    return entry


def run_parse_iri(iri):
    """rdflib's Graph().parse(IRI) with no format: its own Accept, then the parser the Content-Type names."""
    entry = {"client": "rdflib.Graph.parse", "name": iri, "method": "default", "format": "default"}
    try:
        graph = Graph()
        graph.parse(iri)
        entry["result"] = triples_of(graph)
    except Exception as error:
        entry["error"] = f"{type(error).__name__}: {error}"
    return entry


def run_oversized(endpoint, size):
    """A query body over the limit, POSTed by urllib (as SPARQLWrapper does: the whole body, then the answer)."""
    import urllib.error
    import urllib.request

    query = "ASK {} # " + "x" * size
    entries = []
    for client in ("urllib", "SPARQLWrapper"):
        entry = {"client": client, "name": "oversized", "method": "default", "format": "default"}
        try:
            if client == "urllib":
                request = urllib.request.Request(endpoint, data=query.encode(), headers={"Content-Type": "application/sparql-query"})
                urllib.request.urlopen(request)
            else:
                wrapped = wrapper(endpoint, "POST", query, JSON)
                wrapped.query()
            entry["error"] = "answered with no HTTP error"
        except urllib.error.HTTPError as error:
            entry["result"] = {"status": error.code, "body": error.read().decode("utf-8")}
        except Exception as error:
            entry["error"] = f"{type(error).__name__}: {error}"
        entries.append(entry)
    return entries


def main():
    request = json.load(sys.stdin)
    endpoint = request["endpoint"]
    answers = []
    for method in ("GET", "POST", "POST-direct"):
        for name, sparql in request.get("selects", {}).items():
            for fmt in ("json", "xml", "csv", "tsv"):
                answers.append(run_wrapper(endpoint, method, fmt, name, sparql, "select"))
        for name, sparql in request.get("asks", {}).items():
            for fmt in ("json", "xml"):
                answers.append(run_wrapper(endpoint, method, fmt, name, sparql, "ask"))
        for name, sparql in request.get("constructs", {}).items():
            for fmt in ("turtle", "ntriples", "jsonld"):
                answers.append(run_wrapper(endpoint, method, fmt, name, sparql, "construct"))
    for name, sparql in {**request.get("selects", {}), **request.get("asks", {})}.items():
        answers.append(run_sparqlstore(endpoint, name, sparql))
    extras = [run_defaults(endpoint, name, sparql) for name, sparql in request.get("defaults", {}).items()]
    extras += [run_sparqlstore_graph(endpoint, name, sparql) for name, sparql in request.get("storeGraphs", {}).items()]
    if "entity" in request:
        extras.append(run_parse_iri(request["entity"]))
    if "oversized" in request:
        extras.extend(run_oversized(endpoint, request["oversized"]))
    versions = {"SPARQLWrapper": SPARQLWrapper.__version__, "rdflib": rdflib.__version__, "python": sys.version.split()[0]}
    json.dump({"versions": versions, "answers": answers, "extras": extras}, sys.stdout)


if __name__ == "__main__":
    main()
