#!/usr/bin/env bash
# Side-by-side throughput on one corpus and one word list, one core each:
#   credence (all scorers), credence (loaded-language lexicon only),
#   GNU grep -F -i -w -o -f words.txt | wc -l, and Vale v3 with one
#   `existence` rule from the same list when VALE=1 and it can be built.
# Usage: bench/compare.sh [articles]   (default 10000; prints seconds and ratios;
#        RUNS=n sets how many runs each timing is the best of, default 3;
#        CORPUS=file.jsonl runs on that corpus instead of generated articles,
#        e.g. CORPUS=../shared/bench/news-like.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=${WORK:-$(mktemp -d)}
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/credence" ./cmd/credence
if [ -n "${CORPUS:-}" ]; then
  cp "$CORPUS" "$WORK/corpus.jsonl"
  N=$(wc -l < "$WORK/corpus.jsonl")
else
  "$WORK/credence" corpus -n "$N" > "$WORK/corpus.jsonl"
fi
# The same text as plain files for grep and Vale.
python3 - "$WORK" <<'PY'
import json, sys, os
w = sys.argv[1]
os.makedirs(f"{w}/txt", exist_ok=True)
with open(f"{w}/corpus.jsonl") as f, open(f"{w}/corpus.txt", "w") as all_:
    for i, line in enumerate(f):
        t = json.loads(line)["text"]
        all_.write(t + "\n")
        if i < 2000:  # Vale is slow: it gets the first 2,000 articles, and its time is scaled
            open(f"{w}/txt/{i:05d}.md", "w").write(t)
PY
"$WORK/credence" rules --words framing.loaded > "$WORK/words.txt"
MB=$(awk -v b="$(stat -c %s "$WORK/corpus.txt")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "corpus: $N articles, ${MB} MB; word list: $(wc -l < "$WORK/words.txt") entries"

# Each timing is the best of RUNS (default 3): on a shared machine a slower
# run measures the neighbours, not the tool.
RUNS=${RUNS:-3}
t() {
  local s e d best=""
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    d=$(echo "$e - $s" | bc)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
full=$(t env GOMAXPROCS=1 "$WORK/credence" score --workers 1 --format jsonl "$WORK/corpus.jsonl")
lex=$(t env GOMAXPROCS=1 "$WORK/credence" score --workers 1 --scorers framing --only framing.loaded --format jsonl "$WORK/corpus.jsonl")
two=$(t env GOMAXPROCS=2 "$WORK/credence" score --workers 2 --format jsonl "$WORK/corpus.jsonl")
grep_s=$(t sh -c "LC_ALL=C grep -F -i -w -o -f '$WORK/words.txt' '$WORK/corpus.txt' | wc -l")
# In a UTF-8 locale, case-insensitive whole-word matching leaves grep's fast
# byte path (the setting the issue's reference figures were measured in).
grep_u=$(t sh -c "LC_ALL=C.UTF-8 grep -F -i -w -o -f '$WORK/words.txt' '$WORK/corpus.txt' | wc -l")
printf '%-36s %8s %10s\n' "tool" "seconds" "MB/s"
row() { printf '%-36s %8.2f %10.2f\n' "$1" "$2" "$(echo "$MB / $2" | bc -l)"; }
row "credence, all scorers (1 core)" "$full"
row "credence, all scorers (2 cores)" "$two"
row "credence, loaded lexicon only" "$lex"
row "grep -F -i -w -o -f (LC_ALL=C)" "$grep_s"
row "grep -F -i -w -o -f (C.UTF-8)" "$grep_u"
if [ "${VALE:-0}" = 1 ]; then
  # A throwaway module outside the repo (see ../shared/DEPENDENCIES.md for why the replace).
  mkdir -p "$WORK/valemod" && (cd "$WORK/valemod" && go mod init valebuild >/dev/null 2>&1 &&
    go mod edit -require github.com/vale-cli/vale/v3@v3.26.0 -replace github.com/andybalholm/cascadia=github.com/andybalholm/cascadia@v1.3.5 &&
    GOFLAGS=-mod=mod go build -o "$WORK/vale" github.com/vale-cli/vale/v3/cmd/vale) || echo "vale: could not be built"
  if [ -x "$WORK/vale" ]; then
    mkdir -p "$WORK/styles/Bench"
    { echo "extends: existence"; echo "message: \"'%s' is loaded\""; echo "ignorecase: true"; echo "level: warning"; echo "tokens:";
      sed "s/'/''/g; s/^/  - '/; s/\$/'/" "$WORK/words.txt"; } > "$WORK/styles/Bench/Loaded.yml"
    printf 'StylesPath = styles\n[*.md]\nBasedOnStyles = Bench\n' > "$WORK/.vale.ini"
    vale_s=$(cd "$WORK" && t ./vale --config .vale.ini --output line txt)
    files=$(ls "$WORK/txt" | wc -l)
    vale_full=$(echo "$vale_s * $N / $files" | bc -l)
    row "vale v3 existence rule (2 cores)" "$vale_full"
    echo "ratio credence(all, 1 core)/vale: $(echo "$vale_full / $full" | bc -l | cut -c1-6)x  (above 1: credence is faster)"
  fi
fi
echo "ratio credence(all)/grep: $(echo "$grep_s / $full" | bc -l | cut -c1-6)x (C locale), $(echo "$grep_u / $full" | bc -l | cut -c1-6)x (UTF-8)  (above 1: credence is faster)"
echo "ratio credence(lexicon)/grep: $(echo "$grep_s / $lex" | bc -l | cut -c1-6)x (C locale), $(echo "$grep_u / $lex" | bc -l | cut -c1-6)x (UTF-8)"
echo "2-core scaling: $(echo "$full / $two" | bc -l | cut -c1-5)x"
