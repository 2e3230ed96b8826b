/**
 * The program a transform worker runs (as an eval'd worker script, so it needs no file of its
 * own in the bundle). The recipe's code runs in a fresh vm context that holds only JavaScript's
 * built-ins and a console that discards: no require, process, fetch, timers or Buffer. Input
 * and output cross as JSON text, parsed and written inside the context, so no object of the
 * worker's realm (whose constructors would lead back to `process`) is reachable from the code.
 * Array buffers count outside the V8 heap limit, so their constructors are capped too.
 */
export const SANDBOX_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { code, inputJson, timeoutMs, maxBufferBytes } = workerData;

const prelude = "(() => {\n" +
  "  const cap = " + maxBufferBytes + ";\n" +
  "  const tooBig = (bytes) => { if (bytes > cap) throw new RangeError('transform.js tried to allocate ' + bytes + ' bytes of buffers (limit ' + cap + ')'); };\n" +
  "  const guard = (Ctor, size) => new Proxy(Ctor, { construct(target, args, newTarget) { tooBig(size(args)); return Reflect.construct(target, args, newTarget === guarded.get(Ctor) ? target : newTarget); } });\n" +
  "  const guarded = new Map();\n" +
  "  guarded.set(ArrayBuffer, guard(ArrayBuffer, (args) => Number(args[0]) || 0));\n" +
  "  for (const name of ['Int8Array','Uint8Array','Uint8ClampedArray','Int16Array','Uint16Array','Int32Array','Uint32Array','Float32Array','Float64Array','BigInt64Array','BigUint64Array']) {\n" +
  "    const Ctor = globalThis[name];\n" +
  "    guarded.set(Ctor, guard(Ctor, (args) => typeof args[0] === 'number' ? args[0] * Ctor.BYTES_PER_ELEMENT : (args[0] && typeof args[0].length === 'number' ? args[0].length * Ctor.BYTES_PER_ELEMENT : 0)));\n" +
  "  }\n" +
  "  for (const [Ctor, proxy] of guarded) globalThis[Ctor.name] = proxy;\n" +
  "  delete globalThis.SharedArrayBuffer; delete globalThis.WebAssembly; delete globalThis.Atomics;\n" +
  "  const discard = () => undefined;\n" +
  "  globalThis.console = { log: discard, info: discard, warn: discard, error: discard, debug: discard };\n" +
  "})();\n";

const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
vm.runInContext(prelude, context, { timeout: timeoutMs });
vm.runInContext(code + "\n;globalThis.__run = typeof run === 'function' ? run : undefined;", context, { filename: 'transform.js', timeout: timeoutMs });
vm.runInContext(
  "globalThis.__settle = async (inputJson) => { if (typeof __run !== 'function') throw new Error('transform.js defines no run(input) function'); " +
  "const out = await __run(JSON.parse(inputJson)); const json = JSON.stringify(out); " +
  "if (json === undefined) throw new Error('run(input) returned nothing'); return json; };",
  context,
);
context.__input = inputJson;
const describe = (err) => err && typeof err === 'object' ? String(err.name) + ': ' + String(err.message) : String(err);
try {
  vm.runInContext('__settle(__input)', context, { timeout: timeoutMs }).then(
    (json) => parentPort.postMessage({ ok: true, json }),
    (err) => parentPort.postMessage({ ok: false, message: describe(err) }),
  );
} catch (err) {
  parentPort.postMessage({ ok: false, message: describe(err) });
}
`;
