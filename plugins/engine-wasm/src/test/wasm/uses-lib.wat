;; Imports add from the module named "lib" and exits with add(40, 2) = 42.
(module
  (import "lib" "add" (func $add (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (func (export "_start")
    (call $exit (call $add (i32.const 40) (i32.const 2)))))
