package io.tidecrm.contract.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments of a contract, stored in PostgreSQL ({@code bytea}) next to their metadata: every
 * application node serves them without a shared disk, the file and its row are saved together or
 * not at all, and they are in the database backup. The name the user's file had is kept only as
 * display text; nothing is ever written to or read from a path built from it. The type is told
 * from the content ({@link FileTypes}).
 */
@Service
@Transactional
class ContractAttachments {

    /** 20 MB, the same as {@code spring.servlet.multipart.max-file-size}. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_NAME = 255;

    record Download(String displayName, String mediaType, byte[] content) {
    }

    private final ContractService contracts;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContractAttachments(ContractService contracts, JdbcClient jdbc, Clock clock) {
        this.contracts = contracts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long upload(long contractId, String originalName, byte[] content, CurrentUser viewer) {
        contracts.requireVisible(contractId, viewer);
        if (content.length == 0) {
            throw new RuleViolation(null, "contract.attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation(null, "contract.attachment.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String mediaType = FileTypes.detect(content);
        if (mediaType == null) {
            throw new RuleViolation(null, "contract.attachment.type");
        }
        return jdbc.sql("""
                INSERT INTO contract_attachment (contract_id, display_name, media_type, size_bytes, sha256, content,
                                                 uploaded_by_id, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(contractId, displayName(originalName), mediaType, (long) content.length, sha256(content),
                        content, viewer.id(), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    Download download(long contractId, long attachmentId, CurrentUser viewer) {
        contracts.requireVisible(contractId, viewer);
        return jdbc.sql("""
                SELECT display_name, media_type, content FROM contract_attachment WHERE id = ? AND contract_id = ?
                """)
                .params(attachmentId, contractId)
                .query((rs, n) -> new Download(rs.getString("display_name"), rs.getString("media_type"),
                        rs.getBytes("content")))
                .optional()
                .orElseThrow(ContractNotFoundException::new);
    }

    void delete(long contractId, long attachmentId, CurrentUser viewer) {
        contracts.requireVisible(contractId, viewer);
        if (jdbc.sql("DELETE FROM contract_attachment WHERE id = ? AND contract_id = ?")
                .params(attachmentId, contractId).update() == 0) {
            throw new ContractNotFoundException();
        }
    }

    /** The last segment of what the browser sent, without control characters: text to show, never a path. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "attachment";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
