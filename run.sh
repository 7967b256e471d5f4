#!/usr/bin/env bash
# The main job: set the machine up if needed, build, and run the whole verification (tensorlinear verify).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
exec dotnet src/Cli/bin/Release/net10.0/tensorlinear.dll verify "$@"
