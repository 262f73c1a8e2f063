package io.tidecrm.catalog.internal;

import io.tidecrm.support.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.tidecrm.support.RuleChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators create and edit products. A product is never deleted: disabling it keeps
 * every record that names it readable. Every changed fact is published as a
 * {@link RuleChanged} ({@code product.42.unitPrice}), which the audit log keeps.
 */
@Service
@Transactional
class ProductAdministration {

    /** The id names no product: answered with 404. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
    }

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProductAdministration(ProductRepository products, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Product load(long id) {
        return products.findById(id).orElseThrow(NotFound::new);
    }

    long create(ProductForm form, long byUserId) {
        Instant now = clock.instant();
        requireUnique(form, -1L);
        Product product = new Product(now);
        product.apply(form);
        save(product);
        publishChanges(product.getId(), Map.of(), product.auditedValues(), byUserId, now);
        return product.getId();
    }

    void update(long id, ProductForm form, long byUserId) {
        Product product = load(id);
        if (form.version() == null || form.version() != product.getVersion()) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        // Checked before the entity changes: a query would flush the change first.
        requireUnique(form, id);
        Map<String, String> before = product.auditedValues();
        product.apply(form);
        save(product);
        publishChanges(id, before, product.auditedValues(), byUserId, clock.instant());
    }

    private void save(Product product) {
        try {
            products.saveAndFlush(product);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation(null, "form.staleVersion");
        } catch (DataIntegrityViolationException e) {
            // Another administrator saved the same category and name after our check.
            throw new RuleViolation("name", "product.duplicate");
        }
    }

    private void requireUnique(ProductForm form, long self) {
        if (products.existsByCategoryAndNameAndIdNot(form.category().strip(), form.name().strip(), self)) {
            throw new RuleViolation("name", "product.duplicate");
        }
    }

    private void publishChanges(long id, Map<String, String> before, Map<String, String> after, long byUserId,
            Instant at) {
        after.forEach((fact, value) -> {
            String previous = before.get(fact);
            if (!Objects.equals(previous, value)) {
                events.publishEvent(new RuleChanged("product." + id + "." + fact, previous, value, byUserId, at));
            }
        });
    }
}
