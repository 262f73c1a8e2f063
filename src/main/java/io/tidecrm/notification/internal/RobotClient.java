package io.tidecrm.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of the group-robot deliveries: Spring Boot's request factory and client
 * settings (SSL bundle, redirects) with our connect and read timeouts, so that a robot that does
 * not answer holds a delivery thread only that long.
 */
@Component
class RobotClient {

    private final RestClient http;

    RobotClient(RestClient.Builder http, HttpTimeouts timeouts,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactories,
            ObjectProvider<HttpClientSettings> httpSettings) {
        HttpClientSettings settings = httpSettings.getIfAvailable(HttpClientSettings::defaults)
                .withTimeouts(timeouts.connectTimeout(), timeouts.readTimeout());
        this.http = http.requestFactory(requestFactories.getIfAvailable(ClientHttpRequestFactoryBuilder::detect)
                .build(settings)).build();
    }

    RestClient http() {
        return http;
    }
}
