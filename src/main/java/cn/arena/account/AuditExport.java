package cn.arena.account;

import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Times;
import cn.arena.shared.Violation;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.Operation;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as xlsx for admins (newest first, filtered as the audit page is); the export is itself audited. */
@RestController
class AuditExport {

    /** Entries shown on the audit page. */
    static final int PAGE_ROWS = 200;
    /** Most entries in one export. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private final AuditLog audit;
    private final Times times;

    AuditExport(AuditLog audit, Times times) {
        this.audit = audit;
        this.times = times;
    }

    /**
     * The filter as the audit page and the export take it: an action code, an outcome, and the days from and to
     * ({@code 2026-12-01}, both included) in arena.zone; blank is any. An unreadable value is refused on its field.
     */
    static AuditLog.Query query(@Nullable String action, @Nullable String outcome, @Nullable String from, @Nullable String to,
            ZoneId zone) {
        List<Violation> problems = new ArrayList<>();
        AuditLog.Outcome result = null;
        if (!blank(outcome)) {
            try {
                result = AuditLog.Outcome.valueOf(outcome.strip());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.field("outcome", "account.audit.badOutcome", outcome.strip()));
            }
        }
        LocalDate first = day(from, "from", problems);
        LocalDate last = day(to, "to", problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return new AuditLog.Query(blank(action) ? null : action.strip(), result,
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static @Nullable LocalDate day(@Nullable String text, String field, List<Violation> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(Violation.field(field, "account.audit.badDay", text.strip()));
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    @GetMapping("/api/v1/audit.xlsx")
    @Operation(summary = "The audit log as xlsx (admins only)")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String outcome, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        AuditLog.Query query = query(action, outcome, from, to, times.zone());
        List<AuditLog.Entry> entries = audit.find(query, MAX_EXPORT_ROWS);
        byte[] xlsx;
        try (Spreadsheet.Writer writer = new Spreadsheet.Writer()) {
            writer.sheet("审计日志", List.of("编号", "时间", "操作人", "操作", "对象", "详情", "来源地址", "结果"));
            for (AuditLog.Entry e : entries) {
                writer.row(java.util.Arrays.asList(e.id(), times.shownSeconds(e.at()), e.actor(), e.action(), e.target(), e.detail(),
                        Address.readable(e.address()), e.outcome().name()));
            }
            xlsx = writer.toBytes();
        }
        audit.record("AUDIT_EXPORTED", query.action(), "rows=" + entries.size());
        return Spreadsheet.download(xlsx, "audit.xlsx");
    }
}
