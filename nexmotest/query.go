package nexmotest

import (
	"slices"
	"strings"
)

// The values of Query.SearchPattern.
const (
	StartsWith = 0
	Anywhere   = 1
	EndsWith   = 2
)

// Page sizes: the default and the largest.
const (
	DefaultSize = 10
	MaxSize     = 100
)

// Query selects a page of numbers. Zero fields do not filter; a zero Size
// or Index means DefaultSize or the first page.
type Query struct {
	// Pattern is matched against the msisdn as SearchPattern says.
	Pattern       string
	SearchPattern int
	// Features: numbers with all of these (search only).
	Features []string
	// Type: numbers of this type (search only).
	Type string
	// Country: the country searched (required by search), or a filter of
	// the owned list.
	Country string
	// AppID and HasApplication filter the owned list by application.
	AppID          string
	HasApplication *bool
	// Size is the page size (at most MaxSize) and Index the 1-based page.
	Size, Index int
}

// Page is one page of a list: Count is the total over all pages.
type Page[T any] struct {
	Count int
	Items []T
}

// matchesPattern applies Pattern and SearchPattern to msisdn.
func (q *Query) matchesPattern(msisdn string) bool {
	switch q.SearchPattern {
	case Anywhere:
		return strings.Contains(msisdn, q.Pattern)
	case EndsWith:
		return strings.HasSuffix(msisdn, q.Pattern)
	}
	return strings.HasPrefix(msisdn, q.Pattern)
}

// matchesAvailable applies the search filters to n.
func (q *Query) matchesAvailable(n *Number) bool {
	if !q.matchesPattern(n.MSISDN) || (q.Type != "" && n.Type != q.Type) {
		return false
	}
	for _, want := range q.Features {
		if !slices.Contains(n.Features, want) {
			return false
		}
	}
	return true
}

// matchesOwned applies the owned-list filters to o.
func (q *Query) matchesOwned(o *OwnedNumber) bool {
	switch {
	case !q.matchesPattern(o.MSISDN):
		return false
	case q.Country != "" && o.Country != q.Country:
		return false
	case q.AppID != "" && o.AppID != q.AppID:
		return false
	case q.HasApplication != nil && *q.HasApplication != (o.AppID != ""):
		return false
	}
	return true
}

// sortOwned puts numbers in numeric order.
func sortOwned(all []OwnedNumber) {
	slices.SortFunc(all, func(a, b OwnedNumber) int { return compareMSISDN(a.MSISDN, b.MSISDN) })
}

// paginate cuts page q.Index of q.Size items out of all.
func paginate[T any](all []T, q Query) Page[T] {
	size, index := q.Size, q.Index
	if size <= 0 {
		size = DefaultSize
	}
	size = min(size, MaxSize)
	if index <= 0 {
		index = 1
	}
	p := Page[T]{Count: len(all)}
	if index > len(all)/size+1 { // past the end (and (index-1)*size could overflow)
		return p
	}
	if start := (index - 1) * size; start < len(all) {
		p.Items = all[start:min(start+size, len(all))]
	}
	return p
}
