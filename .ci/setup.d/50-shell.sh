# The shell's end-to-end test drives it in a real pseudo-terminal through tmux.
if ! command -v tmux >/dev/null; then
  apt-get update -qq && apt-get install -y -qq tmux
fi
