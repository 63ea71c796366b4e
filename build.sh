#!/usr/bin/env bash
# Bootstrapper: restores the pinned Cake tool and runs build.cake. ./build.sh builds the drafts of
# content/ into artifacts/; ./build.sh --target=Test runs all tests; ./build.sh --help lists the rest.
# Needs only the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
args=()
for arg in "$@"; do
  case $arg in
    -h|--help|help) args+=(--target=Help) ;;
    *) args+=("$arg") ;;
  esac
done
dotnet tool restore >/dev/null
exec dotnet cake build.cake "${args[@]}"
