package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// errorPath is a command line that ends in a usage error, with what it
// reads on standard input.
type errorPath struct {
	name  string
	args  []string
	stdin string
}

// errorPaths are the ways a user reaches an error of the readers and of
// the command line: every reason core/dataset gives that a file can cause
// (the byte limit of 1 GiB aside, said in internal/errtext's test), the
// system's file errors, and the errors of each command's flags, arguments
// and inputs.
func errorPaths(t *testing.T) []errorPath {
	dir := t.TempDir()
	file := func(name, text string) string { return writeFile(t, dir, name, text) }
	var wide strings.Builder
	for range 70_000 {
		wide.WriteString("0,")
	}
	wide.WriteString("x\n")
	var big strings.Builder // 64 values a row: more than a quarter of 1 MiB in 600 rows
	for i := range 600 {
		big.WriteString(strings.Repeat("1,", 64) + string(rune('a'+i%2)) + "\n")
	}
	whole := gzipped(t, "a,label\n1,x\n2,x\n3,y\n4,y\n")
	notDir := file("plain.csv", "1,x\n")
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	locked := file("locked.csv", "1,x\n1,x\n2,y\n2,y\n")
	os.Chmod(locked, 0)
	font := file("notes.ttf", "not a font")
	exists := file("exists.svg", "")
	scenario := file("bad.toml", "nope = 1\n")
	lesson := file("bad-lesson.toml", "name = \"x\"\n[[step]]\nkind = \"nope\"\n")
	same := file("same.csv", "1,1,a\n1,1,a\n1,1,b\n1,1,b\n")
	batch := func(name string, args ...string) errorPath {
		return errorPath{name: name, args: append([]string{"batch"}, args...)}
	}
	in := func(name, fileName, text string, args ...string) errorPath {
		return batch(name, append([]string{"--in", file(fileName, text)}, args...)...)
	}
	paths := []errorPath{
		// The readers.
		batch("no input"),
		batch("missing file", "--in", filepath.Join(dir, "none.csv")),
		batch("missing labels file", "--in", file("v.tsv", "1\t2\n"), "--labels", filepath.Join(dir, "none.tsv")),
		batch("not a directory", "--in", filepath.Join(notDir, "x.csv")),
		batch("a directory", "--in", dir, "--format", "csv"),
		batch("a device", "--in", "/dev/zero", "--format", "csv"),
		batch("a FIFO", "--in", fifo),
		batch("unknown demo", "--demo", "foo"),
		batch("demo and in", "--demo", "iris", "--in", notDir),
		batch("demo and format", "--demo", "iris", "--format", "tsv"),
		batch("unknown format", "--in", notDir, "--format", "xml"),
		batch("unknown extension", "--in", file("x.txt", "1,x\n")),
		batch("stdin without format", "--in", "-"),
		batch("stdin twice", "--in", "-", "--labels", "-"),
		batch("projector not tsv", "--in", notDir, "--labels", notDir, "--format", "csv"),
		in("empty file", "empty.csv", ""),
		in("header only", "header.csv", "a,b,label\n"),
		in("bad field", "bad.csv", "a,b,label\n1,foo,x\n"),
		in("bad field without header", "bad2.csv", "1,2,x\n1,foo,x\n"),
		in("out of range", "range.csv", "1,1e999,x\n1,2,x\n"),
		in("not finite", "nan.csv", "1,2,x\n1,NaN,x\n"),
		in("ragged", "ragged.csv", "1,2,x\n1,x\n"),
		in("first row typo", "typo.csv", "1.0,2.x,a\n1,2,a\n"),
		in("tabs in a csv", "tabs.csv", "1\t2\tx\n1\t3\tx\n"),
		in("commas in a tsv", "commas.tsv", "1,2,x\n1,3,x\n"),
		in("one column", "one.csv", "1\n2\n"),
		in("bad quote", "quote.csv", "1,2\"3,x\n"),
		in("unclosed quote", "open.csv", "1,\"2,x\n"),
		in("duplicate label column", "dup.csv", "a,label,label\n1,x,q\n"),
		in("label-col without header", "nohead.csv", "1,2,x\n", "--label-col", "kind"),
		in("no such label column", "cols.csv", "a,b,label\n1,2,x\n", "--label-col", "kind"),
		in("one class", "oneclass.csv", "a,b,label\n1,2,x\n1,3,x\n"),
		in("single sample", "single.csv", "1,2,x\n1,2,x\n3,4,y\n"),
		in("empty label", "nolabel.csv", "1,2,x\n1,2,\n"),
		in("too many rows", "rows.csv", "1,x\n1,x\n2,y\n2,y\n3,z\n3,z\n", "--max-rows", "4"),
		in("too many columns", "wide.csv", wide.String()),
		in("too much data", "big.csv", big.String(), "--max-memory", "1MiB"),
		in("line too long", "long.csv", strings.Repeat("1", 1<<20+1)+"\n"),
		in("row too long", "rowlong.csv", "a,b,label\n1,\""+strings.Repeat(strings.Repeat("x", 99)+"\n", 11_000)+"\",x\n"),
		in("gzip truncated", "cut.csv.gz", whole[:len(whole)-10]),
		in("gzip trailing", "trail.csv.gz", whole+"garbage"),
		in("not gzip", "plain.csv.gz", "a,label\n1,x\n"),
		in("zero row under cosine", "zero.csv", "a,b,label\n1,1,x\n0,0,x\n3,4,y\n3,5,y\n", "--distance", "cosine"),
		in("zero row normalized", "zero2.csv", "a,b,label\n1,1,x\n0,0,x\n3,4,y\n3,5,y\n", "--normalize"),
		in("overflow", "huge.csv", "1e308,1e308,x\n-1e308,1e308,x\n1e308,-1e308,y\n-1e308,-1e308,y\n"),
		batch("label count", "--in", file("v2.tsv", "1\t2\n1\t3\n4\t4\n4\t5\n"), "--labels", file("m2.tsv", "a\na\nb\n")),
		batch("metadata label-col one column", "--in", file("v3.tsv", "1\t2\n"), "--labels", file("m3.tsv", "a\n"), "--label-col", "kind"),
		batch("metadata missing label", "--in", file("v4.tsv", "1\n2\n3\n4\n"), "--labels", file("m4.tsv", "n\tkind\nx\ta\ny\nz\tb\nw\tb\n"), "--label-col", "kind"),
		{name: "stdin empty", args: []string{"batch", "--in", "-", "--format", "csv"}},
		// Training reads with the same readers.
		{name: "train one class", args: []string{"train", "--in", file("t1.csv", "1,2,x\n1,3,x\n")}},
		{name: "train bad field", args: []string{"train", "--in", file("t2.csv", "a,label\nfoo,x\n")}},
		{name: "train identical rows", args: []string{"train", "--in", same}},
		{name: "train unknown loss", args: []string{"train", "--loss", "foo"}},
		{name: "train steps", args: []string{"train", "--steps", "0"}},
		{name: "train format without in", args: []string{"train", "--format", "csv"}},
		// Figures.
		{name: "figure format", args: []string{"eval", "--plot", "x.gif"}},
		{name: "font without plot", args: []string{"eval", "--font", font}},
		{name: "not a font", args: []string{"eval", "--plot", filepath.Join(dir, "f.png"), "--font", font}},
		{name: "font a device", args: []string{"eval", "--plot", filepath.Join(dir, "f.png"), "--font", "/dev/zero"}},
		{name: "missing font", args: []string{"eval", "--plot", filepath.Join(dir, "f.png"), "--font", filepath.Join(dir, "none.ttf")}},
		{name: "figure exists", args: []string{"eval", "--plot", exists}},
		{name: "figure in no directory", args: []string{"eval", "--plot", filepath.Join(dir, "none", "f.svg")}},
		// Scenarios, lessons.
		{name: "unknown scenario", args: []string{"--scenario", "nosuch"}},
		{name: "bad scenario file", args: []string{"--scenario", scenario}},
		{name: "scenario a directory", args: []string{"--scenario", dir}},
		{name: "missing scenario file", args: []string{"replay", filepath.Join(dir, "none.toml")}},
		{name: "replay unknown", args: []string{"replay", "nosuch"}},
		{name: "replay two", args: []string{"replay", "a", "b"}},
		{name: "replay none", args: []string{"replay"}},
		{name: "bad lesson file", args: []string{"learn", lesson}},
		{name: "unknown lesson", args: []string{"learn", "nosuch"}},
		// serve's flags: checked before it listens.
		{name: "serve bad scenario file", args: []string{"serve", "--scenario", scenario}},
		{name: "serve unknown scenario", args: []string{"serve", "--scenario", "nosuch"}},
		{name: "serve unknown lesson", args: []string{"serve", "--lesson", "nosuch"}},
		{name: "serve unknown panel", args: []string{"serve", "--hide", "frob"}},
		{name: "serve bad state", args: []string{"serve", "--state", "nope"}},
		{name: "serve lesson and scenario", args: []string{"serve", "--lesson", "a", "--scenario", "b"}},
		{name: "serve bad listen", args: []string{"serve", "--listen", "nohost:notaport", "--host-key", filepath.Join(dir, "host_key")}},
		// Flags and arguments.
		{name: "unknown command", args: []string{"frob"}},
		{name: "unknown flag", args: []string{"eval", "--frob"}},
		{name: "single dash", args: []string{"eval", "-dap", "1"}},
		{name: "needs a value", args: []string{"eval", "--dap"}},
		{name: "not a number", args: []string{"eval", "--dap", "x"}},
		{name: "negative", args: []string{"eval", "--margin", "-1"}},
		{name: "too large", args: []string{"eval", "--dap", "1e200"}},
		{name: "not an integer", args: []string{"batch", "--bins", "x"}},
		{name: "bool with value", args: []string{"batch", "--json=maybe"}},
		{name: "unexpected argument", args: []string{"eval", "extra"}},
		{name: "conflict", args: []string{"batch", "--demo", "iris", "--json", "--plain"}},
		{name: "unknown distance", args: []string{"eval", "--distance", "foo"}},
		{name: "zero vector", args: []string{"eval", "--anchor", "0,0", "--positive", "1,1", "--negative", "1,2", "--distance", "cosine"}},
		{name: "vector lengths", args: []string{"eval", "--anchor", "1,2", "--positive", "1", "--negative", "1,2"}},
		{name: "bad size", args: []string{"batch", "--demo", "iris", "--max-memory", "lots"}},
		{name: "bad sample", args: []string{"batch", "--demo", "iris", "--sample-anchors", "3"}},
		{name: "bad bins", args: []string{"batch", "--demo", "iris", "--bins", "0"}},
		{name: "help topic", args: []string{"help", "frob"}},
		{name: "json not finite", args: []string{"eval", "--anchor", "1e-320,0", "--positive", "0,1e-320", "--negative", "1e-320,1e-321", "--distance", "cosine", "--json"}},
	}
	if os.Getuid() != 0 { // root reads any file
		paths = append(paths, batch("permission denied", "--in", locked))
	}
	return paths
}

// Every error a user can cause on the readers' and the command line's paths
// is said in Chinese under --lang zh: an English sentence is allowed only as
// the system's or core's own words in a marked detail. Before, a missing
// file, an empty or one-class file, a bad CSV field, `batch` with no input,
// --demo foo and --scenario's errors were English sentences.
func TestErrorsInChinese(t *testing.T) {
	for _, p := range errorPaths(t) {
		t.Run(p.name, func(t *testing.T) {
			code, out, errOut := runStdin(t, strings.NewReader(p.stdin), append([]string{"--lang", "zh"}, p.args...)...)
			if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 {
				t.Fatalf("exit %d, stdout %q, stderr %q; want 2, nothing, one line", code, out, errOut)
			}
			if sentence := englishSentence(errOut); sentence != "" {
				t.Errorf("English under --lang zh: %q in %q", sentence, errOut)
			}
			_, _, en := runStdin(t, strings.NewReader(p.stdin), p.args...)
			if en == errOut {
				t.Errorf("the same line in both languages: %q", en)
			}
		})
	}
}

// identifiers are the words a Chinese error may show in Latin letters:
// names of formats, programs, libraries and units, placeholders of flag
// help, and the demos' names.
var identifiers = regexp.MustCompile(`\b(losslab|csv|tsv|gzip|float64|JSON|TrueType|OpenType|MiB|GiB|FILE|iris|digits|Embedding Projector|NaN|Inf|[+-]Inf|FIFO)\b`)

// detail is the system's or core's own words, quoted as a detail.
var detail = regexp.MustCompile(`（(系统信息|详情)：[^）]*）`)

// englishSentence returns the first run of two or more English words in an
// error line, once what may be Latin is taken out: the command, flags,
// quoted values, file names, identifiers and marked details.
func englishSentence(line string) string {
	_, msg, _ := strings.Cut(line, "：") // after "losslab COMMAND："
	msg = detail.ReplaceAllString(msg, " ")
	msg = regexp.MustCompile(`"[^"]*"|--?[a-z][a-z-]*|\S*[/.]\S*|\S+\.(csv|tsv|gz|toml|ttf|svg|png|pdf|gif|txt)\b`).ReplaceAllString(msg, " ")
	msg = identifiers.ReplaceAllString(msg, " ")
	words := regexp.MustCompile(`[A-Za-z]{2,}(\s+[A-Za-z]{2,})+`).FindString(msg)
	return words
}

func TestEnglishSentence(t *testing.T) {
	for line, english := range map[string]bool{
		"losslab batch：--in：找不到文件或目录 /tmp/x/none.csv":                                    false,
		"losslab batch：--in: stat none.csv: no such file or directory":                   true,
		"losslab batch：bad.csv:2: b 列：\"foo\" 不是数字":                                      false,
		"losslab batch：f.csv:6: 数值过大，超出了 float64 的范围（详情：the contrastive loss overflows）": false,
		"losslab batch：no input: give --in FILE or --demo iris|digits":                   true,
		"losslab：--scenario：bad.toml:1: unknown key nope":                                true,
		"losslab batch：--format：Embedding Projector 的两个文件都是 TSV 格式":                      false,
	} {
		if got := englishSentence(line); (got != "") != english {
			t.Errorf("englishSentence(%q) = %q", line, got)
		}
	}
}

// Every error line quotes at most a short, printable prefix of what the user
// gave: a value, an argument, a field, a label or a column's name of 10,000
// characters with escapes and line separators in it makes a short line.
// Before, a quoted field of any length was echoed whole.
func TestErrorsEchoShortPrefixes(t *testing.T) {
	dir := t.TempDir()
	hostile := "\x1b]0;pwned\x07\u2028\u200b" + strings.Repeat("x", 10_000)
	csvSafe := strings.NewReplacer(",", "", "\n", "", "\"", "").Replace(hostile)
	file := func(name, text string) string { return writeFile(t, dir, name, text) }
	for _, args := range [][]string{
		{"frob" + hostile},
		{"help", hostile},
		{"eval", "--" + csvSafe},
		{"eval", "--dap", hostile},
		{"eval", "--margin", "-" + hostile},
		{"eval", "--distance", hostile},
		{"eval", "--y-ap", hostile},
		{"--scenario", file("long.toml", "name = \"x\"\ntitle = \"x\"\n[start]\ndap = 0.4\ndan = 0.6\nmargin = 0.2\ny_an = \"d\"\ny_ap = \""+strings.Repeat("y", 5000)+"\"\n")},
		{"serve", "--lesson", hostile},
		{"serve", "--hide", hostile},
		{"eval", hostile},
		{"batch", "--json=" + hostile},
		{"batch", "--bins", hostile},
		{"batch", "--demo", hostile},
		{"batch", "--demo", "iris", "--max-memory", hostile},
		{"batch", "--demo", "iris", "--sample-anchors", hostile},
		{"batch", "--in", file("f.csv", "a,b,label\n1,\""+csvSafe+"\",x\n")},
		{"batch", "--in", file("h.csv", "a,b,label\n1,2,x\n"), "--label-col", hostile},
		{"batch", "--in", file("c.csv", "a,"+csvSafe+",label\n1,x,y\n")},
		{"batch", "--in", file("o.csv", "a,label\n1,\""+csvSafe+"\"\n2,\""+csvSafe+"\"\n")},
		{"batch", "--in", file("s.csv", "a,label\n1,x\n1,x\n2,\""+csvSafe+"\"\n")},
		{"batch", "--in", file("t.csv", "1.0,\""+csvSafe+"\",a\n1,2,a\n")},
		{"train", "--loss", hostile},
		{"train", "--lr", hostile},
		{"replay", "a", hostile},
		{"replay", csvSafe},
		{"--scenario", csvSafe},
		{"learn", "a", hostile},
		{"--lang", hostile},
	} {
		_, _, errOut := run(t, args...)
		if len(errOut) > 400 || strings.Count(errOut, "\n") != 1 || strings.ContainsAny(errOut, "\x1b\x07\u2028\u200b") {
			t.Errorf("%.40q: %d bytes: %.300q", args, len(errOut), errOut)
		}
	}
}
