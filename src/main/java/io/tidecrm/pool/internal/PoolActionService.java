package io.tidecrm.pool.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.pool.PoolActions;
import io.tidecrm.support.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PoolActions} through {@link PoolService}, the pool page's service, with the release form's reason rule. */
@Service
@Transactional
class PoolActionService implements PoolActions {

    private final PoolService pool;

    PoolActionService(PoolService pool) {
        this.pool = pool;
    }

    @Override
    public void grab(long customerId, CurrentUser user) {
        pool.grab(customerId, user);
    }

    @Override
    public void release(long customerId, ReleaseReason reason, String text, CurrentUser user) {
        if (text != null && text.length() > 400) {
            throw new RuleViolation("text", "pool.release.reasonRequired");
        }
        PoolForms.ReleaseForm form = new PoolForms.ReleaseForm(
                reason == null ? null : PoolForms.ReleaseReason.valueOf(reason.name()), text);
        if (form.stored() == null) {
            throw new RuleViolation(reason == ReleaseReason.OTHER ? "text" : "reason", "pool.release.reasonRequired");
        }
        pool.release(customerId, form.stored(), user);
    }
}
