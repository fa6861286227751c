#!/usr/bin/env bash
# Rebuilds the test modules in ../resources/wasm from the sources here, and the example module.
# Needs Debian's wabt (wat2wasm), clang, lld, wasi-libc and libclang-rt-14-dev-wasm32:
#   apt-get install wabt clang lld wasi-libc libclang-rt-14-dev-wasm32
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/wasm
mkdir -p "$out"
for wat in *.wat; do
  wat2wasm --debug-names "$wat" -o "$out/${wat%.wat}.wasm"
done
compile_c() { clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-all -o "$2" "$1"; }
for c in *.c; do
  compile_c "$c" "$out/${c%.c}.wasm"
done
# hello: the README's example, which the tests also run (see the pom's test resources).
compile_c ../../../examples/hello.c ../../../examples/hello.wasm
printf 'this is not a WebAssembly module\n' > "$out/invalid.wasm"
ls -l "$out"
