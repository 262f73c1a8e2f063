package io.tidecrm.integration.transfer;

/** What an administrator may export; each is streamed by the module that owns its tables. */
enum ExportDataset {
    CUSTOMERS, CONTACTS, FOLLOW_UPS, OPPORTUNITIES, CONTRACTS, PAYMENTS
}
