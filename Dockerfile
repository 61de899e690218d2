# IncidentBot container image. Operator guide: docs/operations.md.
#
#   docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD) -t incidentbot .
#   docker run -d --name incidentbot -p 8080:8080 -v incidentbot-data:/data --env-file .env incidentbot
#
# The build runs on the builder's own platform and publishes for the target's (docker buildx --platform
# linux/amd64,linux/arm64 works), following https://github.com/dotnet/dotnet-docker/blob/main/samples/README.md.

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src

# Restore from the project files alone, so a code change does not download every package again.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/IncidentBot.Core/IncidentBot.Core.csproj src/IncidentBot.Core/
COPY src/IncidentBot.Storage/IncidentBot.Storage.csproj src/IncidentBot.Storage/
COPY src/IncidentBot.Slack/IncidentBot.Slack.csproj src/IncidentBot.Slack/
COPY src/IncidentBot.Discord/IncidentBot.Discord.csproj src/IncidentBot.Discord/
COPY src/IncidentBot.Alerts/IncidentBot.Alerts.csproj src/IncidentBot.Alerts/
COPY src/IncidentBot/IncidentBot.csproj src/IncidentBot/
RUN dotnet restore src/IncidentBot/IncidentBot.csproj ${TARGETARCH:+-a $TARGETARCH}

# src/IncidentBot/appsettings.json (the logging defaults) is published beside the binary, where the host reads it.
COPY src/ src/
COPY manifests/ manifests/

# The commit is logged at start-up and shown on /metrics (incidentbot_build_info); .git is not in the build context.
ARG GIT_COMMIT=unknown
RUN dotnet publish src/IncidentBot/IncidentBot.csproj ${TARGETARCH:+-a $TARGETARCH} -c Release --no-restore \
        -p:SourceRevisionId=${GIT_COMMIT} -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The database lives on a volume at /data. The directory exists in the image, owned by the non-root user, because
# Docker seeds a new named volume from it: that is what makes the volume writable without running as root.
RUN mkdir /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data

COPY --from=build /app .

# The bot's own default is http://127.0.0.1:8080 (DESIGN.md §4): right for `dotnet run`, unreachable from outside a
# container. The base image's ASPNETCORE_HTTP_PORTS is cleared so Kestrel does not warn that Urls overrides it.
ENV Urls=http://0.0.0.0:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Storage__ConnectionString="Data Source=/data/incidentbot.db" \
    DOTNET_NOLOGO=1
EXPOSE 8080

# The image's non-root "app" user (uid 1654), numeric so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID

# The runtime image has neither curl nor wget; bash's /dev/tcp speaks just enough HTTP to ask /healthz. If you change
# Urls to another port, change 8080 here too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "IncidentBot.dll"]
