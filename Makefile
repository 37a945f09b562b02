# Dossier: `make reports` builds the sample reports, `make test` runs every test.
# Both install missing Debian packages first (as root), or say which to install.

SWIFT ?= swift
DOSSIER = .build/debug/dossier

.PHONY: setup build reports test lint check bench fuzz clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build --product dossier

reports: build
	$(DOSSIER) build

# Tests run against an optimized build, as users run it (-enable-testing keeps @testable
# imports working): the 100 MB input case takes minutes in a debug build. `swift test` also
# works, slower.
test: setup lint
	$(SWIFT) test -c release -Xswiftc -enable-testing

# Formatting (swift-format, configured in .swift-format) and layout limits (no file over 300
# lines, no function over 60, no line over 120 columns): `swift format -i -r -p Sources Tests
# Fuzz Package.swift` fixes the first.
lint:
	$(SWIFT) format lint --strict -r -p Sources Tests Fuzz Package.swift
	scripts/check_layout.py Sources Tests Fuzz

# Fails when reports/ is not what the pipeline builds (CI runs this).
check: build
	$(DOSSIER) validate
	$(DOSSIER) build --check

# libFuzzer + ASan over ingest.html and ingest.text with the normalizers, FUZZ_SECONDS each
# (60 by default); see docs/architecture.md, "Robustness".
FUZZ_SECONDS ?= 60
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

bench: setup
	scripts/bench.sh $(N)

clean:
	rm -rf .build .build-bench .build-fuzz bench/out

# Main-content extraction of web pages against trafilatura on the dev pages (dev and held-out
# halves); fetches the dev data first when it is missing (see scripts/fetch_devdata_html.sh).
.PHONY: eval-ingest eval-pdf
eval-ingest: build
	@test -d $${DEVDATA:-/work/devdata-html}/trafilatura || scripts/fetch_devdata_html.sh
	scripts/eval_ingest.py --dossier $(DOSSIER)
	scripts/eval_snippets.py --dossier $(DOSSIER)

# PDFs as analysts keep them: the gold text documents typeset by WeasyPrint (a report and a
# two-column journal page) and read back; see README, "PDFs: two columns, charts, running titles".
eval-pdf: build
	scripts/eval_pdf.py --dossier $(DOSSIER)
