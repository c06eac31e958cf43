#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the repository's Go programs: the valid
# corpus (tests/go, programs), the malformed ones (tests/syntax), the ill-typed
# ones (tests/types) and the unsupported ones (tests/unsupported). Files are
# named by their SHA-1, as libFuzzer names its own finds, so re-running adds
# nothing twice. Run `cargo fuzz cmin TARGET` afterwards to keep only inputs
# that add coverage before committing. The `run` target gets only the valid
# programs (tests/go, programs): the others never get past its compile step.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(lex parse check compile)
for target in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$target"
done
n=0
while IFS= read -r -d '' file; do
    name=$(sha1sum "$file" | cut -d' ' -f1)
    for target in "${targets[@]}"; do
        cp "$file" "fuzz/corpus/$target/$name"
    done
    n=$((n + 1))
done < <(find tests/go tests/syntax tests/types tests/unsupported programs -name '*.go' -type f -print0 | sort -z)
echo "seeded ${#targets[@]} corpora with $n programs each"

mkdir -p fuzz/corpus/run
n=0
while IFS= read -r -d '' file; do
    cp "$file" "fuzz/corpus/run/$(sha1sum "$file" | cut -d' ' -f1)"
    n=$((n + 1))
done < <(find tests/go programs -name '*.go' -type f -print0 | sort -z)
echo "seeded the run corpus with $n valid programs"

# `run_race` (the race detector on): the valid programs and the race corpus.
mkdir -p fuzz/corpus/run_race
n=0
while IFS= read -r -d '' file; do
    cp "$file" "fuzz/corpus/run_race/$(sha1sum "$file" | cut -d' ' -f1)"
    n=$((n + 1))
done < <(find tests/go tests/race programs -name '*.go' -type f -print0 | sort -z)
echo "seeded the run_race corpus with $n programs"
