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
USER tidecrm
COPY --from=build /app.jar /app/tide-crm.jar
EXPOSE 8080
# Memory: a fixed heap of 256 MB and bounded metaspace, code cache and thread stacks keep the
# process under 512 MB resident under load (BENCHMARKS.md, README "Memory and start-up");
# the serial collector has the smallest footprint on a small container. Override with
# JAVA_TOOL_OPTIONS (docker-compose.yml sets the same values).
ENV JAVA_TOOL_OPTIONS="-Xms256m -Xmx256m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC"
ENTRYPOINT ["java", "-jar", "/app/tide-crm.jar"]
