package runtime

import (
	"errors"
	"iter"
	"reflect"
)

// maxPages bounds a walk: a server that keeps answering new full pages
// without a total ends it with errTooManyPages.
const maxPages = 10000

// errTooManyPages ends a walk that reached maxPages.
var errTooManyPages = errors.New(packageName + ": the page walk gave up after 10000 pages")

// walkPages yields every item of a paged list, page after page, starting
// at page first. fetch returns one page's items and the total the answer
// announced (0 when it gave none); size is the page size asked for (0 when
// not known). The walk stops after total items, on an empty page, when the
// loop breaks, or after yielding fetch's error once; and, against a server
// that ignores the page index, on a page equal to the one before, on a
// page shorter than size when no total was announced, and after maxPages
// pages (yielding errTooManyPages).
func walkPages[T any](first, size int, fetch func(page int) ([]T, int, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		var prev []T
		seen := 0
		for page := first; ; page++ {
			if page-first >= maxPages {
				yield(zero, errTooManyPages)
				return
			}
			items, total, err := fetch(page)
			if err != nil {
				yield(zero, err)
				return
			}
			if page > first && reflect.DeepEqual(items, prev) {
				return // the same page again: the index was ignored
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			seen += len(items)
			switch {
			case len(items) == 0, total > 0 && seen >= total:
				return
			case total <= 0 && size > 0 && len(items) < size:
				return // a short page is the last
			}
			prev = items
		}
	}
}
