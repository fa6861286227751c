# publisher-s3 and publisher-ipfs test against real servers.
#
# S3: the tests start S3Proxy themselves (its jar comes from Maven Central) and check what they
# published with Debian's AWS CLI, called as /usr/bin/aws.
# IPFS: a js-ipfs node from the npm registry, installed and started here on 127.0.0.1 with
# shared/tools/ipfs-node-setup.sh; the tests find its RPC API in BACALHAU_IPFS_API.
# Sourced by .ci/run: no exit, no set changes.

if [ ! -x /usr/bin/aws ]; then
  apt-get update -qq && apt-get install -y -qq awscli
fi

bacalhau_ipfs_setup=""
for candidate in ../shared/tools/ipfs-node-setup.sh /work/shared/tools/ipfs-node-setup.sh; do
  if [ -f "$candidate" ]; then bacalhau_ipfs_setup=$candidate; break; fi
done
if [ -n "$bacalhau_ipfs_setup" ]; then
  if ! command -v npm >/dev/null; then
    apt-get update -qq && apt-get install -y -qq npm
  fi
  # Kept outside the clone so a later run on the same machine reuses the install (about 45 s).
  if bacalhau_ipfs_api=$(bash "$bacalhau_ipfs_setup" /var/tmp/bacalhau-ipfs-node 0); then
    export BACALHAU_IPFS_API=$bacalhau_ipfs_api
    echo "[ci] IPFS node RPC API at $BACALHAU_IPFS_API" >&2
  else
    echo "[ci] IPFS node did not start; the IPFS tests will fail" >&2
  fi
else
  echo "[ci] ipfs-node-setup.sh not found beside the clone; the IPFS tests will fail" >&2
fi
unset bacalhau_ipfs_setup bacalhau_ipfs_api
