package cn.arena.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A refusal as a page shows it, in the request's language: one entry per violation (where it is and why), or the
 * refusal's own message when it names no violation. Every page renders refusals through this, so a form, an upload
 * and an htmx fragment word the same refusal the same way.
 */
public record PageErrors(List<Entry> entries) {

    /** One reason: the form field or the spreadsheet row and column it belongs to (any may be absent), and the text. */
    public record Entry(@Nullable String field, @Nullable Integer row, @Nullable String column, String message) {}

    public static PageErrors of(Refusal refusal, Messages messages) {
        if (refusal.violations().isEmpty()) {
            return new PageErrors(List.of(new Entry(null, null, null, messages.get(refusal.messageKey(), refusal.args()))));
        }
        return new PageErrors(refusal.violations().stream()
                .map(v -> new Entry(v.field(), v.row(), v.column(), messages.of(v))).toList());
    }

    /** The messages shown beside the fields of {@code formFields}, merged per field. */
    public Map<String, String> byField(Set<String> formFields) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.row() == null && e.field() != null && formFields.contains(e.field())) {
                byField.merge(e.field(), e.message(), (a, b) -> a + " " + b);
            }
        }
        return byField;
    }

    /** The messages shown as a list above a form: all but those of {@code formFields}, a spreadsheet cell named by row and column. */
    public List<String> listed(Set<String> formFields, Messages messages) {
        List<String> listed = new ArrayList<>();
        for (Entry e : entries) {
            if (e.row() != null) {
                listed.add(messages.get("error.cell", e.row(), e.column() == null ? "" : e.column(), e.message()));
            } else if (e.field() == null || !formFields.contains(e.field())) {
                listed.add(e.message());
            }
        }
        return listed;
    }

    public List<String> listed(Messages messages) {
        return listed(Set.of(), messages);
    }
}
