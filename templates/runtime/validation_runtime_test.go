package runtime

import "testing"

func TestDuplicateJSONAt(t *testing.T) {
	type tag struct {
		Name  string            `json:"name"`
		Color string            `json:"color,omitempty"`
		Attrs map[string]string `json:"attrs,omitempty"`
	}
	for _, c := range []struct {
		name string
		in   []tag
		want int
	}{
		{"none", nil, -1},
		{"one", []tag{{Name: "a"}}, -1},
		{"distinct", []tag{{Name: "a"}, {Name: "a", Color: "red"}, {Name: "b"}}, -1},
		{"repeat", []tag{{Name: "a"}, {Name: "b"}, {Name: "a"}}, 2},
		// Map keys are sorted by encoding/json: the order they were set
		// in does not make two equal maps different.
		{"maps", []tag{{Name: "m", Attrs: map[string]string{"x": "1", "y": "2"}}, {Name: "m", Attrs: map[string]string{"y": "2", "x": "1"}}}, 1},
	} {
		if got := duplicateJSONAt(c.in); got != c.want {
			t.Errorf("%s: duplicateJSONAt = %d, want %d", c.name, got, c.want)
		}
	}
	if got := duplicateJSONAt([][]int{{1, 2}, {2, 1}, {1, 2}}); got != 2 {
		t.Errorf("arrays: duplicateJSONAt = %d, want 2 (order matters in an array)", got)
	}
	if itemText(3) != "item 3" {
		t.Errorf("itemText(3) = %q", itemText(3))
	}
}

func TestIsMultipleOf(t *testing.T) {
	for _, c := range []struct {
		v, m float64
		want bool
	}{
		{0, 0.5, true}, {1.5, 0.5, true}, {-2, 0.5, true}, {1.25, 0.5, false},
		// 0.1 has no exact float64: 0.3 is within kin-openapi's slack of
		// three times it, 0.35 is not.
		{0.3, 0.1, true}, {12.7, 0.1, true}, {0.35, 0.1, false},
		{5, 2.5, true}, {3, 2.5, false}, {4.5e15, 3, true}, {4.5, 3, false},
		{1e-9, 1e-10, true}, {1.5e-10, 1e-10, false},
	} {
		if got := isMultipleOf(c.v, c.m); got != c.want {
			t.Errorf("isMultipleOf(%g, %g) = %v, want %v", c.v, c.m, got, c.want)
		}
	}
}
