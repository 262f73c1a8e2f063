package io.tidecrm.support;

import com.microsoft.playwright.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Catalog products for a test: the seven of the migrations, by name, and new ones of a test's own
 * (category 测试, so that they never collide with the seeded ones).
 */
@Component
public class CatalogFixtures {

    private final JdbcClient jdbc;

    public CatalogFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 句客宝 基础版, 4,980.00 a set. */
    public long basicEdition() {
        return productId("句客宝", "基础版");
    }

    /** 句客宝 会话存档, 500.00 a seat. */
    public long sessionArchive() {
        return productId("句客宝", "会话存档");
    }

    /**
     * Fills the first two line rows of an opportunity or contract form in the browser: 2 × 基础版
     * at 10 % off and 3 × 会话存档, which the server totals to ¥10,464.00.
     */
    public void fillTwoLines(Page form) {
        form.locator("select[name='lines[0].productId']").selectOption(String.valueOf(basicEdition()));
        form.locator("input[name='lines[0].quantity']").fill("2");
        form.locator("input[name='lines[0].discount']").fill("10");
        form.locator("select[name='lines[1].productId']").selectOption(String.valueOf(sessionArchive()));
        form.locator("input[name='lines[1].quantity']").fill("3");
    }

    /** A product of the catalog by its category and name. */
    public long productId(String category, String name) {
        return jdbc.sql("SELECT id FROM product WHERE category = ? AND name = ?").params(category, name)
                .query(Long.class).single();
    }

    /** A new enabled product of a test's own at this unit price, named prefix + a unique number. */
    public long insertProduct(String prefix, String unitPrice) {
        return jdbc.sql("INSERT INTO product (name, category, unit_price, unit) VALUES (?, '测试', ?, '个') RETURNING id")
                .params(prefix + System.nanoTime(), new java.math.BigDecimal(unitPrice)).query(Long.class).single();
    }
}
