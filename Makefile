# Certif: set-up, demo, tests and benchmark on Debian 12 with the Swift 6 toolchain.
# `make run` and `make test` install the Debian packages they need first.

SWIFT ?= swift
DEBIAN_PACKAGES := pkg-config libsqlite3-dev libmicrohttpd-dev libsodium-dev libxlsxwriter-dev \
	tzdata python3-yaml unzip python3-pip chromium chromium-driver chromium-l10n
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO_DATABASE := out/demo.sqlite
DSFR_DIRECTORY := out/static/dsfr
CERTIF := .build/debug/certif
AXE_FOLDER := out/vendor/axe
# The demo's plan date: the example candidates are those of the 2024 volumes.
DEMO_TODAY := 2024-12-02
# The web application's address for `make run`; CERTIF_LISTEN overrides it.
LISTEN ?= $(or $(CERTIF_LISTEN),127.0.0.1:8080)

.PHONY: all deps build release dsfr run test lint axe bench fuzz examples clean

all: build

# Installs what is missing only, so a machine that has everything touches no package list.
deps:
	@missing=""; for package in $(DEBIAN_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build --product certif

# An optimised build for batch work on large files: .build/release/certif.
release: deps
	$(SWIFT) build -c release --product certif

# The State's design system, from the pinned django-dsfr wheel. Without it (no access to PyPI)
# the pages use Certif's neutral stylesheet, so a failure here does not stop the demo.
dsfr:
	@scripts/install-dsfr.sh $(DSFR_DIRECTORY) \
		|| echo "make: DSFR not installed; the pages use the neutral stylesheet"

# The demo: a new database, the synthetic VAE year built from the 2024 volumes, its plan
# draft, the comparison with the 2024 figures, then the web application on that database.
run: build dsfr
	@mkdir -p out
	rm -f $(DEMO_DATABASE) $(DEMO_DATABASE)-wal $(DEMO_DATABASE)-shm
	$(CERTIF) import examples/candidats-vae-2024.csv --database $(DEMO_DATABASE)
	$(CERTIF) plan --from 2025-01-01 --to 2026-03-31 --today $(DEMO_TODAY) --save \
		--json out/plan-vae-2024.json --csv out/plan-vae-2024.csv --database $(DEMO_DATABASE)
	$(CERTIF) report --database $(DEMO_DATABASE)
	$(CERTIF) serve --database $(DEMO_DATABASE) --dsfr $(DSFR_DIRECTORY) --listen $(LISTEN) \
		--today $(DEMO_TODAY)

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

# axe-core for the accessibility checks of the browser tests; the script does nothing when the
# pinned version is installed already.
axe:
	scripts/install-axe.sh $(AXE_FOLDER)

# The live-server tests and the browser tests, which serve pages too, run in processes of their
# own: in one run with the planner's CPU-bound tests, those hold Swift's cooperative threads that
# the server's handlers need, and the server tests time out.
test: deps lint dsfr axe
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip CertifHTTPTests --skip LiveServerTests \
		--skip CertifBrowserTests
	$(SWIFT) test --skip-build --filter 'CertifHTTPTests|LiveServerTests'
	$(SWIFT) test --skip-build --filter CertifBrowserTests

# The planner's figures, then the web application under load (wrk, installed here when
# missing): BENCH_SECONDS per page at BENCH_CONNECTIONS connections.
BENCH_SECONDS ?= 60
BENCH_CONNECTIONS ?= 32
bench: deps
	@command -v wrk >/dev/null || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y wrk
	$(SWIFT) build -c release --product CertifBench
	$(SWIFT) build -c release --product certif
	.build/release/CertifBench .
	scripts/bench-web.sh .build/release/certif $(BENCH_SECONDS) $(BENCH_CONNECTIONS)

# Runs each request body parser under libFuzzer with AddressSanitizer for FUZZ_SECONDS;
# new inputs go to out/fuzz, so the committed seed corpus stays as it is.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -c release --scratch-path .build/fuzz -Xswiftc -sanitize=fuzzer,address \
	-Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver
fuzz: deps
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzFormBody
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzMultipartBody
	mkdir -p out/fuzz/FormBody out/fuzz/MultipartBody
	.build/fuzz/release/FuzzFormBody -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=out/fuzz/ \
		out/fuzz/FormBody Tests/CertifHTTPTests/FuzzCorpus/FormBody
	.build/fuzz/release/FuzzMultipartBody -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=out/fuzz/ \
		out/fuzz/MultipartBody Tests/CertifHTTPTests/FuzzCorpus/MultipartBody

# Writes the example candidate files again from their volumes; they are committed, so this is
# needed only after a change to the generator or the volumes.
examples: build
	$(CERTIF) generate examples/volumes-vae-2024.json --output examples/candidats-vae-2024.csv
	$(CERTIF) generate examples/volumes-national.json --output examples/candidats-national.csv

clean:
	rm -rf .build out
