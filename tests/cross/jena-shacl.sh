#!/bin/sh
# Apache Jena's SHACL validator (Debian package libapache-jena-java, Jena 4.5.0), for tests/cross/shacl-jena.test.ts.
#
#   tests/cross/jena-shacl.sh SHAPES.ttl DATA.ttl     → the validation report as Turtle on stdout
#
# Debian ships Jena as jars only (no `shacl` launcher), so the command-line class shacl.shacl from jena-cmds.jar
# is run with an explicit class path: the Jena jars and the jars of the packages libapache-jena-java depends on.
# Not "/usr/share/java/*": that folder also holds log4j-over-slf4j and slf4j-log4j12, which together make SLF4J
# abort at start-up. slf4j-nop silences Jena's logging (warnings go to the report, not to the log).
# Exit status: Jena's (0 = ran, whether or not the data conforms); 3 = Jena or Java is missing.
set -eu

if [ "$#" -ne 2 ]; then
  echo "usage: $0 SHAPES.ttl DATA.ttl" >&2
  exit 2
fi

JAVA_DIR=${JENA_JAVA_DIR:-/usr/share/java}
MISSING="install the Debian packages libapache-jena-java and default-jre-headless (apt-get install libapache-jena-java default-jre-headless)"

if ! command -v java >/dev/null 2>&1; then
  echo "jena-shacl.sh: java not found: $MISSING" >&2
  exit 3
fi

CP=""
for jar in \
  jena-cmds jena-shacl jena-arq jena-core jena-base jena-iri \
  commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 \
  dexx.collection guava gson httpclient httpcore jackson-core jackson-databind jackson-annotations \
  jsonld-java titanium-json-ld jakarta.json-api protobuf thrift \
  slf4j-api slf4j-nop
do
  if [ ! -f "$JAVA_DIR/$jar.jar" ]; then
    echo "jena-shacl.sh: $JAVA_DIR/$jar.jar not found: $MISSING" >&2
    exit 3
  fi
  CP="$CP${CP:+:}$JAVA_DIR/$jar.jar"
done

# Debian's jena-core.jar (4.5.0-2) renames the shaded Xerces classes to the package `xerces.*` but leaves their
# message bundles under org/apache/jena/ext/xerces/: without them Jena dies at start-up with
# "ExceptionInInitializerError ... XSSimpleTypeDecl.applyFacets1: internal error". Copy the bundles, once, to
# where the classes look for them, and put that folder first on the class path.
FIX_DIR=${JENA_XERCES_FIX_DIR:-${TMPDIR:-/tmp}/pharmald-jena-xerces-fix-$(id -u)-$(cksum < "$JAVA_DIR/jena-core.jar" | cut -d" " -f1)}
if [ ! -f "$FIX_DIR/xerces/impl/xpath/regex/message.properties" ]; then
  if ! command -v python3 >/dev/null 2>&1; then
    echo "jena-shacl.sh: python3 is needed to patch Debian's jena-core.jar message bundles" >&2
    exit 3
  fi
  python3 - "$JAVA_DIR/jena-core.jar" "$FIX_DIR" <<'PY'
import os, sys, zipfile
jar, out = sys.argv[1], sys.argv[2]
prefix = 'org/apache/jena/ext/xerces/'
tmp = out + '.tmp' + str(os.getpid())
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if name.startswith(prefix) and name.endswith('.properties'):
            target = os.path.join(tmp, 'xerces', name[len(prefix):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'wb') as f:
                f.write(z.read(name))
try:
    os.rename(tmp, out)
except OSError:
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)  # another run made it first
PY
fi

# A short-lived JVM: the C1 compiler only and the serial collector start about a third faster.
# shellcheck disable=SC2086
exec java ${JENA_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$FIX_DIR:$CP" shacl.shacl validate --shapes "$1" --data "$2"
