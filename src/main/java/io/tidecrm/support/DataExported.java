package io.tidecrm.support;

import java.time.Instant;

/**
 * Someone downloaded records or figures as a file. Published by the module that wrote the file,
 * after writing it; the audit log records it (SPEC: every export is audited).
 *
 * @param what what was exported (e.g. {@code report:PIPELINE}, {@code leaderboard:PAYMENTS})
 * @param filter the filter the file was made with, as the address gave it
 * @param rows how many data rows the file holds
 */
public record DataExported(String what, String filter, long rows, long byUserId, String byUsername, Instant at) {
}
