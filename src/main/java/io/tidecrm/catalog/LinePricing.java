package io.tidecrm.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The product lines of opportunities and contracts, priced the same way wherever they are
 * stored: the unit price defaults to the catalog's, the discount to none, each line total and the
 * total are computed here whatever the client sent, and a disabled product is refused on new
 * lines. What is refused comes back as {@link Refusal}s that the calling module turns into its own
 * messages (its key prefix + {@link Problem#key()}).
 */
@Component
public class LinePricing {

    /** The largest amount numeric(14, 2) holds. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final CatalogManagement catalog;

    public LinePricing(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    /** Why a line or the total was refused; {@link #key()} is the message key after the module's prefix. */
    public enum Problem {
        PRODUCT_REQUIRED("line.product.required"),
        PRODUCT_INVALID("line.product.invalid"),
        /** The argument is the product's label. */
        PRODUCT_DISABLED("line.product.disabled"),
        QUANTITY_REQUIRED("line.quantity.required"),
        AMOUNT_TOO_LARGE("amount.tooLarge");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * A refused row or total.
     *
     * @param field the form field, e.g. {@code lines[2].quantity}; null for the whole form
     */
    public record Refusal(String field, Problem problem, Object... args) {
    }

    /**
     * The priced form rows.
     *
     * @param lines the lines of the rows that could be priced, in the order of the rows
     * @param total the sum of their totals
     * @param anyRow whether the form had any row that was not blank
     * @param refusals what was refused, rows first, in their order; empty when all is well
     */
    public record Priced(List<PricedLine> lines, BigDecimal total, boolean anyRow, List<Refusal> refusals) {
    }

    /**
     * Prices the rows of a form whose list is named {@code lines}. Blank and missing (null) rows
     * are skipped. A disabled product may stay on as many lines as it was on before the edit
     * ({@code linesPerProductBefore}, empty for a new record), no more.
     */
    public Priced price(List<? extends LineInput> rows, Map<Long, Long> linesPerProductBefore) {
        Map<Long, Long> disabledLinesLeft = new HashMap<>(linesPerProductBefore);
        Set<Long> productIds = rows.stream().filter(Objects::nonNull).map(LineInput::productId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, ProductSummary> products = catalog.findByIds(productIds);
        List<Refusal> refused = new ArrayList<>();
        List<PricedLine> lines = new ArrayList<>();
        boolean anyRow = false;
        for (int i = 0; i < rows.size(); i++) {
            LineInput row = rows.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            anyRow = true;
            String at = "lines[" + i + "].";
            ProductSummary product = row.productId() == null ? null : products.get(row.productId());
            if (row.productId() == null) {
                refused.add(new Refusal(at + "productId", Problem.PRODUCT_REQUIRED));
            } else if (product == null) {
                refused.add(new Refusal(at + "productId", Problem.PRODUCT_INVALID));
            } else if (!product.enabled() && disabledLinesLeft.merge(product.id(), -1L, Long::sum) < 0) {
                refused.add(new Refusal(at + "productId", Problem.PRODUCT_DISABLED, product.label()));
            }
            if (row.quantity() == null) {
                refused.add(new Refusal(at + "quantity", Problem.QUANTITY_REQUIRED));
            }
            if (product == null || row.quantity() == null) {
                continue;
            }
            PricedLine line = PricedLine.of(product.id(), row.quantity(),
                    row.unitPrice() == null ? product.unitPrice() : row.unitPrice(),
                    row.discount() == null ? BigDecimal.ZERO : row.discount());
            if (line.lineTotal().compareTo(MAX_AMOUNT) > 0) {
                refused.add(new Refusal(at + "quantity", Problem.AMOUNT_TOO_LARGE));
            }
            lines.add(line);
        }
        BigDecimal total = lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_AMOUNT) > 0) {
            refused.add(new Refusal(null, Problem.AMOUNT_TOO_LARGE));
        }
        return new Priced(List.copyOf(lines), total, anyRow, List.copyOf(refused));
    }

    /**
     * The products a line may name: the enabled ones, and those of the record's lines that were
     * disabled since (they stay on the lines that had them).
     *
     * @param productIdsOnLines the products on the record's lines; empty for a new record
     */
    public List<ProductSummary> choices(Collection<Long> productIdsOnLines) {
        List<ProductSummary> enabled = catalog.findEnabled();
        if (productIdsOnLines.isEmpty()) {
            return enabled;
        }
        Set<Long> offered = enabled.stream().map(ProductSummary::id).collect(Collectors.toCollection(HashSet::new));
        List<ProductSummary> kept = catalog.findByIds(productIdsOnLines).values().stream()
                .filter(p -> !offered.contains(p.id())).toList();
        return Stream.concat(enabled.stream(), kept.stream()).toList();
    }

    /** The lines as pages show them, with the products read in one query, disabled ones included. */
    public List<LineView> views(List<PricedLine> lines) {
        Map<Long, ProductSummary> products = catalog.findByIds(lines.stream().map(PricedLine::productId).toList());
        return lines.stream().map(l -> {
            ProductSummary p = products.get(l.productId());
            return new LineView(p == null ? "#" + l.productId() : p.label(), p == null ? "" : p.unit(),
                    p != null && p.enabled(), l.quantity(), l.unitPrice(), l.discountPercent(), l.lineTotal());
        }).toList();
    }
}
