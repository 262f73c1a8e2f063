package io.tidecrm.integration.internal;

/** What an access token may do: read only, or read and write. */
enum TokenScope {
    READ, READ_WRITE
}
