package cn.arena.paper;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The blueprint preview the exam form calls before saving: what the banks can supply per section. */
@RestController
@RequestMapping("/api/v1/papers")
@OrganizerOnly
class PaperApi {

    record PreviewRequest(@Nullable List<Long> bankIds, @Nullable List<Section> sections, @Nullable BankShare bankShare) {}

    record PreviewResponse(boolean feasible, int items, java.math.BigDecimal totalPoints, List<Supply.SectionSupply> sections,
            Supply.@Nullable ShareSupply share) {}

    private final Papers papers;

    PaperApi(Papers papers) {
        this.papers = papers;
    }

    @PostMapping("/preview")
    @Operation(summary = "Check a blueprint against the banks and preview the paper it assembles")
    PreviewResponse preview(@AuthenticationPrincipal CurrentUser user, @RequestBody PreviewRequest body) {
        List<Long> banks = body.bankIds() == null ? List.of() : body.bankIds();
        papers.checkBanks(user, banks);
        Blueprint blueprint = new Blueprint(body.sections() == null ? List.of() : body.sections(), body.bankShare());
        Supply supply = papers.supply(banks, blueprint);
        return new PreviewResponse(supply.feasible(), blueprint.itemCount(), blueprint.totalPoints(), supply.sections(), supply.share());
    }
}
