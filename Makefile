# The two commands a newcomer needs are `make demo` and `make test`; every target installs what
# is missing (scripts/setup.sh) and calls the script of the same job in scripts/.
.PHONY: setup test demo emulator wasm package bench load fuzz

setup:
	@scripts/setup.sh

test: setup
	@scripts/test.sh

demo: setup
	@scripts/demo.sh

# The emulator alone, to point your own code at: prints its endpoint, AppKey, AppSecret and the
# `export` lines to copy (EMULATOR_PORT: default 8787).
# Needs only the npm dev dependencies (ws), not the Rust tools.
emulator:
	@test -d node_modules/ws || npm ci --no-audit --no-fund --loglevel=error
	@node emulator/cli.mjs

wasm: setup
	@scripts/build-wasm.sh

# Assembles pkg/ (ready for `npm publish`) and prints the sizes of what each runtime loads.
package: setup
	@scripts/build-wasm.sh && scripts/build-wasm.sh miniprogram && scripts/build-wasm.sh speed && node scripts/build-package.mjs

load: setup
	@scripts/load.sh

fuzz: setup
	@scripts/fuzz.sh

# Signing/parsing throughput, cold start, size, memory and browser start-up next to the official
# JS and crypto-js; prints tables
# and writes target/bench/results.json.
bench: setup
	@scripts/bench.sh
