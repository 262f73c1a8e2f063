package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.tidecrm.contract.CollectionStatistics;
import io.tidecrm.customer.CustomerStatistics;
import io.tidecrm.followup.FollowUpStatistics;
import io.tidecrm.lead.LeadStatistics;
import io.tidecrm.sales.PipelineStatistics;

/** The tables of the reports page as sheets, with the same columns and labels as the page. */
final class AnalyticsSheets {

    private AnalyticsSheets() {
    }

    static ReportExports.Sheet of(ReportExports.Section section, Analytics.Report report,
            Function<String, String> label) {
        List<List<Object>> rows = new ArrayList<>();
        String title = label.apply("analytics.section." + section) + " · " + report.period().from() + " – "
                + report.period().to();
        List<String> headers;
        switch (section) {
            case PIPELINE -> {
                headers = headers(label, "stage", "opportunities", "amount", "weighted");
                for (PipelineStatistics.StageRow r : report.pipeline()) {
                    rows.add(row(label.apply("opportunity.stage." + r.stage()), r.opportunities(), r.amount(),
                            r.weighted()));
                }
            }
            case FUNNEL -> {
                headers = headers(label, "stage", "reached", "fromPrevious");
                for (PipelineStatistics.FunnelRow r : report.funnel()) {
                    rows.add(row(label.apply("opportunity.stage." + r.stage()), r.reached(),
                            r.fromPrevious() == null ? null : BigDecimal.valueOf(r.fromPrevious())));
                }
            }
            case STAGE_TIME -> {
                headers = headers(label, "stage", "left", "averageDays");
                for (PipelineStatistics.StageTime r : report.stageTimes()) {
                    rows.add(row(label.apply("opportunity.stage." + r.stage()), r.left(), r.averageDays()));
                }
            }
            case OUTCOMES -> {
                headers = headers(label, "outcome", "reason", "opportunities", "amount");
                for (PipelineStatistics.OutcomeRow r : report.outcomes()) {
                    rows.add(row(label.apply("opportunity.stage." + r.outcome()),
                            r.reason() == null ? "" : r.reason(), r.opportunities(), r.amount()));
                }
            }
            case FORECAST -> {
                headers = headers(label, "month", "opportunities", "openAmount", "weighted", "wonAmount", "forecast");
                for (PipelineStatistics.ForecastRow r : report.forecast()) {
                    rows.add(row(r.month() == null ? label.apply("analytics.forecast.overdue") : r.month().toString(),
                            r.open(), r.openAmount(), r.weighted(), r.won(), r.forecast()));
                }
            }
            case MONEY -> {
                headers = headers(label, "month", "planned", "received", "receivedOnPlan", "collectionRate");
                for (CollectionStatistics.MonthRow r : report.money()) {
                    rows.add(row(r.month().toString(), r.planned(), r.received(), r.receivedOnPlan(),
                            r.collectionRate() == null ? null : BigDecimal.valueOf(r.collectionRate())));
                }
            }
            case AGING -> {
                title = label.apply("analytics.section." + section) + " · " + report.today();
                headers = headers(label, "daysOverdue", "instalments", "outstanding");
                for (CollectionStatistics.AgingRow r : report.aging()) {
                    rows.add(row(agingLabel(r), r.instalments(), r.outstanding()));
                }
            }
            case NEW_CUSTOMERS -> {
                headers = headers(label, "by." + report.by(), "customers", "won", "winRate", "daysToWin");
                for (CustomerStatistics.Row r : report.newCustomers()) {
                    rows.add(row(dimensionValue(report.by(), r.value(), label), r.customers(), r.won(),
                            r.winRate() == null ? null : BigDecimal.valueOf(r.winRate()), r.averageDaysToWin()));
                }
            }
            case FOLLOW_UPS -> {
                headers = headers(label, "kind", "followUps", "customers");
                for (FollowUpStatistics.KindRow r : report.followUps()) {
                    rows.add(row(label.apply("followup.kind." + r.kind()), r.followUps(), r.customers()));
                }
            }
            case LEADS -> {
                headers = headers(label, "source", "leads", "converted", "conversion", "invalid");
                for (LeadStatistics.SourceRow r : report.leads()) {
                    rows.add(row(label.apply("lead.source." + r.source()), r.leads(), r.converted(),
                            r.conversionPercent() == null ? null : BigDecimal.valueOf(r.conversionPercent()), r.invalid()));
                }
            }
            case RENEWALS -> {
                CollectionStatistics.RenewalRate rate = report.renewalRate();
                title = label.apply("analytics.section." + section) + " · " + report.today() + " · "
                        + label.apply("analytics.col.renewalRate") + " "
                        + (rate.percent() == null ? "—" : rate.percent() + "% (" + rate.renewed() + "/" + rate.ended() + ")");
                headers = headers(label, "contract", "customer", "serviceEnd", "within", "total");
                for (CollectionStatistics.RenewalRow r : report.renewals()) {
                    rows.add(row(r.title(), r.customerName(), r.serviceEnd(), r.withinDays(), r.total()));
                }
            }
            default -> throw new IllegalArgumentException(section.name());
        }
        return new ReportExports.Sheet(title, headers, rows);
    }

    /** "1–30", "31–60", "61–90", "90+": the days past due of an ageing bucket. */
    static String agingLabel(CollectionStatistics.AgingRow r) {
        return r.toDays() == null ? (r.fromDays() - 1) + "+" : r.fromDays() + "–" + r.toDays();
    }

    /** The label of a value the new customers are grouped by: coded ones through the bundle. */
    static String dimensionValue(CustomerStatistics.Dimension by, String value, Function<String, String> label) {
        if (value == null) {
            return label.apply("analytics.notFilledIn");
        }
        return switch (by) {
            case SOURCE -> label.apply("customer.source." + value);
            case TYPE -> label.apply("customer.type." + value);
            default -> value;
        };
    }

    private static List<String> headers(Function<String, String> label, String... keys) {
        return Arrays.stream(keys).map(k -> label.apply("analytics.col." + k)).toList();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
