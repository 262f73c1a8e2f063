package io.tidecrm.integration.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidecrm.customer.CustomerImport.Field;
import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.StaffSize;
import io.tidecrm.lead.LeadImport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The import's workbooks: the template (one column per field, with drop-down lists for the coded
 * fields, filled from the same enums and labels as the forms) and the error workbook (the rows
 * that failed or were skipped, as they were uploaded, plus a reason column).
 */
@Component
class ImportWorkbooks {

    static final int TEMPLATE_ROWS = 5000;

    private final MessageSource messages;
    private final ImportStore store;
    private final LeadImport leads;

    ImportWorkbooks(MessageSource messages, ImportStore store, LeadImport leads) {
        this.messages = messages;
        this.store = store;
        this.leads = leads;
    }

    String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The header of a field's column in the template. */
    String header(Field field, Locale locale) {
        String label = messages.getMessage(field.labelKey(), null, locale);
        return field.customerField() ? label : messages.getMessage("transfer.template.contactColumn",
                new Object[] { label }, locale);
    }

    /** The coded values a column offers (labels in the user's language), or none for free text. */
    List<String> choices(Field field, Locale locale) {
        return switch (field) {
            case TYPE -> labels(CustomerType.values(), "customer.type.", locale);
            case STATUS -> labels(CustomerStatus.values(), "customer.status.", locale);
            case SOURCE -> labels(CustomerSource.values(), "customer.source.", locale);
            case STAFF_SIZE -> labels(StaffSize.values(), "customer.staffSize.", locale);
            case CONTACT_GENDER -> labels(new String[] { "MALE", "FEMALE" }, "contact.gender.", locale);
            default -> List.of();
        };
    }

    private List<String> labels(Object[] codes, String prefix, Locale locale) {
        return Arrays.stream(codes).map(c -> messages.getMessage(prefix + c, null, locale)).toList();
    }

    void writeTemplate(OutputStream out, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, "Tide CRM", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("transfer.template.sheet", null, locale));
        Worksheet lists = workbook.newWorksheet(messages.getMessage("transfer.template.lists", null, locale));
        Field[] fields = Field.values();
        int listColumn = 0;
        for (int c = 0; c < fields.length; c++) {
            sheet.inlineString(0, c, header(fields[c], locale));
            sheet.style(0, c).bold().set();
            sheet.width(c, 16);
            List<String> choices = choices(fields[c], locale);
            if (!choices.isEmpty()) {
                lists.inlineString(0, listColumn, header(fields[c], locale));
                for (int r = 0; r < choices.size(); r++) {
                    lists.inlineString(r + 1, listColumn, choices.get(r));
                }
                sheet.range(1, c, TEMPLATE_ROWS, c).validateWithList(lists.range(1, listColumn, choices.size(), listColumn))
                        .allowBlank(true).showErrorMessage(true);
                listColumn++;
            }
        }
        // One example row, so that the format of each column is plain.
        Map<Field, String> example = Map.of(Field.NAME, messages.getMessage("transfer.template.exampleName", null, locale),
                Field.TYPE, choices(Field.TYPE, locale).get(1), Field.STATUS, choices(Field.STATUS, locale).get(0),
                Field.SOURCE, choices(Field.SOURCE, locale).get(0), Field.REGION,
                messages.getMessage("transfer.template.exampleRegion", null, locale), Field.EXPECTED_CLOSE_DATE,
                "2027-03-31", Field.CONTACT_NAME, messages.getMessage("transfer.template.exampleContact", null, locale),
                Field.CONTACT_MOBILE, "13800138000");
        for (int c = 0; c < fields.length; c++) {
            String value = example.get(fields[c]);
            if (value != null) {
                sheet.inlineString(1, c, value);
            }
        }
        workbook.finish();
    }

    /** The lead template: one column per lead field, a drop-down list of the sources, one example row. */
    void writeLeadTemplate(OutputStream out, Locale locale) throws IOException {
        Workbook workbook = new Workbook(out, "Tide CRM", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("transfer.template.sheet", null, locale));
        Worksheet lists = workbook.newWorksheet(messages.getMessage("transfer.template.lists", null, locale));
        LeadImport.Field[] fields = LeadImport.Field.values();
        List<String> sources = leads.sourceCodes().stream()
                .map(c -> messages.getMessage("lead.source." + c, null, c, locale)).toList();
        for (int c = 0; c < fields.length; c++) {
            sheet.inlineString(0, c, messages.getMessage(fields[c].labelKey(), null, locale));
            sheet.style(0, c).bold().set();
            sheet.width(c, 16);
            if (fields[c] == LeadImport.Field.SOURCE) {
                lists.inlineString(0, 0, messages.getMessage(fields[c].labelKey(), null, locale));
                for (int r = 0; r < sources.size(); r++) {
                    lists.inlineString(r + 1, 0, sources.get(r));
                }
                sheet.range(1, c, TEMPLATE_ROWS, c).validateWithList(lists.range(1, 0, sources.size(), 0))
                        .allowBlank(true).showErrorMessage(true);
            }
        }
        Map<LeadImport.Field, String> example = Map.of(LeadImport.Field.COMPANY_NAME,
                messages.getMessage("transfer.template.exampleName", null, locale), LeadImport.Field.CONTACT_NAME,
                messages.getMessage("transfer.template.exampleContact", null, locale), LeadImport.Field.MOBILE,
                "13800138000", LeadImport.Field.REGION, messages.getMessage("transfer.template.exampleRegion", null, locale),
                LeadImport.Field.SOURCE, sources.get(1));
        for (int c = 0; c < fields.length; c++) {
            String value = example.get(fields[c]);
            if (value != null) {
                sheet.inlineString(1, c, value);
            }
        }
        workbook.finish();
    }

    /** The rows with a problem in the phase, as uploaded, and the reason in the last column. */
    void writeErrors(ImportJob job, String phase, OutputStream out) throws IOException {
        Locale locale = Locale.forLanguageTag(job.locale());
        Map<Integer, String> reasons = store.reasons(job.id(), phase);
        Workbook workbook = new Workbook(out, "Tide CRM", "1.0");
        Worksheet sheet = workbook.newWorksheet(messages.getMessage("transfer.errors.sheet", null, locale));
        int[] r = { 0 };
        Spreadsheets.read(store.content(job.id()), job.kind(),
                job.charset() == null ? null : java.nio.charset.Charset.forName(job.charset()), row -> {
                    String reason = reasons.get(row.number());
                    if (row.number() != 1 && reason == null) {
                        return true;
                    }
                    List<String> cells = new ArrayList<>(row.cells());
                    while (cells.size() < job.headers().size()) {
                        cells.add("");
                    }
                    cells.add(row.number() == 1 ? messages.getMessage("transfer.errors.rowColumn", null, locale)
                            : String.valueOf(row.number()));
                    cells.add(row.number() == 1 ? messages.getMessage("transfer.errors.reasonColumn", null, locale) : reason);
                    for (int c = 0; c < cells.size(); c++) {
                        sheet.inlineString(r[0], c, SafeCells.neutralise(cells.get(c)));
                    }
                    r[0]++;
                    if (r[0] % 1000 == 0) {
                        try {
                            sheet.flush();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    return true;
                });
        workbook.finish();
    }
}
