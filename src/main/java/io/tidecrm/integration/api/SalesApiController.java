package io.tidecrm.integration.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tidecrm.contract.ContractRecords;
import io.tidecrm.contract.ContractRecords.ContractData;
import io.tidecrm.contract.ContractRecords.PaymentData;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.sales.OpportunityRecords;
import io.tidecrm.sales.OpportunityRecords.OpportunityData;
import io.tidecrm.support.KeysetPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Opportunities, contracts and payments received, read only. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Opportunities, contracts and payments (read only)")
@SecurityRequirement(name = "token")
class SalesApiController {

    private final OpportunityRecords opportunities;
    private final ContractRecords contracts;

    SalesApiController(OpportunityRecords opportunities, ContractRecords contracts) {
        this.opportunities = opportunities;
        this.contracts = contracts;
    }

    @GetMapping("/opportunities")
    @Operation(summary = "Opportunities of the customers the token's user may see, newest first")
    KeysetPage<OpportunityData> opportunities(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal CurrentUser user) {
        return opportunities.list(cursor, PageSize.of(limit), user);
    }

    @GetMapping("/opportunities/{id}")
    ResponseEntity<OpportunityData> opportunity(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        OpportunityData o = opportunities.get(id, user);
        return Versions.withEtag(o, o.version());
    }

    @GetMapping("/contracts")
    @Operation(summary = "Contracts of the customers the token's user may see, newest first")
    KeysetPage<ContractData> contracts(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal CurrentUser user) {
        return contracts.list(cursor, PageSize.of(limit), user);
    }

    @GetMapping("/contracts/{id}")
    ResponseEntity<ContractData> contract(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        ContractData c = contracts.get(id, user);
        return Versions.withEtag(c, c.version());
    }

    @GetMapping("/payments")
    @Operation(summary = "Payments received on the contracts the token's user may see, newest first")
    KeysetPage<PaymentData> payments(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal CurrentUser user) {
        return contracts.payments(cursor, PageSize.of(limit), user);
    }
}
