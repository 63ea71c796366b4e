#!/usr/bin/env bash
# Bootstrapper: restores the pinned Cake tool and runs build.cake. ./build.sh builds the drafts of
# content/ into artifacts/; ./build.sh --target=Test runs all tests. Needs only the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
