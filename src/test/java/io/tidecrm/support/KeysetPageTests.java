package io.tidecrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeysetPageTests {

    @Test
    void theExtraRowOnlyTellsThatANextPageExists() {
        List<Long> rows = IntStream.rangeClosed(1, 4).mapToObj(i -> 100L - i).toList(); // 99, 98, 97, 96
        KeysetPage<Long> page = KeysetPage.of(rows, 3, Long::longValue);
        assertThat(page.items()).containsExactly(99L, 98L, 97L);
        assertThat(page.next()).isEqualTo("97");
        assertThat(page.hasNext()).isTrue();

        KeysetPage<Long> last = KeysetPage.of(rows, 4, Long::longValue);
        assertThat(last.items()).hasSize(4);
        assertThat(last.next()).isNull();
    }

    @Test
    void mappingKeepsTheCursorAndSortCursorsRoundTrip() {
        KeysetOrder byName = KeysetOrder.by("c.name", "varchar", true, "c.id");
        record Row(long id, String name) {
        }
        KeysetPage<Row> page = KeysetPage.withCursors(List.of(new Row(1, "甲"), new Row(2, "乙")), 1,
                r -> byName.cursorOf(r.id(), r.name()));
        KeysetPage<String> names = page.map(rows -> rows.stream().map(Row::name).toList());
        assertThat(names.items()).containsExactly("甲");
        assertThat(names.next()).isEqualTo(page.next()).matches("[A-Za-z0-9_-]+");
        assertThat(KeysetOrder.idOf("12")).isEqualTo(12L);
        assertThat(KeysetOrder.idOf(page.next())).isNull();
    }
}
