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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tide-crm.jar"]
