package io.tidecrm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class AuditFilterTests {

    @Test
    void pageAddressKeepsEveryFilterAndOnlyThoseThatAreSet() {
        AuditFilter filter = new AuditFilter("SIGN_IN", " rep1 ", LocalDate.of(2026, 1, 2), null, 99L);
        assertThat(filter.url(42L)).isEqualTo("/admin/audit?kind=SIGN_IN&actor=rep1&from=2026-01-02&before=42");
        assertThat(filter.url(null)).isEqualTo("/admin/audit?kind=SIGN_IN&actor=rep1&from=2026-01-02");
        assertThat(AuditFilter.none().url(null)).isEqualTo("/admin/audit");
    }

    @Test
    void pageAddressEncodesWhatItCarries() {
        String url = new AuditFilter("", "张 a&b=c", null, null, null).url(null);
        assertThat(UriComponentsBuilder.fromUriString(url).build().getQueryParams().toSingleValueMap())
                .containsOnlyKeys("actor");
        assertThat(url).doesNotContain("张").doesNotContain(" ");
    }

    @Test
    void cleanTextDropsControlCharactersAndCutsWholeCodePoints() {
        assertThat(AuditLog.clean("a\u0000b\u001Fc\nd", 100)).isEqualTo("a b c\nd");
        assertThat(AuditLog.clean("😀😀😀", 2)).isEqualTo("😀😀");
        assertThat(AuditLog.clean(null, 2)).isNull();
    }
}
