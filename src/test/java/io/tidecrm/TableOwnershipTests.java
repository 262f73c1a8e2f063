package io.tidecrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Every table has exactly one owning module, and only that module's SQL names it
 * (ARCHITECTURE.md). Modulith's {@code verify()} sees Java types, not SQL, so this test reads
 * the SQL: the string literals and text blocks of each module's sources (comments are left
 * out) and the table names of its JPA mappings. A module that needs another's data calls that
 * module's public API or listens to its events; the few reads that may cross are listed in
 * {@link #ALLOWED_CROSS_READS} with their reason.
 */
class TableOwnershipTests {

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java", "io", "tidecrm");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    /** Each table of the schema and the module that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("app_user", "identity"),
            Map.entry("team", "identity"),
            Map.entry("user_team_spell", "identity"),
            Map.entry("login_throttle", "identity"),
            Map.entry("persistent_logins", "identity"),
            Map.entry("audit_event", "audit"),
            Map.entry("product", "catalog"),
            Map.entry("customer", "customer"),
            Map.entry("contact", "customer"),
            Map.entry("customer_owner_history", "customer"),
            Map.entry("customer_rules", "customer"),
            Map.entry("customer_import_previous", "customer"),
            Map.entry("follow_up", "followup"),
            Map.entry("follow_up_notify", "followup"),
            Map.entry("pool_rules", "pool"),
            Map.entry("pool_job_run", "pool"),
            Map.entry("pool_warning", "pool"),
            Map.entry("opportunity", "sales"),
            Map.entry("opportunity_line", "sales"),
            Map.entry("opportunity_stage_entry", "sales"),
            Map.entry("contract", "contract"),
            Map.entry("contract_line", "contract"),
            Map.entry("contract_decision", "contract"),
            Map.entry("contract_instalment", "contract"),
            Map.entry("contract_payment", "contract"),
            Map.entry("contract_attachment", "contract"),
            Map.entry("contract_renewal", "contract"),
            Map.entry("notification", "notification"),
            Map.entry("team_webhook", "notification"),
            Map.entry("webhook_subscription", "notification"),
            Map.entry("webhook_delivery", "notification"),
            Map.entry("api_token", "integration"),
            Map.entry("api_rate_bucket", "integration"),
            Map.entry("calendar_feed", "integration"),
            Map.entry("event_failure", "events"),
            Map.entry("board_fact", "report"),
            Map.entry("board_daily", "report"),
            Map.entry("board_monthly", "report"),
            Map.entry("board_rollup_day", "report"),
            Map.entry("report_job_run", "report"),
            Map.entry("sales_target", "report"),
            Map.entry("customer_location", "fieldwork"),
            Map.entry("visit", "fieldwork"),
            Map.entry("visit_record", "fieldwork"),
            Map.entry("visit_commitment", "fieldwork"),
            Map.entry("work_report", "fieldwork"),
            Map.entry("work_report_comment", "fieldwork"),
            Map.entry("work_report_read", "fieldwork"),
            Map.entry("work_report_task", "fieldwork"),
            Map.entry("work_day_fact", "fieldwork"),
            Map.entry("fieldwork_report_settings", "fieldwork"),
            Map.entry("fieldwork_reminder", "fieldwork"),
            Map.entry("fieldwork_job_run", "fieldwork"),
            Map.entry("self_check_item", "fieldwork"),
            Map.entry("self_check_answer", "fieldwork"),
            Map.entry("service_working_hours", "service"),
            Map.entry("service_calendar_day", "service"),
            Map.entry("service_sla_policy", "service"),
            Map.entry("service_ticket", "service"),
            Map.entry("service_ticket_entry", "service"),
            Map.entry("service_ticket_alert", "service"),
            Map.entry("service_job_run", "service"),
            Map.entry("service_contact", "service"),
            Map.entry("service_return_visit", "service"),
            Map.entry("sales_lead", "lead"),
            Map.entry("lead_settings", "lead"),
            Map.entry("lead_rule", "lead"),
            Map.entry("lead_capacity", "lead"),
            Map.entry("lead_event", "lead"),
            Map.entry("lead_follow_up", "lead"),
            Map.entry("lead_job_run", "lead"),
            Map.entry("lead_form_throttle", "lead"),
            Map.entry("import_job", "integration"),
            Map.entry("import_problem", "integration"),
            Map.entry("import_customer", "integration"),
            Map.entry("import_contact", "integration"),
            Map.entry("import_column_choice", "integration"));

    /**
     * Tables of the frameworks (Quartz, Spring Session, Spring Modulith's event registry,
     * Flyway): no module's SQL names them; the frameworks own them.
     */
    static final Set<Pattern> FRAMEWORK_TABLES = Set.of(Pattern.compile("qrtz_.*"),
            Pattern.compile("spring_session(_attributes)?"), Pattern.compile("event_publication.*"),
            Pattern.compile("flyway_schema_history"));

    /** "module → table" reads across modules that are allowed, each with its reason. */
    static final Map<String, String> ALLOWED_CROSS_READS = Map.of();

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "(?i)\\b(?:from|join|update|into|table|using)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern MAPPED_TABLE = Pattern.compile(
            "@(?:Table|CollectionTable|JoinTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");

    @Test
    void everyTableOfTheSchemaHasOneOwningModule() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        Set<String> unowned = created.stream().filter(t -> !OWNERS.containsKey(t) && !isFrameworkTable(t))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unowned).as("tables created by a migration but owned by no module: add them to OWNERS").isEmpty();
        Set<String> modules = ApplicationModules.of(CrmApplication.class).stream()
                .map(m -> m.getIdentifier().toString()).collect(Collectors.toSet());
        assertThat(modules).containsAll(OWNERS.values());
    }

    @Test
    void onlyTheOwningModuleNamesATableInItsSql() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Path, Set<String>> file : tablesNamedBySource().entrySet()) {
            String module = MAIN_SOURCES.relativize(file.getKey()).getName(0).toString();
            for (String table : file.getValue()) {
                String owner = OWNERS.get(table);
                if (owner.equals(module) || ALLOWED_CROSS_READS.containsKey(module + " → " + table)) {
                    continue;
                }
                violations.add(MAIN_SOURCES.relativize(file.getKey()) + ": module '" + module + "' names table '"
                        + table + "' owned by module '" + owner + "'; call " + owner
                        + "'s public API or listen to its events instead");
            }
        }
        assertThat(violations).as("SQL that crosses module boundaries").isEmpty();
    }

    @Test
    void theCheckSeesTablesInTextBlocksButNotInComments() {
        String source = """
                /** Reads FROM customer in javadoc. */
                class X {
                    // JOIN contact in a comment
                    String a = "SELECT * FROM contract k";
                    String b = \"""
                            INSERT INTO follow_up (x)
                            SELECT 1 FROM opportunity o JOIN customer c ON c.id = o.customer_id
                            \""";
                    String c = "@Table(name = \\"app_user\\")";
                }
                @Table(name = "team")
                class Y {
                }
                """;
        assertThat(tablesNamedIn(source)).containsExactlyInAnyOrder("contract", "follow_up", "opportunity",
                "customer", "team");
    }

    /** Per source file of a module, the known tables that it names in SQL or in a JPA mapping. */
    private static Map<Path, Set<String>> tablesNamedBySource() throws IOException {
        Map<Path, Set<String>> named = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java") && f.getParent().compareTo(MAIN_SOURCES) != 0)
                    .forEach(f -> named.put(f, tablesNamedIn(read(f))));
        }
        return named;
    }

    /** The known tables named in the string literals and the JPA table mappings of a Java source. */
    static Set<String> tablesNamedIn(String javaSource) {
        Set<String> tables = new TreeSet<>();
        String code = withoutComments(javaSource);
        Matcher mapped = MAPPED_TABLE.matcher(code);
        while (mapped.find()) {
            tables.add(mapped.group(1));
        }
        for (String literal : stringLiterals(code)) {
            Matcher m = TABLE_REFERENCE.matcher(literal);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (OWNERS.containsKey(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** The source with its comments blanked out, string literals and text blocks kept. */
    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? s.length() : end + 3;
                out.append(s, i, end);
                i = end;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                int end = endOfQuoted(s, i);
                out.append(s, i, end);
                i = end;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The contents of the string literals and text blocks of comment-free source. */
    private static List<String> stringLiterals(String code) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                while (end > 0 && code.charAt(end - 1) == '\\') {
                    end = code.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? code.length() : end;
                literals.add(code.substring(i + 3, end));
                i = Math.min(code.length(), end + 3);
            } else if (code.charAt(i) == '"') {
                int end = endOfQuoted(code, i);
                literals.add(code.substring(i + 1, Math.max(i + 1, end - 1)).replace("\\\"", "\""));
                i = end;
            } else if (code.charAt(i) == '\'') {
                i = endOfQuoted(code, i);
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOfQuoted(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(s.length(), i + 1);
    }

    private static boolean isFrameworkTable(String table) {
        return FRAMEWORK_TABLES.stream().anyMatch(p -> p.matcher(table).matches());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
