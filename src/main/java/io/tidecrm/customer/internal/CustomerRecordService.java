package io.tidecrm.customer.internal;

import static io.tidecrm.support.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.tidecrm.customer.CustomerRecords;
import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CustomerRecords}: an input becomes the form the pages post ({@link CustomerForm},
 * {@link ContactForm}), is validated by the same constraints, and goes through the same
 * services ({@link CustomerEditing}, {@link ContactService}). Reads go through the viewer's scope.
 */
@Service
@Transactional
class CustomerRecordService implements CustomerRecords {

    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("c.id");
    private static final String COLUMNS = """
            c.id, c.name, c.credit_code, c.type, c.status, c.source, c.region, c.industry, c.website, c.address,
            c.remarks, c.tags, c.owner_id, c.next_follow_up_at, c.last_follow_up_at, c.created_at, c.updated_at,
            c.version""";

    private final CustomerDirectory directory;
    private final CustomerEditing editing;
    private final ContactService contacts;
    private final JdbcClient jdbc;
    private final Validator validator;
    private final Clock clock;

    CustomerRecordService(CustomerDirectory directory, CustomerEditing editing, ContactService contacts,
            JdbcClient jdbc, Validator validator, Clock clock) {
        this.directory = directory;
        this.editing = editing;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public KeysetPage<CustomerData> list(String cursor, int pageSize, CurrentUser viewer) {
        Where where = directory.scopeCondition("c", viewer).where().after(NEWEST_FIRST, cursor);
        List<CustomerData> rows = jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE " + where.sql()
                + " ORDER BY " + NEWEST_FIRST.orderBy() + " LIMIT " + (pageSize + 1))
                .params(where.params())
                .query((rs, n) -> customer(rs))
                .list();
        return KeysetPage.of(rows, pageSize, CustomerData::id);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerData get(long customerId, CurrentUser viewer) {
        directory.loadVisible(customerId, viewer);
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.id = ?").param(customerId)
                .query((rs, n) -> customer(rs)).single();
    }

    @Override
    public long create(CustomerInput input, CurrentUser user) {
        CustomerForm blank = CustomerForm.empty();
        CustomerForm form = merge(new CustomerForm(null, blank.creditCode(), null, blank.region(), blank.industry(),
                null, blank.referrer(), blank.website(), blank.address(), null, CustomerStatus.FIRST_VISIT, null,
                null, null, blank.requirements(), blank.extraDiscount(), blank.remarks(), blank.tags(), null,
                blank.jkbRegistrationName(), null, blank.jzmhRegistrationName(), blank.wechatyGithubUrl(), null, null),
                input, null);
        return editing.create(valid(form), user);
    }

    @Override
    public void update(long customerId, CustomerInput input, long version, CurrentUser user) {
        editing.update(customerId, valid(merge(editing.formOf(customerId, user), input, version)), user);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactData> contacts(long customerId, CurrentUser viewer) {
        directory.loadVisible(customerId, viewer);
        return jdbc.sql("""
                SELECT id FROM contact WHERE customer_id = ? ORDER BY is_primary DESC, id
                """).param(customerId).query(Long.class).list().stream()
                .map(id -> contact(contacts.loadVisible(id, viewer))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ContactData contact(long contactId, CurrentUser viewer) {
        return contact(contacts.loadVisible(contactId, viewer));
    }

    @Override
    public long addContact(long customerId, ContactInput input, CurrentUser user) {
        ContactForm empty = ContactForm.empty();
        return contacts.create(customerId, valid(merge(empty, input, null)), user);
    }

    @Override
    public void updateContact(long contactId, ContactInput input, long version, CurrentUser user) {
        Contact c = contacts.loadVisible(contactId, user);
        ContactForm current = new ContactForm(c.getName(), nz(c.getGender()), nz(c.getDepartment()), nz(c.getTitle()),
                nz(c.getMobile()), nz(c.getWechatNickname()), nz(c.getWechatId()), nz(c.getEmail()), nz(c.getAddress()),
                c.getBirthday(), nz(c.getRemarks()), c.isPrimary(), c.getVersion());
        contacts.update(contactId, valid(merge(current, input, version)), user);
    }

    private CustomerForm merge(CustomerForm f, CustomerInput in, Long version) {
        LocalDateTime next = in.nextFollowUpAt() == null ? f.nextFollowUpAt()
                : LocalDateTime.ofInstant(in.nextFollowUpAt(), clock.getZone());
        return new CustomerForm(or(in.name(), f.name()), or(in.creditCode(), f.creditCode()), or(in.type(), f.type()),
                or(in.region(), f.region()), or(in.industry(), f.industry()), or(in.source(), f.source()),
                or(in.referrer(), f.referrer()), or(in.website(), f.website()), or(in.address(), f.address()),
                f.staffSize(), or(in.status(), f.status()), next, f.expectedAmount(), f.expectedCloseDate(),
                f.requirements(), f.extraDiscount(), or(in.remarks(), f.remarks()),
                in.tags() == null ? f.tags() : String.join(", ", in.tags()), f.jkbServiceCodeStatus(),
                f.jkbRegistrationName(), f.jzmhRetention(), f.jzmhRegistrationName(), f.wechatyGithubUrl(),
                f.wechatyContributor(), version == null ? f.version() : version);
    }

    private static ContactForm merge(ContactForm f, ContactInput in, Long version) {
        return new ContactForm(or(in.name(), f.name()), or(in.gender(), f.gender()),
                or(in.department(), f.department()), or(in.title(), f.title()), or(in.mobile(), f.mobile()),
                f.wechatNickname(), or(in.wechatId(), f.wechatId()), or(in.email(), f.email()), f.address(),
                f.birthday(), or(in.remarks(), f.remarks()), or(in.primary(), f.primary()),
                version == null ? f.version() : version);
    }

    /** The form's own constraints, as {@code @Valid} checks them on the pages. */
    private <T> T valid(T form) {
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return form;
    }

    private ContactData contact(Contact c) {
        return new ContactData(c.getId(), c.getCustomerId(), c.getName(), c.getGender(), c.getDepartment(),
                c.getTitle(), c.getMobile(), c.getWechatId(), c.getEmail(), c.getRemarks(), c.isPrimary(),
                c.getVersion());
    }

    private static CustomerData customer(ResultSet rs) throws SQLException {
        String[] tags = (String[]) rs.getArray("tags").getArray();
        return new CustomerData(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                CustomerType.valueOf(rs.getString("type")), CustomerStatus.valueOf(rs.getString("status")),
                CustomerSource.valueOf(rs.getString("source")), rs.getString("region"), rs.getString("industry"),
                rs.getString("website"), rs.getString("address"), rs.getString("remarks"), Arrays.asList(tags),
                (Long) rs.getObject("owner_id"), instant(rs, "next_follow_up_at"), instant(rs, "last_follow_up_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }


    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
