/**
 * Events: the operation of Spring Modulith's event publication registry, through which every
 * after-commit listener ({@code @ApplicationModuleListener}: inbox notices, e-mail, group robots,
 * later read models) is delivered. It records the last error of a failed delivery, resubmits
 * incomplete publications at start-up and every few minutes (a clustered Quartz job), purges
 * completed ones, and gives administrators the list of incomplete publications with a retry
 * button. It owns the tables {@code event_publication} (written by the registry) and
 * {@code event_failure}, and uses no other module but support.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events", allowedDependencies = "support")
package io.tidecrm.events;
