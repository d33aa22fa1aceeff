//go:build unix

package bench

import "syscall"

// cpuNow is the CPU time this process has used so far (user and system,
// every thread: the garbage collector's work counts), in nanoseconds.
func cpuNow() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
