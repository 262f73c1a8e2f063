package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Every label exists in both languages, and every label a template names exists. */
class MessageBundleTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])'?[}(]");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String basename : MessageBundles.basenames()) {
            Set<String> english = MessageBundles.keys(basename + ".properties");
            Set<String> chinese = MessageBundles.keys(basename + "_zh_CN.properties");
            assertThat(english).as(basename).isNotEmpty();
            assertThat(difference(english, chinese)).as("keys only in " + basename + ".properties").isEmpty();
            assertThat(difference(chinese, english)).as("keys only in " + basename + "_zh_CN.properties").isEmpty();
            Set<String> twice = new TreeSet<>(english);
            twice.retainAll(all);
            assertThat(twice).as("keys of " + basename + " already in another bundle").isEmpty();
            all.addAll(english);
        }
    }

    @Test
    void aLabelIsWrittenOnceInItsBundleSoNoLaterLineSilentlyReplacesIt() throws IOException {
        for (String basename : MessageBundles.basenames()) {
            for (String file : new String[] {basename + ".properties", basename + "_zh_CN.properties"}) {
                assertThat(MessageBundles.repeatedKeys(file)).as("keys written twice in " + file).isEmpty();
            }
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> english = new TreeSet<>();
        for (String basename : MessageBundles.basenames()) {
            english.addAll(MessageBundles.keys(basename + ".properties"));
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.contains(m.group(1))) {
                        missing.add(m.group(1) + " in " + file.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    @Test
    void englishCountsOfDaysSayOneDayAndManyDays() throws IOException {
        MessageSource messages = MessageBundles.messageSource();
        assertThat(messages.getMessage("customer.daysAgo", new Object[] {1L}, Locale.ENGLISH)).isEqualTo("1 day");
        assertThat(messages.getMessage("customer.daysAgo", new Object[] {11L}, Locale.ENGLISH)).isEqualTo("11 days");
        assertThat(messages.getMessage("pool.deadline.inDays", new Object[] {1L}, Locale.ENGLISH)).isEqualTo("To the pool in 1 day");
        assertThat(messages.getMessage("pool.deadline.inDays", new Object[] {29L}, Locale.ENGLISH)).isEqualTo("To the pool in 29 days");
        assertThat(messages.getMessage("customer.daysAgo", new Object[] {11L}, Locale.SIMPLIFIED_CHINESE)).isEqualTo("11 天");
    }
}
