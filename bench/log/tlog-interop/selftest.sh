#!/usr/bin/env bash
# Self test of tlog-interop, independent of the platform: gen/ writes a 1,000-entry log in the
# C2SP layout, python3 -m http.server serves it, and tlog-interop must pass against it; the log is
# then extended to 1,300 entries and must be proven consistent with the saved 1,000 checkpoint;
# then tampered entries, tiles and checkpoints, forks, rollbacks and wrong keys must each fail
# with exit 1, and usage errors exit 2. Exits non-zero when any expectation fails.
# Needs: golang-go, golang-golang-x-mod-dev, python3, curl. KEEP=1 keeps the work directory.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tlog-interop-selftest.XXXXXX")
export TLOG_INTEROP_BIN_DIR=$work/bin
origin=labtrust.example/reports
server_pid=

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  if [ "${KEEP:-}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

for tool in python3 curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "selftest: $tool is required" >&2; exit 3; }
done

# Build the generator (and tlog-interop, through run.sh below) offline.
TLOG_INTEROP_SOURCE_ONLY=1 source "$here/run.sh"
set +e
build_go "$here/gen" "$work/bin/gen"
"$here/run.sh" -h >/dev/null 2>&1 # builds tlog-interop; later runs reuse the build cache

passed=0 failed=0
mkdir -p "$work/out"

# expect NAME WANT_EXIT PATTERN ARGS...: runs ./run.sh ARGS, wants that exit status and a line
# matching the extended regex PATTERN in its output (stdout and stderr).
expect() {
  local name=$1 want=$2 pattern=$3; shift 3
  local out="$work/out/$(echo "$name" | tr -c 'A-Za-z0-9\n' '_').txt" rc
  "$here/run.sh" "$@" >"$out" 2>&1
  rc=$?
  if [ "$rc" = "$want" ] && grep -Eq -- "$pattern" "$out"; then
    passed=$((passed + 1))
    printf 'PASS  %-58s exit %s, /%s/\n' "$name" "$rc" "$pattern"
  else
    failed=$((failed + 1))
    printf 'FAIL  %-58s exit %s (want %s), want a line /%s/; output:\n' "$name" "$rc" "$want" "$pattern"
    sed 's/^/      | /' "$out"
  fi
}

# check NAME COMMAND...: a plain command that must succeed.
check() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); printf 'PASS  %s\n' "$name"
    [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/      | /'
  else
    failed=$((failed + 1)); printf 'FAIL  %s; output:\n' "$name"
    printf '%s\n' "$out" | sed 's/^/      | /'
  fi
}

gen() { "$work/bin/gen" -origin "$origin" -skey "$work/skey" "$@" >/dev/null || { echo "selftest: gen $* failed" >&2; exit 3; }; }

# flip FILE OFFSET: XORs one byte (a negative OFFSET counts from the end), keeping FILE.orig.
flip() {
  cp "$1" "$1.orig"
  python3 -c 'import sys
p, o = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, "rb").read()); b[o] ^= 0x5a; open(p, "wb").write(b)' "$1" "$2"
}
restore() { mv "$1.orig" "$1"; }

# Independent recomputation of the checkpoint root and key ID, in Python, from docs/log-format.md.
recompute() {
  python3 - "$1" <<'PY'
import base64, hashlib, os, struct, sys
d = sys.argv[1]
origin, size, root = open(os.path.join(d, "checkpoint")).read().split("\n")[:3]
size = int(size)
def path(n, w):
    s = "%03d" % (n % 1000)
    while n >= 1000:
        n //= 1000
        s = "x%03d/%s" % (n % 1000, s)
    return os.path.join(d, "tile", "entries", s + ("" if w == 256 else ".p/%d" % w))
leaves = []
for n in range((size + 255) // 256):
    w = min(256, size - 256 * n)
    b = open(path(n, w), "rb").read()
    while b:
        (l,) = struct.unpack(">H", b[:2])
        leaves.append(hashlib.sha256(b"\x00" + b[2:2 + l]).digest())
        b = b[2 + l:]
assert len(leaves) == size, (len(leaves), size)
def mth(hs):  # RFC 6962 2.1
    if not hs:
        return hashlib.sha256(b"").digest()
    if len(hs) == 1:
        return hs[0]
    k = 1
    while 2 * k < len(hs):
        k *= 2
    return hashlib.sha256(b"\x01" + mth(hs[:k]) + mth(hs[k:])).digest()
got = base64.b64encode(mth(leaves)).decode()
assert got == root, "root %s, checkpoint %s" % (got, root)
name, kid, key = open(os.path.join(d, "key")).read().strip().split("+", 2)
pub = base64.b64decode(key)
want = hashlib.sha256(name.encode() + b"\n" + pub).digest()[:4].hex()
assert pub[0] == 1 and len(pub) == 33 and kid == want and name == origin, (kid, want)
print("python: RFC 6962 root of %d entries = %s; key ID %s" % (size, got, kid))
PY
}

# ---- a 1,000-entry log, served over HTTP
www=$work/www
gen -dir "$www/log" -size 1000
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$www" >"$work/http.log" 2>&1 &
server_pid=$!
url=http://127.0.0.1:$port/log
for _ in $(seq 1 100); do curl -sf "$url/key" >/dev/null && break; sleep 0.1; done
key=$(curl -sf "$url/key") || { echo "selftest: http.server did not come up on $port" >&2; exit 3; }
echo "serving $www on $url; key $key"

check "python recompute of the 1000 root (RFC 6962) and key ID" recompute "$www/log"
expect "size 1000: default indexes, save checkpoint" 0 '^OK' \
  -url "$url" -key "$key" -origin "$origin" -save-checkpoint "$work/cp1000"
expect "size 1000: tile-edge indexes" 0 '^OK' \
  -url "$url/" -key "$key" -index 0 -index 255 -index 256 -index 511 -index 768 -index 999
expect "size 1000: wrong -origin" 1 '^FAIL origin' \
  -url "$url" -key "$key" -origin example.org/other
expect "size 1000: index beyond the tree" 1 '^FAIL entry 1000: not in the tree' \
  -url "$url" -key "$key" -index 1000
# Another key of the same name: the checkpoint's signature is by an unknown key.
"$work/bin/gen" -origin "$origin" -skey "$work/skey-other" -dir "$work/other/log" -size 3 >/dev/null
expect "size 1000: other key, same name" 1 '^FAIL checkpoint: no signature by the given key' \
  -url "$url" -key "$(cat "$work/other/log/key")"
expect "usage: no -key" 2 'required' -url "$url"
expect "usage: malformed -key" 2 'note.NewVerifier' -url "$url" -key "$origin+00000000+AAAA"
expect "usage: negative -index" 2 'not an entry index' -url "$url" -key "$key" -index -1
expect "usage: stray argument" 2 'unexpected arguments' -url "$url" -key "$key" extra

# Checkpoints of other logs signed with the same key, for the consistency checks below: a fork
# (different entries) at 1000, the same log ahead at 1500, and small prefixes of the same log.
for s in 1 256 257 777 1500; do
  gen -dir "$work/same-$s/log" -size "$s"; cp "$work/same-$s/log/checkpoint" "$work/cp$s"
done
gen -dir "$work/fork/log" -size 1000 -seed fork; cp "$work/fork/log/checkpoint" "$work/cpfork"

# ---- extend the served log to 1,300 entries
gen -dir "$www/log" -size 1300
check "python recompute of the 1300 root (RFC 6962) and key ID" recompute "$www/log"
expect "size 1300: consistent with saved 1000" 0 'consistency: tree 1300 extends old tree 1000' \
  -url "$url" -key "$key" -origin "$origin" -old-checkpoint "$work/cp1000" -save-checkpoint "$work/cp1300"
expect "size 1300: new entries, consistent with 1000" 0 '^OK' \
  -url "$url" -key "$key" -index 999 -index 1000 -index 1279 -index 1280 -index 1299 -old-checkpoint "$work/cp1000"
for s in 1 256 257 777; do
  expect "size 1300: consistent with $s" 0 "consistency: tree 1300 extends old tree $s " \
    -url "$url" -key "$key" -index 0 -old-checkpoint "$work/cp$s"
done
expect "size 1300: same checkpoint as old" 0 'consistency: same size 1300' \
  -url "$url" -key "$key" -index 0 -old-checkpoint "$work/cp1300"
expect "size 1300: fork of 1000 is not a prefix" 1 '^FAIL consistency: tlog.CheckTree' \
  -url "$url" -key "$key" -index 0 -old-checkpoint "$work/cpfork"
expect "size 1300: old checkpoint 1500 (rollback)" 1 '^FAIL consistency: .*rolled back' \
  -url "$url" -key "$key" -index 0 -old-checkpoint "$work/cp1500"
"$work/bin/gen" -origin "$origin" -skey "$work/skey-other" -dir "$work/other/log" -size 1000 >/dev/null
expect "size 1300: old checkpoint by another key" 1 '^FAIL consistency: old checkpoint' \
  -url "$url" -key "$key" -index 0 -old-checkpoint "$work/other/log/checkpoint"
expect "size 1300: failed run does not save" 1 '^FAIL' \
  -url "$url" -key "$key" -index 5000 -save-checkpoint "$work/not-saved"
check "size 1300: failed run left no checkpoint file" test ! -e "$work/not-saved"

# ---- tampering, each undone before the next
L=$www/log
flip "$L/tile/entries/001" -10      # inside the report digest of entry 511
expect "tampered entry 511 (full bundle)" 1 '^FAIL entry 511: tlog.CheckRecord' \
  -url "$url" -key "$key" -index 511
expect "tampered entry 511: bundle check too" 1 '^FAIL bundle tile/entries/001: entry 511 is not proven' \
  -url "$url" -key "$key" -index 300
restore "$L/tile/entries/001"
flip "$L/tile/entries/005.p/20" 5   # accepted-at of entry 1280
expect "tampered entry 1280 (partial bundle)" 1 '^FAIL entry 1280: tlog.CheckRecord' \
  -url "$url" -key "$key" -index 1280
restore "$L/tile/entries/005.p/20"
flip "$L/tile/entries/002" 1        # length prefix of entry 512
expect "tampered length prefix in bundle 002" 1 '^FAIL entry 600: .*tile/entries/002' \
  -url "$url" -key "$key" -index 600
restore "$L/tile/entries/002"
flip "$L/tile/0/001" 100            # leaf hash of entry 259
# x/mod before v0.40.0 hands out this tile's hashes unchecked (Go issue 80744): ProveRecord
# succeeds and CheckRecord catches it; a fixed x/mod fails in ProveRecord already.
expect "tampered hash tile 0/001" 1 '^FAIL entry 300: tlog.(CheckRecord: invalid transparency proof|ProveRecord: downloaded inconsistent tile)' \
  -url "$url" -key "$key" -index 300
restore "$L/tile/0/001"
flip "$L/tile/1/000.p/5" 40         # hash of the subtree of entries 256..511
expect "tampered hash tile 1/000.p/5" 1 '^FAIL root: .*downloaded inconsistent tile' \
  -url "$url" -key "$key"
restore "$L/tile/1/000.p/5"
flip "$L/tile/0/005.p/20" -1        # leaf hash of entry 1299
expect "tampered partial hash tile 0/005.p/20" 1 'inconsistent tile' \
  -url "$url" -key "$key" -index 1299
restore "$L/tile/0/005.p/20"
cp "$L/checkpoint" "$L/checkpoint.orig"
sed -i '2s/^1300$/1299/' "$L/checkpoint"
expect "tampered checkpoint size line" 1 '^FAIL checkpoint: note.Open: invalid signature' \
  -url "$url" -key "$key"
restore "$L/checkpoint"
mv "$L/tile/0/005.p/20" "$L/tile/0/005.p/20.gone"
expect "missing partial tile 0/005.p/20" 1 '404' \
  -url "$url" -key "$key" -index 1299
mv "$L/tile/0/005.p/20.gone" "$L/tile/0/005.p/20"
expect "size 1300 after undoing all tampering" 0 '^OK' \
  -url "$url" -key "$key" -origin "$origin" -old-checkpoint "$work/cp1000"

echo "selftest: $passed passed, $failed failed"
[ "$failed" = 0 ]
