package runtime

import "iter"

// walkPages yields every item of a paged list, page after page, starting
// at page first. fetch returns one page's items and the total the answer
// announced (0 when it gave none). The walk stops after total items, on an
// empty page, when the loop breaks, or after yielding fetch's error once.
func walkPages[T any](first int, fetch func(page int) ([]T, int, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		seen := 0
		for page := first; ; page++ {
			items, total, err := fetch(page)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			seen += len(items)
			if len(items) == 0 || (total > 0 && seen >= total) {
				return
			}
		}
	}
}
