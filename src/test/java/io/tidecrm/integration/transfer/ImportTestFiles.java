package io.tidecrm.integration.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Files for import tests: CSV in a character set, or an .xlsx workbook, from rows of cells. */
final class ImportTestFiles {

    static final List<String> HEADERS = List.of("客户名称", "统一社会信用代码", "客户类型", "跟进状态", "客户来源", "负责人",
            "联系人", "手机", "邮箱");

    private ImportTestFiles() {
    }

    static byte[] csv(Charset charset, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            text.append(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList()))
                    .append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    static byte[] xlsx(List<List<String>> rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row: company, credit code, type, status, source, owner, contact, mobile, e-mail. */
    static List<String> row(String company, String code, String type, String owner, String contact, String mobile) {
        return List.of(company, code, type, "初访", "百度等搜索引擎", owner, contact, mobile, "");
    }
}
