// Command gen writes a small test log in the C2SP tlog-tiles layout of docs/log-format.md, for
// selftest.sh: hash tiles tile/<L>/<N>[.p/<W>], entry bundles tile/entries/<N>[.p/<W>], a signed
// checkpoint and the verifier key. Entries are deterministic version-1 filings (and now and then a
// revocation), so running it again with a larger -size extends the same log; -seed makes a
// different log (a fork) of the same shape.
//
//	gen -dir DIR/log -size 1000 -origin O -skey FILE [-seed S]
//
// The signer key is read from -skey, or generated there (with note.GenerateKey) when missing.
package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"flag"
	"fmt"
	"io/ioutil"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const (
	height = 8
	width  = 1 << height
)

func path(level int, n int64, w int) string {
	l := "entries"
	if level >= 0 {
		l = strconv.Itoa(level)
	}
	s := fmt.Sprintf("%03d", n%1000)
	for n >= 1000 {
		n /= 1000
		s = fmt.Sprintf("x%03d/%s", n%1000, s)
	}
	p := "tile/" + l + "/" + s
	if w != width {
		p += ".p/" + strconv.Itoa(w)
	}
	return p
}

func ed25519Public(seed []byte) ed25519.PublicKey {
	return ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
}

func write(dir, rel string, data []byte) {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := ioutil.WriteFile(p+".tmp", data, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(p+".tmp", p); err != nil {
		log.Fatal(err)
	}
}

// entry i in the version-1 encoding of docs/log-format.md.
func entry(seed string, i int64) []byte {
	var e []byte
	u64 := func(v uint64) { e = binary.BigEndian.AppendUint64(e, v) }
	str8 := func(s string) { e = append(e, byte(len(s))); e = append(e, s...) }
	cert := fmt.Sprintf("2519%08d", 12+i%7)
	if i%50 == 49 { // a revocation of the filing 7 entries earlier
		e = append(e, 0x01, 0x02)
		u64(uint64(1795852800000 + i*1000))
		str8(cert)
		str8(fmt.Sprintf("BG-2026-%06d", i-7))
		u64(uint64(i - 7))
		e = append(e, 0x01)
		return e
	}
	e = append(e, 0x01, 0x01)
	u64(uint64(1795852800000 + i*1000))
	str8(cert)
	str8(fmt.Sprintf("BG-2026-%06d", i))
	e = binary.BigEndian.AppendUint32(e, uint32(20777+i/100))
	d := sha256.Sum256([]byte(fmt.Sprintf("%s report %d", seed, i)))
	e = append(e, d[:]...)
	e = binary.BigEndian.AppendUint16(e, 2)
	e = binary.BigEndian.AppendUint16(e, 3)
	e = binary.BigEndian.AppendUint16(e, uint16(17+i%5))
	e = append(e, 0x00)
	return e
}

func main() {
	dir := flag.String("dir", "", "output directory (the log's base, holding checkpoint, key and tile/)")
	size := flag.Int64("size", 1000, "number of entries")
	origin := flag.String("origin", "labtrust.example/reports", "checkpoint origin and key name")
	skeyFile := flag.String("skey", "", "signer key file (created when missing)")
	seed := flag.String("seed", "", "varies the entries' contents")
	flag.Parse()
	if *dir == "" || *skeyFile == "" || *size < 0 {
		flag.Usage()
		os.Exit(2)
	}

	skeyb, err := ioutil.ReadFile(*skeyFile)
	if os.IsNotExist(err) {
		skey, _, err := note.GenerateKey(rand.Reader, *origin)
		if err != nil {
			log.Fatal(err)
		}
		if err := ioutil.WriteFile(*skeyFile, []byte(skey+"\n"), 0o600); err != nil {
			log.Fatal(err)
		}
		skeyb = []byte(skey)
	} else if err != nil {
		log.Fatal(err)
	}
	signer, err := note.NewSigner(strings.TrimSpace(string(skeyb)))
	if err != nil {
		log.Fatal(err)
	}
	// The verifier key, derived from the signer key: PRIVATE+KEY+<name>+<hash>+base64(0x01||seed).
	// (The base64 part may itself contain '+'.)
	f := strings.SplitN(strings.TrimSpace(string(skeyb)), "+", 5)
	if len(f) != 5 {
		log.Fatal("malformed signer key")
	}
	priv, err := base64.StdEncoding.DecodeString(f[4])
	if err != nil || len(priv) != 33 {
		log.Fatal("malformed signer key")
	}
	vkey, err := note.NewEd25519VerifierKey(signer.Name(), ed25519Public(priv[1:]))
	if err != nil {
		log.Fatal(err)
	}

	// Hashes, in tlog's stored-hash order.
	var stored []tlog.Hash
	hr := tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(idx))
		for i, x := range idx {
			out[i] = stored[x]
		}
		return out, nil
	})
	entries := make([][]byte, *size)
	for i := int64(0); i < *size; i++ {
		entries[i] = entry(*seed, i)
		if int64(len(stored)) != tlog.StoredHashIndex(0, i) {
			log.Fatal("bad stored hash index")
		}
		hs, err := tlog.StoredHashes(i, entries[i], hr)
		if err != nil {
			log.Fatal(err)
		}
		stored = append(stored, hs...)
	}

	// Hash tiles: every full tile and every partial width of the last tile of each level.
	tiles := tlog.NewTiles(height, 0, *size)
	for _, t := range tiles {
		data, err := tlog.ReadTileData(t, hr)
		if err != nil {
			log.Fatal(err)
		}
		write(*dir, path(t.L, t.N, t.W), data)
	}

	// Entry bundles, the same way.
	bundles := 0
	for n := int64(0); n*width < *size; n++ {
		maxW := width
		minW := width
		if rem := *size - n*width; rem < width {
			maxW, minW = int(rem), 1
		}
		for w := minW; w <= maxW; w++ {
			var b []byte
			for _, e := range entries[n*width : n*width+int64(w)] {
				b = binary.BigEndian.AppendUint16(b, uint16(len(e)))
				b = append(b, e...)
			}
			write(*dir, path(-1, n, w), b)
			bundles++
		}
	}

	root := tlog.Hash(sha256.Sum256(nil))
	if *size > 0 {
		if root, err = tlog.TreeHash(*size, hr); err != nil {
			log.Fatal(err)
		}
	}
	text := fmt.Sprintf("%s\n%d\n%s\n", *origin, *size, base64.StdEncoding.EncodeToString(root[:]))
	cp, err := note.Sign(&note.Note{Text: text}, signer)
	if err != nil {
		log.Fatal(err)
	}
	write(*dir, "key", []byte(vkey+"\n"))
	write(*dir, "checkpoint", cp)
	fmt.Printf("gen: %s: %d entries, %d tile files, %d bundle files, root %s\n", *dir, *size, len(tiles), bundles, root)
}
