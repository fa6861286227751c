# The server's tests use curl as an independent client and openssl to make TLS certificates.
need_server=()
command -v curl >/dev/null || need_server+=(curl)
command -v openssl >/dev/null || need_server+=(openssl)
if [ "${#need_server[@]}" -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need_server[@]}"
fi
