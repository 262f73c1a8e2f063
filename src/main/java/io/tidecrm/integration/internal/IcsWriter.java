package io.tidecrm.integration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) document: CRLF line ends, text escaped, lines folded at 75
 * octets (never inside a UTF-8 sequence), times in UTC.
 */
final class IcsWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final StringBuilder out = new StringBuilder();
    private final Instant stamp;

    /**
     * @param zone the business zone, described as the calendar's one time zone (the events
     *        themselves are in UTC); it is also the component that keeps an empty feed valid
     */
    IcsWriter(String name, Instant stamp, java.time.ZoneId zone) {
        this.stamp = stamp;
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Tide CRM//Calendar feed//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
        line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        line("X-WR-TIMEZONE:" + zone.getId());
        String offset = zone.getRules().getOffset(stamp).getId().replace(":", "").replace("Z", "+0000");
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        line("BEGIN:STANDARD");
        line("DTSTART:19700101T000000");
        line("TZOFFSETFROM:" + offset);
        line("TZOFFSETTO:" + offset);
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }

    /** An event at a time, {@code minutes} long. */
    IcsWriter event(String uid, Instant start, int minutes, String summary, String description, String url) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(start.plusSeconds(60L * minutes)));
        return finish(summary, description, url);
    }

    /** An all-day event. */
    IcsWriter allDay(String uid, LocalDate day, String summary, String description, String url) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART;VALUE=DATE:" + DATE.format(day));
        line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        return finish(summary, description, url);
    }

    private IcsWriter finish(String summary, String description, String url) {
        line("SUMMARY:" + text(summary));
        if (description != null && !description.isBlank()) {
            line("DESCRIPTION:" + text(description));
        }
        if (url != null) {
            line("URL:" + url);
        }
        line("END:VEVENT");
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping: backslash, semicolon, comma and new lines. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** One content line, folded: at most 75 octets a line, continuation lines start with a space. */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
