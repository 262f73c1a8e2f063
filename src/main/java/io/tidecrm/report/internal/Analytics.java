package io.tidecrm.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.tidecrm.contract.CollectionStatistics;
import io.tidecrm.customer.CustomerStatistics;
import io.tidecrm.followup.FollowUpStatistics;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.lead.LeadStatistics;
import io.tidecrm.sales.PipelineStatistics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales reports (SPEC "Reports"): each figure comes from the module that owns its records,
 * computed in SQL inside the viewer's customer scope; this class only chooses the periods.
 */
@Component
class Analytics {

    /** The months of the money chart when the period is shorter than two months. */
    static final int TRAILING_MONTHS = 6;

    private final PipelineStatistics pipeline;
    private final CollectionStatistics collections;
    private final CustomerStatistics customers;
    private final FollowUpStatistics followUps;
    private final LeadStatistics leads;
    private final Clock clock;

    Analytics(PipelineStatistics pipeline, CollectionStatistics collections, CustomerStatistics customers,
            FollowUpStatistics followUps, LeadStatistics leads, Clock clock) {
        this.pipeline = pipeline;
        this.collections = collections;
        this.customers = customers;
        this.followUps = followUps;
        this.leads = leads;
        this.clock = clock;
    }

    /** Every report of the page, for one period. */
    record Report(Period period, LocalDate today, CustomerStatistics.Dimension by,
            List<PipelineStatistics.StageRow> pipeline, List<PipelineStatistics.FunnelRow> funnel,
            List<PipelineStatistics.StageTime> stageTimes, List<PipelineStatistics.OutcomeRow> outcomes,
            YearMonth firstMonth, YearMonth lastMonth, List<CollectionStatistics.MonthRow> money,
            List<CollectionStatistics.AgingRow> aging, List<CustomerStatistics.Row> newCustomers,
            List<FollowUpStatistics.KindRow> followUps, List<CollectionStatistics.RenewalRow> renewals,
            List<PipelineStatistics.ForecastRow> forecast, List<LeadStatistics.SourceRow> leads,
            CollectionStatistics.RenewalRate renewalRate) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    Report report(CurrentUser viewer, Period period, CustomerStatistics.Dimension by) {
        LocalDate today = today();
        YearMonth last = YearMonth.from(period.to());
        YearMonth first = YearMonth.from(period.from());
        if (first.plusMonths(1).isAfter(last)) {
            first = last.minusMonths(TRAILING_MONTHS - 1);
        }
        return new Report(period, today, by, pipeline.openByStage(viewer),
                pipeline.funnel(viewer, period.from(), period.to()),
                pipeline.timeInStage(viewer, period.from(), period.to()), pipeline.closed(viewer, period.from(), period.to()), first, last,
                collections.monthly(viewer, first, last), collections.aging(viewer, today),
                customers.newCustomers(viewer, by, period.from(), period.to()),
                followUps.byKind(viewer, period.from(), period.to()), collections.renewalsDue(viewer, today),
                pipeline.forecast(viewer), leads.bySource(viewer, period.from(), period.to()),
                collections.renewalRate(viewer, period.from(), period.to()));
    }
}
