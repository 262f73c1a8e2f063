package io.tidecrm.integration.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import io.tidecrm.support.ExportSink;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * An {@link ExportSink} that writes the rows as they come, to an .xlsx workbook (FastExcel, inline
 * strings, flushed every {@value #FLUSH_EVERY} rows) or a UTF-8 CSV with a byte-order mark (so
 * that Excel reads the Chinese), never holding more than a few rows. Headers and coded values are
 * labelled in the user's language, users shown by name, and every text cell that a spreadsheet
 * would run as a formula is neutralised ({@link SafeCells}).
 */
abstract class TableWriter implements ExportSink, AutoCloseable {

    static final int FLUSH_EVERY = 1000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Locale locale;
    private final LongFunction<String> userNames;
    private final Map<String, String> labels = new HashMap<>();
    private final Map<Long, String> users = new HashMap<>();
    protected long rows;

    TableWriter(MessageSource messages, Locale locale, LongFunction<String> userNames) {
        this.messages = messages;
        this.locale = locale;
        this.userNames = userNames;
    }

    static TableWriter of(ExportFormat format, OutputStream out, MessageSource messages, Locale locale,
            LongFunction<String> userNames) {
        return format == ExportFormat.CSV ? new Csv(out, messages, locale, userNames)
                : new Xlsx(out, messages, locale, userNames);
    }

    @Override
    public void columns(List<String> names) {
        writeHeader(names.stream().map(n -> messages.getMessage("transfer.column." + n, null, n, locale)).toList());
    }

    @Override
    public void row(Object[] values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        writeRow(cells);
        rows++;
    }

    /** A value as the file takes it: text (neutralised), a number, or null. */
    private Object cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof Coded coded) {
            return SafeCells.neutralise(labels.computeIfAbsent(coded.messageKey(),
                    k -> messages.getMessage(k, null, k.substring(k.lastIndexOf('.') + 1), locale)));
        }
        if (value instanceof UserRef user) {
            return SafeCells.neutralise(users.computeIfAbsent(user.id(), userNames::apply));
        }
        if (value instanceof LocalDateTime t) {
            return t.format(DATE_TIME);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Boolean b) {
            return messages.getMessage(b ? "transfer.export.yes" : "transfer.export.no", null, locale);
        }
        return SafeCells.neutralise(value.toString());
    }

    protected abstract void writeHeader(List<String> labels);

    protected abstract void writeRow(Object[] cells);

    @Override
    public abstract void close() throws IOException;

    long rowCount() {
        return rows;
    }

    private static final class Csv extends TableWriter {

        private final CSVPrinter printer;

        Csv(OutputStream out, MessageSource messages, Locale locale, LongFunction<String> userNames) {
            super(messages, locale, userNames);
            try {
                out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
                printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                        CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected void writeHeader(List<String> labels) {
            print(labels.stream().map(SafeCells::neutralise).toArray());
        }

        @Override
        protected void writeRow(Object[] cells) {
            print(cells);
        }

        private void print(Object[] cells) {
            try {
                printer.printRecord(cells);
                if (rows % FLUSH_EVERY == 0) {
                    printer.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }

    private static final class Xlsx extends TableWriter {

        private final Workbook workbook;
        private final Worksheet sheet;
        private int r;

        Xlsx(OutputStream out, MessageSource messages, Locale locale, LongFunction<String> userNames) {
            super(messages, locale, userNames);
            workbook = new Workbook(out, "Tide CRM", "1.0");
            sheet = workbook.newWorksheet("Export");
        }

        @Override
        protected void writeHeader(List<String> labels) {
            for (int c = 0; c < labels.size(); c++) {
                sheet.inlineString(0, c, SafeCells.neutralise(labels.get(c)));
            }
            r = 1;
        }

        @Override
        protected void writeRow(Object[] cells) {
            for (int c = 0; c < cells.length; c++) {
                Object cell = cells[c];
                if (cell instanceof Number n) {
                    sheet.value(r, c, n);
                } else if (cell != null) {
                    sheet.inlineString(r, c, (String) cell);
                }
            }
            r++;
            if (r % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }
}
