#!/usr/bin/env bash
# The main job: set the machine up if needed, build, and run TensorLinear's check of its engine.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
exec dotnet src/Cli/bin/Release/net10.0/tensorlinear.dll engine "$@"
