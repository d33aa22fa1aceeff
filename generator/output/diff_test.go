package output

import (
	"strings"
	"testing"
)

func TestDiffUnified(t *testing.T) {
	old := "package x\n\n// A is a.\nconst A = 1\n\n// B is b.\nconst B = 2\n"
	changes := []Change{{Name: "x.go", Old: []byte(old), New: []byte(strings.Replace(old, "B = 2", "B = 3", 1))}}
	want := `--- a/out/x.go
+++ b/out/x.go
@@ -4,4 +4,4 @@
 const A = 1
 
 // B is b.
-const B = 2
+const B = 3
`
	if got := Diff("out", changes); got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
}

func TestDiffNewRemovedAndUnterminated(t *testing.T) {
	got := Diff("out", []Change{
		{Name: "new.go", New: []byte("package x\n")},
		{Name: "old.go", Old: []byte("package x")},
	})
	want := `--- /dev/null
+++ b/out/new.go
@@ -1,0 +1,1 @@
+package x
--- a/out/old.go
+++ /dev/null
@@ -1,1 +1,0 @@
-package x
\ No newline at end of file
`
	if got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
}
