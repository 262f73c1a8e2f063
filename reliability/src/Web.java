import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser without a browser: one HTTP client, the SESSION cookie kept by hand (so
 * that it can be carried from one node to another), redirects not followed (a 302 is what a
 * successful form post answers), every request with a time limit. Loopback only.
 */
final class Web {

    static final String PASSWORD = System.getenv().getOrDefault("DEMO_PASSWORD", "TideCrm#2026");
    private static final Pattern SET_SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern INPUT_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Response(int status, String body, String location) {
        boolean signedOut() {
            return status == 302 && location != null && location.contains("/login");
        }
    }

    final String base;
    final HttpClient http;
    String session;

    Web(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Response post(String path, Map<String, ?> form) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    private HttpRequest.Builder request(String path) {
        String url = path.startsWith("http") ? path : base + path;
        requireLoopback(url);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = SET_SESSION.matcher(c);
            if (m.find() && !m.group(1).isEmpty()) {
                session = m.group(1);
            }
        }
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    /** GET /login, read the token, post the credentials; true when the answer is the redirect home. */
    boolean signIn(String username) throws IOException, InterruptedException {
        Response page = get("/login");
        String token = csrf(page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", PASSWORD);
        form.put("_csrf", token);
        Response r = post("/login", form);
        return r.status() == 302 && r.location() != null && !r.location().contains("error");
    }

    static String csrf(String html) {
        Matcher m = META_CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        m = INPUT_CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        throw new IllegalStateException("no CSRF token in page");
    }

    /** The fields a browser would send for the form whose action contains {@code action}. */
    static Map<String, List<String>> formFields(String html, String action) {
        int at = html.indexOf("action=\"" + action);
        if (at < 0) {
            throw new IllegalStateException("no form " + action);
        }
        int start = html.lastIndexOf("<form", at);
        int end = html.indexOf("</form>", at);
        String form = html.substring(start, end);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher tag = Pattern.compile("<input\\b[^>]*>").matcher(form);
        while (tag.find()) {
            String t = tag.group();
            String name = attr(t, "name");
            if (name == null) {
                continue;
            }
            String type = attr(t, "type");
            if (("checkbox".equals(type) || "radio".equals(type)) && !t.matches("(?s).*\\schecked\\b.*")) {
                continue;
            }
            String value = attr(t, "value");
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "" : unescape(value));
        }
        return fields;
    }

    static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String encode(Map<String, ?> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> {
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            for (Object one : values) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    static List<Long> ids(String html, String regex) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
