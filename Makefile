# The two commands a newcomer needs are `make demo` and `make test`; both install what is missing.
.PHONY: setup test demo wasm

setup:
	@scripts/setup.sh

test: setup
	@scripts/test.sh

wasm: setup
	@scripts/build-wasm.sh

demo: setup
	@scripts/demo.sh
