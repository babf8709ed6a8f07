# Shared preamble of the tests/cli/suite_*.sh scripts (sourced, not run):
#   . "$(dirname "$0")/lib.sh" "$@"
# sets bin (the newsner binary), root (the project, now the working directory),
# tmp (a scratch folder removed on exit), fail (failure count) and bad MESSAGE,
# which prints "FAIL: <suite>: MESSAGE" and counts it.
set -u
bin=$1
root=$2
suite=$(basename "$0" .sh)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$root" || exit 2
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $suite: $*"; }
