/**
 * Web: the page shell (layout, home page, sign-in page, error pages), the security filter
 * chain, languages and MVC configuration. It may use every other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = { "identity", "support" })
package io.tidecrm.web;
