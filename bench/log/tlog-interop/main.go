// Command tlog-interop reads the labtrust report transparency log with the Go team's own
// transparency-log packages, golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog, to show
// that an existing tlog client, written without any knowledge of labtrust, can read and verify
// the log as docs/log-format.md describes it (C2SP tlog-tiles, tlog-checkpoint and signed-note).
//
// Usage:
//
//	tlog-interop -url http://host:port/log -key '<verifier key>' [-origin O] [-index I]...
//	             [-old-checkpoint FILE] [-save-checkpoint FILE]
//
// Exit status: 0 when every check passed, 1 when a check failed, 2 on a usage error.
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const (
	tileHeight = 8               // C2SP tlog-tiles: every tile is 8 levels high
	tileWidth  = 1 << tileHeight // 256 hashes or entries in a full tile or bundle
)

// ---------------------------------------------------------------- paths

// tilePath returns the C2SP tlog-tiles path of hash tile (level, n) of width w, or of entry
// bundle n when level is -1. Unlike tlog.Tile.Path, it has no height element:
// tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>].
func tilePath(level int, n int64, w int) string {
	l := "entries"
	if level >= 0 {
		l = strconv.Itoa(level)
	}
	p := "tile/" + l + "/" + tileIndex(n)
	if w != tileWidth {
		p += ".p/" + strconv.Itoa(w)
	}
	return p
}

// tileIndex writes n in 3-digit groups, all but the last prefixed with x: 1234067 is x001/x234/067.
func tileIndex(n int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	return s
}

// ---------------------------------------------------------------- fetching

type fetcher struct {
	base   string // ends without a slash
	client *http.Client
	cache  map[string][]byte // tiles and bundles are immutable; the checkpoint is never cached
	gets   int
}

const maxBody = 32 << 20

func (f *fetcher) get(path string, cache bool) ([]byte, error) {
	if b, ok := f.cache[path]; ok && cache {
		return b, nil
	}
	url := f.base + "/" + path
	f.gets++
	resp, err := f.client.Get(url)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := ioutil.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: reading body: %v", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		snippet := strings.TrimSpace(string(body))
		if len(snippet) > 200 {
			snippet = snippet[:200] + "..."
		}
		return nil, fmt.Errorf("GET %s: %s: %s", url, resp.Status, snippet)
	}
	if len(body) > maxBody {
		return nil, fmt.Errorf("GET %s: body over %d bytes", url, maxBody)
	}
	if cache {
		f.cache[path] = body
	}
	return body, nil
}

// tileReader is a tlog.TileReader over HTTP in the C2SP layout. It returns tiles as fetched;
// tlog.TileHashReader authenticates them against the checkpoint's root hash before using them.
type tileReader struct{ f *fetcher }

func (r *tileReader) Height() int { return tileHeight }

func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		if t.H != tileHeight || t.L < 0 || t.W < 1 || t.W > tileWidth {
			return nil, fmt.Errorf("unexpected tile request %+v", t)
		}
		p := tilePath(t.L, t.N, t.W)
		b, err := r.f.get(p, true)
		if err != nil {
			return nil, err
		}
		if len(b) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("%s: %d bytes, want %d (%d hashes)", p, len(b), t.W*tlog.HashSize, t.W)
		}
		data[i] = b
	}
	return data, nil
}

func (r *tileReader) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

// ---------------------------------------------------------------- checkpoint

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
	signer string // name+keyhash of the signature that verified
	ext    int    // number of extension lines after the root
	raw    []byte
}

// openCheckpoint verifies the signed note with the given verifiers and parses the C2SP
// tlog-checkpoint body. tlog.ParseTree is not used: it wants the sumdb first line
// "go.sum database tree" where a C2SP checkpoint has the origin.
func openCheckpoint(raw []byte, verifiers note.Verifiers) (*checkpoint, error) {
	n, err := note.Open(raw, verifiers)
	if err != nil {
		var unverified *note.UnverifiedNoteError
		if errors.As(err, &unverified) {
			var names []string
			for _, s := range unverified.Note.UnverifiedSigs {
				names = append(names, fmt.Sprintf("%s+%08x", s.Name, s.Hash))
			}
			return nil, fmt.Errorf("no signature by the given key (signatures present: %s): %v", strings.Join(names, ", "), err)
		}
		return nil, fmt.Errorf("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n") // n.Text ends in "\n", so the last element is ""
	if len(lines) < 4 {
		return nil, fmt.Errorf("checkpoint body has %d lines, want at least 3", len(lines)-1)
	}
	c := &checkpoint{origin: lines[0], raw: raw, ext: len(lines) - 4}
	if c.origin == "" {
		return nil, fmt.Errorf("checkpoint origin line is empty")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return nil, fmt.Errorf("checkpoint size line %q is not a canonical decimal", lines[1])
	}
	c.size = size
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return nil, fmt.Errorf("checkpoint root line %q is not a base64 32-byte hash", lines[2])
	}
	copy(c.root[:], root)
	s := n.Sigs[0]
	c.signer = fmt.Sprintf("%s+%08x", s.Name, s.Hash)
	return c, nil
}

// ---------------------------------------------------------------- entries

// parseBundle splits an entry bundle into exactly want entries, each a uint16 big-endian length
// then that many bytes, with nothing left over.
func parseBundle(b []byte, want int) ([][]byte, error) {
	var entries [][]byte
	for len(b) > 0 {
		if len(b) < 2 {
			return nil, fmt.Errorf("truncated length prefix after entry %d", len(entries))
		}
		l := int(binary.BigEndian.Uint16(b))
		if len(b) < 2+l {
			return nil, fmt.Errorf("entry %d of bundle: length %d but %d bytes left", len(entries), l, len(b)-2)
		}
		entries = append(entries, b[2:2+l])
		b = b[2+l:]
	}
	if len(entries) != want {
		return nil, fmt.Errorf("bundle holds %d entries, want %d", len(entries), want)
	}
	return entries, nil
}

// describe gives a best-effort, informational summary of an entry in the version 1 encoding.
// The tlog checks do not depend on it.
func describe(e []byte) string {
	if len(e) < 10 || e[0] != 0x01 {
		return "not a version-1 entry"
	}
	kind := map[byte]string{0x01: "filing", 0x02: "revocation"}[e[1]]
	if kind == "" {
		return fmt.Sprintf("v1, unknown kind 0x%02x", e[1])
	}
	s := fmt.Sprintf("v1 %s", kind)
	rest := e[10:]
	str8 := func() (string, bool) {
		if len(rest) < 1 || len(rest) < 1+int(rest[0]) {
			return "", false
		}
		v := string(rest[1 : 1+int(rest[0])])
		rest = rest[1+int(rest[0]):]
		return v, true
	}
	if cert, ok := str8(); ok {
		if rep, ok := str8(); ok {
			s += fmt.Sprintf(" cert %s report %q", cert, rep)
		}
	}
	return s
}

// ---------------------------------------------------------------- checks

type indexList []int64

func (l *indexList) String() string { return fmt.Sprint([]int64(*l)) }
func (l *indexList) Set(s string) error {
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil || i < 0 {
		return fmt.Errorf("not an entry index (a whole number from 0): %q", s)
	}
	*l = append(*l, i)
	return nil
}

type run struct {
	failed, passed int
}

func (r *run) ok(format string, args ...interface{}) {
	r.passed++
	fmt.Printf("ok   "+format+"\n", args...)
}

func (r *run) fail(format string, args ...interface{}) {
	r.failed++
	fmt.Printf("FAIL "+format+"\n", args...)
}

// defaultIndexes: the first and the last entry and three spread between them.
func defaultIndexes(size int64) []int64 {
	if size == 0 {
		return nil
	}
	set := map[int64]bool{}
	for _, i := range []int64{0, size / 4, size / 2, size * 3 / 4, size - 1} {
		set[i] = true
	}
	var out []int64
	for i := range set {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}

func usage() {
	fmt.Fprintf(os.Stderr, `usage: tlog-interop -url http://host:port/log -key '<verifier key>' [-origin O] [-index I]...
                   [-old-checkpoint FILE] [-save-checkpoint FILE] [-timeout D]

Verifies a labtrust transparency log (C2SP tlog-tiles + tlog-checkpoint) with
golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog.
Exit status: 0 all checks passed, 1 a check failed, 2 usage error.

`)
	flag.PrintDefaults()
}

func usageError(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tlog-interop: "+format+"\n", args...)
	fmt.Fprintf(os.Stderr, "run with -h for usage\n")
	os.Exit(2)
}

func main() {
	var indexes indexList
	base := flag.String("url", "", "base URL of the log, e.g. http://localhost:8080/log")
	key := flag.String("key", "", "note verifier key of the log (name+hash+base64), as served at <url>/key")
	origin := flag.String("origin", "", "expected checkpoint origin (optional)")
	flag.Var(&indexes, "index", "entry index to prove (repeatable; default: 0, size-1 and three between)")
	oldFile := flag.String("old-checkpoint", "", "earlier checkpoint file: prove the current tree extends it")
	saveFile := flag.String("save-checkpoint", "", "write the verified checkpoint to this file when every check passed")
	timeout := flag.Duration("timeout", 30*time.Second, "timeout of each HTTP request")
	flag.Usage = usage
	flag.Parse() // exits 2 on a malformed flag
	if flag.NArg() != 0 {
		usageError("unexpected arguments: %q", flag.Args())
	}
	if *base == "" || *key == "" {
		usageError("-url and -key are required")
	}
	if !strings.HasPrefix(*base, "http://") && !strings.HasPrefix(*base, "https://") {
		usageError("-url must be an http:// or https:// URL, got %q", *base)
	}
	verifier, err := note.NewVerifier(strings.TrimSpace(*key))
	if err != nil {
		usageError("-key: note.NewVerifier: %v", err)
	}
	verifiers := note.VerifierList(verifier)
	var oldRaw []byte
	if *oldFile != "" {
		if oldRaw, err = ioutil.ReadFile(*oldFile); err != nil {
			usageError("-old-checkpoint: %v", err)
		}
	}

	f := &fetcher{
		base:   strings.TrimRight(*base, "/"),
		client: &http.Client{Timeout: *timeout},
		cache:  map[string][]byte{},
	}
	r := &run{}
	finish := func() {
		if r.failed > 0 {
			fmt.Printf("FAIL: %d of %d checks failed (%d HTTP requests)\n", r.failed, r.failed+r.passed, f.gets)
			os.Exit(1)
		}
		fmt.Printf("OK (%d checks, %d HTTP requests)\n", r.passed, f.gets)
		os.Exit(0)
	}

	// 1. The checkpoint: signature, body, origin.
	raw, err := f.get("checkpoint", false)
	if err != nil {
		r.fail("checkpoint: %v", err)
		finish()
	}
	cp, err := openCheckpoint(raw, verifiers)
	if err != nil {
		r.fail("checkpoint: %v", err)
		finish()
	}
	r.ok("checkpoint: signature verified by %s; origin %q, size %d, root %s", cp.signer, cp.origin, cp.size, cp.root)
	if cp.ext > 0 {
		fmt.Printf("     (checkpoint has %d extension line(s), ignored)\n", cp.ext)
	}
	if *origin != "" {
		if cp.origin != *origin {
			r.fail("origin: checkpoint says %q, want %q", cp.origin, *origin)
		} else {
			r.ok("origin: %q as expected", cp.origin)
		}
	}
	// docs/log-format.md: the key name is the origin.
	if verifier.Name() != cp.origin {
		r.fail("key name: %q differs from the checkpoint origin %q (docs/log-format.md makes them equal)", verifier.Name(), cp.origin)
	} else {
		r.ok("key name: equals the origin")
	}

	tree := tlog.Tree{N: cp.size, Hash: cp.root}
	hr := tlog.TileHashReader(tree, &tileReader{f})

	// 2. The root: the tiles must reproduce it.
	if cp.size == 0 {
		// RFC 6962: the empty tree hashes to SHA-256(""); tlog.TreeHash(0) answers all zeros instead.
		if empty := tlog.Hash(sha256.Sum256(nil)); cp.root != empty {
			r.fail("root: empty tree must have root SHA-256(\"\") = %s, checkpoint has %s", empty, cp.root)
		} else {
			r.ok("root: empty tree, SHA-256(\"\")")
		}
	} else if th, err := tlog.TreeHash(cp.size, hr); err != nil {
		r.fail("root: tlog.TreeHash over the tiles: %v", err)
	} else if th != cp.root {
		r.fail("root: tiles give %s, checkpoint has %s", th, cp.root)
	} else {
		r.ok("root: tiles reproduce the checkpoint root (tlog.TreeHash via tlog.TileHashReader)")
	}

	// 3. Entries: inclusion proofs, and each fetched bundle against its level-0 tile.
	if len(indexes) == 0 {
		indexes = defaultIndexes(cp.size)
	}
	bundles := map[int64][][]byte{}
	for _, i := range indexes {
		if i >= cp.size {
			r.fail("entry %d: not in the tree of size %d", i, cp.size)
			continue
		}
		n := i / tileWidth
		w := tileWidth
		if rem := cp.size - n*tileWidth; rem < tileWidth {
			w = int(rem)
		}
		entries, seen := bundles[n]
		if !seen {
			p := tilePath(-1, n, w)
			b, err := f.get(p, true)
			if err == nil {
				entries, err = parseBundle(b, w)
				if err != nil {
					err = fmt.Errorf("%s: %v", p, err)
				}
			}
			if err != nil {
				r.fail("entry %d: %v", i, err)
				continue
			}
			bundles[n] = entries
			// Every entry of the bundle must be in the tree, each by its own inclusion proof.
			// (Not by comparing with tlog.ReadTileData(tile 0/n, hr): before x/mod v0.40.0,
			// TileHashReader does not authenticate every full tile it returns, Go issue 80744,
			// so only hashes checked by CheckRecord or CheckTree against the signed root count.)
			bad := int64(-1)
			var berr error
			for k, e := range entries {
				x := n*tileWidth + int64(k)
				var bp tlog.RecordProof
				if bp, berr = tlog.ProveRecord(cp.size, x, hr); berr == nil {
					berr = tlog.CheckRecord(bp, cp.size, cp.root, x, tlog.RecordHash(e))
				}
				if berr != nil {
					bad = x
					break
				}
			}
			if bad >= 0 {
				r.fail("bundle %s: entry %d is not proven in the tree: %v", p, bad, berr)
			} else {
				r.ok("bundle %s: all %d entries proven in the tree (tlog.CheckRecord each)", p, w)
			}
		}
		e := entries[i-n*tileWidth]
		rh := tlog.RecordHash(e)
		proof, err := tlog.ProveRecord(cp.size, i, hr)
		if err != nil {
			r.fail("entry %d: tlog.ProveRecord: %v", i, err)
			continue
		}
		if err := tlog.CheckRecord(proof, cp.size, cp.root, i, rh); err != nil {
			r.fail("entry %d: tlog.CheckRecord: %v", i, err)
			continue
		}
		r.ok("entry %d: %d bytes (%s); inclusion proof of %d hashes verified", i, len(e), describe(e), len(proof))
	}

	// 4. Consistency with an earlier checkpoint.
	if oldRaw != nil {
		old, err := openCheckpoint(oldRaw, verifiers)
		switch {
		case err != nil:
			r.fail("consistency: old checkpoint %s: %v", *oldFile, err)
		case old.origin != cp.origin:
			r.fail("consistency: old checkpoint origin %q differs from %q", old.origin, cp.origin)
		case old.size > cp.size:
			r.fail("consistency: old checkpoint has size %d, larger than the current %d (log rolled back)", old.size, cp.size)
		case old.size == cp.size:
			if old.root != cp.root {
				r.fail("consistency: same size %d but roots differ: old %s, new %s (fork)", old.size, old.root, cp.root)
			} else {
				r.ok("consistency: same size %d and root as the old checkpoint", old.size)
			}
		case old.size == 0:
			r.ok("consistency: old checkpoint is the empty tree, a prefix of any tree")
		default:
			proof, err := tlog.ProveTree(cp.size, old.size, hr)
			if err != nil {
				r.fail("consistency: tlog.ProveTree(%d, %d): %v", cp.size, old.size, err)
			} else if err := tlog.CheckTree(proof, cp.size, cp.root, old.size, old.root); err != nil {
				r.fail("consistency: tlog.CheckTree(%d -> %d): %v (the new tree does not extend the old one)", old.size, cp.size, err)
			} else {
				r.ok("consistency: tree %d extends old tree %d (proof of %d hashes verified)", cp.size, old.size, len(proof))
			}
		}
	}

	// 5. Save the checkpoint, only when everything passed.
	if *saveFile != "" && r.failed == 0 {
		tmp := *saveFile + ".tmp"
		err := ioutil.WriteFile(tmp, cp.raw, 0o644)
		if err == nil {
			err = os.Rename(tmp, *saveFile)
		}
		if err != nil {
			r.fail("save checkpoint: %v", err)
		} else {
			abs, _ := filepath.Abs(*saveFile)
			r.ok("saved checkpoint of size %d to %s", cp.size, abs)
		}
	}
	finish()
}
