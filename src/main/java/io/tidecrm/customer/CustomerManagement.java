package io.tidecrm.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.identity.CurrentUser;

/**
 * Customers for the other modules. Every method reads through the viewer's scope (own / team
 * / all) and throws {@link CustomerNotFoundException} for an id outside it.
 */
public interface CustomerManagement {

    CustomerRef findVisible(long customerId, CurrentUser viewer);

    /** A customer the viewer may see, or one in the public pool (which every user may read). */
    CustomerRef findReadable(long customerId, CurrentUser viewer);

    /** The customer's contacts, primary first. */
    List<ContactRef> contactsOf(long customerId, CurrentUser viewer);

    /** Contacts by id, for labels; ids of other customers' contacts are left out. */
    Map<Long, ContactRef> contactsById(long customerId, Collection<Long> contactIds);

    /** Colleagues who may see the customer: its owner, their team's managers and the administrators. */
    Set<Long> usersWhoCanSee(long customerId);

    /**
     * A follow-up was written: moves the clock forward, sets status and next follow-up time, in
     * the caller's transaction. The status may not be set to won here.
     */
    void recordFollowUp(long customerId, CurrentUser viewer, FollowUpFacts facts);

    /**
     * Something that counts as following up the customer happened (an opportunity or a
     * contract was created for it, a call was logged): moves its clock forward to {@code at},
     * never back, in the caller's transaction. Status and next follow-up time are unchanged.
     */
    void recordActivity(long customerId, CurrentUser viewer, Instant at);

    /** Of these customer ids, the ones the viewer may see, with their names. */
    Map<Long, String> visibleNames(Collection<Long> customerIds, CurrentUser viewer);

    /**
     * The customers of this type that have an owner, with their owner: id → owner id. No viewer:
     * for scheduled work (the monthly return visits of A customers), which has no user.
     */
    Map<Long, Long> ownersOfType(CustomerType type);

    /** Visible customers whose next follow-up is before {@code until}, soonest first. */
    List<CustomerRef> findDue(CurrentUser viewer, Instant until, int limit);

    /**
     * The customers the viewer may see, as a condition on the customer table alias
     * {@code customerAlias} (letters, digits and underscores), so that another module can keep
     * its lists inside the scope in SQL: join {@code customer} and add the condition.
     */
    CustomerScope scopeCondition(String customerAlias, CurrentUser viewer);

    /**
     * An approved contract: sets the customer's follow-up status to won (成交), so that it is never
     * reclaimed into the pool, in the caller's transaction. No viewer check: the caller (the
     * contract approval) has already read the customer through the approver's scope.
     */
    void markWon(long customerId, Instant at);
}
