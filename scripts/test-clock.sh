#!/usr/bin/env bash
# No test may depend on the hour or the day it runs: run the unit tests again with the wall
# clock moved (libfaketime) to the instants where such bugs show, in Paris time:
#   Sunday 23:50 at a month end in winter (UTC+1) and in summer (UTC+2),
#   01:50 on the night clocks spring forward (the 02:00–03:00 hour does not exist).
# The clock keeps running from each instant; monotonic time is left alone so timers behave.
# NEXUS_CLOCK_FULL=1 also runs every vitest suite (database ones too) at the first instant.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
	echo "test:clock needs libfaketime: apt-get install -y faketime" >&2
	exit 1
fi

instants=('2027-02-28 22:50:00' '2026-05-31 21:50:00' '2027-03-28 00:50:00')
export FAKETIME_DONT_FAKE_MONOTONIC=1

for instant in "${instants[@]}"; do
	echo "[clock] unit tests at ${instant} UTC"
	TZ=UTC NEXUS_TEST_DB=0 faketime "${instant}" npx vitest run src \
		--exclude '**/*.db.test.ts' --exclude 'src/lib/server/db/migrate.test.ts'
done

if [[ "${NEXUS_CLOCK_FULL:-0}" == 1 ]]; then
	echo "[clock] every vitest suite at ${instants[0]} UTC"
	TZ=UTC faketime "${instants[0]}" npx vitest run
fi
