/**
 * Field work (外勤): visits planned with a customer and checked in from the phone's browser (the
 * distance to the customer's known location, kept in this module's {@code customer_location}, is
 * measured on the server and a check-in beyond the radius or without a location is flagged), the
 * visit record of the seed's template (客户拜访记录表), saved as a follow-up of kind 拜访 through the
 * followup module's API, the commitments made on a visit (承诺事项), and the daily and weekly
 * reports (日报, 周报) that managers read and comment on. Every read goes through the customer
 * module's visibility scope: a visit is visible exactly when its customer is. A check-in moves the
 * customer's clock in its transaction and publishes {@link io.tidecrm.fieldwork.VisitCheckedIn}.
 * Before each report deadline a clustered Quartz job publishes {@link io.tidecrm.fieldwork.ReportReminderDue}
 * for the users who must submit and have not (the notification module writes the inbox notices);
 * the days a report is due follow the service module's working calendar unless the administrators
 * choose fixed weekdays.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field work",
        allowedDependencies = { "customer", "followup", "contract", "service", "identity", "support" })
package io.tidecrm.fieldwork;
