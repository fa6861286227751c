;; Grows its memory one 64 KiB page at a time until the runtime refuses, then exits with the
;; number of pages it reached, so a test can see where the limit stopped it.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (block $refused
      (loop $grow
        (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $grow)))
    (call $exit (memory.size))))
