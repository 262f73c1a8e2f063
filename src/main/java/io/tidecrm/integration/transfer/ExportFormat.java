package io.tidecrm.integration.transfer;

/** The file an export is written as. */
enum ExportFormat {
    XLSX("xlsx", ImportController.XLSX), CSV("csv", "text/csv;charset=UTF-8");

    final String extension;
    final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }
}
