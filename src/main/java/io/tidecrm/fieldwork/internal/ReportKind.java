package io.tidecrm.fieldwork.internal;

/** The parts of the reports: the day's plan (当日工作计划), the day's summary (当日工作总结), the week's plan (销售周工作计划表). */
enum ReportKind {
    DAILY_PLAN, DAILY_SUMMARY, WEEKLY_PLAN;

    boolean weekly() {
        return this == WEEKLY_PLAN;
    }
}
