package io.tidecrm.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The message bundles the application reads, as {@code spring.messages.basename} in
 * application.yml lists them: {@code messages} and one {@code messages-<module>} per module
 * that brings many labels of its own.
 */
final class MessageBundles {

    private MessageBundles() {
    }

    @SuppressWarnings("unchecked")
    static List<String> basenames() throws IOException {
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
            Map<String, Object> messages = (Map<String, Object>) spring.get("messages");
            return Arrays.stream(String.valueOf(messages.get("basename")).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    /** A message source over every bundle, the application's own (MessagesConfiguration). */
    static MessageSource messageSource() throws IOException {
        return new MessagesConfiguration().messageSource(basenames().toArray(String[]::new));
    }

    static Set<String> keys(String resource) throws IOException {
        return load(resource, new Properties());
    }

    /** The keys written more than once in one file (the last one silently wins when loaded). */
    static Set<String> repeatedKeys(String resource) throws IOException {
        Set<String> repeated = new TreeSet<>();
        load(resource, new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                Object before = super.put(key, value);
                if (before != null) {
                    repeated.add((String) key);
                }
                return before;
            }
        });
        return repeated;
    }

    private static Set<String> load(String resource, Properties properties) throws IOException {
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is named in spring.messages.basename but does not exist");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
