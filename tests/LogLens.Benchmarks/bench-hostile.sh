#!/usr/bin/env bash
# Peak memory (and time) of the `loglens` CLI on hostile inputs: what a log tool must survive without
# taking the machine down. Each input is generated here; each run is measured with /usr/bin/time.
# Usage: tests/LogLens.Benchmarks/bench-hostile.sh [MEGABYTES=100]   (the size of the generated vsftpd log)
# Needs /usr/bin/time (Debian package "time"), gzip, awk.
set -euo pipefail
cd "$(dirname "$0")/../.."

megabytes=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/LogLens.Cli/LogLens.Cli.csproj >/dev/null
dotnet build -c Release tests/LogLens.Benchmarks/LogLens.Benchmarks.csproj >/dev/null
loglens=(dotnet src/LogLens.Cli/bin/Release/net10.0/loglens.dll)
generator="tests/LogLens.Benchmarks/bin/Release/net10.0/LogLens.Benchmarks.dll"

peak() { # NAME COMMAND...: prints the peak resident memory and the wall time
  local name=$1
  shift
  /usr/bin/time -f '%M %e %x' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  read -r kib seconds status < <(tail -n 1 "$work/time")
  printf '%-58s %6d MiB %7.1f s  exit %s\n' "$name" $((kib / 1024)) "$seconds" "$status"
}

# vsftpd connections, each its own process: CONNECT then a failed login, 30 a second (within one day).
# ADDRESSES=1: every connection from its own address. OPEN=1: all in the same second, none ending.
vsftpd_connections() { # COUNT ADDRESSES OPEN
  awk -v n="$1" -v distinct="$2" -v open="$3" 'BEGIN {
    for (i = 0; i < n; i++) {
      t = open ? 0 : int(i / 30)
      stamp = sprintf("Thu Sep  8 %02d:%02d:%02d 2016", int(t / 3600), int(t / 60) % 60, t % 60)
      ip = distinct ? sprintf("10.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256) : sprintf("198.51.100.%d", i % 200)
      pid = 1000 + i
      printf "%s [pid %d] CONNECT: Client \"%s\"\n", stamp, pid, ip
      if (!open) printf "%s [pid %d] [bot] FAIL LOGIN: Client \"%s\"\n", stamp, pid + 1, ip
    }
  }'
}

head -c 1073741824 /dev/zero | tr '\0' '\n' | gzip -1 >"$work/newlines.gz"
peak "1 GiB of newlines, gzipped ($(($(stat -c %s "$work/newlines.gz") / 1024)) KiB)" "${loglens[@]}" analyze "$work/newlines.gz"
head -c 20000000 /dev/zero | tr '\0' '\n' >"$work/blank.log"
peak "20 MB of blank lines" "${loglens[@]}" analyze "$work/blank.log"
head -c 10000000 < <(yes ' ') >"$work/spaces.log"
peak "10 MB of one-space lines" "${loglens[@]}" analyze "$work/spaces.log"
head -c 50000000 /dev/urandom >"$work/random.bin"
peak "50 MB of random bytes" "${loglens[@]}" analyze "$work/random.bin"
head -c 100000000 /dev/zero | tr '\0' 'x' >"$work/one-line.log"
peak "one line of 100 MB" "${loglens[@]}" analyze "$work/one-line.log"

vsftpd_connections 100000 0 0 >"$work/conn-100k.log"
peak "vsftpd, 100k connections" "${loglens[@]}" scan "$work/conn-100k.log" -o - -q
vsftpd_connections 1000000 0 0 >"$work/conn-1m.log"
peak "vsftpd, 1M connections" "${loglens[@]}" scan "$work/conn-1m.log" -o - -q
vsftpd_connections 1000000 1 0 >"$work/conn-1m-addresses.log"
peak "vsftpd, 1M connections from 1M addresses" "${loglens[@]}" scan "$work/conn-1m-addresses.log" -o - -q
vsftpd_connections 1000000 0 1 >"$work/open-1m.log"
peak "vsftpd, 1M connections open at once (same second)" "${loglens[@]}" scan "$work/open-1m.log" -o - -q

dotnet "$generator" generate-vsftpd "$work/vsftpd.log" "$megabytes" >/dev/null
peak "analyze, ${megabytes} MB vsftpd log, text report" "${loglens[@]}" analyze "$work/vsftpd.log"
peak "analyze --json, ${megabytes} MB vsftpd log" "${loglens[@]}" analyze "$work/vsftpd.log" --json
peak "scan, ${megabytes} MB vsftpd log" "${loglens[@]}" scan "$work/vsftpd.log" -o - -q
