package org.exchangehub.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The current page's address, for links that change one query parameter and keep the rest (the pager, sortable
 * headers, filters). Available in every console template as {@code query}.
 */
public record ConsoleQuery(String path, String queryString) {

    static ConsoleQuery of(HttpServletRequest request) {
        return new ConsoleQuery(request.getRequestURI(), request.getQueryString());
    }

    /** This page with {@code name} set to {@code value} (removed when the value is null or blank). */
    public String with(String name, Object value) {
        UriComponentsBuilder b = builder();
        set(b, name, value);
        return b.build().toUriString();
    }

    /** This page with two parameters set. */
    public String with(String name, Object value, String otherName, Object otherValue) {
        UriComponentsBuilder b = builder();
        set(b, name, value);
        set(b, otherName, otherValue);
        return b.build().toUriString();
    }

    /** This page sorted by {@code column}: ascending first, the other way when it already is; back to the first page. */
    public String sortBy(String column, ConsolePage<?> current) {
        boolean ascending = !(column.equals(current.sort()) && current.ascending());
        UriComponentsBuilder b = builder();
        set(b, "sort", column);
        set(b, "dir", ascending ? "asc" : "desc");
        set(b, "page", null);
        return b.build().toUriString();
    }

    private UriComponentsBuilder builder() {
        // the query string is still encoded: keep it so, and encode nothing twice
        return UriComponentsBuilder.fromUriString(path + (queryString == null ? "" : "?" + queryString));
    }

    private static void set(UriComponentsBuilder b, String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            b.replaceQueryParam(name);
        } else {
            b.replaceQueryParam(name, UriComponentsBuilder.fromPath("").queryParam("v", value).encode().build()
                    .getQueryParams().getFirst("v"));
        }
    }
}
