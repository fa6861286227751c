// Runs a WASI preview1 module with node, as `bacalhau wasm run` would:
//   node wasi-run.mjs [--dir GUEST=HOST]... MODULE [ARGS...]
// Each --dir gives the module a host folder at a guest path (as an input mount does).
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
const preopens = {};
while (argv[0] === '--dir') {
  const [guest, host] = argv[1].split('=');
  preopens[guest] = host;
  argv.splice(0, 2);
}
const [module, ...args] = argv;
const wasi = new WASI({ version: 'preview1', args: ['', ...args], preopens, returnOnExit: true });
const instance = await WebAssembly.instantiate(
  await WebAssembly.compile(readFileSync(module)), wasi.getImportObject());
process.exitCode = wasi.start(instance);
