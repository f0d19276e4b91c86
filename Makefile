# mailsim's build, test and lint entry points. `make test` is what the README
# and CI run; `make lint` is CI's second gate.

GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# A count (Nx), not a duration: a duration races Go's fuzz coordinator and
# can fail with a bare "context deadline exceeded" and no crasher
# (go.dev/issue/75804, fixed in Go 1.27; go1.26 still has it).
FUZZTIME    ?= 100000x

.PHONY: build test lint demo bench fuzz golden

build:
	$(GO) build -o bin/mailsim ./cmd/mailsim

## test: vet, then every test with the race detector (a generous timeout: the
## CLI package replays every bundled scenario and takes minutes under -race).
test:
	$(GO) vet ./...
	$(GO) test -race -timeout 25m ./...

## lint: formatting, vet and staticcheck (pinned; fetched through the Go module proxy).
lint:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## demo: animate the basic delivery scenario.
demo:
	$(GO) run ./cmd/mailsim play basic-delivery

## bench: every benchmark, with allocations, then the whole engine on one core.
bench:
	$(GO) test -run=NONE -bench=. -benchmem ./...
	$(GO) test -run=NONE -bench='FullPath$$|VsGoSMTP' -benchmem -cpu=1 ./sim
	$(GO) run ./cmd/mailsim bench

## fuzz: run every fuzz target for FUZZTIME executions (or a duration) each.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
			$(GO) test -run=NONE -fuzz="^$$target\$$" -fuzztime=$(FUZZTIME) $$pkg; \
		done; \
	done

## golden: rewrite the golden files under testdata/ (review the diff!).
golden:
	$(GO) test ./... -update
