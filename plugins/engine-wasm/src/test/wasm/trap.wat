;; Traps at once (unreachable), as a crashing program would.
(module
  (func (export "_start")
    unreachable))
