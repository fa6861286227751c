#!/usr/bin/env bash
# Rebuilds the test modules in ../resources/wasm from the sources here.
# Needs Debian's wabt (wat2wasm), clang, lld, wasi-libc and libclang-rt-14-dev-wasm32:
#   apt-get install wabt clang lld wasi-libc libclang-rt-14-dev-wasm32
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/wasm
mkdir -p "$out"
for wat in *.wat; do
  wat2wasm --debug-names "$wat" -o "$out/${wat%.wat}.wasm"
done
for c in *.c; do
  clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-all -o "$out/${c%.c}.wasm" "$c"
done
printf 'this is not a WebAssembly module\n' > "$out/invalid.wasm"
ls -l "$out"
