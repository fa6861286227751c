# ClockJumpIT (cli cluster tests) moves a node's wall clock with Debian's libfaketime.
if [ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ]; then
  apt-get update -qq && apt-get install -y -qq faketime
fi
