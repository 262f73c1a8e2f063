package io.tidecrm.service.internal;

import java.util.List;

import io.tidecrm.followup.TodoSource;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The user's return visits still to do, as a card on their to-do page. */
@Component
class ReturnVisitTodos implements TodoSource {

    private final ReturnVisits visits;

    ReturnVisitTodos(ReturnVisits visits) {
        this.visits = visits;
    }

    @Override
    public String titleKey() {
        return "returnVisit.todo";
    }

    @Override
    public List<TodoItem> itemsOf(CurrentUser user, int limit) {
        return visits.toDo(user, limit).stream()
                .map(v -> new TodoItem("/return-visits/" + v.id(), v.customerName(),
                        v.monthly() ? "returnVisit.reason.monthly" : "returnVisit.reason.afterSigning",
                        v.monthly() ? List.of() : List.of(v.offsetDays()), v.dueDate(), v.missed()))
                .toList();
    }
}
