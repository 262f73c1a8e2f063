package io.tidecrm.followup;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.identity.CurrentUser;

/**
 * The {@link FollowUpSubjects} of a module whose records (opportunities, contracts) hang off a
 * customer: the owning module's visibility check loads the record and throws its not-found when
 * the viewer may not see it (or the customer's), which answers as an unknown subject (404).
 * A module declares its subjects as a component:
 *
 * <pre>
 * &#64;Component
 * class ContractFollowUps extends SubjectLookup&lt;Contract&gt; {
 *     ContractFollowUps(ContractService contracts) {
 *         super("CONTRACT", "/contracts/", ContractNotFoundException.class, contracts::loadVisible,
 *                 Contract::getCustomerId, Contract::getTitle);
 *     }
 * }
 * </pre>
 *
 * @param <T> the record type of the owning module
 */
public abstract class SubjectLookup<T> implements FollowUpSubjects {

    private final String type;
    private final Class<? extends RuntimeException> notFound;
    private final BiFunction<Long, CurrentUser, Subject> subjectOf;

    /**
     * @param type the subject type, e.g. {@code CONTRACT}
     * @param pathPrefix the path of the record's page without its id, e.g. {@code /contracts/}
     * @param notFound what {@code loadVisible} throws for a record the viewer may not see
     * @param loadVisible loads a record by id when the viewer may see it
     */
    protected SubjectLookup(String type, String pathPrefix, Class<? extends RuntimeException> notFound,
            BiFunction<Long, CurrentUser, T> loadVisible, ToLongFunction<T> customerId, Function<T, String> label) {
        this.type = type;
        this.notFound = notFound;
        this.subjectOf = (id, viewer) -> {
            T record = loadVisible.apply(id, viewer);
            return new Subject(customerId.applyAsLong(record), label.apply(record), pathPrefix + id);
        };
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Optional<Subject> find(long subjectId, CurrentUser viewer) {
        try {
            return Optional.of(subjectOf.apply(subjectId, viewer));
        } catch (CustomerNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (notFound.isInstance(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
