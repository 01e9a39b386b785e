# syntax=docker/dockerfile:1
# The Skyforge operator image: `docker build -t skyforge-operator .` (multi-arch: `docker buildx build
# --platform linux/amd64,linux/arm64 .`). The SDK stage runs on the build machine's platform and
# cross-compiles for the target architecture.

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src

# Restore first, from the project files alone, so that a source change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Crds/Crds.csproj src/Crds/
COPY src/Kubernetes/Kubernetes.csproj src/Kubernetes/
COPY src/Runtime/Runtime.csproj src/Runtime/
COPY src/Aws/Aws.csproj src/Aws/
COPY src/Operator/Operator.csproj src/Operator/
RUN dotnet restore src/Operator/Operator.csproj -a $TARGETARCH -p:PublishReadyToRun=true

COPY src/ src/
# Framework-dependent (the ASP.NET Core runtime is in the base image) and ReadyToRun-compiled for a faster start.
# Not trimmed: the CRD schema code and System.Text.Json reflection paths are not trim-safe (105 trim-analysis
# warnings; a trimmed build fails at run time), see src/Operator/Hosting/README.md. The .xml documentation
# files stay: `skyforge generate-crds` reads CRD descriptions from them.
RUN dotnet publish src/Operator/Operator.csproj -c Release -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -p:DebugType=none --no-restore -o /app

# Ubuntu chiseled: no shell, no package manager, only what .NET needs.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
# A 4 MiB gen0 budget instead of one sized to the CPU's cache: more frequent, cheaper collections and less resident
# memory for an I/O-bound controller (docs/benchmarks.md; the bench starts the operator with the same setting).
ENV DOTNET_GCgen0size=0x400000
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/app/skyforge", "run"]
