package io.tidecrm.contract.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells the type of an uploaded file from its content, never from its name: PDF, PNG, JPEG,
 * GIF, WebP, the Office Open XML documents (docx, xlsx, pptx: a ZIP container with
 * {@code [Content_Types].xml} and the part folder of its kind) and the legacy OLE2 compound
 * documents (doc, xls). Anything else is refused.
 *
 * <p>A magic-number check of our own rather than Apache Tika: the accepted set is small and
 * fixed, tika-core alone cannot tell a docx from an xlsx (that needs the container detectors of
 * the parser modules), and this keeps the application free of another dependency.
 */
final class FileTypes {

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1 };
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    /** Entries of a ZIP we look at before giving up on finding the Office parts. */
    private static final int MAX_ZIP_ENTRIES = 2000;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String OLE2_OFFICE = "application/x-ole-storage";

    private FileTypes() {
    }

    /** The media type of an accepted file, or null when the content is none of the accepted types. */
    static String detect(byte[] content) {
        if (startsWith(content, 0, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, 0, PNG)) {
            return "image/png";
        }
        if (startsWith(content, 0, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(content, 0, GIF87) || startsWith(content, 0, GIF89)) {
            return "image/gif";
        }
        if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP)) {
            return "image/webp";
        }
        if (startsWith(content, 0, OLE2)) {
            return OLE2_OFFICE;
        }
        if (startsWith(content, 0, ZIP)) {
            return officeOpenXml(content);
        }
        return null;
    }

    /** The kind of an Office Open XML package, read from its entry names only (nothing is inflated to memory). */
    private static String officeOpenXml(byte[] content) {
        boolean contentTypes = false;
        String kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (kind == null && name.startsWith("word/")) {
                    kind = DOCX;
                } else if (kind == null && name.startsWith("xl/")) {
                    kind = XLSX;
                } else if (kind == null && name.startsWith("ppt/")) {
                    kind = PPTX;
                }
                if (contentTypes && kind != null) {
                    return kind;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        return content.length >= offset + magic.length
                && Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
