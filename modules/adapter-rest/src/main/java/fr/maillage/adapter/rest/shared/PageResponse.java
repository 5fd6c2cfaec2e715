package fr.maillage.adapter.rest.shared;

import fr.maillage.application.shared.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, the 0-based page number, the page size, and the totals. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }
}
