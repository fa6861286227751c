// Runs a WASI preview1 module with node, as `bacalhau wasm run` would: node wasi-run.mjs MODULE [ARGS...]
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [module, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: ['', ...args], returnOnExit: true });
const instance = await WebAssembly.instantiate(
  await WebAssembly.compile(readFileSync(module)), wasi.getImportObject());
process.exitCode = wasi.start(instance);
