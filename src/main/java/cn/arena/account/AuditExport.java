package cn.arena.account;

import cn.arena.shared.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as xlsx for admins (newest first, optionally one action); the export is itself audited. */
@RestController
class AuditExport {

    /** Entries shown on the audit page. */
    static final int PAGE_ROWS = 200;
    /** Most entries in one export. */
    static final int MAX_EXPORT_ROWS = 100_000;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(ZoneId.of("Asia/Shanghai"));

    private final AuditLog audit;

    AuditExport(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit.xlsx")
    @Operation(summary = "The audit log as xlsx (admins only)")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String action) {
        String filter = action == null || action.isBlank() ? null : action.strip();
        List<AuditLog.Entry> entries = audit.recent(MAX_EXPORT_ROWS, filter);
        byte[] xlsx;
        try (Spreadsheet.Writer writer = new Spreadsheet.Writer()) {
            writer.sheet("审计日志", List.of("编号", "时间", "操作人", "操作", "对象", "详情", "来源地址", "结果"));
            for (AuditLog.Entry e : entries) {
                writer.row(java.util.Arrays.asList(e.id(), SHOWN.format(e.at()), e.actor(), e.action(), e.target(), e.detail(),
                        e.address(), e.outcome().name()));
            }
            xlsx = writer.toBytes();
        }
        audit.record("AUDIT_EXPORTED", filter, "rows=" + entries.size());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit.xlsx").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(xlsx);
    }
}
