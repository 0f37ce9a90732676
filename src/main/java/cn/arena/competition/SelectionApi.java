package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Competitions whose contestants enter one by one and are selected through a province (contract: "Multi-stage
 * selection: Jiangsu HRSS 2020"): entries, the city selection, the interview, composite standings and later teams.
 * Sittings, advancement and awards share their paths with team competitions and are routed here by {@link CompetitionApi}.
 */
@RestController
@RequestMapping("/api/v1")
class SelectionApi {

    record NewContestant(@Nullable Long personId) {}

    record Imported(int imported) {}

    record InterviewScore(@Nullable BigDecimal points, @Nullable String reason) {}

    /** {@code team}: the county (org unit) the province names when county teams are tied for first (409 TEAM_TIE otherwise). */
    record Publish(@Nullable String reason) {}

    record TeamRequest(@Nullable Long alternate, @Nullable List<Long> cityMembers, @Nullable Long team) {}

    private final Contestants contestants;
    private final ProvincialSelection selection;
    private final InterviewScores interviews;
    private final CompositeStandings standings;
    private final SelectionAwards awards;
    private final SelectionLists lists;
    private final Stages stages;

    SelectionApi(Contestants contestants, ProvincialSelection selection, InterviewScores interviews, CompositeStandings standings,
            SelectionAwards awards, SelectionLists lists, Stages stages) {
        this.awards = awards;
        this.lists = lists;
        this.contestants = contestants;
        this.selection = selection;
        this.interviews = interviews;
        this.standings = standings;
        this.stages = stages;
    }

    @PostMapping("/competitions/{id}/contestants")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    @Operation(summary = "Enter a person of the caller's scope as a contestant, in their field (county, city level or province level)")
    Contestants.ContestantView enter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody NewContestant body) {
        return contestants.enter(user, id, body.personId());
    }

    @GetMapping("/competitions/{id}/contestants")
    @OrganizerOnly
    @Operation(summary = "Contestants in the caller's scope, or of one unit's subtree (ID numbers masked)")
    CompetitionApi.Items<Contestants.ContestantView> contestants(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Long orgUnitId) {
        return new CompetitionApi.Items<>(contestants.list(user, id, orgUnitId));
    }

    @DeleteMapping("/competitions/{id}/contestants/{personId}")
    @OrganizerOnly
    @Operation(summary = "Withdraw a contestant of the caller's scope before the deadline")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long personId) {
        contestants.withdraw(user, id, personId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/competitions/{id}/fields")
    @OrganizerOnly
    @Operation(summary = "Every field in the caller's scope with its contestant count against the minimum")
    CompetitionApi.Items<Contestants.FieldCount> fields(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return new CompetitionApi.Items<>(contestants.fieldCounts(user, id));
    }

    @PostMapping("/competitions/{id}/exclusions/import")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    @Operation(summary = "Import the ineligibility list (xlsx: 姓名, 身份证号, 原因), all rows or none")
    Imported importExclusions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return new Imported(contestants.importExclusions(user, id, Spreadsheet.read(file.getInputStream(), file.getSize())));
    }

    @PostMapping("/competitions/{id}/entries/close")
    @OrganizerOnly
    @Operation(summary = "Close the entries when every field has its minimum (422 FIELD_MINIMUM per short field otherwise)")
    Map<String, Object> closeEntries(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        contestants.closeEntries(user, id);
        return Map.of("closed", true);
    }

    @GetMapping("/stages/{stageId}/selection")
    @OrganizerOnly
    @Operation(summary = "Who the city round selected per city: county teams, individuals, team members skipped (递补); the province level")
    ProvincialSelection.Selection selection(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return selection.selection(user, stageId);
    }

    @PutMapping("/stages/{stageId}/scores/{personId}")
    @Operation(summary = "A judge's interview score of one contestant (0 to the template's maximum); 409 RECUSAL for the judge's own city")
    ResponseEntity<Void> score(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @PathVariable long personId,
            @RequestBody InterviewScore body) {
        interviews.score(user, stageId, personId, body.points(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stages/{stageId}/interview")
    @Operation(summary = "A judge's interview session: the contestants in order, the judge's own scores, who the judge is recused for")
    InterviewScores.Session session(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return interviews.session(user, stageId);
    }

    @PostMapping("/stages/{stageId}/panel/close")
    @OrganizerOnly
    @Operation(summary = "Close the interview panel: a score entered or changed afterwards needs a reason")
    ResponseEntity<Void> closePanel(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        interviews.closePanel(user, stageId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/competitions/{id}/composite")
    @OrganizerOnly
    @Operation(summary = "Composite standings: individuals with their three parts, county teams and cities, ranked across the province")
    CompositeStandings.Composite composite(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return standings.composite(user, id);
    }

    @GetMapping("/competitions/{id}/contestants.xlsx")
    @OrganizerOnly
    @Operation(summary = "The contestants and the fields against the minimum as xlsx, with the pipeline page's columns")
    ResponseEntity<byte[]> contestantsXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Spreadsheet.download(lists.contestantsXlsx(user, id), "contestants.xlsx");
    }

    @GetMapping("/stages/{stageId}/selection.xlsx")
    @OrganizerOnly
    @Operation(summary = "The selection per city (one sheet a city: teams, individuals, who came in and who was skipped, and why) as xlsx")
    ResponseEntity<byte[]> selectionXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return Spreadsheet.download(lists.selectionXlsx(user, stageId), "selection.xlsx");
    }

    @GetMapping("/competitions/{id}/composite.xlsx")
    @OrganizerOnly
    @Operation(summary = "The composite standings with their three parts, the county teams and the cities as xlsx")
    ResponseEntity<byte[]> compositeXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Spreadsheet.download(lists.compositeXlsx(user, id), "composite.xlsx");
    }

    @GetMapping("/stages/{stageId}/team.xlsx")
    @OrganizerOnly
    @Operation(summary = "The regional or national team named so far as xlsx")
    ResponseEntity<byte[]> teamXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return Spreadsheet.download(lists.teamXlsx(user, stageId), "team.xlsx");
    }

    @PostMapping("/competitions/{id}/awards/publish")
    @OrganizerOnly
    @Operation(summary = "Publish the awards as they stand (freezes them); publishing again needs a reason; 409 while a composite is missing")
    CompositeStandings.Awards publishAwards(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody(required = false)
            @Nullable Publish body) {
        return awards.publish(user, id, body == null ? null : body.reason(), null);
    }

    @GetMapping("/competitions/{id}/awards/publication")
    @OrganizerOnly
    @Operation(summary = "When and by whom the awards were published, with the reason of a publication made again (404 before publishing)")
    SelectionStore.Publication publication(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return awards.publication(user, id).orElseThrow(Refusal::notFound);
    }

    @PostMapping("/stages/{stageId}/team")
    @OrganizerOnly
    @Operation(summary = "Name the regional team ({alternate}, and {team} when county teams tie for first) or the national team ({cityMembers})")
    Object team(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestBody TeamRequest body) {
        Stages.StageOf s = stages.managed(user, stageId);
        if (s.stage().code().equals(s.competition().selection().national().stage())) {
            return standings.nationalTeam(user, stageId, body.cityMembers());
        }
        return standings.regionalTeam(user, stageId, body.team(), body.alternate());
    }
}
