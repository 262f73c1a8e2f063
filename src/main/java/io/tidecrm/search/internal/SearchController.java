package io.tidecrm.search.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tidecrm.contract.ContractSearch;
import io.tidecrm.customer.CustomerSearch;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.sales.OpportunitySearch;
import io.tidecrm.support.SearchHit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /search?q=}: a page that works without JavaScript, and the same results as a
 * fragment for htmx's live results under the navigation bar's search box. Any text is a valid
 * query: too short answers a hint, never an error page.
 */
@Controller
class SearchController {

    /** How many hits of each kind are shown; the group links to the full filtered list where there is one. */
    static final int PER_KIND = 5;

    private final CustomerSearch customers;
    private final OpportunitySearch opportunities;
    private final ContractSearch contracts;

    SearchController(CustomerSearch customers, OpportunitySearch opportunities, ContractSearch contracts) {
        this.customers = customers;
        this.opportunities = opportunities;
        this.contracts = contracts;
    }

    /** One kind's hits: its heading's message key, the hits, and the full list's address or null. */
    record Group(String kind, String titleKey, List<SearchHit> hits, String moreHref) {
    }

    @GetMapping("/search")
    @Transactional(readOnly = true)
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String term = SearchHit.usableTerm(q);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("searchQuery", q == null ? "" : q.strip());
        model.addAttribute("tooShort", term == null);
        if (term != null) {
            String encoded = URLEncoder.encode(term, StandardCharsets.UTF_8);
            model.addAttribute("groups", List.of(
                    new Group("customers", "search.customers", customers.customers(term, user, PER_KIND),
                            "/customers?q=" + encoded),
                    new Group("contacts", "search.contacts", customers.contacts(term, user, PER_KIND),
                            "/contacts?q=" + encoded),
                    new Group("opportunities", "search.opportunities",
                            opportunities.opportunities(term, user, PER_KIND), null),
                    new Group("contracts", "search.contracts", contracts.contracts(term, user, PER_KIND),
                            "/contracts?q=" + encoded)));
        } else {
            model.addAttribute("groups", List.of());
        }
        return "true".equals(htmx) ? "search/results :: results" : "search/results";
    }
}
