package source

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Decode stores the value of a node into v, a pointer, as encoding/json
// would store the same document: struct fields by their json names (exact,
// where encoding/json also takes another case), slices from arrays, maps
// from objects, pointers allocated. A value of the wrong type, and a member
// no field names, are skipped, so that the checks that follow a schema's
// see the rest. Reading a document decodes the tree it parsed, rather than
// reading the text a second time.
func Decode(n *Node, v any) {
	decode(n, reflect.ValueOf(v).Elem())
}

func decode(n *Node, v reflect.Value) {
	if n == nil || n.Kind == Null {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		decode(n, v.Elem())
	case reflect.String:
		if n.Kind == String {
			v.SetString(n.Text)
		}
	case reflect.Bool:
		if n.Kind == Bool {
			v.SetBool(n.Bool)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i, err := strconv.ParseInt(n.Text, 10, 64); n.Kind == Number && err == nil && !v.OverflowInt(i) {
			v.SetInt(i)
		}
	case reflect.Float32, reflect.Float64:
		if f, err := strconv.ParseFloat(n.Text, 64); n.Kind == Number && err == nil {
			v.SetFloat(f)
		}
	case reflect.Slice:
		if n.Kind != Array {
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Elems), len(n.Elems))
		for i, e := range n.Elems {
			decode(e, s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != Object || v.Type().Key().Kind() != reflect.String {
			return
		}
		if v.IsNil() {
			v.Set(reflect.MakeMapWithSize(v.Type(), len(n.Members)))
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		for _, m := range n.Members {
			elem.SetZero()
			decode(m.Value, elem)
			v.SetMapIndex(reflect.ValueOf(m.Key).Convert(v.Type().Key()), elem)
		}
	case reflect.Struct:
		if n.Kind != Object {
			return
		}
		fields := fieldsOf(v.Type())
		for _, m := range n.Members {
			if i, ok := fields[m.Key]; ok {
				decode(m.Value, v.FieldByIndex(i))
			}
		}
	case reflect.Interface:
		if v.NumMethod() == 0 {
			v.Set(reflect.ValueOf(n.Value()))
		}
	}
}

// fields holds the fields of each struct type, by json name: the index of
// each, as reflect.Value.FieldByIndex takes it.
var fields sync.Map // reflect.Type to map[string][]int

// fieldsOf returns the fields of a struct type by json name. As with
// encoding/json, the fields of an embedded struct without a json name are
// the outer struct's, unless the outer struct has a field of that name.
func fieldsOf(t reflect.Type) map[string][]int {
	if f, ok := fields.Load(t); ok {
		return f.(map[string][]int)
	}
	f := make(map[string][]int, t.NumField())
	var embedded []int
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		switch {
		case sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct:
			embedded = append(embedded, i)
			continue
		case !sf.IsExported() || name == "-":
			continue
		case name == "":
			name = sf.Name
		}
		f[name] = []int{i}
	}
	for _, i := range embedded {
		for name, index := range fieldsOf(t.Field(i).Type) {
			if _, ok := f[name]; !ok {
				f[name] = append([]int{i}, index...)
			}
		}
	}
	fields.Store(t, f)
	return f
}
