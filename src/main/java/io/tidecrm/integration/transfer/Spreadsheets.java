package io.tidecrm.integration.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reading an uploaded sheet: an {@code .xlsx} through FastExcel's streaming reader (the first
 * sheet), or a CSV through Commons CSV in UTF-8 or GBK, told apart by the bytes: a ZIP header is
 * a workbook; a CSV that decodes as strict UTF-8 (with or without a byte-order mark) is UTF-8,
 * anything else is taken as GBK (what Excel writes for "CSV" on a Chinese Windows).
 */
final class Spreadsheets {

    static final Charset GBK = Charset.forName("GBK");

    enum Kind {
        XLSX, CSV
    }

    /** One row of the sheet: its number as the spreadsheet shows it (the header is 1) and its cells as text. */
    record SheetRow(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** Receives rows in order; answers false to stop reading. */
    interface RowHandler {
        boolean row(SheetRow row);
    }

    private Spreadsheets() {
    }

    static Kind kindOf(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                ? Kind.XLSX : Kind.CSV;
    }

    static Charset charsetOf(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }

    /** Every row of the first sheet, blank rows left out, the header included. */
    static void read(byte[] content, Kind kind, Charset charset, RowHandler handler) {
        try {
            if (kind == Kind.XLSX) {
                readXlsx(content, handler);
            } else {
                readCsv(content, charset, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readXlsx(byte[] content, RowHandler handler) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.hasCell(i) ? row.getCellText(i) : "");
                }
                SheetRow sheetRow = new SheetRow(row.getRowNum(), cells);
                if (!sheetRow.blank() && !handler.row(sheetRow)) {
                    return;
                }
            }
        }
    }

    private static void readCsv(byte[] content, Charset charset, RowHandler handler) throws IOException {
        int skip = charset == StandardCharsets.UTF_8 && content.length >= 3 && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, skip, content.length - skip), charset);
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                SheetRow row = new SheetRow((int) record.getRecordNumber(), record.toList());
                if (!row.blank() && !handler.row(row)) {
                    return;
                }
            }
        }
    }
}
