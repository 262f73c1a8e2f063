/**
 * Pool (客户公海): the pool rules, the one deadline function that the pages and both nightly
 * jobs share, the 20:00 reclaim and 12:00 warning jobs with their run records, release,
 * grab with the grab-back ban and the daily limit, and the managers' pool-flow figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pool",
        allowedDependencies = { "customer", "identity", "support" })
package io.tidecrm.pool;
