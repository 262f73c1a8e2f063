package io.tidecrm.followup.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link FollowUpManagement}: the form's write path, for follow-ups that other modules write. */
@Service
@Transactional
class FollowUpWriter implements FollowUpManagement {

    private final FollowUpService followUps;
    private final ZoneId zone;

    FollowUpWriter(FollowUpService followUps, java.time.Clock clock) {
        this.followUps = followUps;
        this.zone = clock.getZone();
    }

    @Override
    public List<String> kinds() {
        return java.util.Arrays.stream(FollowUpKind.values()).map(Enum::name).toList();
    }

    @Override
    public void importHistory(long customerId, String subjectType, long subjectId, String subjectLabel,
            List<PastFollowUp> entries) {
        FollowUpForm.About about = new FollowUpForm.About(subjectType, subjectId, subjectLabel);
        for (PastFollowUp e : entries) {
            followUps.importPast(customerId, e.authorId(), FollowUpKind.valueOf(e.kind()), e.occurredAt(), e.recordedAt(),
                    e.content(), about);
        }
    }

    @Override
    public long recordVisit(long customerId, Visit visit, CurrentUser author) {
        return record(customerId, FollowUpKind.VISIT.name(), visit, author);
    }

    @Override
    public long record(long customerId, String kind, Visit visit, CurrentUser author) {
        FollowUpForm form = new FollowUpForm(FollowUpKind.valueOf(kind), LocalDateTime.ofInstant(visit.occurredAt(), zone),
                visit.content(), visit.contactId(), null,
                visit.nextFollowUpAt() == null ? null : LocalDateTime.ofInstant(visit.nextFollowUpAt(), zone), false,
                List.of());
        return followUps.record(customerId, form, author);
    }
}
