package io.tidecrm.integration.api;

/** The page size a caller asks for with {@code limit}: 20 by default, at most 100. */
final class PageSize {

    static final int DEFAULT = 20;
    static final int MAX = 100;

    private PageSize() {
    }

    static int of(Integer limit) {
        return limit == null || limit < 1 ? DEFAULT : Math.min(limit, MAX);
    }
}
