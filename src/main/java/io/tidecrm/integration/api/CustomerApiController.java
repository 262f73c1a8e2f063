package io.tidecrm.integration.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tidecrm.customer.CustomerRecords;
import io.tidecrm.customer.CustomerRecords.ContactData;
import io.tidecrm.customer.CustomerRecords.ContactInput;
import io.tidecrm.customer.CustomerRecords.CustomerData;
import io.tidecrm.customer.CustomerRecords.CustomerInput;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers and their contacts, through the customer module's form services. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customers and contacts")
@SecurityRequirement(name = "token")
class CustomerApiController {

    private final CustomerRecords customers;

    CustomerApiController(CustomerRecords customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    @Operation(summary = "The customers the token's user may see, newest first (keyset paging: pass `next` as `cursor`)")
    KeysetPage<CustomerData> list(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal CurrentUser user) {
        return customers.list(cursor, PageSize.of(limit), user);
    }

    @GetMapping("/customers/{id}")
    @Operation(summary = "One customer; its ETag is its version, for If-Match")
    ResponseEntity<CustomerData> get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        CustomerData customer = customers.get(id, user);
        return Versions.withEtag(customer, customer.version());
    }

    @PostMapping("/customers")
    @Operation(summary = "Creates a customer owned by the token's user (duplicate check, ownership cap)")
    ResponseEntity<CustomerData> create(@RequestBody CustomerInput input, @AuthenticationPrincipal CurrentUser user) {
        long id = customers.create(input, user);
        CustomerData created = customers.get(id, user);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id)).eTag(Versions.etag(created.version()))
                .body(created);
    }

    @PatchMapping("/customers/{id}")
    @Operation(summary = "Changes the fields sent (others stay); needs If-Match with the version")
    ResponseEntity<CustomerData> update(@PathVariable long id, @RequestBody CustomerInput input,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @AuthenticationPrincipal CurrentUser user) {
        customers.update(id, input, Versions.ifMatch(ifMatch), user);
        CustomerData updated = customers.get(id, user);
        return Versions.withEtag(updated, updated.version());
    }

    @GetMapping("/customers/{id}/contacts")
    @Operation(summary = "The customer's contacts, primary first")
    List<ContactData> contacts(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return customers.contacts(id, user);
    }

    @PostMapping("/customers/{id}/contacts")
    @Operation(summary = "Adds a contact to the customer")
    ResponseEntity<ContactData> addContact(@PathVariable long id, @RequestBody ContactInput input,
            @AuthenticationPrincipal CurrentUser user) {
        long contactId = customers.addContact(id, input, user);
        ContactData created = customers.contact(contactId, user);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contactId))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @GetMapping("/contacts/{id}")
    @Operation(summary = "One contact; its ETag is its version, for If-Match")
    ResponseEntity<ContactData> contact(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        ContactData contact = customers.contact(id, user);
        return Versions.withEtag(contact, contact.version());
    }

    @PatchMapping("/contacts/{id}")
    @Operation(summary = "Changes the fields sent (others stay); needs If-Match with the version")
    ResponseEntity<ContactData> updateContact(@PathVariable long id, @RequestBody ContactInput input,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @AuthenticationPrincipal CurrentUser user) {
        customers.updateContact(id, input, Versions.ifMatch(ifMatch), user);
        ContactData updated = customers.contact(id, user);
        return Versions.withEtag(updated, updated.version());
    }
}
