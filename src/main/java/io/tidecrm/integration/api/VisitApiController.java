package io.tidecrm.integration.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tidecrm.fieldwork.VisitRecords;
import io.tidecrm.fieldwork.VisitRecords.VisitData;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Field visits with their check-in, read only (they are planned and checked in from the phone's pages). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Visits (read only)")
@SecurityRequirement(name = "token")
class VisitApiController {

    private final VisitRecords visits;

    VisitApiController(VisitRecords visits) {
        this.visits = visits;
    }

    @GetMapping("/visits")
    @Operation(summary = "Visits to the customers the token's user may see, newest first; of one customer with customerId")
    KeysetPage<VisitData> visits(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long customerId,
            @AuthenticationPrincipal CurrentUser user) {
        return visits.list(cursor, PageSize.of(limit), customerId, user);
    }

    @GetMapping("/visits/{id}")
    ResponseEntity<VisitData> visit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        VisitData v = visits.get(id, user);
        return Versions.withEtag(v, v.version());
    }
}
