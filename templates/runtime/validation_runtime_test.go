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
