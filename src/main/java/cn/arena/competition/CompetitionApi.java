package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.org.StaffCategories;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/** Competitions, registration, stages and awards on the JSON API (contract: "Competitions (竞赛)"). */
@RestController
@RequestMapping("/api/v1")
class CompetitionApi {

    static final String STAFF_OR_CONTACT = "hasAnyRole('ADMIN','ORGANIZER','UNIT_CONTACT')";

    record Items<T>(List<T> items) {}

    record TemplateSummary(String code, String name) {}

    record NewCompetition(@Nullable String template, @Nullable String name, @Nullable Long orgUnitId,
            @Nullable OffsetDateTime registrationDeadline) {}

    record StageView(long id, String code, StageKind kind, String name) {}

    record Created(long id, List<StageView> stages) {}

    record CompetitionSummary(long id, String name, String template, long orgUnitId, Instant registrationDeadline) {}

    record CompetitionDetail(long id, String name, String template, long orgUnitId, String unitName, Instant registrationDeadline,
            boolean manageable, List<String> organizers, List<CompetitionTemplate.CommitteeMember> committee,
            List<CompetitionTemplate.TimelineEntry> timeline, List<StageView> stages, @Nullable CompetitionRules rules,
            @Nullable SelectionRules selection) {}

    record NewExclusion(@Nullable String idNumber, @Nullable String reason) {}

    record ExclusionView(long id, String idNumber, String reason) {}

    record TeamStatus(long id, String status) {}

    record Reason(@Nullable String reason) {}

    /** {@code orgUnitId}: the unit whose fields a sitting of a province's selection seats (instead of {@code unitKinds}). */
    record NewSitting(@Nullable Long examId, @Nullable List<String> unitKinds, @Nullable List<Sittings.Room> rooms, @Nullable Long orgUnitId) {}

    record Advanced(List<Long> advanced) {}

    record Finalists(@Nullable List<Long> personIds) {}

    record Judges(@Nullable List<String> usernames) {}

    record Panel(int judges) {}

    record Score(@Nullable BigDecimal score, @Nullable String note) {}

    private final CompetitionTemplates templates;
    private final Competitions competitions;
    private final Registration registration;
    private final Sittings sittings;
    private final StageStandings standings;
    private final StageAdvancement advancement;
    private final StageScores scores;
    private final CompetitionAwards awards;
    private final StageJudges judges;
    private final ProvincialSelection selection;
    private final SelectionAwards selectionAwards;
    private final StaffCategories categories;
    private final Messages messages;
    private final AuditLog audit;

    CompetitionApi(CompetitionTemplates templates, Competitions competitions, Registration registration, Sittings sittings,
            StageStandings standings, StageAdvancement advancement, StageScores scores, CompetitionAwards awards,
            StageJudges judges, ProvincialSelection selection, SelectionAwards selectionAwards, StaffCategories categories,
            Messages messages, AuditLog audit) {
        this.selection = selection;
        this.selectionAwards = selectionAwards;
        this.messages = messages;
        this.audit = audit;
        this.templates = templates;
        this.competitions = competitions;
        this.registration = registration;
        this.sittings = sittings;
        this.standings = standings;
        this.advancement = advancement;
        this.scores = scores;
        this.awards = awards;
        this.judges = judges;
        this.categories = categories;
    }

    @GetMapping("/competition-templates")
    @Operation(summary = "Competition templates a competition can be created from")
    @OrganizerOnly
    Items<TemplateSummary> templates() {
        return new Items<>(templates.all().stream().map(t -> new TemplateSummary(t.code(), t.name())).toList());
    }

    @PostMapping("/competitions")
    @Operation(summary = "Create a competition from a template")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewCompetition body) {
        Competitions.Competition c = competitions.create(user, body.template(), body.name(), body.orgUnitId(),
                body.registrationDeadline() == null ? null : body.registrationDeadline().toInstant());
        return new Created(c.id(), stageViews(c));
    }

    @GetMapping("/competitions")
    @Operation(summary = "Competitions the caller may see")
    @PreAuthorize(STAFF_OR_CONTACT)
    Items<CompetitionSummary> list(@AuthenticationPrincipal CurrentUser user) {
        return new Items<>(competitions.visibleTo(user).stream()
                .map(c -> new CompetitionSummary(c.id(), c.name(), c.templateCode(), c.orgUnitId(), c.registrationDeadline())).toList());
    }

    @GetMapping("/competitions/{id}")
    @Operation(summary = "One competition with its stages and rules")
    @PreAuthorize(STAFF_OR_CONTACT)
    CompetitionDetail get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return detail(user, competitions.get(user, id));
    }

    CompetitionDetail detail(CurrentUser user, Competitions.Competition c) {
        return new CompetitionDetail(c.id(), c.name(), c.templateCode(), c.orgUnitId(), registration.unitName(c.orgUnitId()),
                c.registrationDeadline(), competitions.canManage(user, c.orgUnitId()), c.template().organizers(),
                c.template().committee(), c.template().timeline(), stageViews(c), c.template().rules(), c.template().selection());
    }

    @PostMapping("/competitions/{id}/exclusions")
    @Operation(summary = "Exclude a person from the competition, with a reason")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    Map<String, Object> exclude(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody NewExclusion body) {
        competitions.exclude(user, id, body.idNumber(), body.reason());
        return Map.of("competitionId", id);
    }

    @GetMapping("/competitions/{id}/exclusions")
    @Operation(summary = "People excluded from the competition")
    @OrganizerOnly
    Items<ExclusionView> exclusions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return new Items<>(competitions.exclusions(user, id).stream()
                .map(e -> new ExclusionView(e.id(), e.maskedIdNumber(), e.reason())).toList());
    }

    @PostMapping("/competitions/{id}/teams")
    @Operation(summary = "Register the caller's unit's team")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(STAFF_OR_CONTACT)
    TeamStatus register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Registration.TeamEntry body) {
        var team = registration.register(user, id, new Registration.TeamEntry(body.orgUnitId(), body.contactName(), body.contactPhone(),
                body.members() == null ? List.of() : body.members()));
        return new TeamStatus(team.id(), team.status());
    }

    /** The filled registration form; problems come back on the form's rows and columns. */
    @PostMapping("/competitions/{id}/teams/import")
    @Operation(summary = "Register a team from a filled-in registration form (xlsx)")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(STAFF_OR_CONTACT)
    TeamStatus importForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "orgUnitId", required = false) @Nullable Long orgUnitId) throws IOException {
        var team = registration.importForm(user, id, orgUnitId, file.getInputStream(), file.getSize());
        return new TeamStatus(team.id(), team.status());
    }

    @GetMapping("/competitions/{id}/registration-form.xlsx")
    @Operation(summary = "The competition's registration form as xlsx")
    @PreAuthorize(STAFF_OR_CONTACT)
    ResponseEntity<byte[]> registrationForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Competitions.Competition c = competitions.get(user, id);
        return Spreadsheet.download(RegistrationForm.blank(c.name() + "报名表", categories.all()), "registration-form.xlsx");
    }

    @GetMapping("/competitions/{id}/teams")
    @Operation(summary = "Teams registered for the competition")
    @PreAuthorize(STAFF_OR_CONTACT)
    Items<Registration.TeamView> teams(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return new Items<>(registration.teams(user, id));
    }

    @GetMapping("/teams/{id}")
    @Operation(summary = "One team with its members and status")
    @PreAuthorize(STAFF_OR_CONTACT)
    Registration.TeamView team(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return registration.get(user, id);
    }

    @PostMapping("/teams/{id}/approve")
    @Operation(summary = "Approve a registered team")
    @OrganizerOnly
    TeamStatus approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var team = registration.approve(user, id);
        return new TeamStatus(team.id(), team.status());
    }

    @PostMapping("/teams/{id}/reject")
    @Operation(summary = "Reject a registered team, with a reason")
    @OrganizerOnly
    TeamStatus reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
        var team = registration.reject(user, id, body == null ? null : body.reason());
        return new TeamStatus(team.id(), team.status());
    }

    @PostMapping("/teams/{id}/withdraw")
    @Operation(summary = "Withdraw a team from the competition")
    @PreAuthorize(STAFF_OR_CONTACT)
    TeamStatus withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        var team = registration.withdraw(user, id);
        return new TeamStatus(team.id(), team.status());
    }

    @PostMapping("/stages/{stageId}/sittings")
    @Operation(summary = "Create a sitting of a stage: an exam with accounts, rooms and seats for its members")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    Sittings.SittingCreated sitting(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestBody NewSitting body) {
        if (selection.handles(stageId)) {
            return selection.sitting(user, stageId, body.examId(), body.orgUnitId());
        }
        return sittings.createSitting(user, stageId, body.examId(), body.unitKinds(), body.rooms());
    }

    @GetMapping("/stages/{stageId}/standings")
    @Operation(summary = "The stage's standings: teams and members with their scores and ranks")
    @PreAuthorize(STAFF_OR_CONTACT)
    StageStandings.Standings standings(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return standings.standings(user, stageId);
    }

    @PostMapping("/stages/{stageId}/advance")
    @Operation(summary = "Advance teams to the next stage by the stage's rule")
    @OrganizerOnly
    Advanced advance(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        return new Advanced(selection.handles(stageId) ? selection.advance(user, stageId) : advancement.advance(user, stageId));
    }

    @PostMapping("/stages/{stageId}/judges")
    @Operation(summary = "Appoint judges to the panel of a stage scored by people, by username (JUDGE accounts)")
    @OrganizerOnly
    Panel judges(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestBody Judges body) {
        return new Panel(judges.appoint(user, stageId, body.usernames()));
    }

    @PutMapping("/stages/{stageId}/teams/{teamId}/members")
    @Operation(summary = "Name a team's finalists for the stage")
    @OrganizerOnly
    ResponseEntity<Void> finalists(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @PathVariable long teamId,
            @RequestBody Finalists body) {
        advancement.nameFinalists(user, stageId, teamId, body.personIds());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/stages/{stageId}/teams/{teamId}/score")
    @Operation(summary = "Enter a team's score for a stage marked off-line")
    @OrganizerOnly
    ResponseEntity<Void> score(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @PathVariable long teamId,
            @RequestBody Score body) {
        scores.enterScore(user, stageId, teamId, body.score(), body.note());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/competitions/{id}/awards")
    @Operation(summary = "The competition's awards by tier (a province's selection: the published awards, before publishing the preview)")
    @PreAuthorize(STAFF_OR_CONTACT)
    Object awards(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        if (competitions.get(user, id).entersContestants()) {
            return selectionAwards.awards(user, id);
        }
        return awards.awards(user, id);
    }

    @GetMapping("/competitions/{id}/awards.xlsx")
    @Operation(summary = "The competition's awards as xlsx")
    @PreAuthorize(STAFF_OR_CONTACT)
    ResponseEntity<byte[]> awardsXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        if (competitions.get(user, id).entersContestants()) {
            return Spreadsheet.download(selectionAwards.awardsXlsx(user, id), "awards.xlsx");
        }
        CompetitionAwards.Awards awards = this.awards.awards(user, id);
        try (var writer = new Spreadsheet.Writer()) {
            String award = messages.get("competition.page.award");
            String rank = messages.get("competition.page.rank");
            String unit = messages.get("competition.page.unit");
            String score = messages.get("competition.page.score");
            writer.sheet(messages.get("competition.xlsx.individual"), List.of(award, rank, messages.get("competition.form.name"), unit, score));
            awards.individual().forEach(a -> writer.row(List.of(awardName(a.award()), a.rank(), a.name(), a.unitName(), a.score())));
            writer.sheet(messages.get("competition.xlsx.team"), List.of(award, rank, unit, score));
            awards.team().forEach(a -> writer.row(List.of(awardName(a.award()), a.rank(), a.unitName(), a.score())));
            audit.record("AWARDS_EXPORTED", "competition:" + id, null);
            return Spreadsheet.download(writer.toBytes(), "awards.xlsx");
        }
    }

    private String awardName(Award award) {
        return messages.get("competition.award." + award.name());
    }

    static List<StageView> stageViews(Competitions.Competition c) {
        return c.stages().stream().map(s -> new StageView(s.id(), s.code(), s.kind(), s.name())).toList();
    }

}
