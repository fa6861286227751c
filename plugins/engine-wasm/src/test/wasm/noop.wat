;; Does nothing and returns: the cheapest possible job, for measuring overhead.
(module
  (memory (export "memory") 1)
  (func (export "_start")))
