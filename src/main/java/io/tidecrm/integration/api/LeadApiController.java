package io.tidecrm.integration.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.lead.LeadRecords;
import io.tidecrm.lead.LeadRecords.LeadData;
import io.tidecrm.lead.LeadRecords.LeadInput;
import io.tidecrm.support.KeysetPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leads (线索), through the lead module's own services. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Leads")
@SecurityRequirement(name = "token")
class LeadApiController {

    private final LeadRecords leads;

    LeadApiController(LeadRecords leads) {
        this.leads = leads;
    }

    @GetMapping("/leads")
    @Operation(summary = "The leads the token's user may see (own, team or all) and the lead pool, newest first (keyset paging: pass `next` as `cursor`)")
    KeysetPage<LeadData> list(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal CurrentUser user) {
        return leads.list(cursor, PageSize.of(limit), user);
    }

    @GetMapping("/leads/{id}")
    @Operation(summary = "One lead; its ETag is its version")
    ResponseEntity<LeadData> get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        LeadData lead = leads.get(id, user);
        return Versions.withEtag(lead, lead.version());
    }

    @PostMapping("/leads")
    @Operation(summary = "Records a lead as the form does: a rep keeps it, otherwise the assignment rules that assign on "
            + "arrival take it or it waits in the lead pool. Possible duplicates (leads, customers with the pool, "
            + "contacts) answer 409 `lead.duplicate.found` with `duplicates`, unless `allowDuplicate=true`")
    ResponseEntity<LeadData> create(@RequestBody LeadInput input,
            @RequestParam(defaultValue = "false") boolean allowDuplicate, @AuthenticationPrincipal CurrentUser user) {
        LeadData created = leads.create(input, allowDuplicate, user);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + created.id())).eTag(Versions.etag(created.version()))
                .body(created);
    }
}
