# Credence: `make run` scores the bundled examples, `make test` runs every test.
GO      ?= go
BIN     := bin/credence
SEEDS   := $(wildcard ../shared/seeds/*.txt)
FUZZTIME ?= 5s

.PHONY: all build install run test vet lint bench eval fit fuzz beam-test clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/credence

# Install credence into $(go env GOBIN), or $(go env GOPATH)/bin.
install:
	$(GO) install ./cmd/credence

# Score the project's own examples (and the five seed articles when ../shared is there).
run: build
ifeq ($(SEEDS),)
	@echo "(../shared/seeds is not beside this checkout: scoring the bundled examples only)"
endif
	@echo "== examples (testdata/examples)"
	@./$(BIN) score --format text testdata/examples
ifneq ($(SEEDS),)
	@echo
	@echo "== seed articles (../shared/seeds)"
	@./$(BIN) score --format text $(SEEDS)
endif
	@echo
	@./$(BIN) score --format table testdata/examples $(SEEDS)
	@mkdir -p out
	@./$(BIN) report --compare --title "Credence: bundled examples" -o out/examples-report.html testdata/examples
	@echo "\nHTML report: out/examples-report.html"
ifneq ($(SEEDS),)
	@./$(BIN) report --compare --title "The Paris talks, five ways" -o out/seeds-report.html $(SEEDS)
	@echo "HTML report (seeds, side by side): out/seeds-report.html"
endif

# Tests that read ../shared are rerun when it appears or changes: the test
# cache tracks environment variables, not files outside the module.
export CREDENCE_SHARED_STAMP := $(shell ls -la --time-style=+%s ../shared ../shared/* 2>/dev/null | cksum)

test: vet
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) test ./...

vet:
	$(GO) vet ./...

lint: vet
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The project's report: the fixtures (as `credence eval`), the seeds and the
# external corpora, with the research baselines (a development tool).
eval:
	$(GO) run ./eval/cmd/evalreport -o eval/REPORT.md testdata/fixtures

# The slant model is fitted on the hyperpartisan corpus of ../shared (when
# present), then the overall model on the fixtures.
fit:
	$(GO) generate ./internal/builtin
	@if [ -f ../shared/data/ptc/ptc_train.jsonl ]; then $(GO) run ./eval/cmd/fitmodel -model spans; \
	  else echo "(../shared/data/ptc is not here: keeping lexicons/spanmodel.json)"; fi
	@if [ -f ../shared/data/hyperpartisan/hyperpartisan_dev.jsonl ]; then $(GO) run ./eval/cmd/fitmodel -model slant; \
	  else echo "(../shared/data/hyperpartisan is not here: keeping internal/profile/slant.json)"; fi
	$(MAKE) build
	./$(BIN) fit testdata/fixtures

# Short bounded run of every fuzz target (FUZZTIME each).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# The Beam pipeline (its own module, cmd/credence-beam) on the embedded
# runner: output equals `credence score --format jsonl`, bad records go to
# the dead-letter output. Heavy: Beam's modules are ~900 MB on first use.
beam-test:
	cd cmd/credence-beam && $(GO) vet ./... && $(GO) test -count=1 ./...

clean:
	rm -rf bin
