package bench

import (
	"fmt"
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/ogen-go/ogen"
	"github.com/ogen-go/ogen/gen"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// BenchmarkGenerate is each generator's library, in process, on
// spec/nexmo.yaml: parse, check, build, print and format every file, no disk.
// oapi-codegen generates models, client, std-http server and strict server
// (oapi-codegen.yaml); ogen reads gen/ogen.yaml (see cmd/ogenspec). Then
// nexmogen alone on synthetic specs of 10, 100 and 1,000 operations, to show
// how its cost grows.
func BenchmarkGenerate(b *testing.B) {
	b.Run("spec/nexmogen", func(b *testing.B) {
		loop(b, func() error {
			_, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{})
			return err
		})
	})
	b.Run("spec/oapi-codegen", func(b *testing.B) {
		loop(b, func() error {
			_, err := oapiGenerate(spec.YAML)
			return err
		})
	})
	b.Run("spec/ogen", func(b *testing.B) {
		data, err := os.ReadFile("gen/ogen.yaml")
		if err != nil {
			b.Fatal(err)
		}
		loop(b, func() error {
			_, err := ogenGenerate(data)
			return err
		})
	})
	for _, ops := range []int{10, 100, 1000} {
		doc := SyntheticSpec(ops)
		b.Run(fmt.Sprintf("ops=%d/nexmogen", ops), func(b *testing.B) {
			loop(b, func() error {
				_, _, err := generator.Generate(doc, "synthetic.yaml", generator.Options{})
				return err
			})
		})
	}
}

// oapiGenerate is what the oapi-codegen command does between reading its
// inputs and writing its output. Its Generate prunes the document it is
// given, so each call loads a fresh one.
func oapiGenerate(data []byte) (string, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return "", err
	}
	return codegen.Generate(doc, codegen.Configuration{
		PackageName: "oapi",
		Generate: codegen.GenerateOptions{
			Models:        true,
			Client:        true,
			StdHTTPServer: true,
			Strict:        true,
		},
	})
}

// memFS keeps ogen's output in memory.
type memFS map[string][]byte

func (m memFS) WriteFile(name string, src []byte) error {
	m[name] = src
	return nil
}

// ogenGenerate is what the ogen command does between reading its inputs and
// writing its output.
func ogenGenerate(data []byte) (memFS, error) {
	doc, err := ogen.Parse(data)
	if err != nil {
		return nil, err
	}
	g, err := gen.NewGenerator(doc, gen.Options{})
	if err != nil {
		return nil, err
	}
	fs := memFS{}
	return fs, g.WriteSource(fs, "api")
}

// TestSyntheticSpecsGenerate keeps the synthetic specs inside what nexmogen
// supports, so the growth figures measure real generations.
func TestSyntheticSpecsGenerate(t *testing.T) {
	for _, ops := range []int{1, 10} {
		files, _, err := generator.Generate(SyntheticSpec(ops), "synthetic.yaml", generator.Options{})
		if err != nil {
			t.Fatalf("ops=%d: %v", ops, err)
		}
		if len(files) == 0 {
			t.Fatalf("ops=%d: no files", ops)
		}
	}
}

// TestPeersGenerateInProcess checks the in-process peers produce their code,
// so their figures measure real generations.
func TestPeersGenerateInProcess(t *testing.T) {
	src, err := oapiGenerate(spec.YAML)
	if err != nil || len(src) < 10000 {
		t.Fatalf("oapi-codegen: %d bytes, %v", len(src), err)
	}
	data, err := os.ReadFile("gen/ogen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := ogenGenerate(data)
	if err != nil || len(fs) < 10 {
		t.Fatalf("ogen: %d files, %v", len(fs), err)
	}
}
