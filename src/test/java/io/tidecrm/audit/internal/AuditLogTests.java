package io.tidecrm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditLogTests {

    @Test
    void cleanTextDropsControlCharactersAndCutsWholeCodePoints() {
        assertThat(AuditLog.clean("a\u0000b\u001Fc\nd", 100)).isEqualTo("a b c\nd");
        assertThat(AuditLog.clean("😀😀😀", 2)).isEqualTo("😀😀");
        assertThat(AuditLog.clean(null, 2)).isNull();
    }
}
