;; An import module: exports add, for uses-lib.wat.
(module $lib
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
