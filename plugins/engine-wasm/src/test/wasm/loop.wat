;; Spins forever: only a stop or a timeout ends it.
(module
  (func (export "_start")
    (loop $forever
      (br $forever))))
