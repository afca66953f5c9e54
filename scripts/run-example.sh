#!/usr/bin/env bash
# Runs Ballast's main job on the bundled example, end to end, with no cloud account:
# synth -> plan -> apply -> plan again (no changes) -> history. Works in a scratch copy so the
# checkout stays clean; pass a directory to keep the result there instead.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
rm -rf "$work/example"
mkdir -p "$work"
cp -r "$repo/stacks/example" "$work/example"
cd "$work/example"
ballast() { "$repo/bin/ballast" "$@"; }
echo "== ballast synth";  ballast synth
echo "== ballast plan";   ballast plan
echo "== ballast apply";  ballast apply --auto-approve
echo "== ballast plan (again: expect no changes)"; ballast plan --detailed-exitcode
echo "== ballast history"; ballast history
echo "== ballast output";  ballast output
echo
echo "Files written under $work/example/cdktf.out/stacks/example/out/, state in $work/example/.ballast/"
