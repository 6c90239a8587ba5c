# syntax=docker/dockerfile:1
#
# query-side image of the Lvliang case ledger (吕梁案件账本).
#
# Build from the repository root (the build context must be the root, because
# Maven needs the root pom.xml and every module it lists):
#
#   docker build -f docker/query-side.Dockerfile -t lvliang-ledger/query-side .
#
# The ignore rules for this build are in docker/query-side.Dockerfile.dockerignore
# (BuildKit picks up "<Dockerfile>.dockerignore" next to the Dockerfile).

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------------------
# Stage 1: build the Spring Boot fat jar and split it into layers
# ---------------------------------------------------------------------------
FROM ${MAVEN_IMAGE} AS build
WORKDIR /workspace

# The whole context is copied (target/, data/, .git and docker/ are excluded by
# the .dockerignore): Maven reads every module of the reactor, even with -pl.
COPY . .

# ~/.m2 is a BuildKit cache mount: downloaded dependencies survive between
# builds without ending up in any image layer.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl query-side -am package

# Spring Boot 3.3+ "tools" jar mode: extract the layers (dependencies,
# spring-boot-loader, snapshot-dependencies, application) in launcher form,
# i.e. ready to run with org.springframework.boot.loader.launch.JarLauncher.
RUN java -Djarmode=tools -jar query-side/target/query-side.jar \
        extract --layers --launcher --destination /layers

# ---------------------------------------------------------------------------
# Stage 2: runtime image (JRE only, non-root)
# ---------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}

LABEL org.opencontainers.image.title="lvliang-ledger-query-side" \
      org.opencontainers.image.description="Lvliang case ledger (吕梁案件账本) - query-side"

# Fixed, non-root UID/GID (10001: clear of the "ubuntu" user, UID 1000, that
# the Ubuntu-based eclipse-temurin images ship). /app/data is the only
# writable application directory (embedded H2 fallback when LEDGER_DB_URL is
# not set); the application files themselves stay owned by root.
ARG APP_UID=10001
RUN groupadd --gid ${APP_UID} ledger \
 && useradd --uid ${APP_UID} --gid ledger --home-dir /home/ledger --create-home \
            --shell /usr/sbin/nologin ledger \
 && mkdir -p /app/data/notary /app/data/notary-public \
 && chown -R ledger:ledger /app/data

WORKDIR /app

# One image layer per Spring Boot layer, least to most frequently changing.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

# JAVA_OPTS: heap sized from the container memory limit; the parallel
# collector, which on two cores left each command a tenth more of the CPU than
# G1 (docs/perf.md, "The collector"); die (and let the restart policy start a
# fresh JVM) on OutOfMemoryError.
# AXONIQ_UPDATE_CHECKER_DISABLED: Axon Framework 4.13 otherwise phones home to
# get.axoniq.io (anonymous usage data / update check) from every start.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true

USER ledger
EXPOSE 8081

# No HEALTHCHECK here on purpose: the health check (readiness endpoint, via
# bash's /dev/tcp, no curl/wget needed) is defined in docker/compose.yaml.

# "sh -c" so that $JAVA_OPTS is word-split; "exec" so that java becomes
# PID 1 and receives SIGTERM (graceful shutdown). Arguments given to
# "docker run IMAGE ..." are passed on to the application ("$@").
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "query-side"]
