#!/usr/bin/env bash
# End-to-end benchmark of `loglens scan`: generates a synthetic vsftpd log (interleaved sessions,
# the three-pid pattern, pids that wrap, failures, refusals, transfers; see Generators/), then reports
#   1. MB/s and peak memory of `loglens scan` on one file, pinned to one core (--jobs 1), then on two (--jobs 2);
#   2. a folder of many logs with --jobs 1 and --jobs 2, and the speed-up.
# Usage: tests/LogLens.Benchmarks/bench-scan.sh [MEGABYTES=100] [FILES=8]     (BUILD=1: measure the plain build)
# Needs /usr/bin/time (Debian package "time") for peak memory; taskset (util-linux) to pin to one core.
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=${1:-100}
files=${2:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# loglens as the tool package installs it on this platform (its libraries precompiled, the hot loop
# left to the JIT); BUILD=1 measures the plain build output instead.
rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
if [ "${BUILD:-}" != 1 ] && [ -n "$rid" ] && dotnet publish -c Release src/LogLens.Cli/LogLens.Cli.csproj -r "$rid" --self-contained false -p:_IsPacking=true -o "$work/tool" >/dev/null 2>&1; then
  loglens="$work/tool/loglens.dll"
  echo "loglens: the $rid tool package's layout (BUILD=1 for the plain build)"
else
  dotnet build -c Release src/LogLens.Cli/LogLens.Cli.csproj >/dev/null
  loglens="src/LogLens.Cli/bin/Release/net10.0/loglens.dll"
  echo "loglens: the plain build"
fi
dotnet build -c Release tests/LogLens.Benchmarks/LogLens.Benchmarks.csproj >/dev/null
generator="tests/LogLens.Benchmarks/bin/Release/net10.0/LogLens.Benchmarks.dll"

dotnet "$generator" generate-vsftpd "$work/vsftpd.log" "$megabytes"
bytes=$(stat -c %s "$work/vsftpd.log")

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
measure() { # prints "seconds peak-KiB"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null
    cat "$work/time"
  else
    local start end
    start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) ?"
  fi
}

# Warm up the runtime's disk cache and JIT once.
dotnet "$loglens" scan "$work/vsftpd.log" -o "$work/warm.csv" --quiet --jobs 1 || true

read -r seconds peak < <(measure "${pin[@]}" dotnet "$loglens" scan "$work/vsftpd.log" -o "$work/one.csv" --quiet --jobs 1)
sessions=$(($(wc -l < "$work/one.csv") - 1))
echo "one file: $((bytes / 1000000)) MB, $sessions sessions"
awk -v b="$bytes" -v s="$seconds" -v p="$peak" 'BEGIN { printf "  %.2f s, %.1f MB/s on one core, peak memory %s MiB\n", s, b / s / 1e6, (p == "?" ? "?" : sprintf("%.0f", p / 1024)) }'

# The fixed cost of a run (runtime start, JIT, format detection, CSV and summary set-up), from the
# same command on the log's first thousand lines; what is left is the per-byte cost.
head -1000 "$work/vsftpd.log" > "$work/small.log"
read -r startup _ < <(measure "${pin[@]}" dotnet "$loglens" scan "$work/small.log" -o "$work/small.csv" --quiet --jobs 1)
awk -v b="$bytes" -v s="$seconds" -v f="$startup" 'BEGIN { printf "  of which %.2f s is the fixed cost of a run (a 1000-line file takes as long); %.1f MB/s beyond it\n", f, (s > f ? b / (s - f) / 1e6 : 0) }'

# The same file with two jobs, unpinned: parsed on one core while the other groups its sessions.
read -r paired paired_peak < <(measure dotnet "$loglens" scan "$work/vsftpd.log" -o "$work/paired.csv" --quiet --jobs 2)
cmp -s "$work/one.csv" "$work/paired.csv" && same="identical" || same="DIFFERENT"
awk -v b="$bytes" -v s="$paired" -v o="$seconds" -v p="$paired_peak" 'BEGIN { printf "  with --jobs 2 on two cores: %.2f s, %.1f MB/s (%.2fx), peak memory %s MiB\n", s, b / s / 1e6, o / s, (p == "?" ? "?" : sprintf("%.0f", p / 1024)) }'
echo "  CSV with --jobs 1 and --jobs 2: $same"

mkdir "$work/folder"
per=$((megabytes / files)); [ "$per" -ge 1 ] || per=1
for i in $(seq 1 "$files"); do
  dotnet "$generator" generate-vsftpd "$work/folder/vsftpd.log.$i" "$per" "$i"
done
rm -f "$work"/folder/*.truth # the generator's ground truth, not logs to scan
read -r one _ < <(measure dotnet "$loglens" scan "$work/folder" -o "$work/j1.csv" --quiet --jobs 1)
read -r two _ < <(measure dotnet "$loglens" scan "$work/folder" -o "$work/j2.csv" --quiet --jobs 2)
cmp -s "$work/j1.csv" "$work/j2.csv" && same="identical" || same="DIFFERENT"
echo "folder: $files files of $per MB"
awk -v a="$one" -v b="$two" 'BEGIN { printf "  --jobs 1: %.2f s, --jobs 2: %.2f s, speed-up %.2fx\n", a, b, a / b }'
echo "  CSV with --jobs 1 and --jobs 2: $same"
