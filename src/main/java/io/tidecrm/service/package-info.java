/**
 * Service (售后): the working calendar (working hours, public holidays and make-up working days,
 * kept by administrators, with the one function that counts working time:
 * {@link io.tidecrm.service.WorkingCalendar}), complaints and service tickets with due times
 * counted in working time, their reminders and escalations, and later handover, return visits
 * and renewals. A ticket is visible exactly when its customer is (the customer module's scope),
 * and to the user it is assigned to. It depends on contract only for the approval fact that hands a
 * customer over to its service contact.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service",
        allowedDependencies = { "customer", "contract", "followup", "identity", "support" })
package io.tidecrm.service;
