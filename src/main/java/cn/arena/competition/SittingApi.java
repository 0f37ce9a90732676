package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stage's sittings after they are made: the list, one sitting with its seats, its sign-in sheet and admission slips,
 * passwords given anew, and what advancing the stage would do. Creating a sitting stays in {@link CompetitionApi}.
 */
@RestController
@RequestMapping("/api/v1")
@OrganizerOnly
class SittingApi {

    record Reissued(List<Sittings.ReissuedPassword> accounts) {}

    private final Sittings sittings;
    private final SittingSheets sheets;
    private final StageAdvancement advancement;

    SittingApi(Sittings sittings, SittingSheets sheets, StageAdvancement advancement) {
        this.sittings = sittings;
        this.sheets = sheets;
        this.advancement = advancement;
    }

    @GetMapping("/stages/{stageId}/sittings")
    @Operation(summary = "The sittings of a stage, each with its exam's title, unit kinds and number of candidates")
    CompetitionApi.Items<Sittings.SittingSummary> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return new CompetitionApi.Items<>(sittings.sittings(user, stageId));
    }

    @GetMapping("/sittings/{id}")
    @Operation(summary = "One sitting with its candidates by room and seat (names, units, usernames; never passwords)")
    Sittings.SittingDetail sitting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return sittings.sitting(user, id);
    }

    @PostMapping("/sittings/{id}/passwords")
    @Operation(summary = "Give every candidate of the sitting a new one-time password, shown only in this response; the old ones stop working")
    Reissued reissueAll(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return reissued(user, id, null);
    }

    @PostMapping("/sittings/{id}/seats/{personId}/password")
    @Operation(summary = "Give one candidate of the sitting a new one-time password, shown only in this response; the old one stops working")
    Reissued reissueOne(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long personId) {
        return reissued(user, id, personId);
    }

    @GetMapping("/sittings/{id}/sign-in-sheet.xlsx")
    @Operation(summary = "The sitting's sign-in sheet (签到表) as xlsx, by room and seat")
    ResponseEntity<byte[]> signInSheet(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Spreadsheet.download(sheets.signInSheet(sittings.sitting(user, id)), "sign-in-sheet-" + id + ".xlsx");
    }

    @GetMapping("/sittings/{id}/admission-slips.xlsx")
    @Operation(summary = "The sitting's admission slips (准考证) as xlsx, one row a candidate")
    ResponseEntity<byte[]> admissionSlips(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Spreadsheet.download(sheets.admissionSlips(sittings.sitting(user, id)), "admission-slips-" + id + ".xlsx");
    }

    @GetMapping("/stages/{stageId}/advance/preview")
    @Operation(summary = "What advancing the stage would do: the teams above the cut line, and why none can advance yet if so")
    StageAdvancement.Preview advancePreview(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return advancement.preview(user, stageId);
    }

    private Reissued reissued(CurrentUser user, long id, @Nullable Long personId) {
        return new Reissued(sittings.reissuePasswords(user, id, personId));
    }
}
