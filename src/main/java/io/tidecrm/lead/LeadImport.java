package io.tidecrm.lead;

import java.util.Map;

import io.tidecrm.identity.CurrentUser;

/**
 * Leads from a spreadsheet row, for the integration module's import. Each row goes through the
 * lead form's rules: the same validation, the duplicate check against leads (those of the same
 * file included), customers with the pool and contacts, and the arrival: the assignment rules that
 * assign on arrival take the lead, or it waits in the lead pool for the daily run. Every rule is
 * checked before the row writes anything, so a refused row ({@code io.tidecrm.support.RuleViolation},
 * whose fields are {@link Field} names) has written nothing and leaves the caller's transaction usable.
 */
public interface LeadImport {

    /** The columns a lead import can fill, with the message key of their label. */
    enum Field {
        COMPANY_NAME("lead.companyName"), CREDIT_CODE("lead.creditCode"), CONTACT_NAME("lead.contactName"),
        TITLE("lead.title"), MOBILE("lead.mobile"), EMAIL("lead.email"), WECHAT_ID("lead.wechatId"),
        REGION("lead.region"), INDUSTRY("lead.industry"), SOURCE("lead.source"), SOURCE_DETAIL("lead.sourceDetail"),
        PURCHASE_INTENT("lead.purchaseIntent"), BUDGET("lead.budget"), PURCHASE_TIMELINE("lead.purchaseTimeline"),
        PAIN_POINTS("lead.painPoints"), COMPANY_SIZE("lead.companySize"), FOUNDED("lead.founded"),
        MAIN_BUSINESS("lead.mainBusiness"), TAGS("lead.tags"), REMARKS("lead.remarks");

        private final String labelKey;

        Field(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }
    }

    /**
     * @param ownerId the rep an arrival rule gave the lead to, or null: it waits in the lead pool
     */
    record Outcome(long leadId, Long ownerId) {
    }

    /**
     * Records one row's lead in the caller's transaction. The source cell takes the code
     * (TRADE_SHOW) or its label in Chinese or English (展会, Trade show); blank is 其他.
     */
    Outcome importRow(Map<Field, String> row, CurrentUser importer);

    /** The source codes (their labels are {@code lead.source.<code>}), for the template's drop-down list. */
    java.util.List<String> sourceCodes();
}
