# The two commands a fresh clone needs: `make generate` (the main job:
# regenerate generated/ from the embedded spec) and `make test`.
GO ?= go
# Extra go test flags for make bench; each benchmark runs 3 times and the
# table shows the medians (e.g. BENCHFLAGS='-count=1 -bench=Validate').
BENCHFLAGS ?= -count=3

.PHONY: generate check test vet fmt tidy bench bench-smoke interop-report fuzz realworld realworld-nexmogen

# KINFUZZ is generated/kinfuzz, the package of the differential fuzz
# document (issue 11's schema kinds against kin-openapi), checked in too.
KINFUZZ = -strict -spec generated/kinfuzz/kinfuzz.yaml -out generated/kinfuzz -package kinfuzz -examples=false
# KINFUZZ31 is its 3.1 document's package (type arrays with "null", const...).
KINFUZZ31 = -strict -spec generated/kinfuzz/v31/kinfuzz31.yaml -out generated/kinfuzz/v31 -package kinfuzz31 -examples=false

generate:
	$(GO) run ./cmd/nexmogen -strict
	$(GO) run ./cmd/nexmogen $(KINFUZZ)
	$(GO) run ./cmd/nexmogen $(KINFUZZ31)

check:
	$(GO) run ./cmd/nexmogen -strict -check
	$(GO) run ./cmd/nexmogen $(KINFUZZ) -check
	$(GO) run ./cmd/nexmogen $(KINFUZZ31) -check

fmt:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# tidy fails, printing the diff, when go.mod or go.sum is not tidy. On an
# empty module cache it fetches the modules of the dependencies' tests
# (which go mod tidy loads), which the README tests' own go mod tidy needs.
tidy:
	$(GO) mod tidy -diff

# -timeout 30m: on a shared 2-core machine the slowest packages (the
# downstream-module and golden-compile tests) have come near go test's
# default 10 minutes.
test: fmt vet tidy check
	$(GO) test -race -timeout 30m ./...

# bench: generate the peers' code (oapi-codegen, ogen; bench/gen.sh), then
# measure nexmogen against them in one run of the bench module and print the
# table of ratios (bench/cmd/benchtable). See BENCHMARKS.md.
bench:
	cd bench && GO=$(GO) ./gen.sh
	cd bench && $(GO) build -o gen/benchtable ./cmd/benchtable
	cd bench && $(GO) test -run '^$$' -bench . -benchmem -timeout 60m $(BENCHFLAGS) . 2>&1 | gen/benchtable -order Generate,GenerateProcess,Validate,Decode,ClientCall,Serve

# bench-smoke: build and vet the bench module and run its checks (that the
# benchmarks' inputs are valid on every side), without measuring.
bench-smoke:
	cd bench && GO=$(GO) ./gen.sh
	cd bench && $(GO) vet ./... && $(GO) test -count=1 ./...

# interop-report: generate the interop suite (bench/gen.sh), run it and
# rewrite bench/INTEROP.md, its summary per document.
interop-report:
	cd bench && GO=$(GO) ./gen.sh
	cd bench && start=$$(date +%s); $(GO) test -count=1 -v ./gen/interop/... > gen/interop.out 2>&1; \
	status=$$?; end=$$(date +%s); \
	$(GO) run ./cmd/interopgen -report -seconds $$((end-start)) < gen/interop.out > INTEROP.md; \
	if [ $$status -ne 0 ]; then grep -E 'FAIL|INTEROP .* FAIL' gen/interop.out; exit $$status; fi

# realworld: the scoreboard. Every document of corpus/specs through nexmogen,
# oapi-codegen and ogen (the bench module's pinned versions), each output built
# and vetted; rewrites REALWORLD.md and corpus/outcomes.json (read by the fast
# subset in make test). See corpus/README.md.
realworld:
	cd bench && $(GO) run ./cmd/realworld

# realworld-nexmogen: nexmogen's column only, the peers' carried from the
# last full run (same pinned versions, same documents; the table says so).
# Minutes instead of most of an hour.
realworld-nexmogen:
	cd bench && $(GO) run ./cmd/realworld -tools nexmogen -merge

# fuzz runs every fuzz target for FUZZTIME (go test fuzzes one target per
# run). Their checked-in corpora (testdata/fuzz/) also run in `make test`.
FUZZTIME ?= 30s
FUZZ_TARGETS = \
	./generator:FuzzGenerate \
	./generator:FuzzGenerateMutated \
	./generated/nexmo:FuzzDecodeJSON \
	./generated/nexmo:FuzzDecodeXML \
	./generated/nexmo:FuzzValidatorsAgainstKin \
	./generated/nexmo:FuzzServerAgainstKin \
	./generated/nexmo:FuzzClientAnswers \
	./generated/nexmo:FuzzServer \
	./generated/kinfuzz:FuzzBodiesAgainstKin \
	./generated/kinfuzz:FuzzQueryAgainstKin \
	./generated/kinfuzz:FuzzBodies31AgainstKin \
	./nexmotest:FuzzHandler

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg; \
	done
