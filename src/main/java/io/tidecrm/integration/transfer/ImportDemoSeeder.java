package io.tidecrm.integration.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.integration.ImportDemoData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** {@link ImportDemoData}: one finished import whose two rows were duplicates of demo customers. */
@Component
class ImportDemoSeeder implements ImportDemoData {

    private final ImportStore store;
    private final MessageSource messages;
    private final UserManagement users;
    private final Clock clock;

    ImportDemoSeeder(ImportStore store, MessageSource messages, UserManagement users, Clock clock) {
        this.store = store;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff) {
        List<DemoCustomers.Customer> owned = customers.stream().filter(c -> c.ownerId() != null).limit(2).toList();
        if (owned.size() < 2 || staff.teams().isEmpty()) {
            return;
        }
        DemoUsers.Team team = staff.teams().get(0);
        List<String> headers = List.of("客户名称", "客户类型", "负责人", "联系人", "手机");
        DemoCustomers.Customer first = owned.get(0);
        DemoCustomers.Customer second = owned.get(1);
        String csv = String.join(",", headers) + "\r\n" + first.name() + ",B,,王经理,13900000001\r\n" + second.name()
                + ",A,,李总,13900000002\r\n";
        Instant at = clock.instant().minus(Duration.ofDays(2));
        long id = store.insert(team.managerId(), ImportTarget.CUSTOMER, "客户名单.csv", Spreadsheets.Kind.CSV, StandardCharsets.UTF_8.name(),
                csv.getBytes(StandardCharsets.UTF_8), headers, Locale.SIMPLIFIED_CHINESE.toLanguageTag(), 2, at);
        store.startCheck(id, List.of("NAME", "TYPE", "OWNER", "CONTACT_NAME", "CONTACT_MOBILE"),
                io.tidecrm.customer.CustomerImport.Mode.CREATE_ONLY);
        store.finish(id, ImportJob.Status.CHECKED, at);
        store.startRun(id, at);
        for (int row = 2; row <= 3; row++) {
            DemoCustomers.Customer c = row == 2 ? first : second;
            String owner = users.findUser(c.ownerId()).map(UserSummary::displayName).orElse("");
            store.problem(id, ImportRunner.RUN, row, "FAILED", "[客户名称] " + messages.getMessage(
                    "customer.import.duplicate.owned", new Object[] { c.name(), owner }, Locale.SIMPLIFIED_CHINESE));
            store.advance(id, row - 1, 0, 0, 0, 1);
        }
        store.finish(id, ImportJob.Status.DONE, at.plus(Duration.ofMinutes(1)));
    }
}
