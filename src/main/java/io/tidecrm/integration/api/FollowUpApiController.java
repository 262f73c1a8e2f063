package io.tidecrm.integration.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tidecrm.followup.FollowUpRecords;
import io.tidecrm.followup.FollowUpRecords.Entry;
import io.tidecrm.followup.FollowUpRecords.FollowUpData;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.pool.PoolActions;
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

/** Follow-ups of a customer (written as on the customer page), and the pool's grab and release. */
@RestController
@RequestMapping("/api/v1/customers/{id}")
@Tag(name = "Follow-ups and pool")
@SecurityRequirement(name = "token")
class FollowUpApiController {

    private final FollowUpRecords followUps;
    private final PoolActions pool;

    FollowUpApiController(FollowUpRecords followUps, PoolActions pool) {
        this.followUps = followUps;
        this.pool = pool;
    }

    @GetMapping("/follow-ups")
    @Operation(summary = "The customer's follow-ups, newest first (keyset paging)")
    KeysetPage<FollowUpData> list(@PathVariable long id, @RequestParam(required = false) String cursor,
            @AuthenticationPrincipal CurrentUser user) {
        return followUps.list(id, cursor, user);
    }

    @PostMapping("/follow-ups")
    @Operation(summary = "Records a follow-up (within the last 24 hours); moves the customer's clock")
    ResponseEntity<Created> record(@PathVariable long id, @RequestBody Entry entry,
            @AuthenticationPrincipal CurrentUser user) {
        long followUpId = followUps.record(id, entry, user);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/follow-ups")).body(new Created(followUpId));
    }

    @PostMapping("/grab")
    @Operation(summary = "Takes a pool customer (grab-back ban, daily limit, ownership cap)")
    ResponseEntity<Void> grab(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        pool.grab(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/release")
    @Operation(summary = "Puts the customer back into the pool, with a reason")
    ResponseEntity<Void> release(@PathVariable long id, @RequestBody Release release,
            @AuthenticationPrincipal CurrentUser user) {
        pool.release(id, release.reason(), release.text(), user);
        return ResponseEntity.noContent().build();
    }

    /** The id of what was created. */
    record Created(long id) {
    }

    /** Why the customer goes back to the pool; {@code OTHER} needs {@code text}. */
    record Release(PoolActions.ReleaseReason reason, String text) {
    }
}
