package io.tidecrm.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.catalog.LinePricing.Problem;
import org.junit.jupiter.api.Test;

/** The pricing that opportunities and contracts share, without a database. */
class LinePricingTests {

    private static final ProductSummary BASIC = new ProductSummary(1, "Basic", "SaaS", new BigDecimal("3980.00"),
            "年", "", true);
    private static final ProductSummary OLD = new ProductSummary(2, "Old", "SaaS", new BigDecimal("100.00"), "年", "",
            false);

    private final LinePricing pricing = new LinePricing(new Catalog(BASIC, OLD));

    record Row(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) implements LineInput {
    }

    @Test
    void defaultsTheUnitPriceAndRoundsHalfUpToTheFen() {
        LinePricing.Priced priced = pricing.price(Arrays.asList(
                new Row(1L, new BigDecimal("1.5"), null, new BigDecimal("12.5")),
                null,
                new Row(null, null, null, null),
                new Row(1L, new BigDecimal("3"), new BigDecimal("0.335"), null)), Map.of());

        assertThat(priced.refusals()).isEmpty();
        assertThat(priced.anyRow()).isTrue();
        assertThat(priced.lines()).containsExactly(
                new PricedLine(1, new BigDecimal("1.50"), new BigDecimal("3980.00"), new BigDecimal("12.50"),
                        new BigDecimal("5223.75")),
                new PricedLine(1, new BigDecimal("3.00"), new BigDecimal("0.34"), new BigDecimal("0.00"),
                        new BigDecimal("1.01")));
        assertThat(priced.total()).isEqualByComparingTo("5224.76");
    }

    @Test
    void refusesDisabledProductsOnNewLinesOnly() {
        List<Row> rows = List.of(new Row(2L, BigDecimal.ONE, null, null), new Row(2L, BigDecimal.ONE, null, null));

        assertThat(pricing.price(rows, Map.of(2L, 1L)).refusals())
                .extracting(LinePricing.Refusal::field, LinePricing.Refusal::problem)
                .containsExactly(tuple("lines[1].productId", Problem.PRODUCT_DISABLED));
        assertThat(pricing.price(rows, Map.of(2L, 2L)).refusals()).isEmpty();
    }

    @Test
    void namesWhatIsMissingOrTooLarge() {
        LinePricing.Priced priced = pricing.price(List.of(new Row(null, BigDecimal.ONE, null, null),
                new Row(99L, null, null, null), new Row(1L, new BigDecimal("1000000000"), null, null)), Map.of());

        assertThat(priced.refusals()).extracting(LinePricing.Refusal::field, LinePricing.Refusal::problem)
                .containsExactly(tuple("lines[0].productId", Problem.PRODUCT_REQUIRED),
                        tuple("lines[1].productId", Problem.PRODUCT_INVALID),
                        tuple("lines[1].quantity", Problem.QUANTITY_REQUIRED),
                        tuple("lines[2].quantity", Problem.AMOUNT_TOO_LARGE),
                        tuple(null, Problem.AMOUNT_TOO_LARGE));
        assertThat(pricing.price(List.of(new Row(null, null, null, null)), Map.of()).anyRow()).isFalse();
    }

    @Test
    void offersEnabledProductsAndThoseAlreadyOnTheLines() {
        assertThat(pricing.choices(List.of())).containsExactly(BASIC);
        assertThat(pricing.choices(List.of(2L, 1L))).containsExactly(BASIC, OLD);
    }

    private record Catalog(ProductSummary... products) implements CatalogManagement {

        @Override
        public List<ProductSummary> findAll() {
            return List.of(products);
        }

        @Override
        public List<ProductSummary> findEnabled() {
            return Arrays.stream(products).filter(ProductSummary::enabled).toList();
        }

        @Override
        public Optional<ProductSummary> findById(long id) {
            return Arrays.stream(products).filter(p -> p.id() == id).findFirst();
        }

        @Override
        public Map<Long, ProductSummary> findByIds(Collection<Long> ids) {
            return Arrays.stream(products).filter(p -> ids.contains(p.id()))
                    .collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        }
    }
}
