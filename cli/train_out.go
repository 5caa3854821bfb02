package cli

import (
	"errors"
	"strconv"
	"strings"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/atomicfile"
)

// writeEmbeddings writes --out (the training points the metrics measure)
// and --out-heldout (the held-out points) as CSV files `losslab batch --in`
// reads: x,y,label with the class names as labels, so that batch's AUC of
// the file is the summary's. Each file is new and written whole or not at
// all.
func writeEmbeddings(tr *train.Trainer, f trainFlags) error {
	for _, out := range []struct {
		flag, path string
		points     []int
	}{{"out", f.out, tr.EvalPoints()}, {"out-heldout", f.outHeldOut, tr.HeldOutPoints()}} {
		if out.path == "" {
			continue
		}
		if out.flag == "out-heldout" && tr.HeldOutReason() == train.HeldOutFree {
			return usagef(i18n.TrainErrOutFree, out.flag) // the one reason that applies, not both
		}
		if len(out.points) == 0 || (out.flag == "out-heldout" && tr.HeldOutReason() != train.HeldOutMeasured) {
			return usagef(i18n.TrainErrOutNone, out.flag)
		}
		err := atomicfile.WriteNew(out.path, embeddingsCSV(tr, out.points))
		if errors.Is(err, atomicfile.ErrExists) {
			return usagef(i18n.TrainErrOutExists, out.flag, out.path)
		}
		if err != nil {
			return usagef(i18n.CLIErrBadValue, out.flag, err)
		}
	}
	return nil
}

// embeddingsCSV is the first run's embeddings of points, one row each, in
// the shortest decimals that read back to the same float64.
func embeddingsCSV(tr *train.Trainer, points []int) []byte {
	data := tr.Data()
	emb := make([]float64, 2*len(points))
	tr.Runs()[0].Embed(data, points, emb)
	var b strings.Builder
	b.WriteString("x,y,label\n")
	for k, i := range points {
		b.WriteString(strconv.FormatFloat(emb[2*k], 'g', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(emb[2*k+1], 'g', -1, 64))
		b.WriteByte(',')
		b.WriteString(csvField(data.Classes[data.Labels[i]]))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// csvField quotes a label with a comma, quote or line break, as RFC 4180 does.
func csvField(s string) string {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
