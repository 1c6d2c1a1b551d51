package docschema_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ladderkit/ladder/internal/docschema"
	"github.com/ladderkit/ladder/internal/source"
)

func kinds() []*docschema.Schema {
	return []*docschema.Schema{docschema.Of(docschema.Ladder), docschema.Of(docschema.Assessment), docschema.Of(docschema.Result)}
}

// Every schema of the library has a sure check: it uses no keyword the
// check does not know.
func TestSureCompiles(t *testing.T) {
	doc, problems := source.Parse([]byte(`{}`), source.DefaultLimits)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, s := range kinds() {
		if _, has := s.Sure(doc.Root); !has {
			t.Errorf("%s: no sure check", s.ID())
		}
	}
}

// seeds are the documents of the repository: valid and invalid ladders,
// assessments, cases files and results.
func seeds(t testing.TB) [][]byte {
	var out [][]byte
	for _, pattern := range []string{
		"../../schema/testdata/*/*.json",
		"../../schema/testdata/invalid/*/*.json",
		"../../examples/*/*.json",
		"../../cmd/ladder/testdata/*.json",
		"../../cmd/ladder/testdata/eval-*-json.stdout",
		"../../testdata/*.json",
	} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) < 50 {
		t.Fatalf("found %d seed documents: the globs are broken", len(out))
	}
	return out
}

// agree checks that the sure check finds a document valid exactly when
// v5 does, for each schema. It reports the number of documents valid.
func agree(t testing.TB, data []byte) (valid int) {
	t.Helper()
	doc, problems := source.Parse(data, source.DefaultLimits)
	if len(problems) > 0 {
		return 0
	}
	if anyNumber(doc.Root, func(text string) bool { return len(text) > 100 }) {
		// v5 works such numbers out exactly, which can take seconds or
		// panic: Locate reports them before v5 sees them
		// (TestUnwieldyNumbers).
		return 0
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	for _, s := range kinds() {
		sure, _ := s.Sure(doc.Root)
		v5 := s.ValidV5(v)
		// The check is not sure of a number with a fraction or an
		// exponent, and leaves it to v5.
		if sure && !v5 || v5 && !sure && !anyNumber(doc.Root, func(text string) bool { return strings.ContainsAny(text, ".eE") }) {
			t.Errorf("%s:\nsure check says valid %v, v5 says %v:\n%.3000s", s.ID(), sure, v5, data)
		}
		if sure {
			valid++
		}
	}
	return valid
}

// anyNumber reports whether a value holds a number whose text is as f
// says.
func anyNumber(n *source.Node, f func(string) bool) bool {
	if n.Kind == source.Number && f(n.Text) {
		return true
	}
	for _, e := range n.Elems {
		if anyNumber(e, f) {
			return true
		}
	}
	for _, m := range n.Members {
		if anyNumber(m.Value, f) {
			return true
		}
	}
	return false
}

// TestSureAgreesWithV5 compares the sure check with v5 on every document
// of the repository, and on documents made from them by random changes:
// members removed and added, values replaced with others of every type
// and with the strings that the schemas' keywords are about.
func TestSureAgreesWithV5(t *testing.T) {
	rounds := 60
	if testing.Short() {
		rounds = 10
	}
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	docs, valid := 0, 0
	for _, data := range seeds(t) {
		valid += agree(t, data)
		docs++
		var v any
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		if d.Decode(&v) != nil {
			continue
		}
		for range rounds {
			w := clone(v)
			for range 1 + r.IntN(3) {
				w = mutate(r, w)
			}
			out, err := json.Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			valid += agree(t, out)
			docs++
		}
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
	// Each document fits at most one of the schemas; most seeds are
	// broken on purpose, and most changes break a valid one.
	t.Logf("%d documents, %d times valid of %d checks", docs, valid, 3*docs)
	if valid < docs/30 {
		t.Errorf("only %d of %d checks are of valid documents: the mutations break too much", valid, 3*docs)
	}
}

func clone(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = clone(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = clone(e)
		}
		return out
	}
	return v
}

// words are the strings and keys the mutations write: what the schemas
// name, and what breaks their keywords.
var words = []string{
	"", "a", "x", "Bad ID", "ok-id", "l1.a_b-c", "é", "hard", "soft", "reached", "not_yet",
	"not_applicable", "unassessed", "2026-11-30", "2026-02-30", "2026-1-30", "26-11-30",
	"id", "name", "skills", "levels", "requirements", "kind", "text", "skill", "rules",
	"ladder", "subject", "marks", "status", "reason", "reach", "description", "date",
	"assessor", "version", "summary", "$schema", "rank", "groups", "missing",
	strings.Repeat("r", 1000), strings.Repeat("r", 1001), strings.Repeat("é", 1000), strings.Repeat("😀", 1001),
}

func scalar(r *rand.Rand) any {
	switch r.IntN(8) {
	case 0:
		return nil
	case 1:
		return r.IntN(2) == 0
	case 2:
		return json.Number([]string{"0", "-1", "1", "3", "1.5", "1e2", "2.0", "-0"}[r.IntN(8)])
	case 3:
		return []any{}
	case 4:
		return map[string]any{}
	}
	return words[r.IntN(len(words))]
}

// mutate changes one value somewhere in v, and returns v.
func mutate(r *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		switch n := r.IntN(10); {
		case n == 0 || len(keys) == 0:
			x[words[r.IntN(len(words))]] = scalar(r)
		case n == 1:
			delete(x, keys[r.IntN(len(keys))])
		case n == 2:
			k := keys[r.IntN(len(keys))]
			x[k] = scalar(r)
		case n == 3:
			// A key renamed: the value under another name.
			k := keys[r.IntN(len(keys))]
			x[words[r.IntN(len(words))]] = x[k]
			delete(x, k)
		default:
			k := keys[r.IntN(len(keys))]
			x[k] = mutate(r, x[k])
		}
		return x
	case []any:
		switch n := r.IntN(10); {
		case n == 0 || len(x) == 0:
			return append(x, scalar(r))
		case n == 1:
			i := r.IntN(len(x))
			return append(x[:i], x[i+1:]...)
		case n == 2:
			return append(x, clone(x[r.IntN(len(x))]))
		case n == 3:
			return x[:0]
		default:
			i := r.IntN(len(x))
			x[i] = mutate(r, x[i])
			return x
		}
	case string:
		// Mostly a string for a string: the keywords on strings.
		if r.IntN(4) != 0 {
			return words[r.IntN(len(words))]
		}
	case json.Number:
		if r.IntN(2) == 0 {
			return json.Number([]string{"0", "-1", "1", "3", "1.5", "1e2", "2.0", "-0"}[r.IntN(8)])
		}
	}
	return scalar(r)
}

// FuzzSure compares the sure check with v5 on any document.
func FuzzSure(f *testing.F) {
	for _, data := range seeds(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, data)
	})
}

// A schema gets a sure check only when it holds nothing the check does not
// know; otherwise every document goes to v5.
func TestSureRefusesWhatItDoesNotKnow(t *testing.T) {
	for raw, want := range map[string]bool{
		`{"type": "object", "properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {"type": "string", "description": "d"}}}`: true,
		`{"$id": "mem://x", "type": "string", "title": "t"}`:                                                                     true,
		`{"type": "string", "maxLength": 3, "minLength": 1, "pattern": "^a"}`:                                                    true,
		`{"type": "object", "unevaluatedProperties": false}`:                                                                     false,
		`{"type": "number", "maximum": 3}`:                                                                                       true,
		`{"type": "number", "exclusiveMaximum": 3}`:                                                                              false,
		`{"type": "string", "format": "email"}`:                                                                                  false,
		`{"enum": [1, 2]}`:                                                                                                       false,
		`{"$defs": {"x": {"$id": "mem://y", "type": "string"}}, "$ref": "#/$defs/x"}`:                                            false,
		`{"$ref": "#/$defs/x", "type": "string", "$defs": {"x": {}}}`:                                                            false,
		`{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}}`:                               false,
		`{"$ref": "#"}`:       false,
		`{"$ref": "#anchor"}`: false,
		`{"$ref": "#/$defs/a%25b", "$defs": {"a%b": {}}}`: false,
		`{"items": {"$ref": "#"}, "type": "array"}`:       true,
	} {
		if got := docschema.HasSure(raw); got != want {
			t.Errorf("%s: sure check %v, want %v", raw, got, want)
		}
	}
}
