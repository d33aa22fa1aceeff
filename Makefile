# The two commands a fresh clone needs: `make generate` (the main job:
# regenerate generated/ from the embedded spec) and `make test`.
GO ?= go

.PHONY: generate check test vet fmt bench fuzz

generate:
	$(GO) run ./cmd/nexmogen

check:
	$(GO) run ./cmd/nexmogen -check

fmt:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

test: fmt vet check
	$(GO) test -race ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./generated/... ./generator/...
