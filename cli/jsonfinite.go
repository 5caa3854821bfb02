package cli

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// firstNonFinite finds the first number in v that JSON cannot hold (NaN, ±Inf)
// and names it as a script reading the output would: its path of JSON keys
// and indices ("triplet.grad_anchor[0]").
func firstNonFinite(v any) (path string, x float64, found bool) {
	return walkNonFinite(reflect.ValueOf(v), "")
}

func walkNonFinite(v reflect.Value, path string) (string, float64, bool) {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if x := v.Float(); math.IsNaN(x) || math.IsInf(x, 0) {
			return path, x, true
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walkNonFinite(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p, x, ok := walkNonFinite(v.Index(i), path+"["+strconv.Itoa(i)+"]"); ok {
				return p, x, true
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		var keys []string
		values := map[string]reflect.Value{}
		for iter.Next() {
			k := iter.Key().String()
			keys = append(keys, k)
			values[k] = iter.Value()
		}
		slices.Sort(keys) // the order encoding/json writes
		for _, k := range keys {
			if p, x, ok := walkNonFinite(values[k], jsonPath(path, k)); ok {
				return p, x, true
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			p := path
			switch {
			case f.Anonymous && name == "": // embedded: its fields are the parent's
			case name != "":
				p = jsonPath(path, name)
			default:
				p = jsonPath(path, f.Name)
			}
			if p, x, ok := walkNonFinite(v.Field(i), p); ok {
				return p, x, true
			}
		}
	}
	return "", 0, false
}

// jsonPath appends a key to a JSON path.
func jsonPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
