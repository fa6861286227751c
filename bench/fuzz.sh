#!/usr/bin/env bash
# Runs every Jazzer fuzz target in fuzzing mode, one after another, for DURATION each (default 10m).
# A normal build only replays each target's committed inputs (regression mode); this explores.
# Findings are written by Jazzer beside the target, under src/test/resources/.../<Class>Inputs/<method>/
# (crash-*, timeout-*): rename each after what broke, fix, and commit it as a regression input.
# Every io.bacalhau class is instrumented, also those a module reads from a jar (the CLI's core).
#   bench/fuzz.sh                    # every target, 10 minutes each
#   DURATION=2m bench/fuzz.sh core   # the targets of one module
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10m}
ONLY=${1:-}
TARGETS=(
  "core JobSpecParserFuzzTest#anyBytesGiveAJobOrProblems"
  "core ConfigFuzzTest#anyConfigFileLoadsOrIsRefusedNamingTheFile"
  "core ConfigFuzzTest#anyConfigSetValueIsStoredOrRefusedNamingTheKey"
  "core TarGzFuzzTest#anyArchiveUnpacksInsideItsFolderOrIsRefused"
  "core LabelSelectorsFuzzTest#anySelectorParsesAndPrintsBackOrIsRefused"
  "transport-nats WireCodecFuzzTest#anyBytesDecodeToAMessageOrAReasonNeverAnException"
  "plugins/publisher-ipfs CidFuzzTest#anyTextIsACidOrIsRefusedQuotingIt"
  "plugins/publisher-ipfs CidFuzzTest#multibaseDecodesWhatItEncodesAndRefusesOtherCharacters"
  "server ApiRequestFuzzTest#anyRequestGetsAnAnswerOrAClearErrorNeverAnInternalOne"
  "cli RunFlagsFuzzTest#anyInputFlagBuildsAJobOrIsRefusedNamingTheFlag"
  "cli RunFlagsFuzzTest#anyPublisherFlagBuildsAJobOrIsRefusedNamingTheFlag"
  "cli RunFlagsFuzzTest#anyOutputFlagBuildsAJobOrIsRefusedNamingTheFlag"
  "cli RunFlagsFuzzTest#anyConstraintsFlagBuildsAJobOrIsRefusedNamingTheFlag"
)
mkdir -p target/fuzz
status=0
for entry in "${TARGETS[@]}"; do
  module=${entry%% *}
  test=${entry#* }
  [[ -n "$ONLY" && "$module" != "$ONLY" ]] && continue
  # The CLI's tests need the plugin zips, which only the package phase makes.
  phase=test
  [[ "$module" == cli ]] && phase=package
  log="target/fuzz/${test//#/.}.log"
  echo "== $test ($module, $DURATION) -> $log"
  if ! JAZZER_FUZZ=1 mvn -B -o -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.instrument='io.bacalhau.**' -Djazzer.max_duration="$DURATION" "$phase" >"$log" 2>&1; then
    echo "   FINDING (or build failure): see $log"
    status=1
  fi
  grep -a -E '^(Done [0-9]+ runs|== Java Exception|#[0-9]+.*DONE)' "$log" | tail -2 | sed 's/^/   /'
done
exit $status
