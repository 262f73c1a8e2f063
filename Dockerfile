# Builds the Tide CRM image used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/tide-crm-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 tidecrm
# Memory: a heap that starts at 96 MB and grows to 256 MB at most, bounded metaspace, code cache
# and thread stacks, and freed malloc memory given back every 5 s keep the process under 512 MB
# resident under load (BENCHMARKS.md, README "Memory and start-up");
# the serial collector has the smallest footprint on a small container, and two malloc arenas
# instead of glibc's 8 per core keep native memory from fragmenting across request threads.
# Override with JAVA_TOOL_OPTIONS (docker-compose.yml sets the same values).
ENV JAVA_TOOL_OPTIONS="-Xms96m -Xmx256m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000" \
    MALLOC_ARENA_MAX=2
COPY --from=build /app.jar /tmp/tide-crm.jar
COPY deploy/cds-archive /usr/local/bin/cds-archive
# Start-up: the jar extracted and a class data sharing archive recorded by a training run that
# stops once the context is refreshed (deploy/cds-archive; README "Memory and start-up"). Without
# a database at build time the archive holds the classes loaded before the first connection.
RUN cds-archive /tmp/tide-crm.jar /app && rm /tmp/tide-crm.jar && chown -R tidecrm /app
USER tidecrm
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/tide-crm.jsa", "-Xshare:auto", "-jar", "/app/tide-crm.jar"]
