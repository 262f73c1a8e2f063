package io.tidecrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WhereTests {

    enum Colour {
        RED
    }

    @Test
    void optionalFiltersAreAddedOnlyWhenSetAndTheirValuesAreBound() {
        Where where = new Where("c.owner_id IN (:scopeOwners)", Map.of("scopeOwners", Set.of(1L)))
                .addIf("k.status = :status", "status", Colour.RED)
                .addIf("k.owner_id = :owner", "owner", null)
                .addIf("k.title = :q", "q", "  ")
                .addIf("strpos(k.title, :t) > 0", "t", "  年度 ")
                .addIf("k.day >= :from", "from", LocalDate.of(2030, 1, 2), day -> day.plusDays(1))
                .addIf("k.day < :to", "to", (LocalDate) null, day -> day.plusDays(1));
        assertThat(where.sql()).isEqualTo("c.owner_id IN (:scopeOwners) AND k.status = :status"
                + " AND strpos(k.title, :t) > 0 AND k.day >= :from");
        assertThat(where.params()).containsEntry("status", "RED").containsEntry("t", "年度")
                .containsEntry("from", LocalDate.of(2030, 1, 3)).doesNotContainKeys("owner", "q", "to");
    }

    @Test
    void anEmptyWhereIsTrueAndAnEmptyInListAdmitsNothing() {
        assertThat(new Where().sql()).isEqualTo("TRUE");
        assertThat(new Where().in("k.owner_id", "owners", List.of()).sql()).isEqualTo("FALSE");
        Where in = new Where().in("k.owner_id", "owners", Set.of(3L));
        assertThat(in.sql()).isEqualTo("k.owner_id IN (:owners)");
        assertThat(in.params()).containsEntry("owners", List.of(3L));
    }

    @Test
    void keysetPositionFollowsTheOrderAndAGarbledCursorIsTheFirstPage() {
        KeysetOrder newest = KeysetOrder.newestFirst("k.id");
        Where byId = new Where().after(newest, "42");
        assertThat(byId.sql()).isEqualTo("k.id < :cursorId");
        assertThat(byId.params()).containsEntry("cursorId", 42L);
        for (String garbled : new String[] {null, "", "!!", "-1", "4 2", "99999999999999999999", "<script>"}) {
            assertThat(new Where().after(newest, garbled).sql()).as(garbled).isEqualTo("TRUE");
        }

        KeysetOrder byName = KeysetOrder.by("c.name", "varchar", true, "c.id");
        Where named = new Where().after(byName, byName.cursorOf(7, "张三:有限公司"));
        assertThat(named.sql()).isEqualTo("(c.name, c.id) > (CAST(:cursorValue AS varchar), :cursorId)");
        assertThat(named.params()).containsEntry("cursorId", 7L).containsEntry("cursorValue", "张三:有限公司");
        assertThat(byName.orderBy()).isEqualTo("c.name ASC, c.id ASC");
        assertThat(newest.orderBy()).isEqualTo("k.id DESC");
    }

    @Test
    void aTimeCursorMustHoldATime() {
        KeysetOrder updated = KeysetOrder.by("c.updated_at", "timestamptz", false, "c.id");
        assertThat(new Where().after(updated, updated.cursorOf(5, "2030-01-02 03:04:05.123+08")).sql())
                .isEqualTo("(c.updated_at, c.id) < (CAST(:cursorValue AS timestamptz), :cursorId)");
        assertThat(new Where().after(updated, updated.cursorOf(5, "'; DROP TABLE customer; --")).sql())
                .isEqualTo("TRUE");
        assertThat(new Where().after(updated, "MTIzOmZvbw").sql()).as("123:foo").isEqualTo("TRUE");
    }

    @Test
    void aNameSearchBindsItsTermAndComposes() {
        Where where = new Where();
        where.add("(" + where.nameMatch("c.name", " 张三 ") + " OR c.code = :code)", "code", "X");
        assertThat(where.sql()).contains("strpos(lower(c.name), lower(:term)) > 0").endsWith(" OR c.code = :code)");
        assertThat(where.params()).containsEntry("term", "张三").containsEntry("code", "X");
    }
}
