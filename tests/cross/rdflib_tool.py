#!/usr/bin/python3
"""Independent cross-checks of pharmald's output with Debian's python3-rdflib (and python3-pyld).

Run it with /usr/bin/python3: Debian's packages are only importable by the system interpreter.

  rdflib_tool.py graphs OURS.nt DATASET.ttl DATASET.nt DATASET.jsonld [MUTANT.nt ...]
      Parses each file with rdflib (the JSON-LD file also with pyld -> N-Quads) and prints JSON:
      {"graphs": {name: {"triples": n, "literals": {...}}}, "comparisons": [...], "mutants": [...]}.
      Each MUTANT is a deliberately altered copy of OURS: it must NOT compare equal (proves the check can fail).
  rdflib_tool.py query DATASET.ttl  < [{"name": ..., "sparql": ...}, ...]
      Loads the Turtle once, answers every query, prints a JSON list of
      {"name": ..., "result": <SPARQL 1.1 results JSON>} or {"name": ..., "error": ...}.
  rdflib_tool.py same-graph REFERENCE.nt FILE FORMAT [--queries  < [{"name": ..., "sparql": ...}, ...]]
      For a large dataset (one file per process, so several run side by side): parses FILE with rdflib
      (FORMAT: turtle, nt or json-ld; or pyld: the JSON-LD expanded by python3-pyld to N-Quads, which rdflib
      reads), writes each triple without a blank node as a canonical N-Triples line (RDF 1.1 canonical escapes,
      no ^^xsd:string) and compares that set with the lines of REFERENCE.nt read as text (pharmald's own
      canonical N-Triples, not parsed). The triples with a blank node are compared as graphs
      (rdflib.compare.isomorphic) with REFERENCE's blank-node lines parsed by rdflib. Prints JSON:
      {"triples", "referenceLines", "referenceDistinctLines", "groundOnlyInReference", "groundOnlyInFile"
      (first 25 each, with counts), "blankNodeTriples", "referenceBlankNodeTriples", "blankNodeIsomorphic",
      "parseSeconds", "seconds"}; with FORMAT pyld and no python3-pyld: {"pyldMissing": ...}.
      With --queries, also answers every query on the graph as parsed from FILE (so a large file is parsed once):
      "queries": [{"name", "result" | "error", "seconds"}, ...].

Exit status 3: python3-rdflib is missing; 2: usage error. A missing python3-pyld is reported in the JSON
("pyldMissing"), so the rdflib checks still run.
"""
import json
import re
import sys

try:
    import rdflib
    from rdflib import BNode, Graph, Literal
    from rdflib.compare import isomorphic, to_canonical_graph
    from rdflib.namespace import XSD
except ImportError as error:  # pragma: no cover - reported by the test
    sys.stderr.write(f"MISSING python3-rdflib: {error}\n")
    sys.exit(3)

# Keep every literal exactly as written (rdflib would otherwise rewrite e.g. "01"^^xsd:integer to "1"),
# so lexical forms are compared byte for byte, not by value.
rdflib.NORMALIZE_LITERALS = False

def plain(term):
    """RDF 1.1: a simple literal *is* an xsd:string; give both the same (absent) datatype."""
    if isinstance(term, Literal) and term.language is None and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def normalised(graph):
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, plain(o)))
    return out


def load(path, fmt):
    graph = Graph()
    graph.parse(path, format=fmt)
    return normalised(graph)


def literal_profile(graph):
    """How many literal objects carry which datatype / language tag (absent datatype = xsd:string)."""
    profile = {}
    for _, _, o in graph:
        if isinstance(o, Literal):
            key = f"@{o.language}" if o.language else str(o.datatype or XSD.string)
            profile[key] = profile.get(key, 0) + 1
    return dict(sorted(profile.items()))


def canonical_lines(graph):
    """The graph with blank nodes relabelled canonically, as a set of N-Triples-like lines."""
    lines = set()
    for s, p, o in to_canonical_graph(graph):
        lines.add(" ".join(term.n3() for term in (s, p, o)))
    return lines


def compare(name_a, graph_a, name_b, graph_b):
    lines_a, lines_b = canonical_lines(graph_a), canonical_lines(graph_b)
    only_a, only_b = sorted(lines_a - lines_b), sorted(lines_b - lines_a)
    return {
        "a": name_a,
        "b": name_b,
        "isomorphic": bool(isomorphic(graph_a, graph_b)),
        "sameCanonicalTriples": not only_a and not only_b,
        "onlyInA": only_a[:25],
        "onlyInB": only_b[:25],
        "onlyInACount": len(only_a),
        "onlyInBCount": len(only_b),
    }


def pyld_graph(jsonld_path):
    """The JSON-LD file expanded and turned into N-Quads by pyld, read back as N-Triples; None if pyld is missing."""
    try:
        from pyld import jsonld
    except ImportError as error:
        return None, f"{error}"
    with open(jsonld_path, encoding="utf-8") as handle:
        document = json.load(handle)
    expanded = jsonld.expand(document)
    dataset = jsonld.to_rdf(expanded, {})
    named = sorted(name for name in dataset if name != "@default")
    if named:
        raise SystemExit(f"pyld put triples in named graphs {named}; the dataset has only a default graph")
    nquads = jsonld.JsonLdProcessor.to_nquads(dataset)
    graph = Graph()
    graph.parse(data=nquads, format="nt")
    return normalised(graph), len(expanded)


def cmd_graphs(ours_path, ttl_path, nt_path, jsonld_path, *mutant_paths):
    graphs = {
        "ours": load(ours_path, "nt"),
        "turtle": load(ttl_path, "turtle"),
        "ntriples": load(nt_path, "nt"),
        "jsonld": load(jsonld_path, "json-ld"),
    }
    pyld_result, pyld_info = pyld_graph(jsonld_path)
    if pyld_result is not None:
        graphs["pyld"] = pyld_result
    names = list(graphs)
    comparisons = [compare("ours", graphs["ours"], name, graphs[name]) for name in names[1:]]
    comparisons += [compare(a, graphs[a], b, graphs[b]) for i, a in enumerate(names[1:], 1) for b in names[i + 1:]]
    report = {
        "rdflib": rdflib.__version__,
        "graphs": {
            name: {
                "triples": len(graph),
                "blankNodes": len({t for triple in graph for t in triple if isinstance(t, BNode)}),
                "literals": literal_profile(graph),
            }
            for name, graph in graphs.items()
        },
        "pyldMissing": pyld_info if pyld_result is None else None,
        "pyldExpandedNodes": pyld_info if pyld_result is not None else None,
        "comparisons": comparisons,
        "mutants": [compare("ours", graphs["ours"], path, load(path, "nt")) for path in mutant_paths],
    }
    json.dump(report, sys.stdout)


def cmd_query(ttl_path):
    queries = json.load(sys.stdin)
    graph = Graph()  # queried exactly as rdflib parses the file, no normalisation
    graph.parse(ttl_path, format="turtle")
    answers = []
    for entry in queries:
        try:
            result = graph.query(entry["sparql"])
            text = result.serialize(format="json")
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            answers.append({"name": entry["name"], "result": json.loads(text)})
        except Exception as error:  # reported per query, so one failure does not hide the others
            answers.append({"name": entry["name"], "error": f"{type(error).__name__}: {error}"})
    json.dump({"rdflib": rdflib.__version__, "triples": len(graph), "answers": answers}, sys.stdout)


_ECHAR = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def canonical_nt(term):
    """One term as canonical N-Triples (RDF 1.1 / RDFC-1.0 escapes; a simple literal has no datatype)."""
    if isinstance(term, BNode):
        raise ValueError("canonical_nt: blank node")
    if isinstance(term, Literal):
        out = []
        for char in str(term):
            if char in _ECHAR:
                out.append(_ECHAR[char])
            elif ord(char) < 0x20 or ord(char) == 0x7F:
                out.append("\\u%04X" % ord(char))
            else:
                out.append(char)
        text = '"' + "".join(out) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return f"<{term}>"


_BLANK_LINE = re.compile(r'^_:|\s_:[^\s"<>]+\s*\.\s*$')


def has_blank(line):
    """Whether an N-Triples line of REFERENCE has a blank node (subject, or object; predicates cannot)."""
    return _BLANK_LINE.search(line) is not None


def timed_answers(graph, queries):
    import time
    answers = []
    for entry in queries:
        started = time.time()
        try:
            text = graph.query(entry["sparql"]).serialize(format="json")
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            answer = {"name": entry["name"], "result": json.loads(text)}
        except Exception as error:  # reported per query, so one failure does not hide the others
            answer = {"name": entry["name"], "error": f"{type(error).__name__}: {error}"}
        answer["seconds"] = round(time.time() - started, 2)
        answers.append(answer)
    return answers


def cmd_same_graph(reference_path, file_path, fmt, with_queries=False):
    import time
    started = time.time()
    queries = json.load(sys.stdin) if with_queries else None
    with open(reference_path, encoding="utf-8") as handle:
        reference_lines = [line for line in handle.read().split("\n") if line.strip()]
    reference_ground = {line for line in reference_lines if not has_blank(line)}
    reference_blank = [line for line in reference_lines if has_blank(line)]
    if fmt == "pyld":
        graph, info = pyld_graph(file_path)
        if graph is None:
            json.dump({"pyldMissing": info}, sys.stdout)
            return
    else:
        graph = Graph()
        graph.parse(file_path, format=fmt)
    parse_seconds = round(time.time() - started, 2)
    answers = timed_answers(graph, queries) if with_queries else None  # on the graph exactly as parsed
    ground = set()
    blank = Graph()
    for s, p, o in graph:
        if isinstance(s, BNode) or isinstance(o, BNode):
            blank.add((s, p, plain(o)))
        else:
            ground.add(" ".join(canonical_nt(t) for t in (s, p, o)) + " .")
    triples = len(graph)
    del graph
    reference_blank_graph = Graph()
    if reference_blank:
        reference_blank_graph.parse(data="\n".join(reference_blank) + "\n", format="nt")
    reference_blank_graph = normalised(reference_blank_graph)
    only_reference = sorted(reference_ground - ground)
    only_file = sorted(ground - reference_ground)
    json.dump({
        "rdflib": rdflib.__version__,
        "format": fmt,
        "triples": triples,
        "referenceLines": len(reference_lines),
        "referenceDistinctLines": len(set(reference_lines)),
        "groundOnlyInReference": only_reference[:25],
        "groundOnlyInFile": only_file[:25],
        "groundOnlyInReferenceCount": len(only_reference),
        "groundOnlyInFileCount": len(only_file),
        "blankNodeTriples": len(blank),
        "referenceBlankNodeTriples": len(reference_blank),
        "blankNodeIsomorphic": bool(isomorphic(blank, reference_blank_graph)),
        "parseSeconds": parse_seconds,
        "seconds": round(time.time() - started, 1),
        **({"queries": answers} if with_queries else {}),
    }, sys.stdout)


def main(argv):
    if len(argv) >= 6 and argv[1] == "graphs":
        cmd_graphs(*argv[2:])
    elif len(argv) == 3 and argv[1] == "query":
        cmd_query(argv[2])
    elif len(argv) in (5, 6) and argv[1] == "same-graph" and argv[5:] in ([], ["--queries"]):
        cmd_same_graph(*argv[2:5], with_queries=len(argv) == 6)
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
