package runtime

// matchRun reports whether every byte of s lies in ranges (inclusive byte
// pairs, "AZaz09") and s has minLen to maxLen bytes (maxLen < 0: no bound). The
// validators call it instead of a regexp for patterns such as
// "^[A-Z]{2}$": same answers, since a byte outside ASCII is in no range,
// and no regexp engine on the way.
func matchRun(s, ranges string, minLen, maxLen int) bool {
	if len(s) < minLen || maxLen >= 0 && len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !inRanges(s[i], ranges) {
			return false
		}
	}
	return true
}

// containsRun reports whether some byte of s lies in ranges: the
// validators call it for an unanchored one-class pattern such as "[0-9]".
func containsRun(s, ranges string) bool {
	for i := 0; i < len(s); i++ {
		if inRanges(s[i], ranges) {
			return true
		}
	}
	return false
}

// inRanges reports whether c lies in one of the inclusive byte pairs.
func inRanges(c byte, ranges string) bool {
	for j := 0; j+1 < len(ranges); j += 2 {
		if ranges[j] <= c && c <= ranges[j+1] {
			return true
		}
	}
	return false
}
