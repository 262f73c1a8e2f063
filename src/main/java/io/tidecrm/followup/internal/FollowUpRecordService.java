package io.tidecrm.followup.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import io.tidecrm.followup.FollowUpRecords;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link FollowUpRecords}: the entry becomes the page's {@link FollowUpForm}, validated and saved by {@link FollowUpService}. */
@Service
@Transactional
class FollowUpRecordService implements FollowUpRecords {

    private final FollowUpService followUps;
    private final Validator validator;
    private final Clock clock;

    FollowUpRecordService(FollowUpService followUps, Validator validator, Clock clock) {
        this.followUps = followUps;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public long record(long customerId, Entry entry, CurrentUser author) {
        FollowUpForm form = new FollowUpForm(entry.kind() == null ? null : FollowUpKind.valueOf(entry.kind().name()),
                entry.occurredAt() == null ? null : LocalDateTime.ofInstant(entry.occurredAt(), clock.getZone()),
                entry.content(), entry.contactId(), entry.newStatus(),
                entry.nextFollowUpAt() == null ? null : LocalDateTime.ofInstant(entry.nextFollowUpAt(), clock.getZone()),
                entry.clearNextFollowUp(), entry.notifyUserIds() == null ? List.of() : entry.notifyUserIds());
        Set<ConstraintViolation<FollowUpForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return followUps.record(customerId, form, author);
    }

    @Override
    @Transactional(readOnly = true)
    public KeysetPage<FollowUpData> list(long customerId, String cursor, CurrentUser viewer) {
        return followUps.timeline(customerId, cursor, viewer).map(rows -> rows.stream()
                .map(e -> new FollowUpData(e.id(), Kind.valueOf(e.kind().name()), e.occurredAt(), e.recordedAt(),
                        e.content(), e.authorName(), e.contactName(), e.newStatus(), e.nextFollowUpAt(), e.correctsId()))
                .toList());
    }
}
