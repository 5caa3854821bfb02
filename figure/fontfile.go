package figure

import "encoding/binary"

// golang.org/x/image/font/sfnt reads a font only when every table starts
// on a four-byte boundary (golang/go#46384), and WenQuanYi's collections,
// Debian's usual Chinese fonts, do not: "sfnt: invalid table offset".
// standalone copies one face of a file into a single font of its own whose
// tables are aligned, which sfnt reads; the bytes of every table are kept
// as they are.

// standalone returns face (0 for a single font) of data as a single font
// with its tables on four-byte boundaries.
func standalone(data []byte, face int) ([]byte, error) {
	dir := 0 // where the face's table directory starts
	if len(data) >= 12 && string(data[:4]) == "ttcf" {
		n := int(binary.BigEndian.Uint32(data[8:]))
		if face < 0 || face >= n || 12+4*face+4 > len(data) {
			return nil, ErrNotFont
		}
		dir = int(binary.BigEndian.Uint32(data[12+4*face:]))
	} else if face != 0 {
		return nil, ErrNotFont
	}
	if dir < 0 || dir+12 > len(data) {
		return nil, ErrNotFont
	}
	numTables := int(binary.BigEndian.Uint16(data[dir+4:]))
	records := dir + 12
	if numTables == 0 || records+16*numTables > len(data) {
		return nil, ErrNotFont
	}
	head := 12 + 16*numTables
	out := make([]byte, head, len(data))
	copy(out, data[dir:dir+12])
	for i := range numTables {
		rec := data[records+16*i : records+16*i+16]
		off, n := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if off+n > int64(len(data)) {
			return nil, ErrNotFont
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		copy(out[12+16*i:], rec[:8]) // tag and checksum
		binary.BigEndian.PutUint32(out[12+16*i+8:], uint32(len(out)))
		binary.BigEndian.PutUint32(out[12+16*i+12:], uint32(n))
		out = append(out, data[off:off+n]...)
	}
	return out, nil
}
