#!/usr/bin/env bash
# Offline schema check of the add-in manifest against the OfficeApp 1.1 XSDs kept beside the repo
# in ../shared/schemas/manifest (see its README.md). Exit status 0 = valid.
#
#   bash scripts/validate-manifest.sh              # checks manifest.xml
#   bash scripts/validate-manifest.sh other.xml    # checks other manifests
#   MANIFEST_SCHEMAS=/path/to/schemas/manifest bash scripts/validate-manifest.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
schemas=${MANIFEST_SCHEMAS:-"$root/../shared/schemas/manifest"}

if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest: xmllint is missing; install it with: apt-get install -y libxml2-utils (macOS: it ships with the OS)" >&2
  exit 2
fi
if [ ! -f "$schemas/validate.sh" ]; then
  echo "validate-manifest: no schemas at $schemas (expected ../shared/schemas/manifest next to the repo, or set MANIFEST_SCHEMAS)" >&2
  exit 2
fi

if [ "$#" -eq 0 ]; then
  set -- "$root/manifest.xml"
fi
exec sh "$schemas/validate.sh" "$@"
